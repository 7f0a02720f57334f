/**
 * The character-level half of the parser: position and line tracking, blanks and comments, and words with
 * their quoting and expansions (parameters, command and arithmetic substitution, tilde, braces). The
 * grammar half (`Parser`) extends it and supplies `parseNested` for `$( … )`.
 * Invariant: `pos` only moves forward except when a speculative read (brace expansion) backtracks.
 */
import type { ParamOp, ParamPart, Script, Word, WordPart } from '../ast/types.js';

export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** True when the input ended inside a construct: more input could complete it. */
    readonly incomplete: boolean,
  ) {
    super(message);
  }
}

/** Where a word is being read: decides which characters end it and which are special. */
export type WordMode =
  /** An ordinary word: ends at blanks and metacharacters. */
  | 'word'
  /** The value of an assignment: like 'word' without brace expansion, with tilde after ':'. */
  | 'assign'
  /** Inside `${ … }`: blanks are literal; ends at one of the stop characters. */
  | 'param'
  /** A here-document body or arithmetic text: only `$`, backquote and backslash are special. */
  | 'heredoc';

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export function isName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

export abstract class WordReader {
  protected pos = 0;
  private lineCachePos = 0;
  private lineCacheLine: number;

  constructor(
    protected readonly src: string,
    firstLine = 1,
  ) {
    this.lineCacheLine = firstLine;
  }

  /** Parse a command list up to the `)` that closes a `$(`; leaves `pos` on the `)`. */
  protected abstract parseNested(): Script;

  protected lineAt(pos: number): number {
    if (pos < this.lineCachePos) {
      this.lineCachePos = 0;
      this.lineCacheLine = 1;
    }
    let line = this.lineCacheLine;
    for (let i = this.lineCachePos; i < pos; i++) if (this.src.charCodeAt(i) === 10) line++;
    this.lineCachePos = pos;
    this.lineCacheLine = line;
    return line;
  }

  protected fail(message: string, incomplete = false): never {
    throw new ParseError(message, this.lineAt(Math.min(this.pos, this.src.length)), incomplete);
  }

  protected unexpected(): never {
    if (this.pos >= this.src.length) this.fail('syntax error: unexpected end of file', true);
    const tok = this.peekOperator() ?? this.peekBareWord() ?? this.src.charAt(this.pos);
    this.fail(`syntax error near unexpected token \`${tok === '\n' ? 'newline' : tok}'`);
  }

  protected peekBareWord(): string | null {
    let end = this.pos;
    while (end < this.src.length && !META.has(this.src.charAt(end))) end++;
    return end > this.pos ? this.src.slice(this.pos, end) : null;
  }

