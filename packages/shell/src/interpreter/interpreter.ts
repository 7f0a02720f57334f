/**
 * The interpreter: runs the AST against a ShellState and a Sys. Lists, and-or lists, pipelines (stages run
 * concurrently over bounded in-memory pipes, each stage on a copy of the state as bash forks), compound
 * commands, functions, errexit, traps and background jobs. Simple commands live in simple-command.ts.
 * Invariants: every effect outside the state goes through `sys`; `signal` is checked before every command and
 * the event loop is yielded to regularly, so a runaway loop is stoppable.
 */
import { errnoMessage, isKernelError } from '@burrow/protocol';
import type { AndOr, Command, CompoundCommand, ListItem, Pipeline, Script } from '../ast/types.js';
import type { Builtin } from '../builtins/types.js';
import { resolvePath, writeText } from '../builtins/io.js';
import { type Program, parseProgram } from '../parser/parser.js';
import type { ByteSink, ByteSource, Sys } from '../sys.js';
import { ArithError, evalArith } from './arith.js';
import { execBody } from './compound.js';
import {
  BreakSignal,
  ContinueSignal,
  ExitSignal,
  KilledSignal,
  ReturnSignal,
  ShellError,
  signalNumber,
} from './control.js';
import { type ExpandHost, expandString } from './expand.js';
import type { Journal } from './journal.js';
import type { ShellLimits } from './limits.js';
import { runStages, startJob } from './pipeline.js';
import { finishProcSubsts, type PendingProc, startProcSubst } from './proc-subst.js';
import { applyRedirs } from './redirect.js';
import { execSimple } from './simple-command.js';
import { cloneState, type ShellState } from './state.js';
import { CollectSink, NULL_SINK } from './streams.js';
import { resolveRef, scalarOf, setIndex, setScalar } from './vars.js';

export interface Fd {
  src?: ByteSource;
  sink?: ByteSink;
}
export type Fds = (Fd | undefined)[];

export interface LiveJob {
  id: number;
  pid: number;
  done: Promise<number>;
  controller: AbortController;
}

/** What all interpreters of one session share. */
export interface Runtime {
  sys: Sys;
  builtins: ReadonlyMap<string, Builtin>;
  journal: Journal;
  commands: number;
  jobs: Map<number, LiveJob>;
  evalDepth: number;
  sourceDepth: number;
  limits: ShellLimits;
}

export class Interpreter implements ExpandHost {
  /** fds of the command being run (for expansion errors and command substitution). */
  fds: Fds = [];
  lineno = 0;
  /** Status of the last command substitution of the current command. */
  substStatus = 0;
  loopDepth = 0;
  /** `name=value` arguments of the declaration builtin being run, by argv index. */
  declArgs: Map<number, import('../ast/types.js').Assignment> = new Map();
  private errexitOff = 0;
  fromFile = false;
  /** Extra xtrace nesting: command and process substitutions and `eval` repeat PS4's first character. */
  traceDepth = 0;
  /** Line of each active function call, innermost last (`caller`). */
  callLines: number[] = [];
  /** Called once a simple command is about to run (after its xtrace line): orders traced pipeline stages. */
  onDispatch: (() => void) | null = null;
  /** Process substitutions of the commands being run, finished when their command ends. */
  procs: PendingProc[] = [];

  constructor(
    public st: ShellState,
    readonly rt: Runtime,
    public signal: AbortSignal,
    /** False inside units journaled as a whole (pipelines, substitutions, background jobs). */
    readonly journaled: boolean,
  ) {}

  get sys(): Sys {
    return this.rt.sys;
  }

  observe<T>(kind: string, live: () => Promise<T>): Promise<T> {
    return this.journaled ? this.rt.journal.observe(kind, live) : live();
  }

  observeSync<T>(kind: string, live: () => T): T {
    return this.journaled ? this.rt.journal.observeSync(kind, live) : live();
  }

