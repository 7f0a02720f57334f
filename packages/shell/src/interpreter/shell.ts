/**
 * A shell session: state that persists between execs, execs run one at a time in order, per-call cwd/env
 * that apply to that call only, `exit N` ending only the exec, background jobs outliving the exec that
 * started them, a signal (or `kill`) stopping the foreground job, and a journal of observations that lets a
 * new session replay a run. Parsed command strings are cached.
 */
import type { Builtin } from '../builtins/types.js';
import { encode } from '../builtins/io.js';
import { type Program, parseProgram } from '../parser/parser.js';
import type { ByteSink, ByteSource, Sys } from '../sys.js';
import { ExitSignal, KilledSignal, ShellError, signalNumber } from './control.js';
import { type Fds, Interpreter, type Runtime } from './interpreter.js';
import { Journal, type JournalData } from './journal.js';
import { SHELL_LIMITS, type ShellLimits } from './limits.js';
import { createState, restoreState, type ShellState, type StateSnapshot, snapshotState } from './state.js';
import { EMPTY_SOURCE, InputBuffer } from './streams.js';
import { scalarOf, setScalar } from './vars.js';

export interface ShellOptions {
  sys: Sys;
  builtins?: Readonly<Record<string, Builtin>> | ReadonlyMap<string, Builtin>;
  cwd?: string;
  env?: Record<string, string>;
  /** `$$` of the session. */
  pid?: number;
  /** A snapshot from `snapshot()` to continue from. */
  state?: unknown;
  /** A journal from an earlier run to replay before going live. */
  journal?: JournalData;
  /** Overrides of SHELL_LIMITS (tests, tighter sandboxes). */
  limits?: Partial<ShellLimits>;
}

export interface ExecOptions {
  stdin?: ByteSource | string | Uint8Array;
  stdout: ByteSink;
  stderr: ByteSink;
  cwd?: string;
  env?: Record<string, string>;
  /** Aborting stops the foreground job; the reason names the signal ('SIGINT', 'TERM', 2…), default SIGTERM. */
  signal?: AbortSignal;
}

export interface ExecResult {
  exitCode: number;
}

export class Shell {
  private st: ShellState;
  private readonly rt: Runtime;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly cache = new Map<string, Program>();
  private foreground: AbortController | null = null;

  constructor(opts: ShellOptions) {
    const builtins =
      opts.builtins instanceof Map ? opts.builtins : new Map(Object.entries((opts.builtins ?? {}) as Record<string, Builtin>));
    this.rt = {
      sys: opts.sys,
      builtins,
      journal: new Journal(opts.journal),
      commands: 0,
      jobs: new Map(),
      evalDepth: 0,
      sourceDepth: 0,
      limits: { ...SHELL_LIMITS, ...opts.limits },
    };
    this.st =
      opts.state !== undefined
        ? restoreState(opts.state as StateSnapshot)
        : createState({ cwd: opts.cwd ?? '/', env: opts.env ?? {}, pid: opts.pid, nowMs: opts.sys.now() });
  }

  static create(opts: ShellOptions): Shell {
    return new Shell(opts);
  }

  static fromSnapshot(snapshot: StateSnapshot, opts: Omit<ShellOptions, 'state'>): Shell {
    return new Shell({ ...opts, state: snapshot });
  }

  snapshot(): StateSnapshot {
    return snapshotState(this.st);
  }

  /** The live state (tests and the session host read variables from it). */
  get state(): ShellState {
    return this.st;
  }

  get journal(): JournalData {
    return this.rt.journal.data;
  }

  get replaying(): boolean {
    return this.rt.journal.replaying;
  }

  runningJobs(): number {
    return this.st.jobs.filter((j) => j.state === 'running').length;
  }

  /** Send a signal to the foreground job of the running exec, if any. */
  kill(signal: string | number = 'SIGINT'): void {
    this.foreground?.abort(typeof signal === 'number' ? signal : (signalNumber(signal) ?? 15));
  }

  exec(command: string, opts: ExecOptions): Promise<ExecResult> {
    const run = this.queue.then(() => this.run(command, opts));
    this.queue = run.catch(() => {});
    return run;
  }

  /** End the session as a shell exits: runs the EXIT trap. */
  async close(opts: Pick<ExecOptions, 'stdout' | 'stderr'>): Promise<number> {
    await this.queue;
    const it = new Interpreter(this.st, this.rt, new AbortController().signal, true);
    const fds: Fds = [{ src: EMPTY_SOURCE }, { sink: opts.stdout }, { sink: opts.stderr }];
    return it.runExitTrap(fds, this.st.status);
  }

  private parse(command: string): Program {
    let p = this.cache.get(command);
    if (p !== undefined) {
      this.cache.delete(command);
      this.cache.set(command, p);
      return p;
    }
    p = parseProgram(command);
    if (this.cache.size >= this.rt.limits.parseCacheEntriesMax) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(command, p);
    return p;
  }