  /** The control or redirection operator at `pos`, if any. */
  protected peekOperator(): string | null {
    const s = this.src;
    const c = s.charAt(this.pos);
    const two = s.slice(this.pos, this.pos + 2);
    const three = s.slice(this.pos, this.pos + 3);
    if (three === ';;&' || three === '&>>' || three === '<<-' || three === '<<<') return three;
    if (['&&', '||', ';;', ';&', '|&', '>>', '<<', '<&', '>&', '<>', '>|', '&>'].includes(two)) return two;
    if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>') {
      return c;
    }
    return null;
  }

  /** Skip blanks, line continuations and a comment (a comment runs to, not past, the newline). */
  protected skipBlanks(): void {
    const s = this.src;
    for (;;) {
      const c = s.charAt(this.pos);
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && s.charAt(this.pos + 1) === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < s.length && s.charAt(this.pos) !== '\n') this.pos++;
      } else return;
    }
  }

  /** True when the word at `pos` is exactly `kw` followed by a delimiter. */
  protected atKeyword(kw: string): boolean {
    if (!this.src.startsWith(kw, this.pos)) return false;
    const next = this.src.charAt(this.pos + kw.length);
    return next === '' || META.has(next);
  }

  protected atWordEnd(): boolean {
    const c = this.src.charAt(this.pos);
    if ((c === '<' || c === '>') && this.src.charAt(this.pos + 1) === '(') return false;
    return c === '' || META.has(c);
  }

  /** Read one word in `mode`; `stop` lists extra characters that end it at top level. */
  protected readWord(mode: WordMode = 'word', stop = ''): Word {
    const parts: WordPart[] = [];
    this.readParts(parts, mode, stop, false);
    return { parts };
  }

  private readParts(parts: WordPart[], mode: WordMode, stop: string, inBrace: boolean): void {
    const s = this.src;
    let lit = '';
    const flush = () => {
      if (lit !== '') {
        parts.push({ k: 'lit', v: lit });
        lit = '';
      }
    };
    const wordStart = this.pos;
    for (;;) {
      if (this.pos >= s.length) break;
      const c = s.charAt(this.pos);
      if (stop.includes(c)) break;
      if (mode === 'word' || mode === 'assign') {
        if (mode === 'word' && '?*+@!'.includes(c) && s.charAt(this.pos + 1) === '(') {
          // An extglob group `@(a|b)`: pattern text, matched when the word is globbed or compared.
          const end = this.extglobEnd(this.pos + 1);
          if (end > 0) {
            lit += s.slice(this.pos, end + 1);
            this.pos = end + 1;
            continue;
          }
        }
        if ((c === '<' || c === '>') && s.charAt(this.pos + 1) === '(' && mode === 'word') {
          flush();
          this.pos += 2;
          const body = this.parseNested();
          if (s.charAt(this.pos) !== ')') this.fail("unexpected EOF while looking for matching `)'", true);
          this.pos++;
          parts.push({ k: 'proc', dir: c, body });
          continue;
        }
        if (META.has(c)) {
          if (inBrace) this.fail('brace');
          break;
        }
      }
      if (c === '\\') {
        const n = s.charAt(this.pos + 1);
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if (mode === 'heredoc') {
          if (n === '$' || n === '`' || n === '\\') {
            lit += n;
            this.pos += 2;
          } else {
            lit += c;
            this.pos++;
          }
          continue;
        }
        flush();
        if (n === '') {
          parts.push({ k: 'lit', v: '\\' });
          this.pos++;
        } else {
          parts.push({ k: 'sq', v: n });
          this.pos += 2;
        }
        continue;
      }
      if (c === "'" && mode !== 'heredoc') {
        flush();
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) this.fail("unexpected EOF while looking for matching `''", true);
        parts.push({ k: 'sq', v: s.slice(this.pos + 1, end) });
        this.pos = end + 1;
        continue;
      }
      if (c === '"' && mode !== 'heredoc') {
        flush();
        this.pos++;
        parts.push({ k: 'dq', parts: this.readDouble() });
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(mode !== 'heredoc');
        if (part !== null) {
          flush();
          parts.push(part);
          continue;
        }
        lit += '$';
        this.pos++;
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquote());
        continue;
      }
      if (c === '~' && mode !== 'heredoc' && mode !== 'param') {
        const prev = s.charAt(this.pos - 1);
        if (this.pos === wordStart || (mode === 'assign' && (prev === ':' || prev === '='))) {
          const m = /^~([A-Za-z0-9_.+-]*)(?=$|[/:\s;&|<>()])/.exec(s.slice(this.pos, this.pos + 256));
          if (m && (mode === 'assign' || !m[0].includes(':'))) {
            flush();
            parts.push({ k: 'tilde', user: m[1] ?? '' });
            this.pos += m[0].length;
            continue;
          }
        }
      }
      if (c === '{' && mode === 'word') {
        const brace = this.tryBrace();
        if (brace !== null) {
          flush();
          parts.push(brace);
          continue;
        }
      }
      lit += c;
      this.pos++;
    }
    flush();
  }

  /** The index of the `)` closing the group whose `(` is at `open` (on one line), or -1. */
  private extglobEnd(open: number): number {
    const s = this.src;
    let depth = 0;
    for (let j = open + 1; j < s.length; j++) {
      const c = s.charAt(j);
      if (c === '\\') j++;
      else if (c === '\n') return -1;
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return j;
        depth--;
      }
    }
    return -1;
  }

  /** Parse `{a,b}` or `{x..y[..n]}` at `pos`; on anything else restore `pos` and return null. */
  private tryBrace(): WordPart | null {
    const start = this.pos;
    const close = this.src.indexOf('}', start);
    if (close < 0) return null;
    const seq = /^\{(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?\}/.exec(this.src.slice(start, close + 1));
    if (seq) {
      const from = seq[1] ?? '';
      const to = seq[2] ?? '';
      const numeric = /\d/.test(from);
      if (numeric === /\d/.test(to)) {
        this.pos = close + 1;
        return { k: 'seq', from, to, step: seq[3] === undefined ? null : Number(seq[3]) };
      }
    }
    this.pos++;
    const alts: Word[] = [];
    try {
      for (;;) {
        const parts: WordPart[] = [];
        this.readParts(parts, 'word', ',}', true);
        alts.push({ parts });
        const c = this.src.charAt(this.pos);
        if (c === ',') {
          this.pos++;
          continue;
        }
        if (c === '}' && alts.length > 1) {
          this.pos++;
          return { k: 'brace', alts };
        }
        break;
      }
    } catch (e) {
      if (!(e instanceof ParseError) || e.message !== 'brace') throw e;
    }
    this.pos = start;
    return null;
  }

  /** Contents of "…" after the opening quote; consumes the closing quote. */
  private readDouble(): WordPart[] {
    const s = this.src;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit !== '') {
        parts.push({ k: 'sq', v: lit });
        lit = '';
      }
    };
    for (;;) {
      if (this.pos >= s.length) this.fail('unexpected EOF while looking for matching `"\'', true);
      const c = s.charAt(this.pos);
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = s.charAt(this.pos + 1);
        if (n === '\n') this.pos += 2;
        else if (n === '$' || n === '`' || n === '"' || n === '\\') {
          lit += n;
          this.pos += 2;
        } else {
          lit += c;
          this.pos++;
        }
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(false);
        if (part !== null) {
          flush();
          parts.push(part);
          continue;
        }
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquote());
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  private readBackquote(): WordPart {
    const s = this.src;
    let i = this.pos + 1;
    let text = '';
    for (;;) {
      if (i >= s.length) this.fail('unexpected EOF while looking for matching ``\'', true);
      const c = s.charAt(i);
      if (c === '`') break;
      if (c === '\\' && '$`\\'.includes(s.charAt(i + 1))) {
        text += s.charAt(i + 1);
        i += 2;
        continue;
      }
      text += c;
      i++;
    }
    const body = this.subParse(text, this.lineAt(this.pos));
    this.pos = i + 1;
    return { k: 'cmd', body, backtick: true };
  }

  /** Parse a separate piece of source (backquote body) with a fresh parser of the same grammar. */
  protected abstract subParse(text: string, line: number): Script;

  /** Read the text up to the `))` that closes an arithmetic expansion, or null if there is none. */
  protected readArithText(): string | null {
    const s = this.src;
    let depth = 0;
    for (let i = this.pos; i < s.length; i++) {
      const c = s.charAt(i);
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          if (s.charAt(i + 1) !== ')') return null;
          const text = s.slice(this.pos, i);
          this.pos = i + 2;
          return text;
        }
        depth--;
      }
    }
    return null;
  }

  protected arithWord(text: string): Word {
    const sub = new HeredocReader(text, (t, l) => this.subParse(t, l), this.lineAt(this.pos));
    return sub.readAll();
  }

  /** A `$` expansion at `pos`, or null if the `$` is literal. `ansi` allows `$'…'` and `$"…"`. */
  private readDollar(ansi: boolean): WordPart | null {
    const s = this.src;
    const n = s.charAt(this.pos + 1);
    if (n === "'" && ansi) {
      const { text, end } = readAnsiC(s, this.pos + 2);
      if (end < 0) this.fail("unexpected EOF while looking for matching `''", true);
      this.pos = end;
      return { k: 'sq', v: text };
    }
    if (n === '"' && ansi) {
      this.pos += 2;
      return { k: 'dq', parts: this.readDouble() };
    }
    if (n === '(') {
      if (s.charAt(this.pos + 2) === '(') {
        const save = this.pos;
        this.pos += 3;
        const text = this.readArithText();
        if (text !== null) return { k: 'arith', expr: this.arithWord(text) };
        this.pos = save;
      }
      this.pos += 2;
      const body = this.parseNested();
      if (s.charAt(this.pos) !== ')') this.fail('unexpected EOF while looking for matching `)\'', true);
      this.pos++;
      return { k: 'cmd', body, backtick: false };
    }
    if (n === '[') {
      this.pos += 2;
      let depth = 0;
      const start = this.pos;
      for (; this.pos < s.length; this.pos++) {
        const c = s.charAt(this.pos);
        if (c === '[') depth++;
        else if (c === ']') {
          if (depth === 0) break;
          depth--;
        }
      }
      const text = s.slice(start, this.pos);
      this.pos++;
      return { k: 'arith', expr: this.arithWord(text) };
    }
    if (n === '{') {
      const start = this.pos;
      this.pos += 2;
      try {
        return this.readBraceParam();
      } catch (e) {
        if (!(e instanceof ParseError) || e.message !== 'bad substitution') throw e;
        const end = s.indexOf('}', start);
        if (end < 0) this.fail("unexpected EOF while looking for matching `}'", true);
        this.pos = end + 1;
        const text = s.slice(start, end + 1);
        return { k: 'param', name: '', index: null, indirect: false, p: { op: 'bad', text } };
      }
    }
    if (NAME_START.test(n)) {
      let end = this.pos + 2;
      while (end < s.length && NAME_CHAR.test(s.charAt(end))) end++;
      const name = s.slice(this.pos + 1, end);
      this.pos = end;
      return plainParam(name);
    }
    if ((n >= '0' && n <= '9') || SPECIAL_PARAMS.has(n)) {
      this.pos += 2;
      return plainParam(n);
    }
    return null;
  }

  /** `${ … }` after the `${`. */
  private readBraceParam(): ParamPart {
    const s = this.src;
    let indirect = false;
    if (s.charAt(this.pos) === '#' && s.charAt(this.pos + 1) !== '}' && !'-=?+:'.includes(s.charAt(this.pos + 1))) {
      this.pos++;
      const { name, index } = this.readParamName();
      this.expect('}');
      return { k: 'param', name, index, indirect: false, p: { op: 'length' } };
    }
    if (s.charAt(this.pos) === '!' && s.charAt(this.pos + 1) !== '}') {
      indirect = true;
      this.pos++;
    }
    const { name, index } = this.readParamName();
    const c = s.charAt(this.pos);
    if (indirect && (c === '*' || c === '@') && s.charAt(this.pos + 1) === '}') {
      this.pos += 2;
      return { k: 'param', name, index: null, indirect: false, p: { op: 'prefix', at: c === '@' } };
    }
    if (indirect && index !== null && c === '}') {
      const only = index.parts.length === 1 && index.parts[0]?.k === 'lit' ? index.parts[0].v : '';
      if (only === '@' || only === '*') {
        this.pos++;
        return { k: 'param', name, index: null, indirect: false, p: { op: 'keys', at: only === '@' } };
      }
    }
    const p = this.readParamOp();
    return { k: 'param', name, index, indirect, p };
  }

  private readParamName(): { name: string; index: Word | null } {
    const s = this.src;
    const c = s.charAt(this.pos);
    let name: string;
    if (NAME_START.test(c)) {
      let end = this.pos + 1;
      while (end < s.length && NAME_CHAR.test(s.charAt(end))) end++;
      name = s.slice(this.pos, end);
      this.pos = end;
    } else if (c >= '0' && c <= '9') {
      let end = this.pos + 1;
      while (end < s.length && /[0-9]/.test(s.charAt(end))) end++;
      name = s.slice(this.pos, end);
      this.pos = end;
    } else if (SPECIAL_PARAMS.has(c)) {
      name = c;
      this.pos++;
    } else {
      this.fail('bad substitution');
    }
    let index: Word | null = null;
    if (s.charAt(this.pos) === '[' && /^[A-Za-z_]/.test(name)) {
      this.pos++;
      index = this.readWord('param', ']');
      this.expect(']');
    }
    return { name, index };
  }

  private readParamOp(): ParamOp {
    const s = this.src;
    const c = s.charAt(this.pos);
    const n = s.charAt(this.pos + 1);
    const word = (stop = '}') => this.readWord('param', stop);
    const end = () => this.expect('}');
    let op: ParamOp;
    if (c === '}') {
      this.pos++;
      return { op: 'plain' };
    }
    if (c === ':' && '-=?+'.includes(n)) {
      this.pos += 2;
      op = { op: opName(n), colon: true, word: word() };
    } else if ('-=?+'.includes(c)) {
      this.pos++;
      op = { op: opName(c), colon: false, word: word() };
    } else if (c === '#' || c === '%') {
      const longest = n === c;
      this.pos += longest ? 2 : 1;
      op = { op: 'trim', suffix: c === '%', longest, pattern: word() };
    } else if (c === '/') {
      let mode: '' | '/' | '#' | '%' = '';
      if (n === '/' || n === '#' || n === '%') mode = n;
      this.pos += mode === '' ? 1 : 2;
      const pattern = word('/}');
      let replacement: Word | null = null;
      if (s.charAt(this.pos) === '/') {
        this.pos++;
        replacement = word();
      }
      op = { op: 'replace', mode, pattern, replacement };
    } else if (c === '^' || c === ',' || c === '~') {
      const all = n === c;
      this.pos += all ? 2 : 1;
      const pattern = word();
      op = { op: 'case', upper: c === '~' ? null : c === '^', all, pattern: pattern.parts.length === 0 ? null : pattern };
    } else if (c === ':') {
      this.pos++;
      const offset = word(':}');
      let length: Word | null = null;
      if (s.charAt(this.pos) === ':') {
        this.pos++;
        length = word();
      }
      op = { op: 'substr', offset, length };
    } else if (c === '@' && /[QEPAaUuLK]/.test(n)) {
      this.pos += 2;
      op = { op: 'transform', t: n };
    } else {
      this.fail('bad substitution');
    }
    end();
    return op;
  }

  protected expect(c: string): void {
    if (this.src.charAt(this.pos) !== c) {
      if (this.pos >= this.src.length) this.fail(`unexpected EOF while looking for matching \`${c}'`, true);
      this.fail(c === '}' ? 'bad substitution' : `syntax error near unexpected token \`${this.src.charAt(this.pos)}'`);
    }
    this.pos++;
  }
}

