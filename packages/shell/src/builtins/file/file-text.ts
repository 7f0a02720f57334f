/**
 * Text classification for `file`, after file 5.44's ascmagic: the encoding (ASCII, UTF-8 with or without BOM,
 * ISO-8859), a script kind from the `#!` line, JSON (an object or array that parses), and the notes on very long
 * lines (over 300 bytes) and line terminators. Undefined means the bytes are not text.
 */

const LONG_LINE_BYTES = 300;

/** Bytes file counts as text: BEL..CR, ESC and the printable range. */
function isTextByte(x: number): boolean {
  return (x >= 0x07 && x <= 0x0d) || x === 0x1b || (x >= 0x20 && x <= 0x7e);
}

function encodingOf(b: Uint8Array): string | undefined {
  let ascii = true;
  for (const x of b) {
    if (x >= 0x80) ascii = false;
    else if (!isTextByte(x)) return undefined;
  }
  if (ascii) return 'ASCII';
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return bom ? 'Unicode text, UTF-8 (with BOM)' : 'Unicode text, UTF-8';
  } catch {
    // Not UTF-8: ISO-8859 when every high byte is a printable Latin-1 character.
  }
  return b.every((x) => x < 0x80 || x >= 0xa0) ? 'ISO-8859' : undefined;
}

const SCRIPTS: Array<[RegExp, string]> = [
  [/^(sh|dash|ash)$/u, 'POSIX shell script'],
  [/^bash$/u, 'Bourne-Again shell script'],
  [/^zsh$/u, "Paul Falstad's zsh script"],
  [/^python[0-9.]*$/u, 'Python script'],
  [/^ruby$/u, 'Ruby script'],
  [/^perl$/u, 'Perl script text'],
  [/^node(js)?$/u, 'Node.js script'],
];

/** `#!/usr/bin/env python3` → the script kind, or file's generic `a PATH script`. */
function scriptKind(firstLine: string): string | undefined {
  const m = /^#!\s*(\S+)(?:\s+(\S+))?/u.exec(firstLine);
  if (m === null) return undefined;
  const interpreter = m[1] ?? '';
  const base = interpreter.slice(interpreter.lastIndexOf('/') + 1);
  const name = base === 'env' && m[2] !== undefined ? m[2] : base;
  for (const [pattern, kind] of SCRIPTS) if (pattern.test(name)) return kind;
  return `a ${m[2] === undefined ? interpreter : `${interpreter} ${m[2]}`} script`;
}

function isJson(text: string): boolean {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** file's description of text bytes (the whole of `complete` when it holds the whole file), or undefined. */
export function describeText(b: Uint8Array, complete: boolean): string | undefined {
  const encoding = encodingOf(b);
  if (encoding === undefined) return undefined;
  const text = new TextDecoder().decode(b);
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const notes = lineNotes(b);
  const kind = scriptKind(firstLine);
  if (kind === 'Node.js script') return `Node.js script executable, ${encoding} text${notes}`;
  if (kind === 'Perl script text') return `${kind} executable${notes}`;
  if (kind !== undefined) return `${kind}, ${encoding} text executable${notes}`;
  if (complete && encoding === 'ASCII' && isJson(text)) return 'JSON text data';
  return `${encoding} text${notes}`;
}

function lineNotes(b: Uint8Array): string {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  let longest = 0;
  let current = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    if (x === 0x0d && b[i + 1] === 0x0a) {
      crlf++;
      i++;
    } else if (x === 0x0d) cr++;
    else if (x === 0x0a) lf++;
    else {
      current++;
      continue;
    }
    longest = Math.max(longest, current);
    current = 0;
  }
  longest = Math.max(longest, current);
  let notes = longest > LONG_LINE_BYTES ? `, with very long lines (${longest})` : '';
  if (crlf + cr + lf === 0) notes += ', with no line terminators';
  else if (crlf + cr > 0) {
    const kinds = [crlf > 0 ? 'CRLF' : '', cr > 0 ? 'CR' : '', lf > 0 ? 'LF' : ''].filter((k) => k !== '');
    notes += `, with ${kinds.join(', ')} line terminators`;
  }
  return notes;
}
