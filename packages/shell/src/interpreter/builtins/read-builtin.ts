/**
 * The `read` builtin: reads one record (up to the delimiter, or N characters) from an fd, puts back what it
 * read past the record so the next reader sees it, and splits the record on IFS into names (the last name
 * takes the rest). The record is an observation: it is journaled and replayed.
 */
import { ShellError } from '../control.js';
import type { Fds, Interpreter } from '../interpreter.js';
import { bufferedSource } from '../streams.js';
import { setArray, setScalar } from '../vars.js';
import { fail } from './types.js';

interface Record_ {
  text: string;
  eof: boolean;
  timedOut: boolean;
}

export async function readBuiltin(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  let raw = false;
  let array: string | null = null;
  let delim = '\n';
  let count: number | null = null;
  let exact = false;
  let timeoutS: number | null = null;
  let fd = 0;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--') {
      i++;
      break;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a.charAt(j);
      const takeArg = (): string => {
        const rest = a.slice(j + 1);
        j = a.length;
        if (rest !== '') return rest;
        const next = argv[++i];
        if (next === undefined) throw new ShellError(`read: -${f}: option requires an argument`, 2);
        return next;
      };
      if (f === 'r') raw = true;
      else if (f === 's' || f === 'e') continue;
      else if (f === 'p') takeArg();
      else if (f === 'a') array = takeArg();
      else if (f === 'd') delim = takeArg().charAt(0) || '\0';
      else if (f === 'n' || f === 'N') {
        count = Number(takeArg());
        exact = f === 'N';
      } else if (f === 't') {
        const spec = takeArg();
        if (!/^\d*\.?\d+$|^\d+\.$/.test(spec)) return fail(it, fds, `read: ${spec}: invalid timeout specification`, 1);
        timeoutS = Number(spec);
      }
      else if (f === 'u') fd = Number(takeArg());
      else return fail(it, fds, `read: -${f}: invalid option`, 2);
    }
  }
  const names = argv.slice(i);
  const entry = fds[fd];
  if (entry?.src === undefined) return fail(it, fds, `read: ${fd}: invalid file descriptor: Bad file descriptor`, 1);
  const src = bufferedSource(entry.src);
  fds[fd] = { ...entry, src };
  const rec = await it.observe('read', () => readRecord(src, delim, count, raw, timeoutS, it.signal));
  if (rec.timedOut) return 142;
  let text = rec.text;
  if (!raw) text = text.replace(/\\(.)/gs, '$1').replace(/\\$/, '');
  const ifsVar = it.st.vars.get('IFS');
  const ifs = ifsVar === undefined ? ' \t\n' : (ifsVar.s ?? '');
  if (array !== null) {
    setArray(it.st, array, exact ? [text] : splitAll(text, ifs), false);
  } else if (names.length === 0) {
    setScalar(it.st, 'REPLY', text, it.intEval);
  } else {
    const parts = exact ? [text] : splitN(text, ifs, names.length);
    for (let k = 0; k < names.length; k++) setScalar(it.st, names[k] ?? '', parts[k] ?? '', it.intEval);
  }
  return rec.eof ? 1 : 0;
}

async function readRecord(
  src: ReturnType<typeof bufferedSource>,
  delim: string,
  count: number | null,
  raw: boolean,
  timeoutS: number | null,
  signal: AbortSignal,
): Promise<Record_> {
  const dec = new TextDecoder();
  const delimByte = delim.charCodeAt(0);
  let text = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout =
    timeoutS === null
      ? null
      : new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), Math.max(0, timeoutS * 1000));
        });
  try {
    for (;;) {
      if (signal.aborted) return { text, eof: true, timedOut: false };
      const next = src.read();
      const chunk = timeout === null ? await next : await Promise.race([next, timeout]);
      if (chunk === 'timeout') return { text, eof: false, timedOut: true };
      if (chunk === null) return { text: text + dec.decode(), eof: true, timedOut: false };
      for (let k = 0; k < chunk.length; k++) {
        const b = chunk[k] ?? 0;
        const limitHit = count !== null && [...text].length >= count;
        if (limitHit) {
          src.unread(chunk.subarray(k));
          return { text, eof: false, timedOut: false };
        }
        if (b === delimByte && count === null) {
          if (!raw && text.endsWith('\\') && !text.endsWith('\\\\') && delim === '\n') {
            text = text.slice(0, -1);
            continue;
          }
          src.unread(chunk.subarray(k + 1));
          return { text: text + dec.decode(), eof: false, timedOut: false };
        }
        if (b === delimByte && count !== null) {
          src.unread(chunk.subarray(k + 1));
          return { text, eof: false, timedOut: false };
        }
        text += dec.decode(chunk.subarray(k, k + 1), { stream: true });
      }
      if (count !== null && [...text].length >= count) return { text, eof: false, timedOut: false };
    }
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}

function isWhite(c: string, ifs: string): boolean {
  return (c === ' ' || c === '\t' || c === '\n') && ifs.includes(c);
}

function splitAll(text: string, ifs: string): string[] {
  return splitN(text, ifs, Number.MAX_SAFE_INTEGER);
}

/** Split into at most `n` fields; the last keeps the rest of the line minus trailing IFS whitespace. */
function splitN(text: string, ifs: string, n: number): string[] {
  if (ifs === '') return [text];
  const out: string[] = [];
  let i = 0;
  while (i < text.length && isWhite(text.charAt(i), ifs)) i++;
  while (i < text.length) {
    if (out.length === n - 1) {
      let rest = text.slice(i);
      let end = rest.length;
      while (end > 0 && isWhite(rest.charAt(end - 1), ifs)) end--;
      rest = rest.slice(0, end);
      out.push(rest);
      return out;
    }
    let j = i;
    while (j < text.length && !ifs.includes(text.charAt(j))) j++;
    out.push(text.slice(i, j));
    while (j < text.length && isWhite(text.charAt(j), ifs)) j++;
    if (j < text.length && ifs.includes(text.charAt(j))) {
      j++;
      while (j < text.length && isWhite(text.charAt(j), ifs)) j++;
    }
    i = j;
  }
  return out;
}

