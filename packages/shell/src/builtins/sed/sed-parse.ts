/**
 * Parser of sed scripts (GNU dialect) into a flat program: each command with its addresses, blocks as jumps
 * (`{` knows the index after its `}`), labels resolved to indices. The program is plain data apart from the
 * compiled regexes. Errors carry GNU's wording and the `-e expression #N, char M` position.
 */
import { compileRegex, type Regex, RegexError } from '../../regex/compile-regex.js';

export type Address =
  | { t: 'line'; n: number }
  | { t: 'last' }
  | { t: 're'; re: Regex | null }
  | { t: 'step'; first: number; step: number }
  | { t: 'zero' };

export type Addr2 = Address | { t: 'plus'; n: number } | { t: 'mult'; n: number };

export type ReplPart = { t: 'lit'; s: string } | { t: 'ref'; n: number } | { t: 'case'; c: 'U' | 'L' | 'u' | 'l' | 'E' };

export interface Command {
  a1?: Address;
  a2?: Addr2;
  negate: boolean;
  name: string;
  /** Text of a, i, c; file name of r, R, w, W; label of b, t, T, :. */
  text: string;
  /** Jump target: for `{`, the index after the matching `}`; for b, t, T, the label's index (-1: the end). */
  target: number;
  /** Exit status of q and Q. */
  code: number;
  re: Regex | null;
  repl: ReplPart[];
  global: boolean;
  occurrence: number;
  print: number;
  wfile: string;
  ySrc: string[];
  yDst: string[];
}

export class SedError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

export interface ScriptPiece {
  text: string;
  /** `-e expression #N` or `file F line` style origin; null for the script given as an operand. */
  origin: string;
}

interface ParseOptions {
  extended: boolean;
}

export function parseScript(pieces: readonly ScriptPiece[], opts: ParseOptions): Command[] {
  const program: Command[] = [];
  const blocks: number[] = [];
  const labels = new Map<string, number>();
  for (const piece of pieces) new PieceParser(piece, opts, program, blocks, labels).run();
  if (blocks.length > 0) {
    throw new SedError(`${pieces[pieces.length - 1]?.origin ?? '-e expression #1'}, char 0: unmatched \`{'`);
  }
  for (const c of program) {
    if (c.name === 'b' || c.name === 't' || c.name === 'T') {
      if (c.text === '') c.target = -1;
      else {
        const at = labels.get(c.text);
        if (at === undefined) throw new SedError(`can't find label for jump to \`${c.text}'`, 4);
        c.target = at;
      }
    }
  }
  return program;
}

function newCommand(name: string): Command {
  return {
    negate: false,
    name,
    text: '',
    target: -1,
    code: 0,
    re: null,
    repl: [],
    global: false,
    occurrence: 1,
    print: 0,
    wfile: '',
    ySrc: [],
    yDst: [],
  };
}

class PieceParser {
  private i = 0;
  private readonly s: string;

  constructor(
    private readonly piece: ScriptPiece,
    private readonly opts: ParseOptions,
    private readonly program: Command[],
    private readonly blocks: number[],
    private readonly labels: Map<string, number>,
  ) {
    this.s = piece.text;
  }

  private fail(msg: string, at = this.i): never {
    throw new SedError(`${this.piece.origin}, char ${at}: ${msg}`);
  }

  private skipSpace(): void {
    while (this.i < this.s.length && /[ \t]/.test(this.s[this.i] as string)) this.i++;
  }

  run(): void {
    for (;;) {
      while (this.i < this.s.length && /[ \t\n;]/.test(this.s[this.i] as string)) this.i++;
      if (this.i >= this.s.length) return;
      if (this.s[this.i] === '#') {
        while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
        continue;
      }
      this.command();
    }
  }

  private number(): number {
    const m = /^\d+/.exec(this.s.slice(this.i));
    if (m === null) return -1;
    this.i += m[0].length;
    return Number(m[0]);
  }

  /** The text of a regex up to its closing delimiter, with `\delim` turned into the delimiter. */
  private regexSource(delim: string, what: string): string {
    let src = '';
    while (this.i < this.s.length && this.s[this.i] !== delim) {
      const c = this.s[this.i] as string;
      if (c === '\\' && this.i + 1 < this.s.length) {
        const d = this.s[this.i + 1] as string;
        src += d === delim ? d : d === '\n' ? '\\n' : `\\${d}`;
        this.i += 2;
        continue;
      }
      if (c === '[') {
        // A bracket expression may contain the delimiter unescaped.
        const end = bracketEnd(this.s, this.i);
        if (end > 0) {
          src += this.s.slice(this.i, end);
          this.i = end;
          continue;
        }
      }
      if (c === '\n' && what === 'address') break;
      src += c;
      this.i++;
    }
    if (this.s[this.i] !== delim) {
      this.fail(what === 'address' ? 'unterminated address regex' : "unterminated `s' command");
    }
    this.i++;
    return src;
  }

