/**
 * wc: newline, word, character, byte counts and the longest line's width of each input, with a total line
 * for several inputs. Counts are taken over bytes chunk by chunk (state carries across chunk boundaries), so
 * any input size streams in constant memory. Column width follows GNU: one column of one input is unpadded;
 * otherwise the width of the total byte count, or 7 when an input is not a regular file.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import type { ByteSource } from '../../sys.js';
import { options, runCommand } from '../fs-shared/command.js';
import { resolvePath } from '../io.js';
import { eachInput, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxWidth: number;
}

function isSpace(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

async function count(source: ByteSource, checkAbort: () => void, linesOnly: boolean): Promise<Counts> {
  const c: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxWidth: 0 };
  if (linesOnly) {
    for (let chunk = await source.read(); chunk !== null; chunk = await source.read()) {
      checkAbort();
      c.bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) c.lines++;
    }
    return c;
  }
  let inWord = false;
  let width = 0;
  for (let chunk = await source.read(); chunk !== null; chunk = await source.read()) {
    checkAbort();
    c.bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === 10) {
        c.lines++;
        if (width > c.maxWidth) c.maxWidth = width;
        width = 0;
      }
      if ((b & 0xc0) !== 0x80) c.chars++;
      if (isSpace(b)) {
        inWord = false;
        if (b === 9) width += 8 - (width % 8);
        else if (b === 32) width++;
        else if (b === 13) width = 0;
      } else {
        if (!inWord && b >= 32 && b !== 127) {
          inWord = true;
          c.words++;
        }
        if ((b & 0xc0) !== 0x80 && b >= 32 && b !== 127) width++;
      }
    }
  }
  if (width > c.maxWidth) c.maxWidth = width;
  return c;
}

export const wc: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'lwcmL',
      long: {
        lines: { key: 'l' },
        words: { key: 'w' },
        chars: { key: 'm' },
        bytes: { key: 'c' },
        'max-line-length': { key: 'L' },
        'files0-from': { key: 'files0', arg: 'required' },
        total: { key: 'total', arg: 'required' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const keys = new Set(parsed.options.map((o) => o.key));
    let show = (['l', 'w', 'm', 'c', 'L'] as const).filter((k) => keys.has(k));
    if (show.length === 0) show = ['l', 'w', 'c'];
    const files = parsed.operands.length === 0 ? ['-'] : parsed.operands;
    const linesOnly = show.every((k) => k === 'l' || k === 'c');
    const rows: Array<{ counts: Counts; name: string }> = [];
    let allRegular = true;
    let sizeTotal = 0;
    for (const f of files) {
      if (f === '-') {
        allRegular = false;
        continue;
      }
      try {
        const st = await ctx.sys.stat(resolvePath(ctx.cwd, f));
        if (st.type !== 'file') allRegular = false;
        else sizeTotal += st.size;
      } catch (e) {
        if (!isKernelError(e)) throw e;
      }
    }
    const ok = await eachInput(
      ctx,
      files,
      async (name, err) => {
        await io.warn(`${name}: ${strerror(err)}`);
        // GNU wc still prints a row of zeros for a directory operand.
        if (isKernelError(err) && err.errno === Errno.ISDIR) {
          rows.push({ counts: { lines: 0, words: 0, chars: 0, bytes: 0, maxWidth: 0 }, name });
        }
      },
      async (source, name) => {
        rows.push({ counts: await count(source, io.checkAbort, linesOnly), name: parsed.operands.length === 0 ? '' : name });
      },
    );
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxWidth: 0 };
    for (const { counts } of rows) {
      total.lines += counts.lines;
      total.words += counts.words;
      total.chars += counts.chars;
      total.bytes += counts.bytes;
      total.maxWidth = Math.max(total.maxWidth, counts.maxWidth);
    }
    const totalMode = parsed.options.findLast((o) => o.key === 'total')?.value ?? 'auto';
    const withTotal = totalMode === 'always' || (totalMode === 'auto' && files.length > 1);
    let width = allRegular ? String(Math.max(sizeTotal, total.bytes)).length : 7;
    if (show.length === 1 && files.length === 1) width = 1;
    const pick = (c: Counts, k: (typeof show)[number]): number =>
      k === 'l' ? c.lines : k === 'w' ? c.words : k === 'm' ? c.chars : k === 'c' ? c.bytes : c.maxWidth;
    const out = new TextOut(ctx.stdout);
    const line = (c: Counts, name: string, pad: boolean): void => {
      const cols = show.map((k) => String(pick(c, k)).padStart(pad ? width : 1));
      out.put(`${cols.join(' ')}${name === '' ? '' : ` ${name}`}\n`);
    };
    if (totalMode !== 'only') for (const r of rows) line(r.counts, r.name, true);
    if (withTotal) line(total, 'total', true);
    else if (totalMode === 'only') line(total, '', false);
    await out.flush();
    return ok ? 0 : 1;
  });
