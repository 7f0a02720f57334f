/**
 * shuf: a random permutation of input lines, of -e arguments, or of the range -i LO-HI; -n limits the count,
 * -r draws with replacement (endless without -n), -o writes a file, -z uses NUL lines. Randomness comes from
 * `sys.randomBytes`, which the session host journals, so a replayed run repeats its choices.
 * --random-source is accepted and ignored.
 */
import { isKernelError } from '@burrow/protocol';
import { options, runCommand } from '../fs-shared/command.js';
import { resolvePath } from '../io.js';
import { openInput, readText, splitLines, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

export const shuf: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'ei:n:o:rz',
      long: {
        echo: { key: 'e' },
        'input-range': { key: 'i', arg: 'required' },
        'head-count': { key: 'n', arg: 'required' },
        output: { key: 'o', arg: 'required' },
        repeat: { key: 'r' },
        'zero-terminated': { key: 'z' },
        'random-source': { key: 'rs', arg: 'required' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    let items: string[] | null = null;
    let count = Infinity;
    let output: string | undefined;
    let repeat = false;
    let eol = '\n';
    let echo = false;
    for (const o of parsed.options) {
      const v = o.value ?? '';
      if (o.key === 'e') echo = true;
      else if (o.key === 'i') {
        const m = /^(\d+)-(\d+)$/.exec(v);
        if (m === null || Number(m[2]) + 1 < Number(m[1])) {
          await io.warn(`invalid input range: \u2018${v}\u2019`);
          return 1;
        }
        items = [];
        for (let k = Number(m[1]); k <= Number(m[2]); k++) items.push(String(k));
      } else if (o.key === 'n') {
        if (!/^\d+$/.test(v)) {
          await io.warn(`invalid line count: \u2018${v}\u2019`);
          return 1;
        }
        count = Math.min(count, Number(v));
      } else if (o.key === 'o') output = v;
      else if (o.key === 'r') repeat = true;
      else if (o.key === 'z') eol = '\0';
    }
    if (echo) items = [...parsed.operands];
    else if (items === null) {
      const name = parsed.operands[0] ?? '-';
      try {
        const input = await openInput(ctx.sys, ctx.cwd, name, ctx.stdin);
        try {
          items = splitLines(await readText(input.source), eol);
        } finally {
          await input.close().catch(() => undefined);
        }
      } catch (err) {
        if (!isKernelError(err)) throw err;
        await io.warn(`${name}: ${strerror(err)}`);
        return 1;
      }
    }
    const random = (n: number): number => {
      const b = ctx.sys.randomBytes(4);
      const x = ((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0);
      return (x >>> 0) % n;
    };
    const out = new TextOut(ctx.stdout);
    const chosen: string[] = [];
    if (repeat) {
      if (items.length === 0) {
        if (count > 0 && count !== Infinity) {
          await io.warn('no lines to repeat');
          return 1;
        }
      } else {
        for (let k = 0; k < count; k++) {
          const line = (items[random(items.length)] as string) + eol;
          if (output === undefined) {
            out.put(line);
            if (k % 1024 === 1023) {
              io.checkAbort();
              await out.flush();
            }
          } else chosen.push(line);
        }
      }
    } else {
      const n = Math.min(count, items.length);
      for (let k = 0; k < n; k++) {
        const j = k + random(items.length - k);
        const t = items[k] as string;
        items[k] = items[j] as string;
        items[j] = t;
        chosen.push(items[k] + eol);
      }
      if (output === undefined) out.put(chosen.join(''));
    }
    if (output !== undefined) {
      try {
        await ctx.sys.writeFile(resolvePath(ctx.cwd, output), new TextEncoder().encode(chosen.join('')));
      } catch (err) {
        if (!isKernelError(err)) throw err;
        await io.warn(`${output}: ${strerror(err)}`);
        return 1;
      }
    }
    await out.flush();
    return 0;
  });