  private async run(command: string, opts: ExecOptions): Promise<ExecResult> {
    const st = this.st;
    const journal = this.rt.journal;
    const fg = new AbortController();
    this.foreground = fg;
    const onAbort = () => {
      const r: unknown = opts.signal?.reason;
      fg.abort(typeof r === 'number' ? r : typeof r === 'string' ? (signalNumber(r) ?? 15) : 15);
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    const stdin =
      opts.stdin === undefined
        ? EMPTY_SOURCE
        : typeof opts.stdin === 'string' || opts.stdin instanceof Uint8Array
          ? singleChunk(typeof opts.stdin === 'string' ? encode(opts.stdin) : opts.stdin)
          : opts.stdin;
    const fds: Fds = [
      { src: new InputBuffer(stdin) },
      { sink: deliverSink(opts.stdout, journal, 0) },
      { sink: deliverSink(opts.stderr, journal, 1) },
    ];
    const savedCwd = st.cwd;
    const savedPwd = scalarOf(st.vars.get('PWD'));
    const savedEnv = new Map<string, ReturnType<typeof st.vars.get>>();
    if (opts.cwd !== undefined) {
      st.cwd = opts.cwd;
      setScalar(st, 'PWD', opts.cwd, null);
    }
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      savedEnv.set(k, st.vars.get(k));
      st.vars.set(k, { attrs: 1, s: v });
    }
    this.rt.commands = 0;
    const it = new Interpreter(st, this.rt, fg.signal, true);
    let status: number;
    try {
      const program = command.length > this.rt.limits.scriptBytesMax ? null : this.parse(command);
      if (program === null) {
        await it.err(`command too long (limit ${this.rt.limits.scriptBytesMax} bytes)`, fds);
        status = 2;
      } else {
        status = await this.runProgram(it, program, command, fds);
      }
      // An exec is one `bash -c` run: its end is the shell's exit, so a pending EXIT trap runs now (on a calm
      // interpreter when the foreground was stopped) and is cleared.
      if (st.traps.has('EXIT')) {
        const ender = fg.signal.aborted ? new Interpreter(st, this.rt, new AbortController().signal, true) : it;
        status = await ender.runExitTrap(fds, status);
      }
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      this.foreground = null;
      if (opts.cwd !== undefined && st.cwd === opts.cwd) {
        st.cwd = savedCwd;
        if (savedPwd !== undefined) setScalar(st, 'PWD', savedPwd, null);
      }
      for (const [k, v] of savedEnv) {
        if (v === undefined) st.vars.delete(k);
        else st.vars.set(k, v);
      }
    }
    st.status = status;
    return { exitCode: status };
  }

  private async runProgram(it: Interpreter, program: Program, command: string, fds: Fds): Promise<number> {
    let status: number;
    try {
      status = await it.runScript(program.script, fds);
      if (program.error !== null) {
        const e = program.error;
        const line = atEnd(e.message) ? command.split('\n').length + 1 : e.line;
        await it.err(`-c: line ${line}: ${e.message}`, fds, false);
        if (e.message.includes('near unexpected token')) {
          await it.err(`-c: line ${line}: \`${command.split('\n')[line - 1] ?? ''}'`, fds, false);
        }
        status = 2;
      }
    } catch (e) {
      if (e instanceof ExitSignal) status = e.status;
      else if (e instanceof ShellError) {
        if (!e.reported) await it.err(e.message, fds);
        status = e.status;
      } else if (e instanceof KilledSignal) {
        status = e.status;
        const trap = this.st.traps.get(signalName(e.signal));
        if (trap !== undefined) {
          const calm = new Interpreter(this.st, this.rt, new AbortController().signal, true);
          await calm.evalString(trap, fds).catch(() => 0);
        }
      } else throw e;
    }
    return status;
  }
}

/** Errors bash reports on the line after the last one (it read to the end of the input). */
export function atEnd(message: string): boolean {
  return message === 'syntax error: unexpected end of file' || message === "unexpected EOF while looking for matching `)'";
}

function signalName(n: number): string {
  return ({ 1: 'HUP', 2: 'INT', 15: 'TERM' } as Record<number, string>)[n] ?? String(n);
}

function singleChunk(bytes: Uint8Array): ByteSource {
  let done = false;
  return {
    read: async () => {
      if (done || bytes.length === 0) return null;
      done = true;
      return bytes;
    },
  };
}

function deliverSink(sink: ByteSink, journal: Journal, stream: 0 | 1): ByteSink {
  return {
    write: async (chunk: Uint8Array) => {
      const n = journal.deliver(stream, chunk.length);
      if (n === chunk.length) return sink.write(chunk);
      if (n > 0) return sink.write(chunk.subarray(chunk.length - n));
    },
  };
}
