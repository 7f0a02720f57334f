/**
 * fold: wraps lines to a width (-w, default 80), counting columns (tabs to the next multiple of 8, backspace
 * back one, carriage return to 0) or bytes (-b), and breaking after the last blank with -s. Streams line
 * batches.
 */
import { options, runCommand } from '../fs-shared/command.js';
import { eachInput, LineReader, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

function advance(col: number, ch: string, bytes: boolean): number {
  if (bytes) return col + 1;
  if (ch === '\t') return col + 8 - (col % 8);
  if (ch === '\b') return col > 0 ? col - 1 : 0;
  if (ch === '\r') return 0;
  return col + 1;
}

export function foldLine(line: string, width: number, spaces: boolean, bytes: boolean): string {
  const chars = [...line];
  let out = '';
  let cur: string[] = [];
  let col = 0;
  for (const ch of chars) {
    const next = advance(col, ch, bytes);
    if (next > width && cur.length > 0) {
      let cut = cur.length;
      if (spaces) {
        for (let k = cur.length - 1; k >= 0; k--) {
          if (cur[k] === ' ' || cur[k] === '\t') {
            cut = k + 1;
            break;
          }
        }
      }
      out += `${cur.slice(0, cut).join('')}\n`;
      cur = cur.slice(cut);
      col = 0;
      for (const c of cur) col = advance(col, c, bytes);
      cur.push(ch);
      col = advance(col, ch, bytes);
      continue;
    }
    cur.push(ch);
    col = next;
  }
  return out + cur.join('');
}

export const fold: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const args = ctx.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-w${a.slice(1)}` : a));
    const parsed = await options({ ...io, ctx: { ...ctx, argv: ['fold', ...args] } }, {
      short: 'bsw:',
      long: { bytes: { key: 'b' }, spaces: { key: 's' }, width: { key: 'w', arg: 'required' } },
    });
    if (typeof parsed === 'number') return parsed;
    let width = 80;
    let spaces = false;
    let bytes = false;
    for (const o of parsed.options) {
      if (o.key === 'w') {
        width = Number(o.value);
        if (!Number.isInteger(width) || width < 1) {
          await io.warn(`invalid number of columns: \u2018${o.value}\u2019${width === 0 ? ': Numerical result out of range' : ''}`);
          return 1;
        }
      } else if (o.key === 's') spaces = true;
      else if (o.key === 'b') bytes = true;
    }
    const out = new TextOut(ctx.stdout);
    const ok = await eachInput(
      ctx,
      parsed.operands,
      async (name, err) => io.warn(`${name}: ${strerror(err)}`),
      async (source) => {
        const reader = new LineReader(source);
        for (let batch = await reader.next(); batch !== null; batch = await reader.next()) {
          io.checkAbort();
          const last = batch.length - 1;
          batch.forEach((line, i) => {
            out.put(foldLine(line, width, spaces, bytes));
            if (i < last || !reader.missingNewline) out.put('\n');
          });
          await out.flush();
        }
      },
    );
    await out.flush();
    return ok ? 0 : 1;
  });
