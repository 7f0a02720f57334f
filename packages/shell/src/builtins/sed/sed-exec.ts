/**
 * The sed machine: runs a parsed program over a line source, one cycle per input line, with the pattern and
 * hold spaces, range states per command, the append queue, the `t` flag and w-files. Output goes through a
 * callback as it is produced, so a stream is edited as it flows; the next line is looked at in advance only
 * when the program uses `$`.
 */
import type { Regex } from '../../regex/compile-regex.js';
import type { Address, Addr2, Command, ReplPart } from './sed-parse.js';

export interface SedLineSource {
  /** The next line, or null at the end of all input. */
  next(): Promise<string | null>;
  /** Whether the line last returned is the final one. */
  isLast(): Promise<boolean>;
  /** The line last returned ended without a newline. */
  readonly missingNewline: boolean;
  readonly fileName: string;
  /** Whether the next line is already at hand (reading it will not wait). */
  hasBuffered(): boolean;
}

export interface SedHooks {
  write(text: string): void;
  /** Contents of a file for `r` (null when it cannot be read). */
  readFile(path: string): Promise<string | null>;
  /** The next line of a file for `R` (null at its end). */
  readLine(path: string): Promise<string | null>;
  /** Text written by `w` and `s///w` to a file (`/dev/stdout` and `/dev/stderr` included). */
  writeFile(path: string, text: string): void;
  checkAbort(): void;
  /** Write out everything produced so far. */
  flush(): Promise<void>;
}

/** Cycles between flushes while input lines are at hand. */
const FLUSH_EVERY_CYCLES = 4096;

interface RangeState {
  active: boolean;
  end: number;
  started: boolean;
}

export class SedMachine {
  private ps = '';
  private hs = '';
  lineNo = 0;
  private cycles = 0;
  private quitCode: number | null = null;
  private appendQueue: Array<{ text: string } | { file: string } | { line: string }> = [];
  private substituted = false;
  private readonly ranges: RangeState[];
  private lastRegex: Regex | null = null;
  private input: SedLineSource | null = null;

  constructor(
    private readonly program: readonly Command[],
    private readonly quiet: boolean,
    private readonly hooks: SedHooks,
  ) {
    this.ranges = program.map(() => ({ active: false, end: 0, started: false }));
  }

  get quit(): number | null {
    return this.quitCode;
  }

  /** Run over one source (a stream, or one file with -s/-i). */
  async run(input: SedLineSource): Promise<void> {
    this.input = input;
    let restart = false;
    for (;;) {
      if (!restart) {
        const line = await input.next();
        if (line === null) return;
        this.ps = line;
        this.lineNo++;
        this.substituted = false;
      }
      restart = false;
      this.hooks.checkAbort();
      const end = await this.cycle();
      if (end === 'restart') restart = true;
      if (end !== 'delete' && end !== 'restart' && end !== 'quitSilently' && !this.quiet) this.printPs();
      this.flushAppends();
      await this.flushAppendFiles();
      // Output goes out whenever the next line would have to be waited for, so a stream is edited as it
      // flows, and otherwise in large batches.
      if (!input.hasBuffered() || ++this.cycles % FLUSH_EVERY_CYCLES === 0) await this.hooks.flush();
      if (end === 'quit' || end === 'quitSilently') return;
    }
  }

  /** Output ends without a newline because the last line read had none; any later output adds it first. */
  private owedNewline = false;

  private write(text: string): void {
    if (this.owedNewline) {
      this.hooks.write('\n');
      this.owedNewline = false;
    }
    this.hooks.write(text);
  }

  /** Print the pattern space: without its newline when the input line it came from had none. */
  private printPs(): void {
    this.write(this.ps);
    if (this.input?.missingNewline === true) this.owedNewline = true;
    else this.hooks.write('\n');
  }

  private pendingFiles: Array<Promise<string | null>> = [];

  private flushAppends(): void {
    for (const a of this.appendQueue) {
      if ('text' in a) this.write(`${a.text}\n`);
      else if ('line' in a) this.write(`${a.line}\n`);
      else this.pendingFiles.push(this.hooks.readFile(a.file));
    }
    this.appendQueue = [];
  }

  private async flushAppendFiles(): Promise<void> {
    if (this.pendingFiles.length === 0) return;
    for (const p of this.pendingFiles) {
      const t = await p;
      if (t !== null) this.write(t);
    }
    this.pendingFiles = [];
  }

  private async isLast(): Promise<boolean> {
    return this.input !== null && (await this.input.isLast());
  }

