/**
 * fnmatch(3)-style shell patterns compiled to RegExps: `*`, `?`, bracket expressions (`[abc]`, `[a-z]`,
 * `[!x]`, `[^x]`, `[[:alpha:]]`, `[]x]`), and backslash escapes. An unterminated `[` is a literal, as is a
 * trailing backslash. Flags follow fnmatch: `pathname` keeps wildcards and brackets from matching `/`;
 * `period` keeps a leading `.` (at the start, or after `/` with `pathname`) from matching anything but a literal
 * `.`; `casefold` ignores case. Extglob groups (`?(a|b)` `*(…)` `+(…)` `@(…)` `!(…)`) are always recognised, as
 * bash 5.2 does inside `[[ ]]`; quoting (a backslash before `(`) keeps them literal. Compiled expressions are cached by pattern and flags; they are immutable
 * (no `g`/`y` flag), so sharing them is safe. Matching is by code point (the RegExp uses the `u` flag).
 */
import { SHELL_LIMITS } from '@burrow/protocol';

export interface FnmatchFlags {
  pathname?: boolean;
  period?: boolean;
  casefold?: boolean;
}

const CLASSES: Record<string, string> = {
  alpha: '\\p{L}',
  digit: '0-9',
  alnum: '\\p{L}\\p{Nd}',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e\\u00a0-\\u{10ffff}',
  graph: '\\x21-\\x7e\\u00a1-\\u{10ffff}',
  word: '\\p{L}\\p{Nd}_',
};

const CACHE_ENTRIES_MAX = SHELL_LIMITS.fnmatchCacheEntriesMax;
const cache = new Map<string, RegExp>();

/** Does `text` match `pattern` as a whole? */
export function fnmatch(pattern: string, text: string, flags: FnmatchFlags = {}): boolean {
  return compileFnmatch(pattern, flags).test(text);
}