  /** A child interpreter on a copy of the state (subshell, pipeline stage, substitution, background job). */
  fork(signal: AbortSignal = this.signal, journaled = false): Interpreter {
    const st = cloneState(this.st);
    // Subshells inherit the ERR trap only under errtrace (set -E).
    const errTrap = this.st.traps.get('ERR');
    if (errTrap !== undefined && this.st.opts.errtrace) st.traps.set('ERR', errTrap);
    st.bashPid = st.nextPid++;
    this.st.nextPid = st.nextPid;
    const child = new Interpreter(st, this.rt, signal, journaled);
    child.lineno = this.lineno;
    child.fromFile = this.fromFile;
    child.traceDepth = this.traceDepth;
    child.callLines = this.callLines.slice();
    return child;
  }

  /** `$0: line N: msg` on stderr (`bash: line N:` under bash -c, the script's name in a script); `withLine`
   * false drops the location, an empty `prefix` the name. */
  async err(msg: string, fds: Fds = this.fds, withLine = true, prefix = this.errPrefix()): Promise<void> {
    const sink = fds[2]?.sink;
    if (sink === undefined) return;
    try {
      await writeText(sink, `${prefix === '' ? '' : `${prefix}: `}${withLine ? `line ${this.lineno}: ` : ''}${msg}\n`);
    } catch {
      // stderr gone: nothing else can be told.
    }
  }

  /** bash -c names errors inside functions `environment` (where it reads their definitions); a script, `$0`. */
  private errPrefix(): string {
    return this.st.funcStack.length > 0 && !this.fromFile ? 'environment' : this.st.arg0;
  }

