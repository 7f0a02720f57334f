/**
 * cut: selected bytes (-b), characters (-c) or delimited fields (-f, -d, -s) of each line, with
 * --complement, --output-delimiter and -z. Streams line batches. Bytes are treated as characters (the
 * input is decoded as UTF-8), so -b and -c agree on non-ASCII text.
 */
import { options, runCommand } from '../fs-shared/command.js';
import { eachInput, LineReader, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

type Range = [number, number];

const ASTRAL = /[\uD800-\uDFFF]/;

/** Parse a LIST into sorted, merged 1-based inclusive ranges; a string is the error message. */
function parseList(list: string, fields: boolean): Range[] | string {
  const ranges: Range[] = [];
  for (const part of list.split(/[,\s]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (m === null || part === '' || part === '-') {
      return fields ? `invalid field value \u2018${part}\u2019` : `invalid byte/character position \u2018${part}\u2019`;
    }
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (lo === 0 || hi === 0) return fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    if (hi < lo) return 'invalid decreasing range';
    ranges.push([lo, hi]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 1;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next !== Infinity) out.push([next, Infinity]);
  return out;
}

export const cut: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'b:c:f:d:snz',
      long: {
        bytes: { key: 'b', arg: 'required' },
        characters: { key: 'c', arg: 'required' },
        fields: { key: 'f', arg: 'required' },
        delimiter: { key: 'd', arg: 'required' },
        'only-delimited': { key: 's' },
        complement: { key: 'complement' },
        'output-delimiter': { key: 'od', arg: 'required' },
        'zero-terminated': { key: 'z' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    let mode: 'b' | 'c' | 'f' | undefined;
    let list = '';
    let delim = '\t';
    let delimGiven = false;
    let onlyDelimited = false;
    let invert = false;
    let outDelim: string | undefined;
    let eol = '\n';
    for (const o of parsed.options) {
      const v = o.value ?? '';
      if (o.key === 'b' || o.key === 'c' || o.key === 'f') {
        if (mode !== undefined && mode !== o.key) return io.usage('only one list may be specified');
        mode = o.key;
        list = v;
      } else if (o.key === 'd') {
        if ([...v].length > 1) return io.usage('the delimiter must be a single character');
        delim = v === '' ? '\0' : v;
        delimGiven = true;
      } else if (o.key === 's') onlyDelimited = true;
      else if (o.key === 'complement') invert = true;
      else if (o.key === 'od') outDelim = v;
      else if (o.key === 'z') eol = '\0';
    }
    if (mode === undefined) return io.usage('you must specify a list of bytes, characters, or fields');
    if (mode !== 'f' && delimGiven) {
      return io.usage('an input delimiter may be specified only when operating on fields');
    }
    if (mode !== 'f' && onlyDelimited) {
      return io.usage('suppressing non-delimited lines makes sense\n\tonly when operating on fields');
    }
    const parsedList = parseList(list, mode === 'f');
    if (typeof parsedList === 'string') return io.usage(parsedList);
    const ranges = invert ? complement(parsedList) : parsedList;
    const joiner = outDelim ?? (mode === 'f' ? delim : '');
    const selectChars = (line: string): string => {
      const chars = ASTRAL.test(line) ? [...line] : null;
      const len = chars === null ? line.length : chars.length;
      const pieces: string[] = [];
      for (const [lo, hi] of ranges) {
        if (lo > len) break;
        const end = Math.min(hi, len);
        pieces.push(chars === null ? line.slice(lo - 1, end) : chars.slice(lo - 1, end).join(''));
      }
      return pieces.join(joiner);
    };
    const selectFields = (line: string): string | null => {
      if (!line.includes(delim)) return onlyDelimited ? null : line;
      const fields = line.split(delim);
      const pieces: string[] = [];
      for (const [lo, hi] of ranges) {
        if (lo > fields.length) break;
        for (let f = lo; f <= Math.min(hi, fields.length); f++) pieces.push(fields[f - 1] as string);
      }
      return pieces.join(joiner);
    };
    const out = new TextOut(ctx.stdout);
    const ok = await eachInput(
      ctx,
      parsed.operands,
      async (name, err) => io.warn(`${name}: ${strerror(err)}`),
      async (source) => {
        const reader = new LineReader(source, eol);
        for (let batch = await reader.next(); batch !== null; batch = await reader.next()) {
          io.checkAbort();
          for (const line of batch) {
            const r = mode === 'f' ? selectFields(line) : selectChars(line);
            if (r !== null) out.put(r + eol);
          }
          await out.flush();
        }
      },
    );
    await out.flush();
    return ok ? 0 : 1;
  });
