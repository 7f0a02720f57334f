/**
 * comm: compares two sorted files line by line and prints three columns: lines only in the first, only in
 * the second, in both (-1 -2 -3 suppress columns; --output-delimiter replaces the TAB indent). Both inputs
 * are read whole; order is byte order, as in the C locale.
 */
import { isKernelError } from '@burrow/protocol';
import { options, runCommand } from '../fs-shared/command.js';
import { openInput, readText, splitLines, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin, CommandContext } from '../types.js';

export async function readLinesOf(ctx: CommandContext, name: string, eol = '\n'): Promise<string[]> {
  const input = await openInput(ctx.sys, ctx.cwd, name, ctx.stdin);
  try {
    return splitLines(await readText(input.source), eol);
  } finally {
    await input.close();
  }
}

export const comm: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: '123iz',
      long: { 'output-delimiter': { key: 'od', arg: 'required' }, 'check-order': { key: 'co' }, 'nocheck-order': { key: 'nco' }, 'zero-terminated': { key: 'z' }, total: { key: 'total' } },
    });
    if (typeof parsed === 'number') return parsed;
    const keys = new Set(parsed.options.map((o) => o.key));
    const delim = parsed.options.findLast((o) => o.key === 'od')?.value ?? '\t';
    const eol = keys.has('z') ? '\0' : '\n';
    const [f1, f2, extra] = parsed.operands;
    if (f1 === undefined) return io.usage('missing operand');
    if (f2 === undefined) return io.usage(`missing operand after \u2018${f1}\u2019`);
    if (extra !== undefined) return io.usage(`extra operand \u2018${extra}\u2019`);
    let a: string[];
    let b: string[];
    try {
      a = await readLinesOf(ctx, f1, eol);
    } catch (err) {
      if (!isKernelError(err)) throw err;
      await io.warn(`${f1}: ${strerror(err)}`);
      return 1;
    }
    try {
      b = await readLinesOf(ctx, f2, eol);
    } catch (err) {
      if (!isKernelError(err)) throw err;
      await io.warn(`${f2}: ${strerror(err)}`);
      return 1;
    }
    const fold = keys.has('i') ? (s: string) => s.toLowerCase() : (s: string) => s;
    const show = [!keys.has('1'), !keys.has('2'), !keys.has('3')];
    const prefix = (col: number): string => {
      let p = '';
      for (let c = 0; c < col; c++) if (show[c]) p += delim;
      return p;
    };
    const out = new TextOut(ctx.stdout);
    const counts = [0, 0, 0];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const x = a[i];
      const y = b[j];
      let col: number;
      let text: string;
      if (y === undefined || (x !== undefined && fold(x) < fold(y))) {
        col = 0;
        text = x as string;
        i++;
      } else if (x === undefined || fold(x) > fold(y)) {
        col = 1;
        text = y;
        j++;
      } else {
        col = 2;
        text = x;
        i++;
        j++;
      }
      counts[col] = (counts[col] ?? 0) + 1;
      if (show[col]) out.put(prefix(col) + text + eol);
    }
    if (keys.has('total')) out.put(`${counts[0]}${delim}${counts[1]}${delim}${counts[2]}${delim}total${eol}`);
    await out.flush();
    return 0;
  });
