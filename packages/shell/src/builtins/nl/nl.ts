/**
 * nl: numbers lines of files (or stdin). -b STYLE (a all, t non-empty, n none, pREGEX), -n FORMAT (ln, rn, rz),
 * -w WIDTH, -s SEP, -v START, -i INCR. Lines not numbered get width + separator-length blanks, as GNU nl
 * prints them. Logical page sections (\:\:\:) are not recognised. Streams line batches.
 */
import { compileRegex, type Regex, RegexError } from '../../regex/compile-regex.js';
import { options, runCommand } from '../fs-shared/command.js';
import { eachInput, LineReader, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

export const nl: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'b:n:w:s:v:i:h:f:d:l:p',
      long: {
        'body-numbering': { key: 'b', arg: 'required' },
        'number-format': { key: 'n', arg: 'required' },
        'number-width': { key: 'w', arg: 'required' },
        'number-separator': { key: 's', arg: 'required' },
        'starting-line-number': { key: 'v', arg: 'required' },
        'line-increment': { key: 'i', arg: 'required' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    let style = 't';
    let re: Regex | null = null;
    let format = 'rn';
    let width = 6;
    let sep = '\t';
    let n = 1;
    let incr = 1;
    for (const o of parsed.options) {
      const v = o.value ?? '';
      if (o.key === 'b') {
        if (v.startsWith('p')) {
          try {
            re = compileRegex(v.slice(1), { syntax: 'bre' });
          } catch (err) {
            if (err instanceof RegexError) {
              await io.warn(err.message);
              return 1;
            }
            throw err;
          }
          style = 'p';
        } else if (v === 'a' || v === 't' || v === 'n') style = v;
        else return io.usage(`invalid body numbering style: \u2018${v}\u2019`);
      } else if (o.key === 'n') {
        if (!['ln', 'rn', 'rz'].includes(v)) return io.usage(`invalid line numbering format: \u2018${v}\u2019`);
        format = v;
      } else if (o.key === 'w') {
        width = Number(v);
        if (!Number.isInteger(width) || width < 1) {
          await io.warn(`invalid line number field width: \u2018${v}\u2019: Numerical result out of range`);
          return 1;
        }
      } else if (o.key === 's') sep = v;
      else if (o.key === 'v') n = Number(v);
      else if (o.key === 'i') incr = Number(v);
    }
    const pad = ' '.repeat(width + sep.length);
    const num = (k: number): string => {
      const s = String(k);
      if (format === 'ln') return s.padEnd(width);
      if (format === 'rz') return k < 0 ? `-${String(-k).padStart(width - 1, '0')}` : s.padStart(width, '0');
      return s.padStart(width);
    };
    const out = new TextOut(ctx.stdout);
    const ok = await eachInput(
      ctx,
      parsed.operands,
      async (name, err) => io.warn(`${name}: ${strerror(err)}`),
      async (source) => {
        const reader = new LineReader(source);
        for (let batch = await reader.next(); batch !== null; batch = await reader.next()) {
          io.checkAbort();
          for (const line of batch) {
            const numbered = style === 'a' || (style === 't' && line !== '') || (style === 'p' && re?.test(line) === true);
            if (numbered) {
              out.put(`${num(n)}${sep}${line}\n`);
              n += incr;
            } else out.put(`${pad}${line}\n`);
          }
          await out.flush();
        }
      },
    );
    await out.flush();
    return ok ? 0 : 1;
  });
