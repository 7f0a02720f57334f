/**
 * rev: reverses the characters of each line of files (or stdin), streaming line batches. Characters are code
 * points, so multi-byte text reverses by character.
 */
import { options, runCommand } from '../fs-shared/command.js';
import { eachInput, LineReader, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

const ASTRAL = /[\uD800-\uDFFF]/;

export function reverseText(s: string): string {
  if (ASTRAL.test(s)) return [...s].reverse().join('');
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

export const rev: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, { short: '' });
    if (typeof parsed === 'number') return parsed;
    const out = new TextOut(ctx.stdout);
    const ok = await eachInput(
      ctx,
      parsed.operands,
      async (name, err) => io.warn(`cannot open ${name}: ${strerror(err)}`),
      async (source) => {
        const reader = new LineReader(source);
        for (let batch = await reader.next(); batch !== null; batch = await reader.next()) {
          io.checkAbort();
          const last = batch.length - 1;
          batch.forEach((line, i) => {
            out.put(reverseText(line));
            if (i < last || !reader.missingNewline) out.put('\n');
          });
          await out.flush();
        }
      },
    );
    await out.flush();
    return ok ? 0 : 1;
  });