function opName(c: string): 'default' | 'assign' | 'error' | 'alt' {
  return c === '-' ? 'default' : c === '=' ? 'assign' : c === '?' ? 'error' : 'alt';
}

const PLAIN: ParamOp = { op: 'plain' };

function plainParam(name: string): ParamPart {
  return { k: 'param', name, index: null, indirect: false, p: PLAIN };
}

/** Decode a `$'…'` body starting at `i` (after the quote); returns the text and the index after the quote. */
export function readAnsiC(s: string, i: number): { text: string; end: number } {
  let text = '';
  const simple: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    a: '\x07',
    b: '\b',
    e: '\x1b',
    E: '\x1b',
    f: '\f',
    v: '\v',
    '\\': '\\',
    "'": "'",
    '"': '"',
    '?': '?',
  };
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === "'") return { text, end: i + 1 };
    if (c !== '\\') {
      text += c;
      i++;
      continue;
    }
    const n = s.charAt(i + 1);
    const mapped = simple[n];
    if (mapped !== undefined) {
      text += mapped;
      i += 2;
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i + 1)) ?? [''];
      text += String.fromCharCode(Number.parseInt(m[0], 8) & 0xff);
      i += 1 + m[0].length;
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2));
      if (m) {
        text += String.fromCharCode(Number.parseInt(m[0], 16));
        i += 2 + m[0].length;
      } else {
        text += '\\x';
        i += 2;
      }
    } else if (n === 'u' || n === 'U') {
      const m = (n === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(s.slice(i + 2));
      if (m) {
        text += String.fromCodePoint(Number.parseInt(m[0], 16));
        i += 2 + m[0].length;
      } else {
        text += `\\${n}`;
        i += 2;
      }
    } else if (n === 'c' && i + 2 < s.length) {
      text += String.fromCharCode(s.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else {
      text += `\\${n}`;
      i += 2;
    }
  }
  return { text, end: -1 };
}

/** Reads a whole string as a here-document body (only `$`, backquote and backslash are special). */
class HeredocReader extends WordReader {
  constructor(
    text: string,
    private readonly sub: (text: string, line: number) => Script,
    line: number,
  ) {
    super(text, line);
  }

  readAll(): Word {
    return this.readWord('heredoc');
  }

  protected override parseNested(): Script {
    // A `$(` inside arithmetic or a here-document body: find its text by balanced parentheses.
    const start = this.pos;
    let depth = 0;
    for (; this.pos < this.src.length; this.pos++) {
      const c = this.src.charAt(this.pos);
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
    }
    return this.sub(this.src.slice(start, this.pos), this.lineAt(start));
  }

  protected override subParse(text: string, line: number): Script {
    return this.sub(text, line);
  }
}

export function heredocWord(text: string, sub: (text: string, line: number) => Script, line: number): Word {
  return new HeredocReader(text, sub, line).readAll();
}