  private compile(src: string, ignoreCase: boolean): Regex {
    try {
      return compileRegex(src, { syntax: this.opts.extended ? 'ere' : 'bre', ignoreCase });
    } catch (err) {
      if (err instanceof RegexError) this.fail(err.message);
      throw err;
    }
  }

  private address(): Address | null {
    const c = this.s[this.i];
    if (c === undefined) return null;
    if (/\d/.test(c)) {
      const n = this.number();
      if (this.s[this.i] === '~') {
        this.i++;
        const step = Math.max(0, this.number());
        return { t: 'step', first: n, step };
      }
      return n === 0 ? { t: 'zero' } : { t: 'line', n };
    }
    if (c === '$') {
      this.i++;
      return { t: 'last' };
    }
    if (c === '/' || c === '\\') {
      let delim = '/';
      if (c === '\\') {
        delim = this.s[this.i + 1] ?? '/';
        this.i++;
      }
      this.i++;
      const src = this.regexSource(delim, 'address');
      let ignoreCase = false;
      while (this.s[this.i] === 'I' || this.s[this.i] === 'M') {
        if (this.s[this.i] === 'I') ignoreCase = true;
        this.i++;
      }
      return { t: 're', re: src === '' ? null : this.compile(src, ignoreCase) };
    }
    return null;
  }

  private command(): void {
    const a1 = this.address();
    let a2: Addr2 | undefined;
    if (a1 !== null) {
      this.skipSpace();
      if (this.s[this.i] === ',') {
        this.i++;
        this.skipSpace();
        const c = this.s[this.i];
        if (c === '+' || c === '~') {
          this.i++;
          const n = this.number();
          a2 = c === '+' ? { t: 'plus', n: Math.max(0, n) } : { t: 'mult', n: Math.max(0, n) };
        } else {
          const a = this.address();
          if (a === null) this.fail('unexpected `,\'');
          a2 = a.t === 'zero' ? { t: 'line', n: 0 } : a;
        }
      }
      if (a1.t === 'zero' && (a2 === undefined || a2.t !== 're')) this.fail('invalid usage of line address 0');
    }
    this.skipSpace();
    let negate = false;
    while (this.s[this.i] === '!') {
      negate = true;
      this.i++;
      this.skipSpace();
    }
    const name = this.s[this.i];
    if (name === undefined) this.fail('missing command');
    this.i++;
    const cmd = newCommand(name);
    cmd.negate = negate;
    if (a1 !== null) cmd.a1 = a1;
    if (a2 !== undefined) cmd.a2 = a2;
    if (a2 !== undefined && (name === 'q' || name === 'Q')) {
      this.fail('command only uses one address', this.i - 1);
    }
    if (name === ':' && a1 !== null) this.fail(': doesn\'t want any addresses');
    switch (name) {
      case '{':
        this.blocks.push(this.program.length);
        this.program.push(cmd);
        return;
      case '}': {
        if (a1 !== null) this.fail('} doesn\'t want any addresses');
        const open = this.blocks.pop();
        if (open === undefined) this.fail("unexpected `}'", this.i);
        this.program.push(cmd);
        (this.program[open] as Command).target = this.program.length;
        this.endOfCommand();
        return;
      }
      case '=':
      case 'd':
      case 'D':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
      case 'n':
      case 'N':
      case 'p':
      case 'P':
      case 'x':
      case 'z':
      case 'F':
      case 'l':
        if (name === 'l') {
          this.skipSpace();
          const n = this.number();
          if (n >= 0) cmd.code = n;
        }
        this.program.push(cmd);
        this.endOfCommand();
        return;
      case 'q':
      case 'Q': {
        this.skipSpace();
        const n = this.number();
        if (n >= 0) cmd.code = n;
        this.program.push(cmd);
        this.endOfCommand();
        return;
      }
      case 'a':
      case 'i':
      case 'c':
        cmd.text = this.text();
        this.program.push(cmd);
        return;
      case ':': {
        this.skipSpace();
        const label = this.label();
        if (label === '') this.fail('":" lacks a label');
        this.labels.set(label, this.program.length);
        return;
      }
      case 'b':
      case 't':
      case 'T':
        this.skipSpace();
        cmd.text = this.label();
        this.program.push(cmd);
        this.endOfCommand();
        return;
      case 'r':
      case 'R':
      case 'w':
      case 'W':
        this.skipSpace();
        cmd.text = this.restOfLine();
        if (cmd.text === '') this.fail(`missing filename in r/R/w/W commands`);
        this.program.push(cmd);
        return;
      case 's':
        this.substitute(cmd);
        this.program.push(cmd);
        this.endOfCommand();
        return;
      case 'y':
        this.transliterate(cmd);
        this.program.push(cmd);
        this.endOfCommand();
        return;
      default:
        this.fail(`unknown command: \`${name}'`, this.i);
    }
  }

