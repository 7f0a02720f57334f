/**
 * paste: joins corresponding lines of files with TABs (or the cyclic -d list, with \n \t \\ \0 escapes), or
 * each file's lines into one line with -s. `-` reads stdin and may be repeated (each use takes the next line).
 * Holds whole inputs (a pipeline's paste is rarely large); -z uses NUL lines.
 */
import { isKernelError } from '@burrow/protocol';
import { options, runCommand } from '../fs-shared/command.js';
import { openInput, readText, splitLines, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

function delimiters(list: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as string;
    if (c !== '\\') {
      out.push(c);
      continue;
    }
    const d = list[++i];
    out.push(d === 'n' ? '\n' : d === 't' ? '\t' : d === '0' ? '' : d === '\\' ? '\\' : (d ?? '\\'));
  }
  return out;
}

export const paste: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'd:sz',
      long: { delimiters: { key: 'd', arg: 'required' }, serial: { key: 's' }, 'zero-terminated': { key: 'z' } },
    });
    if (typeof parsed === 'number') return parsed;
    let delims = ['\t'];
    let serial = false;
    let eol = '\n';
    for (const o of parsed.options) {
      if (o.key === 'd') delims = delimiters(o.value ?? '');
      else if (o.key === 's') serial = true;
      else if (o.key === 'z') eol = '\0';
    }
    if (delims.length === 0) delims = [''];
    const names = parsed.operands.length === 0 ? ['-'] : parsed.operands;
    const columns: string[][] = [];
    let stdinLines: string[] | null = null;
    const stdinUsers = names.filter((n) => n === '-').length;
    let stdinIndex = 0;
    for (const name of names) {
      try {
        if (name === '-') {
          stdinLines ??= splitLines(await readText(ctx.stdin), eol);
          // Several `-` operands deal stdin's lines out in turn.
          columns.push(serial ? stdinLines : stdinLines.filter((_, i) => i % stdinUsers === stdinIndex));
          stdinIndex++;
          continue;
        }
        const input = await openInput(ctx.sys, ctx.cwd, name, ctx.stdin);
        try {
          columns.push(splitLines(await readText(input.source), eol));
        } finally {
          await input.close();
        }
      } catch (err) {
        if (!isKernelError(err)) throw err;
        await io.warn(`${name}: ${strerror(err)}`);
        return 1;
      }
    }
    const out = new TextOut(ctx.stdout);
    const joinWith = (parts: readonly string[]): string => {
      let s = parts[0] ?? '';
      for (let i = 1; i < parts.length; i++) s += (delims[(i - 1) % delims.length] as string) + (parts[i] as string);
      return s;
    };
    if (serial) {
      for (const col of columns) out.put(joinWith(col) + eol);
    } else {
      const rows = Math.max(0, ...columns.map((c) => c.length));
      for (let r = 0; r < rows; r++) out.put(joinWith(columns.map((c) => c[r] ?? '')) + eol);
    }
    await out.flush();
    return 0;
  });
