/**
 * Tokenizer of awk programs. A `/` starts a regex literal only where an operand may begin (after an operator,
 * an opening bracket, a comma, a newline, or at the start), the usual awk rule. Backslash-newline joins lines;
 * comments run to the end of the line; newlines are tokens because they end statements.
 */

export type TokenKind = 'num' | 'str' | 'ere' | 'name' | 'func' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  num: number;
  line: number;
  /** Column of the token's first character in its line. */
  col: number;
  /** A name immediately followed by `(` (a function call, which awk requires to be written without a space). */
  callParen: boolean;
}

export class AwkSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col = 0,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'func',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'getline',
  'print',
  'printf',
  'in',
]);

export const BUILTIN_FUNCS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'gensub',
  'match',
  'sprintf',
  'sin',
  'cos',
  'atan2',
  'exp',
  'log',
  'sqrt',
  'int',
  'rand',
  'srand',
  'tolower',
  'toupper',
  'system',
  'close',
  'fflush',
  'systime',
  'strftime',
  'asort',
  'asorti',
]);

const OPS = [
  '**=',
  '...',
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '!~',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '**',
  '>>',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
];

const STR_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  '/': '/',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** Process escape sequences of an awk string literal (also used for -v assignments). */
export function unescapeAwk(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const d = s[i + 1] as string;
    const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
    if (oct !== null) {
      out += String.fromCharCode(Number.parseInt(oct[0], 8));
      i += oct[0].length;
      continue;
    }
    const e = STR_ESCAPES[d];
    out += e ?? `\\${d}`;
    i++;
  }
  return out;
}

export function tokenize(src: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let tokStart = 0;
  const push = (kind: TokenKind, text: string, num = 0, callParen = false): void => {
    toks.push({ kind, text, num, line, col: tokStart - lineStart, callParen });
  };
  const regexAllowed = (): boolean => {
    const t = toks[toks.length - 1];
    if (t === undefined) return true;
    if (t.kind === 'num' || t.kind === 'str' || t.kind === 'ere' || t.kind === 'name' || t.kind === 'func') return false;
    if (t.kind === 'builtin') return false;
    if (t.kind === 'kw') return t.text !== 'getline';
    if (t.kind === 'op') return !(t.text === ')' || t.text === ']' || t.text === '$' || t.text === '++' || t.text === '--');
    return true;
  };
  while (i < src.length) {
    const c = src[i] as string;
    tokStart = i;
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      lineStart = i;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\r' && src[i + 2] === '\n') {
      i += 3;
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      push('nl', '\n');
      line++;
      i++;
      lineStart = i;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          if (src[j + 1] === '\n') {
            j += 2;
            line++;
            continue;
          }
          raw += src.slice(j, j + 2);
          j += 2;
          continue;
        }
        if (src[j] === '\n') throw new AwkSyntaxError('unterminated string', line);
        raw += src[j];
        j++;
      }
      if (j >= src.length) throw new AwkSyntaxError('unterminated string', line);
      push('str', unescapeAwk(raw));
      i = j + 1;
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inBracket = false;
      let raw = '';
      while (j < src.length) {
        const d = src[j] as string;
        if (d === '\n') throw new AwkSyntaxError('unterminated regexp', line);
        if (d === '\\' && j + 1 < src.length) {
          raw += d === '\\' && src[j + 1] === '/' ? '/' : src.slice(j, j + 2);
          j += 2;
          continue;
        }
        if (d === '[' && !inBracket) {
          inBracket = true;
          raw += d;
          j++;
          if (src[j] === '^') {
            raw += '^';
            j++;
          }
          if (src[j] === ']') {
            raw += ']';
            j++;
          }
          continue;
        }
        if (d === ']' && inBracket) inBracket = false;
        if (d === '/' && !inBracket) break;
        raw += d;
        j++;
      }
      if (j >= src.length) throw new AwkSyntaxError('unterminated regexp', line);
      push('ere', raw);
      i = j + 1;
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(src.slice(i, i + 64));
    if (num !== null && /[\d.]/.test(c)) {
      const t = num[0];
      push('num', t, t.startsWith('0x') || t.startsWith('0X') ? Number.parseInt(t, 16) : Number(t));
      i += t.length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 256));
    if (name !== null) {
      const t = name[0];
      i += t.length;
      const paren = src[i] === '(';
      if (KEYWORDS.has(t)) push('kw', t === 'func' ? 'function' : t);
      else if (BUILTIN_FUNCS.has(t)) push('builtin', t, 0, paren);
      else push(paren ? 'func' : 'name', t, 0, paren);
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op === undefined) throw new AwkSyntaxError(`invalid char '${c}' in expression`, line);
    push('op', op === '**' ? '^' : op === '**=' ? '^=' : op);
    i += op.length;
  }
  push('eof', '');
  return toks;
}
