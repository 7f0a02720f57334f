/**
 * base64: encodes stdin or a file to base64 wrapped at -w COLS (76; 0 for no wrapping), or decodes with -d
 * (whitespace ignored; -i also ignores other non-alphabet characters). Encoding streams in 3-byte-aligned
 * blocks.
 */
import { readAll } from '../io.js';
import { options, runCommand } from '../fs-shared/command.js';
import { openInput, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';
import { isKernelError } from '@burrow/protocol';

export const base64: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'diw:',
      long: { decode: { key: 'd' }, 'ignore-garbage': { key: 'i' }, wrap: { key: 'w', arg: 'required' } },
    });
    if (typeof parsed === 'number') return parsed;
    let decode = false;
    let garbage = false;
    let wrap = 76;
    for (const o of parsed.options) {
      if (o.key === 'd') decode = true;
      else if (o.key === 'i') garbage = true;
      else if (o.key === 'w') {
        wrap = Number(o.value);
        if (!Number.isInteger(wrap) || wrap < 0) {
          await io.warn(`invalid wrap size: \u2018${o.value}\u2019`);
          return 1;
        }
      }
    }
    const [name = '-', extra] = parsed.operands;
    if (extra !== undefined) return io.usage(`extra operand \u2018${extra}\u2019`);
    let input: Awaited<ReturnType<typeof openInput>>;
    try {
      input = await openInput(ctx.sys, ctx.cwd, name, ctx.stdin);
    } catch (err) {
      if (!isKernelError(err)) throw err;
      await io.warn(`${name}: ${strerror(err)}`);
      return 1;
    }
    const out = new TextOut(ctx.stdout);
    try {
      if (decode) {
        let text = new TextDecoder('latin1').decode(await readAll(input.source)).replace(/[\s]/g, '');
        if (garbage) text = text.replace(/[^A-Za-z0-9+/=]/g, '');
        const valid = /^[A-Za-z0-9+/]*={0,2}$/.test(text);
        const body = text.replace(/=+$/, '');
        const usable = valid ? text : (/^[A-Za-z0-9+/]*/.exec(body)?.[0] ?? '');
        await out.bytes(Buffer.from(usable.slice(0, usable.length - (usable.length % 4 === 1 ? 1 : 0)), 'base64'));
        if (!valid || body.length % 4 === 1) {
          await io.warn('invalid input');
          return 1;
        }
        return 0;
      }
      let col = 0;
      let carry = new Uint8Array(0);
      for (let c = await input.source.read(); c !== null; c = await input.source.read()) {
        io.checkAbort();
        const all = new Uint8Array(carry.length + c.length);
        all.set(carry);
        all.set(c, carry.length);
        const usable = all.length - (all.length % 3);
        carry = all.slice(usable);
        col = wrapInto(out, Buffer.from(all.subarray(0, usable)).toString('base64'), wrap, col);
        await out.flush();
      }
      col = wrapInto(out, Buffer.from(carry).toString('base64'), wrap, col);
      if (wrap > 0 && col > 0) out.put('\n');
      await out.flush();
      return 0;
    } finally {
      await input.close().catch(() => undefined);
    }
  });

/** Append encoded text broken into lines of `wrap` columns; returns the column reached. */
function wrapInto(out: TextOut, text: string, wrap: number, col: number): number {
  if (wrap === 0) {
    out.put(text);
    return col + text.length;
  }
  let i = 0;
  while (i < text.length) {
    const take = Math.min(wrap - col, text.length - i);
    out.put(text.slice(i, i + take));
    i += take;
    col += take;
    if (col === wrap) {
      out.put('\n');
      col = 0;
    }
  }
  return col;
}
