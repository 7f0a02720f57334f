/**
 * tac: prints the lines of each file (or stdin) last first; it must hold a whole input. A final line without
 * a newline is printed without one, right before the line that preceded it, as GNU tac does. -s SEP uses
 * another separator; -b puts the separator before each record.
 */
import { options, runCommand } from '../fs-shared/command.js';
import { eachInput, readText, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

export const tac: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'bs:r',
      long: { before: { key: 'b' }, separator: { key: 's', arg: 'required' }, regex: { key: 'r' } },
    });
    if (typeof parsed === 'number') return parsed;
    let sep = '\n';
    let before = false;
    for (const o of parsed.options) {
      if (o.key === 's') sep = o.value ?? '\n';
      else if (o.key === 'b') before = true;
    }
    if (sep === '') return io.usage('separator cannot be empty');
    const out = new TextOut(ctx.stdout);
    const ok = await eachInput(
      ctx,
      parsed.operands,
      async (name, err, phase) =>
        io.warn(
          phase === 'open' ? `failed to open '${name}' for reading: ${strerror(err)}` : `${name}: read error: ${strerror(err)}`,
        ),
      async (source) => {
        const text = await readText(source);
        if (text === '') return;
        const parts = text.split(sep);
        if (before) {
          // Records are `sep + text`; text before the first separator stays first.
          const head = parts.shift() ?? '';
          for (let i = parts.length - 1; i >= 0; i--) out.put(sep + (parts[i] as string));
          out.put(head);
        } else {
          const tail = parts.pop() ?? '';
          out.put(tail);
          for (let i = parts.length - 1; i >= 0; i--) out.put((parts[i] as string) + sep);
        }
        await out.flush();
      },
    );
    await out.flush();
    return ok ? 0 : 1;
  });