  /** Check for a stop, count the command, and yield to the event loop now and then. */
  async tick(): Promise<void> {
    if (this.signal.aborted) throw new KilledSignal(signalOf(this.signal));
    const n = ++this.rt.commands;
    if (n > this.rt.limits.commandsPerExecMax) {
      throw new ShellError(`maximum command count exceeded (${this.rt.limits.commandsPerExecMax})`, 1, true);
    }
    if ((n & 1023) === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.signal.aborted) throw new KilledSignal(signalOf(this.signal));
    }
  }

  lookup(name: string): string | undefined {
    const c = name.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const n = Number(name);
      return n === 0 ? this.st.arg0 : this.st.positional[n - 1];
    }
    switch (name) {
      case '?':
        return String(this.st.status);
      case '#':
        return String(this.st.positional.length);
      case '$':
        return String(this.st.pid);
      case '!':
        return this.st.lastBgPid === 0 ? undefined : String(this.st.lastBgPid);
      case '-':
        return optionLetters(this.st) + (this.fromFile ? '' : 'c');
      case '_':
        return this.st.lastArg;
      case '@':
      case '*':
        return this.st.positional.join(' ');
      case 'RANDOM':
        return String(this.random());
      case 'SECONDS':
        return String(Math.floor((this.now() - this.st.secondsBaseMs) / 1000));
      case 'EPOCHSECONDS':
        return String(Math.floor(this.now() / 1000));
      case 'EPOCHREALTIME':
        return (this.now() / 1000).toFixed(6);
      case 'LINENO':
        return String(this.lineno);
      case 'BASHPID':
        return String(this.st.bashPid);
      case 'PWD':
        return scalarOf(this.st.vars.get('PWD')) ?? this.st.cwd;
      case 'FUNCNAME':
        return this.st.funcStack[0] ?? scalarOf(this.st.vars.get(name));
      default:
        return scalarOf(this.st.vars.get(resolveRef(this.st, name)));
    }
  }

  now(): number {
    return this.observeSync('clock', () => this.sys.now());
  }

  random(): number {
    return this.observeSync('random', () => {
      const b = this.sys.randomBytes(2);
      return (((b[0] ?? 0) << 8) | (b[1] ?? 0)) & 0x7fff;
    });
  }

  arith(text: string): bigint {
    try {
      return evalArith(text, {
        get: (name, index) => {
          if (index === null) return this.lookup(name) ?? '';
          const v = this.st.vars.get(resolveRef(this.st, name));
          if (v?.m !== undefined) return v.m.get(index) ?? '';
          if (v?.a !== undefined) return v.a[Number(index) < 0 ? v.a.length + Number(index) : Number(index)] ?? '';
          return index === '0' ? (v?.s ?? '') : '';
        },
        set: (name, index, value) => {
          if (index === null) setScalar(this.st, name, value, null);
          else setIndex(this.st, name, index, value, null);
        },
      });
    } catch (e) {
      if (e instanceof ArithError) throw new ShellError(e.message, 1, true);
      throw e;
    }
  }

  intEval = (expr: string): string => String(this.arith(expr));

  async commandSubst(body: Script): Promise<string> {
    const fds = this.fds;
    const r = await this.observe('subst', async () => {
      const only = body.items.length === 1 ? body.items[0]?.cmd : undefined;
      const cmd = only?.rest.length === 0 && only.first.cmds.length === 1 ? only.first.cmds[0] : undefined;
      if (cmd?.k === 'simple' && cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 1 && cmd.redirs[0]?.op === '<') {
        return this.readRedirFile(cmd.redirs[0].target, fds);
      }
      const child = this.fork();
      child.traceDepth++;
      // bash does not inherit errexit into command substitution (without inherit_errexit).
      child.st.opts.errexit = false;
      const sink = new CollectSink(this.rt.limits.stringBytesMax);
      const status = await child.runSubshell(body, [fds[0], { sink }, fds[2]]);
      return { out: sink.text(), status };
    });
    this.substStatus = r.status;
    this.st.status = r.status;
    let end = r.out.length;
    while (end > 0 && r.out.charCodeAt(end - 1) === 10) end--;
    return r.out.slice(0, end);
  }

  procSubst(body: Script, dir: '<' | '>'): Promise<string> {
    return startProcSubst(this, body, dir, this.fds);
  }

  /** `$(< file)`: the file's contents without running a command. */
  private async readRedirFile(target: import('../ast/types.js').Word, fds: Fds): Promise<{ out: string; status: number }> {
    const name = await expandString(this, target);
    try {
      const bytes = await this.sys.readFile(resolvePath(this.st.cwd, name));
      return { out: new TextDecoder().decode(bytes), status: 0 };
    } catch (e) {
      if (!isKernelError(e)) throw e;
      await this.err(`${name}: ${errnoMessage(e.errno)}`, fds);
      return { out: '', status: 1 };
    }
  }

  /** Run a script as a whole (sub)shell: `exit` and fatal errors end it with their status. */
  async runSubshell(script: Script, fds: Fds): Promise<number> {
    let status: number;
    try {
      status = await this.runScript(script, fds);
    } catch (e) {
      status = await this.exitStatusOf(e, fds);
    }
    status = await this.runExitTrap(fds, status);
    return status;
  }

  /** The status a (sub)shell ends with for a non-local exit; rethrows bugs. */
  async exitStatusOf(e: unknown, fds: Fds): Promise<number> {
    if (e instanceof ExitSignal) return e.status;
    if (e instanceof ShellError) {
      if (!e.reported) await this.err(e.message, fds);
      return e.status;
    }
    if (e instanceof KilledSignal) return e.status;
    if (e instanceof ReturnSignal) return e.status;
    if (e instanceof BreakSignal || e instanceof ContinueSignal) return this.st.status;
    throw e;
  }

  async runExitTrap(fds: Fds, status: number): Promise<number> {
    const trap = this.st.traps.get('EXIT');
    if (trap === undefined) return status;
    this.st.traps.delete('EXIT');
    this.st.status = status;
    try {
      await this.evalString(trap, fds);
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      if (!(e instanceof ShellError || e instanceof KilledSignal)) throw e;
    }
    return status;
  }

  async evalString(text: string, fds: Fds): Promise<number> {
    let program = evalCache.get(text);
    if (program === undefined) {
      program = parseProgram(text);
      if (evalCache.size >= this.rt.limits.parseCacheEntriesMax) evalCache.clear();
      evalCache.set(text, program);
    }
    const { script, error } = program;
    const status = await this.runScript(script, fds);
    if (error !== null) {
      const line = error.message === 'syntax error: unexpected end of file' ? text.split('\n').length + 1 : error.line;
      await this.err(`eval: line ${line}: ${error.message}`, fds, false);
      return 2;
    }
    return status;
  }

  async runScript(script: Script, fds: Fds): Promise<number> {
    let status = this.st.status;
    for (const item of script.items) status = await this.execItem(item, fds);
    return status;
  }

  private async execItem(item: ListItem, fds: Fds): Promise<number> {
    if (item.background) {
      startJob(this, item.cmd, fds, item.text ?? 'job');
      this.st.status = 0;
      return 0;
    }
    return this.execAndOr(item.cmd, fds);
  }

  async execAndOr(list: AndOr, fds: Fds): Promise<number> {
    const guarded = list.rest.length > 0;
    if (guarded) this.errexitOff++;
    let status: number;
    let last = list.first;
    try {
      status = await this.execPipeline(list.first, fds);
      for (let i = 0; i < list.rest.length; i++) {
        const r = list.rest[i];
        if (r === undefined) break;
        if ((r.op === '&&') !== (status === 0)) continue;
        if (i === list.rest.length - 1) this.errexitOff--;
        try {
          last = r.p;
          status = await this.execPipeline(r.p, fds);
        } finally {
          if (i === list.rest.length - 1) this.errexitOff++;
        }
      }
    } finally {
      if (guarded) this.errexitOff--;
    }
    if (status !== 0 && !last.negate && (last === list.rest[list.rest.length - 1]?.p || !guarded)) {
      await this.failed(status, fds);
    }
    return status;
  }

  /** A command failed: ERR trap, then errexit. */
  async failed(status: number, fds: Fds): Promise<void> {
    if (this.errexitOff > 0) return;
    // Inside a function the ERR trap fires only under errtrace (set -E), as in bash.
    const trap = this.st.funcStack.length > 0 && !this.st.opts.errtrace ? undefined : this.st.traps.get('ERR');
    if (trap !== undefined) {
      this.errexitOff++;
      try {
        await this.evalString(trap, fds);
      } finally {
        this.errexitOff--;
      }
      this.st.status = status;
    }
    if (this.st.opts.errexit) throw new ExitSignal(status);
  }

  async execPipeline(p: Pipeline, fds: Fds): Promise<number> {
    if (p.time === undefined) return this.runPipeline(p, fds);
    const start = this.now();
    const status = await this.runPipeline(p, fds);
    const fmt = p.time === 'posix' ? 'real %2R\nuser %2U\nsys %2S' : (this.st.vars.has('TIMEFORMAT') ? (this.lookup('TIMEFORMAT') ?? '') : DEFAULT_TIMEFORMAT);
    if (fmt !== '') await writeText(fds[2]?.sink ?? NULL_SINK, `${formatTimes(fmt, (this.now() - start) / 1000)}\n`).catch(() => {});
    return status;
  }

  private async runPipeline(p: Pipeline, fds: Fds): Promise<number> {
    if (p.negate) this.errexitOff++;
    let status: number;
    try {
      status = p.cmds.length === 1 && p.cmds[0] !== undefined ? await this.execCommand(p.cmds[0], fds) : await runStages(this, p, fds);
    } finally {
      if (p.negate) this.errexitOff--;
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    this.st.status = status;
    return status;
  }

  async execCommand(cmd: Command, fds: Fds): Promise<number> {
    this.fds = fds;
    const mark = this.procs.length;
    try {
      switch (cmd.k) {
        case 'simple':
          return await execSimple(this, cmd, fds);
        case 'function':
          this.st.funcs.set(cmd.name, cmd);
          return 0;
        default:
          return await this.execCompound(cmd, fds);
      }
    } finally {
      if (this.procs.length > mark) await finishProcSubsts(this, mark, fds);
    }
  }

  private async execCompound(cmd: CompoundCommand, fds: Fds): Promise<number> {
    this.lineno = cmd.line;
    if (cmd.redirs.length === 0) return execBody(this, cmd, fds);
    let r: Awaited<ReturnType<typeof applyRedirs>>;
    try {
      r = await applyRedirs(this, cmd.redirs, fds);
    } catch (e) {
      if (e instanceof ShellError && !e.fatal) {
        await this.err(e.message, fds);
        return 1;
      }
      throw e;
    }
    try {
      return await execBody(this, cmd, r.fds);
    } finally {
      await r.close();
    }
  }

  /** Run a condition list with errexit suspended. */
  async condition(script: Script, fds: Fds): Promise<number> {
    this.errexitOff++;
    try {
      return await this.runScript(script, fds);
    } finally {
      this.errexitOff--;
    }
  }

  async callFunction(name: string, args: string[], fds: Fds): Promise<number> {
    const def = this.st.funcs.get(name);
    if (def === undefined) return 127;
    if (this.st.funcStack.length >= this.rt.limits.functionDepthMax) {
      throw new ShellError(`${name}: maximum function nesting level exceeded (${this.rt.limits.functionDepthMax})`, 1, true);
    }
    const st = this.st;
    const savedPositional = st.positional;
    const savedLoop = this.loopDepth;
    st.positional = args;
    this.callLines.push(this.lineno);
    st.funcStack.unshift(name);
    st.scopes.push(new Map());
    this.loopDepth = 0;
    try {
      return await this.execCommand(def.body, fds);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      if (e instanceof ShellError && e.fatal && !e.reported) {
        await this.err(e.message, fds);
        e.reported = true;
      }
      throw e;
    } finally {
      this.loopDepth = savedLoop;
      const frame = st.scopes.pop();
      if (frame !== undefined) {
        for (const [k, saved] of frame) {
          if (saved === undefined) st.vars.delete(k);
          else st.vars.set(k, saved);
        }
      }
      st.funcStack.shift();
      this.callLines.pop();
      st.positional = savedPositional;
    }
  }
}