  private async one(a: Address): Promise<boolean> {
    switch (a.t) {
      case 'line':
        return this.lineNo === a.n;
      case 'last':
        return this.isLast();
      case 're':
        return this.test(a.re);
      case 'step':
        return a.step <= 0 ? this.lineNo === a.first : this.lineNo >= a.first && (this.lineNo - a.first) % a.step === 0;
      case 'zero':
        return false;
    }
  }

  private test(re: Regex | null): boolean {
    const r = re ?? this.lastRegex;
    if (r === null) throw new SedRuntimeError('no previous regular expression');
    this.lastRegex = r;
    return r.test(this.ps);
  }

  private async rangeEnds(a2: Addr2, st: RangeState): Promise<boolean> {
    switch (a2.t) {
      case 'line':
        return this.lineNo >= a2.n;
      case 'plus':
        return this.lineNo >= st.end;
      case 'mult':
        return a2.n <= 0 || this.lineNo % a2.n === 0;
      default:
        return this.one(a2);
    }
  }

  private async selected(cmd: Command, idx: number): Promise<boolean> {
    const { a1, a2 } = cmd;
    if (a1 === undefined) return !cmd.negate;
    let m: boolean;
    if (a2 === undefined) m = await this.one(a1);
    else {
      const st = this.ranges[idx] as RangeState;
      if (st.active) {
        m = true;
        if (await this.rangeEnds(a2, st)) st.active = false;
      } else if (a1.t === 'zero' ? !st.started : await this.one(a1)) {
        st.started = true;
        m = true;
        st.active = true;
        if (a2.t === 'plus') st.end = this.lineNo + a2.n;
        if (a1.t === 'zero') {
          if (await this.rangeEnds(a2, st)) st.active = false;
        } else if (a2.t === 'line' || a2.t === 'plus' || a2.t === 'mult') {
          if (a2.t === 'line' ? a2.n <= this.lineNo : await this.rangeEnds(a2, st)) st.active = false;
        }
      } else m = false;
    }
    return m !== cmd.negate;
  }

  /** Run the program once over the pattern space. */
  private async cycle(): Promise<'end' | 'delete' | 'restart' | 'quit' | 'quitSilently'> {
    const prog = this.program;
    let pc = 0;
    while (pc < prog.length) {
      const cmd = prog[pc] as Command;
      if (!(await this.selected(cmd, pc))) {
        pc = cmd.name === '{' ? cmd.target : pc + 1;
        continue;
      }
      pc++;
      switch (cmd.name) {
        case '{':
        case '}':
          break;
        case '=':
          this.write(`${this.lineNo}\n`);
          break;
        case 'a':
          this.appendQueue.push({ text: cmd.text });
          break;
        case 'i':
          this.write(`${cmd.text}\n`);
          break;
        case 'c': {
          const st = this.ranges[pc - 1] as RangeState;
          if (cmd.a2 === undefined || cmd.negate || !st.active) this.write(`${cmd.text}\n`);
          return 'delete';
        }
        case 'd':
          return 'delete';
        case 'D': {
          const nl = this.ps.indexOf('\n');
          if (nl === -1) return 'delete';
          this.ps = this.ps.slice(nl + 1);
          return 'restart';
        }
        case 'g':
          this.ps = this.hs;
          break;
        case 'G':
          this.ps += `\n${this.hs}`;
          break;
        case 'h':
          this.hs = this.ps;
          break;
        case 'H':
          this.hs += `\n${this.ps}`;
          break;
        case 'x': {
          const t = this.ps;
          this.ps = this.hs;
          this.hs = t;
          break;
        }
        case 'z':
          this.ps = '';
          break;
        case 'l':
          this.write(escapeForL(this.ps, cmd.code === 0 ? 70 : cmd.code));
          break;
        case 'n': {
          const next = await this.peekNext();
          if (!next) return 'quit';
          if (!this.quiet) this.printPs();
          this.flushAppends();
          await this.flushAppendFiles();
          await this.readNext();
          break;
        }
        case 'N': {
          const next = await this.peekNext();
          if (!next) return 'quit';
          const prev = this.ps;
          await this.readNext();
          this.ps = `${prev}\n${this.ps}`;
          break;
        }
        case 'p':
          this.printPs();
          break;
        case 'P': {
          const nl = this.ps.indexOf('\n');
          this.write(`${nl === -1 ? this.ps : this.ps.slice(0, nl)}\n`);
          break;
        }
        case 'q':
          this.quitCode = cmd.code;
          return 'quit';
        case 'Q':
          this.quitCode = cmd.code;
          return 'quitSilently';
        case 'r':
          this.appendQueue.push({ file: cmd.text });
          break;
        case 'R': {
          const line = await this.hooks.readLine(cmd.text);
          if (line !== null) this.appendQueue.push({ line });
          break;
        }
        case 'w':
          this.hooks.writeFile(cmd.text, `${this.ps}\n`);
          break;
        case 'W': {
          const nl = this.ps.indexOf('\n');
          this.hooks.writeFile(cmd.text, `${nl === -1 ? this.ps : this.ps.slice(0, nl)}\n`);
          break;
        }
        case 'F':
          this.write(`${this.input?.fileName ?? '-'}\n`);
          break;
        case 'b':
          pc = cmd.target === -1 ? prog.length : cmd.target;
          break;
        case 't':
        case 'T': {
          const jump = cmd.name === 't' ? this.substituted : !this.substituted;
          this.substituted = false;
          if (jump) pc = cmd.target === -1 ? prog.length : cmd.target;
          break;
        }
        case 's':
          if (this.substitute(cmd)) {
            this.substituted = true;
            for (let k = 0; k < cmd.print; k++) this.printPs();
            if (cmd.wfile !== '') this.hooks.writeFile(cmd.wfile, `${this.ps}\n`);
          }
          break;
        case 'y': {
          let out = '';
          for (const ch of this.ps) {
            const k = cmd.ySrc.indexOf(ch);
            out += k === -1 ? ch : (cmd.yDst[k] as string);
          }
          this.ps = out;
          break;
        }
        default:
          break;
      }
    }
    return 'end';
  }