  private endOfCommand(): void {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === undefined || c === ';' || c === '\n' || c === '}' || c === '#') return;
    this.fail('extra characters after command', this.i + 1);
  }

  private label(): string {
    const start = this.i;
    while (this.i < this.s.length && !/[;\n}\s]/.test(this.s[this.i] as string)) this.i++;
    return this.s.slice(start, this.i);
  }

  private restOfLine(): string {
    const start = this.i;
    while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
    return this.s.slice(start, this.i);
  }

  /** Text of a, i and c: `a\` newline text (lines continued by a trailing backslash), or GNU's `a text`. */
  private text(): string {
    this.skipSpace();
    if (this.s[this.i] === '\\') {
      this.i++;
      if (this.s[this.i] === '\n') this.i++;
    } else if (this.i >= this.s.length) this.fail("expected \\ after `a', `c' or `i'");
    let out = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i] as string;
      if (c === '\\') {
        const d = this.s[this.i + 1];
        this.i += 2;
        if (d === undefined) break;
        out += d;
        continue;
      }
      if (c === '\n') {
        this.i++;
        break;
      }
      out += c;
      this.i++;
    }
    return out;
  }

  private substitute(cmd: Command): void {
    const delim = this.s[this.i];
    if (delim === undefined || delim === '\n' || delim === '\\') this.fail("unterminated `s' command");
    this.i++;
    const src = this.regexSource(delim, 's');
    const repl: ReplPart[] = [];
    let lit = '';
    const flushLit = (): void => {
      if (lit !== '') repl.push({ t: 'lit', s: lit });
      lit = '';
    };
    for (;;) {
      if (this.i >= this.s.length) this.fail("unterminated `s' command");
      const c = this.s[this.i] as string;
      if (c === delim) {
        this.i++;
        break;
      }
      if (c === '\\') {
        const d = this.s[this.i + 1] ?? '';
        this.i += 2;
        if (/[0-9]/.test(d)) {
          flushLit();
          repl.push({ t: 'ref', n: Number(d) });
        } else if (d === 'n') lit += '\n';
        else if (d === 't') lit += '\t';
        else if (d === 'U' || d === 'L' || d === 'u' || d === 'l' || d === 'E') {
          flushLit();
          repl.push({ t: 'case', c: d });
        } else lit += d;
        continue;
      }
      if (c === '&') {
        flushLit();
        repl.push({ t: 'ref', n: 0 });
        this.i++;
        continue;
      }
      lit += c;
      this.i++;
    }
    flushLit();
    let ignoreCase = false;
    for (;;) {
      const f = this.s[this.i];
      if (f === 'g') cmd.global = true;
      else if (f === 'p') cmd.print++;
      else if (f === 'i' || f === 'I') ignoreCase = true;
      else if (f === 'm' || f === 'M' || f === 'e') {
        // Multi-line mode and `e` are accepted; `^`/`$` keep their whole-space meaning.
      } else if (f !== undefined && /\d/.test(f)) {
        const n = this.number();
        if (n === 0) this.fail("number option to `s' command may not be zero");
        cmd.occurrence = n;
        continue;
      } else if (f === 'w') {
        this.i++;
        this.skipSpace();
        cmd.wfile = this.restOfLine();
        break;
      } else break;
      this.i++;
    }
    if (this.s[this.i] !== undefined && !/[;\n} \t#]/.test(this.s[this.i] as string)) {
      this.fail("unknown option to `s'", this.i + 1);
    }
    cmd.repl = repl;
    cmd.re = src === '' ? null : this.compile(src, ignoreCase);
  }

  private transliterate(cmd: Command): void {
    const delim = this.s[this.i];
    if (delim === undefined) this.fail("unterminated `y' command");
    this.i++;
    const part = (): string[] => {
      const chars: string[] = [];
      for (;;) {
        if (this.i >= this.s.length) this.fail("unterminated `y' command");
        const c = this.s[this.i] as string;
        this.i++;
        if (c === delim) return chars;
        if (c === '\\') {
          const d = this.s[this.i] ?? '';
          this.i++;
          chars.push(d === 'n' ? '\n' : d === 't' ? '\t' : d);
        } else chars.push(c);
      }
    };
    cmd.ySrc = part();
    cmd.yDst = part();
    if (cmd.ySrc.length !== cmd.yDst.length) this.fail("strings for `y' command are different lengths");
  }
}

/** Index just past a bracket expression starting at `at`, or -1 when it does not close on this line. */
function bracketEnd(s: string, at: number): number {
  let i = at + 1;
  if (s[i] === '^') i++;
  if (s[i] === ']') i++;
  while (i < s.length && s[i] !== '\n') {
    if (s[i] === '[' && (s[i + 1] === ':' || s[i + 1] === '.' || s[i + 1] === '=')) {
      const close = s.indexOf(`${s[i + 1]}]`, i + 2);
      if (close === -1) return -1;
      i = close + 2;
      continue;
    }
    if (s[i] === ']') return i + 1;
    i++;
  }
  return -1;
}