const DEFAULT_TIMEFORMAT = '\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS';

/** TIMEFORMAT: `%[p][l]R|U|S` (user and system time show as 0: the shell does not measure CPU), `%P`, `%%`. */
function formatTimes(fmt: string, realS: number): string {
  return fmt.replace(/%(%|P|([0-3])?(l)?([RUS]))/g, (_m, what: string, p: string | undefined, l: string | undefined, which: string) => {
    if (what === '%') return '%';
    if (what === 'P') return '0.00';
    const v = which === 'R' ? realS : 0;
    const digits = p === undefined ? 3 : Number(p);
    if (l === undefined) return v.toFixed(digits);
    const m = Math.floor(v / 60);
    return `${m}m${(v - m * 60).toFixed(digits)}s`;
  });
}

/** Parsed `eval` strings and traps, shared by all sessions (an AST is immutable). */
const evalCache = new Map<string, Program>();

export function signalOf(signal: AbortSignal): number {
  const r: unknown = signal.reason;
  if (typeof r === 'number') return r;
  if (typeof r === 'string') return signalNumber(r) ?? 15;
  return 15;
}

/** `$-` in bash's order: a e f h u v x B C E T (the caller appends c under -c). */
function optionLetters(st: ShellState): string {
  const o = st.opts;
  const on = (flag: boolean, letter: string): string => (flag ? letter : '');
  return `${on(o.allexport, 'a')}${on(o.errexit, 'e')}${on(o.noglob, 'f')}h${on(o.nounset, 'u')}${on(o.verbose, 'v')}${on(o.xtrace, 'x')}B${on(o.noclobber, 'C')}${on(o.errtrace, 'E')}${on(o.functrace, 'T')}`;
}