  private async peekNext(): Promise<boolean> {
    if (this.input !== null && !this.input.hasBuffered()) await this.hooks.flush();
    return !(await this.isLast());
  }

  private async readNext(): Promise<void> {
    const line = await this.input?.next();
    if (line === null || line === undefined) return;
    this.ps = line;
    this.lineNo++;
  }

  private substitute(cmd: Command): boolean {
    const re = cmd.re ?? this.lastRegex;
    if (re === null) throw new SedRuntimeError('no previous regular expression');
    this.lastRegex = re;
    const ps = this.ps;
    let pos = 0;
    let copied = 0;
    let count = 0;
    let prevEnd = -1;
    let changed = false;
    const parts: string[] = [];
    while (pos <= ps.length) {
      const m = re.exec(ps, pos);
      if (m === null) break;
      const s = m[0] as number;
      const e = m[1] as number;
      if (s === e && s === prevEnd) {
        // An empty match right after the previous match is not a new match.
        pos = s + 1;
        continue;
      }
      count++;
      if (count >= cmd.occurrence) {
        parts.push(ps.slice(copied, s), expand(cmd.repl, ps, m));
        copied = e;
        changed = true;
        if (!cmd.global) break;
      }
      prevEnd = e;
      pos = e === s ? e + 1 : e;
    }
    if (!changed) return false;
    parts.push(ps.slice(copied));
    this.ps = parts.join('');
    return true;
  }
}

export class SedRuntimeError extends Error {}

function expand(repl: readonly ReplPart[], text: string, m: readonly number[]): string {
  if (repl.length === 1 && repl[0]?.t === 'lit') return repl[0].s;
  let out = '';
  let mode: 'U' | 'L' | '' = '';
  let once: 'u' | 'l' | '' = '';
  const add = (s: string): void => {
    if (s === '') return;
    let t = mode === 'U' ? s.toUpperCase() : mode === 'L' ? s.toLowerCase() : s;
    if (once !== '') {
      t = (once === 'u' ? t.charAt(0).toUpperCase() : t.charAt(0).toLowerCase()) + t.slice(1);
      once = '';
    }
    out += t;
  };
  for (const p of repl) {
    if (p.t === 'lit') add(p.s);
    else if (p.t === 'ref') {
      const s = m[2 * p.n];
      const e = m[2 * p.n + 1];
      if (s !== undefined && e !== undefined && s >= 0) add(text.slice(s, e));
    } else if (p.c === 'U' || p.c === 'L') {
      mode = p.c;
      once = '';
    } else if (p.c === 'E') {
      mode = '';
      once = '';
    } else once = p.c;
  }
  return out;
}

const L_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' };

function escapeForL(ps: string, width: number): string {
  const bytes = new TextEncoder().encode(ps);
  let line = '';
  let out = '';
  for (const b of bytes) {
    const piece = L_ESCAPES[b] ?? (b < 32 || b >= 127 ? `\\${b.toString(8).padStart(3, '0')}` : String.fromCharCode(b));
    if (width > 1 && line.length + piece.length > width - 1) {
      out += `${line}\\\n`;
      line = '';
    }
    line += piece;
  }
  return `${out}${line}$\n`;
}
