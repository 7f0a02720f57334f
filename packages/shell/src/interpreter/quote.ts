/**
 * Quoting text so the shell reads it back as the same word: `${x@Q}` and xtrace use single quotes,
 * `printf %q` uses backslashes (and `$'…'` for control characters), as bash prints them.
 */

/** `'…'` quoting, with `'\''` for embedded quotes. */
export function quoteForReuse(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** xtrace quoting: plain words stay bare. */
export function quoteForTrace(s: string): string {
  if (PLAIN.test(s)) return s;
  return quoteForReuse(s);
}

/** `printf %q` quoting. */
export function quoteBackslash(s: string): string {
  if (s === '') return "''";
  if (/[\x00-\x1f\x7f]/.test(s)) {
    let out = "$'";
    for (const c of s) {
      const code = c.charCodeAt(0);
      if (c === '\n') out += '\\n';
      else if (c === '\t') out += '\\t';
      else if (c === '\r') out += '\\r';
      else if (c === "'" || c === '\\') out += `\\${c}`;
      else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
      else out += c;
    }
    return `${out}'`;
  }
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, (c) => `\\${c}`);
}
