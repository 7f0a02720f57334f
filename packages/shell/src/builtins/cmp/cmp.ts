/**
 * cmp: compare two files byte by byte, as GNU cmp does. Prints the first difference (`A B differ: byte N,
 * line L`), or with -l every differing byte (position and octal values), or nothing with -s; `-` is stdin.
 * The first-difference line says `char` in the C locale and `byte` in a UTF-8 one, as GNU's translations do.
 * Exit status: 0 same, 1 different, 2 trouble. The files are read whole (cmp is for files that fit).
 */
import type { ByteSource } from '../../sys.js';
import { options, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import { openInput, strerror } from '../text-common/text-stream.js';
import { utf8Quotes } from '../locale.js';
import type { Builtin } from '../types.js';

async function readAll(source: ByteSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let c = await source.read(); c !== null; c = await source.read()) {
    parts.push(c);
    size += c.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const cmp: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(
      io,
      { short: 'lsb', long: { verbose: { key: 'l' }, silent: { key: 's' }, quiet: { key: 's' }, 'print-bytes': { key: 'b' } } },
      2,
    );
    if (typeof parsed === 'number') return parsed;
    const [a = '', b = '-', extra] = parsed.operands;
    if (parsed.operands.length === 0) return io.usage('missing operand after \u2018cmp\u2019', 2);
    if (extra !== undefined && parsed.operands.length > 4) return io.usage(`invalid --ignore-initial value \u2018${extra}\u2019`, 2);
    const silent = has(parsed.options, 's');
    const verbose = has(parsed.options, 'l');
    const data: Uint8Array[] = [];
    for (const name of [a, b]) {
      try {
        const input = await openInput(ctx.sys, ctx.cwd, name, ctx.stdin);
        try {
          data.push(await readAll(input.source));
        } finally {
          await input.close();
        }
      } catch (e) {
        if (!silent) await io.warn(`${name}: ${strerror(e)}`);
        return 2;
      }
    }
    const [x = new Uint8Array(), y = new Uint8Array()] = data;
    const n = Math.min(x.length, y.length);
    let line = 1;
    let differ = false;
    for (let i = 0; i < n; i++) {
      const p = x[i] ?? 0;
      const q = y[i] ?? 0;
      if (p !== q) {
        differ = true;
        if (silent) return 1;
        if (!verbose) {
          // GNU cmp's C-locale message says `char`; its UTF-8 locales say `byte`.
          await io.out.text(`${a} ${b} differ: ${utf8Quotes(ctx.env) ? 'byte' : 'char'} ${i + 1}, line ${line}\n`);
          return 1;
        }
        await io.out.text(`${i + 1} ${p.toString(8)} ${q.toString(8)}\n`);
      }
      if (p === 10) line++;
    }
    if (x.length !== y.length) {
      if (!silent) {
        await io.out.flush();
        const short = x.length < y.length ? a : b;
        const lines = (x.length < y.length ? x : y).reduce((c, v) => c + (v === 10 ? 1 : 0), 0);
        await io.warn(n === 0 ? `EOF on ${short} which is empty` : `EOF on ${short} after byte ${n}, line ${lines}`);
      }
      return 1;
    }
    return differ ? 1 : 0;
  });