/** The anchored, cached RegExp for `pattern`. */
export function compileFnmatch(pattern: string, flags: FnmatchFlags = {}): RegExp {
  const key = `${flags.pathname ? 'p' : ''}${flags.period ? '.' : ''}${flags.casefold ? 'i' : ''}\0${pattern}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const re = new RegExp(`^(?:${fnmatchSource(pattern, flags)})$`, flags.casefold ? 'isu' : 'su');
  if (cache.size >= CACHE_ENTRIES_MAX) cache.clear();
  cache.set(key, re);
  return re;
}

/**
 * The unanchored RegExp source of `pattern`, for callers that build their own expression around it (prefix and
 * suffix removal try `^(?:src)` against growing prefixes). It needs the `u` and `s` flags.
 */
export function fnmatchSource(pattern: string, flags: FnmatchFlags = {}): string {
  const chars = Array.from(pattern);
  const anyChar = flags.pathname ? '[^/]' : '.';
  let out = '';
  let segmentStart = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const guard = flags.period && segmentStart ? '(?!\\.)' : '';
    const group = EXTGLOB.includes(c) && chars[i + 1] === '(' ? extglobGroup(chars, i + 1) : undefined;
    if (group !== undefined) {
      const alts = group.alts.map((a) => fnmatchSource(a, { ...flags, period: false })).join('|');
      i = group.end;
      if (c === '!') {
        // Anything the alternatives do not match, given what the rest of the pattern needs after it.
        const rest = fnmatchSource(chars.slice(i + 1).join(''), { ...flags, period: false });
        return `${out}${guard}(?:(?!(?:${alts})${rest}$)${anyChar}*?)${rest}`;
      }
      out += `${guard}(?:${alts})${c === '@' ? '' : c === '+' ? '+' : c}`;
      segmentStart = false;
      continue;
    }
    if (c === '*') {
      out += `${guard}${anyChar}*`;
      while (chars[i + 1] === '*') i++;
      segmentStart = false;
    } else if (c === '?') {
      out += `${guard}${anyChar}`;
      segmentStart = false;
    } else if (c === '[') {
      const bracket = parseBracket(chars, i, flags.pathname === true);
      if (bracket === undefined) {
        out += '\\[';
      } else {
        out += `${guard}${bracket.source}`;
        i = bracket.end;
      }
      segmentStart = false;
    } else if (c === '\\' && i + 1 < chars.length) {
      i++;
      const next = chars[i] ?? '';
      out += escapeChar(next);
      segmentStart = flags.pathname === true && next === '/';
    } else {
      out += escapeChar(c);
      segmentStart = flags.pathname === true && c === '/';
    }
  }
  return out;
}

/** Does `pattern` contain an unescaped `*`, `?`, `[` or extglob group (so that globbing could change a word)? */
export function hasGlobMeta(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
    else if ((c === '+' || c === '@' || c === '!') && pattern[i + 1] === '(') return true;
  }
  return false;
}

/** Characters that open an extglob group with `(`: `?(…)` `*(…)` `+(…)` `@(…)` `!(…)`. */
const EXTGLOB = '?*+@!';

/** The `|`-separated alternatives of the group whose `(` is at `open`, and its `)`; undefined if unclosed. */
function extglobGroup(chars: readonly string[], open: number): { alts: string[]; end: number } | undefined {
  let depth = 0;
  const alts: string[] = [];
  let cur = '';
  for (let j = open + 1; j < chars.length; j++) {
    const c = chars[j] ?? '';
    if (c === '\\' && j + 1 < chars.length) {
      cur += c + (chars[++j] ?? '');
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) {
        alts.push(cur);
        return { alts, end: j };
      }
      depth--;
    } else if (c === '|' && depth === 0) {
      alts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  return undefined;
}

/** Remove backslash escapes, giving the literal text a pattern without wildcards stands for. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gsu, '$1');
}

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/u.test(c) ? `\\${c}` : c;
}

function escapeInClass(c: string): string {
  return /[\\\]^[-]/u.test(c) ? `\\${c}` : c;
}

/**
 * Parse the bracket expression opening at `chars[start]`; undefined when it has no closing `]`. A `]` right
 * after `[`, `[!` or `[^` is a member; `[:name:]` is a character class; `[=c=]` and `[.c.]` stand for `c`.
 */
function parseBracket(
  chars: readonly string[],
  start: number,
  pathname: boolean,
): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (chars[i] === '!' || chars[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < chars.length) {
    const c = chars[i] ?? '';
    if (c === ']' && !first) {
      if (body === '') return { source: negate ? (pathname ? '[^/]' : '.') : '(?!)', end: i };
      if (negate) return { source: `[^${body}${pathname ? '\\/' : ''}]`, end: i };
      return { source: pathname ? `(?!\\/)[${body}]` : `[${body}]`, end: i };
    }
    first = false;
    if (c === '[' && (chars[i + 1] === ':' || chars[i + 1] === '=' || chars[i + 1] === '.')) {
      const kind = chars[i + 1] ?? '';
      const close = findClose(chars, i + 2, kind);
      if (close !== -1) {
        const name = chars.slice(i + 2, close).join('');
        if (kind === ':') {
          const cls = CLASSES[name];
          if (cls === undefined) return undefined;
          body += cls;
        } else body += escapeInClass(name);
        i = close + 2;
        continue;
      }
    }
    let lo = c;
    if (c === '\\' && i + 1 < chars.length) {
      i++;
      lo = chars[i] ?? '';
    }
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      let hi = chars[i + 2] ?? '';
      let skip = 2;
      if (hi === '\\' && chars[i + 3] !== undefined) {
        hi = chars[i + 3] ?? '';
        skip = 3;
      }
      // A reversed range matches nothing, as in glibc; RegExp would reject it.
      if ((lo.codePointAt(0) ?? 0) <= (hi.codePointAt(0) ?? 0)) body += `${escapeInClass(lo)}-${escapeInClass(hi)}`;
      i += skip + 1;
      continue;
    }
    body += escapeInClass(lo);
    i++;
  }
  return undefined;
}

function findClose(chars: readonly string[], from: number, kind: string): number {
  for (let j = from; j + 1 < chars.length; j++) {
    if (chars[j] === kind && chars[j + 1] === ']') return j;
    if (chars[j] === ']') return -1;
  }
  return -1;
}
