/**
 * Parser of a stream of JSON texts (values one after another, separated by optional whitespace), as jq reads
 * its input. Reports each value with the line jq would name in an error, and fails with jq's wording.
 */
import type { Json } from './jq-eval.js';

export class JsonParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export function parseJsonStream(text: string): Array<{ value: Json; line: number }> {
  const out: Array<{ value: Json; line: number }> = [];
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /[ \t\n\r]/.test(text[i] as string)) i++;
  };
  const lineAt = (pos: number): number => {
    let n = 1;
    for (let k = 0; k < pos && k < text.length; k++) if (text.charCodeAt(k) === 10) n++;
    return n;
  };
  const fail = (msg: string): never => {
    throw new JsonParseError(`${msg} at line ${lineAt(i)}, column ${i - text.lastIndexOf('\n', i - 1) - 1}`, lineAt(i));
  };
  const value = (): Json => {
    ws();
    const c = text[i];
    if (c === undefined) return fail('Unfinished JSON term at EOF');
    if (c === '{') {
      i++;
      const o: { [k: string]: Json } = {};
      ws();
      if (text[i] === '}') {
        i++;
        return o;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') return fail(i >= text.length ? 'Unfinished JSON term at EOF' : 'Object keys must be strings');
        const k = str();
        ws();
        if (text[i] !== ':') return fail(i >= text.length ? 'Unfinished JSON term at EOF' : "Objects must consist of key:value pairs");
        i++;
        o[k] = value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return o;
        }
        return fail(i >= text.length ? 'Unfinished JSON term at EOF' : "Expected separator between values");
      }
    }
    if (c === '[') {
      i++;
      const a: Json[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return a;
        }
        return fail(i >= text.length ? 'Unfinished JSON term at EOF' : 'Expected separator between values');
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|nan)/.exec(text.slice(i, i + 400));
    if (m === null) return fail('Invalid literal');
    i += m[0].length;
    if (m[0] === 'true') return true;
    if (m[0] === 'false') return false;
    if (m[0] === 'null') return null;
    if (m[0] === 'nan') return null;
    return Number(m[0]);
  };
  const str = (): string => {
    const start = i;
    i++;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q === -1) {
        i = text.length;
        return fail('Unfinished JSON term at EOF');
      }
      let bs = 0;
      for (let k = q - 1; k > start && text[k] === '\\'; k--) bs++;
      i = q + 1;
      if (bs % 2 === 0) break;
    }
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('Invalid string');
    }
  };
  for (;;) {
    ws();
    if (i >= text.length) break;
    const v = value();
    // jq names the line it has read up to, which includes the newline after a value.
    let end = i;
    while (end < text.length && /[ \t\r]/.test(text[end] as string)) end++;
    if (text[end] === '\n') end++;
    out.push({ value: v, line: lineAt(end) - (text[end - 1] === '\n' ? 1 : 0) });
  }
  return out;
}
