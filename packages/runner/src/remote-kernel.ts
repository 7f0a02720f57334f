/**
 * `RemoteKernel`: the KernelApi of one sandbox whose kernel lives in a runner process, reached over IPC.
 * It behaves as LocalKernel does (same errors: KernelError with the kernel's errno), with two additions a
 * process boundary needs: output arrives under credit-based flow control (ByteStream), and when the runner
 * dies every process it hosted is reported killed ({ exitCode: 137, signal: 'SIGKILL', reason: 'runner-crashed' })
 * and every exec ends with 137, reason 'runner-crashed'.
 *
 * The kernel keeps the sandbox's latest VFS snapshot, sent up by the runner at idle points (before the reply
 * of each mutating fs call, and at each process exit), so that the RunnerProcess can recreate the kernel
 * with its files in a fresh runner. This stands in for persistence until checkpoints to storage exist: files
 * written by a process that is still running when the runner dies are lost.
 */
import type {
  DirEntryInfo,
  ExecOptions,
  ExecResult,
  ExecRun,
  ExitStatus,
  FileStatInfo,
  KernelApi,
  KernelContexts,
  KernelFs,
  ProcessHandle,
  ProcessInfo,
  RunCodeOptions,
  RunCodeResult,
  Signal,
  SpawnOptions,
} from '@burrow/kernel';
import { Errno, KernelError } from '@burrow/protocol';
import { byteLength, CreditQueue } from './credit-queue.js';
import type { Check } from './ipc-check.js';
import {
  bytesReply,
  dirEntries,
  encodedSnapshot,
  FILE_CHUNK_BYTES_MAX,
  type FsCall,
  execResult,
  nothing,
  processInfos,
  type RunnerEvent,
  spawnReply,
  statInfo,
} from './ipc.js';
import { RemoteContexts } from './remote-contexts.js';
import { RemoteExec } from './remote-exec.js';
import type { RunnerLink } from './remote-kernel-link.js';
import { decodeWhole, type EncodedSnapshot, SnapshotDecoder } from './snapshot-codec.js';

export const RUNNER_CRASHED: Readonly<ExitStatus> = Object.freeze({
  exitCode: 137,
  signal: 'SIGKILL',
  reason: 'runner-crashed',
});

class RemoteProcess implements ProcessHandle {
  readonly pid: Promise<number>;
  readonly stdout: CreditQueue<Uint8Array>;
  readonly stderr: CreditQueue<Uint8Array>;
  readonly stdin: ProcessHandle['stdin'];
  private readonly exited: Promise<ExitStatus>;
  private resolveExit: (s: ExitStatus) => void = () => {};
  private rejectExit: (e: unknown) => void = () => {};
  private settled = false;
  private stdinEnded = false;

  constructor(
    private readonly link: RunnerLink,
    private readonly sandbox: string,
    readonly proc: number,
    argv: string[],
    opts: SpawnOptions,
  ) {
    const window = link.outputWindowBytes;
    this.stdout = new CreditQueue(window, (n) => link.credit(sandbox, proc, 'stdout', n), byteLength);
    this.stderr = new CreditQueue(window, (n) => link.credit(sandbox, proc, 'stderr', n), byteLength);
    this.exited = new Promise((resolve, reject) => {
      this.resolveExit = resolve;
      this.rejectExit = reject;
    });
    this.exited.catch(() => {});
    const wire = {
      ...(opts.env === undefined ? {} : { env: { ...opts.env } }),
      ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
      ...(opts.preopens === undefined ? {} : { preopens: opts.preopens.map((p) => ({ ...p })) }),
      ...(opts.limits === undefined ? {} : { limits: { ...opts.limits } }),
    };
    this.pid = link.request({ op: 'spawn', sandbox, proc, argv: [...argv], opts: wire, window }, spawnReply).then(
      ({ pid }) => pid,
    );
    this.pid.catch((e: unknown) => this.fail(e));
    this.stdin = {
      write: async (data) => {
        if (this.stdinEnded) throw new KernelError(Errno.PIPE, 'stdin already ended');
        const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
        await link.request({ op: 'stdin', sandbox, proc, data: bytes }, nothing);
      },
      end: async () => {
        if (this.stdinEnded) return;
        this.stdinEnded = true;
        if (this.settled) return;
        await link.request({ op: 'stdin-end', sandbox, proc }, nothing);
      },
    };
  }

  wait(): Promise<ExitStatus> {
    return this.exited;
  }

  async kill(signal: Signal = 'SIGTERM'): Promise<void> {
    const pid = await this.pid;
    if (this.settled) return;
    await this.link.request({ op: 'kill', sandbox: this.sandbox, pid, signal }, nothing);
  }

  event(e: Extract<RunnerEvent, { t: 'out' | 'eof' | 'exit' }>): void {
    if (e.t === 'out') this[e.stream].push(e.data);
    else if (e.t === 'eof') this[e.stream].end();
    else this.settle(e.status);
  }

  /** The runner died (or the sandbox was destroyed): the process is gone with it. */
  runnerDied(): void {
    this.stdout.end();
    this.stderr.end();
    this.settle(RUNNER_CRASHED);
  }

  /** A spawn that failed: wait() rejects with the same error, as LocalKernel's handle does. */
  private fail(e: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.stdout.end();
    this.stderr.end();
    this.rejectExit(e);
  }

  private settle(status: ExitStatus): void {
    if (this.settled) return;
    this.settled = true;
    this.resolveExit(status);
  }

  /** Nothing more can arrive for it. */
  get finished(): boolean {
    return this.settled && this.stdout.isEnded && this.stderr.isEnded;
  }
}

export class RemoteKernel implements KernelApi {
  readonly fs: KernelFs;
  private readonly procs = new Map<number, RemoteProcess>();
  private readonly execs = new Map<number, RemoteExec>();
  private nextProc = 1;
  private readonly code: RemoteContexts;
  readonly contexts: KernelContexts;
  private decoder = new SnapshotDecoder();
  private latest: unknown = null;
  private closed = false;

  constructor(
    private readonly link: RunnerLink,
    readonly sandbox: string,
  ) {
    this.code = new RemoteContexts(link, sandbox, () => this.nextProc++);
    this.contexts = this.code.api;
    const call = <T>(fs: FsCall, check: Check<T>): Promise<T> => this.link.request({ op: 'fs', sandbox, fs }, check);
    this.fs = {
      readFile: (path) => call({ call: 'readFile', path }, bytesReply),
      readFileChunk: (path, offset, maxBytes) => {
        if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(maxBytes) || maxBytes < 0) {
          return Promise.reject(new KernelError(Errno.INVAL));
        }
        // A chunk may be shorter than asked for: one reply carries at most FILE_CHUNK_BYTES_MAX.
        return call({ call: 'readFileChunk', path, offset, maxBytes: Math.min(maxBytes, FILE_CHUNK_BYTES_MAX) }, bytesReply);
      },
      writeFile: async (path, data, opts = {}) => {
        await call({ call: 'writeFile', path, data, ...(opts.mode === undefined ? {} : { mode: opts.mode }) }, nothing);
      },
      appendFile: async (path, data) => {
        await call({ call: 'appendFile', path, data }, nothing);
      },
      mkdir: async (path, opts = {}) => {
        await call({ call: 'mkdir', path, ...opts }, nothing);
      },
      readdir: (path): Promise<DirEntryInfo[]> => call({ call: 'readdir', path }, dirEntries),
      stat: (path, opts = {}): Promise<FileStatInfo> => call({ call: 'stat', path, ...opts }, statInfo),
      symlink: async (target, path) => {
        await call({ call: 'symlink', target, path }, nothing);
      },
      remove: async (path, opts = {}) => {
        await call({ call: 'remove', path, ...opts }, nothing);
      },
      rename: async (from, to) => {
        await call({ call: 'rename', from, to }, nothing);
      },
    };
  }

  spawn(argv: string[], opts: SpawnOptions = {}): ProcessHandle {
    if (this.closed) throw new KernelError(Errno.BADF, 'kernel is closed');
    const proc = this.nextProc++;
    const p = new RemoteProcess(this.link, this.sandbox, proc, argv, opts);
    this.procs.set(proc, p);
    p.pid.catch(() => this.procs.delete(proc));
    return p;
  }

  execStream(command: string, opts: ExecOptions = {}): ExecRun {
    if (this.closed) throw new KernelError(Errno.BADF, 'kernel is closed');
    const id = this.nextProc++;
    const run = new RemoteExec(this.link, this.sandbox, id, command, opts);
    this.execs.set(id, run);
    void run.done.then(() => {
      if (run.finished) this.execs.delete(id);
    });
    return run;
  }

  /** A buffered exec in one round trip: the runner collects the output; an abort sends SIGHUP by exec id. */
  async exec(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    if (this.closed) throw new KernelError(Errno.BADF, 'kernel is closed');
    const id = this.nextProc++;
    const wire = {
      ...(opts.session === undefined ? {} : { session: opts.session }),
      ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
      ...(opts.env === undefined ? {} : { env: { ...opts.env } }),
      ...(opts.stdin === undefined ? {} : { stdin: opts.stdin }),
      ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    };
    const abort = opts.signal;
    const onAbort = (): void => {
      void this.link.request({ op: 'exec-signal', sandbox: this.sandbox, exec: id, signal: 'SIGHUP' }, nothing).catch(() => {});
    };
    const reply = this.link.request({ op: 'exec-collect', sandbox: this.sandbox, exec: id, command, opts: wire }, execResult);
    if (abort?.aborted) onAbort();
    else abort?.addEventListener('abort', onAbort, { once: true });
    try {
      const r = await reply;
      return r.reason === undefined ? { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr } : { ...r, reason: r.reason };
    } finally {
      abort?.removeEventListener('abort', onAbort);
    }
  }

  runCode(code: string, opts: RunCodeOptions = {}): Promise<RunCodeResult> {
    if (this.closed) return Promise.reject(new KernelError(Errno.BADF, 'kernel is closed'));
    return this.code.runCode(code, opts);
  }

  processes(): Promise<ProcessInfo[]> {
    return this.link.request({ op: 'processes', sandbox: this.sandbox }, processInfos);
  }

  async kill(pid: number, signal: Signal = 'SIGTERM'): Promise<void> {
    await this.link.request({ op: 'kill', sandbox: this.sandbox, pid, signal }, nothing);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.link.request({ op: 'destroy', sandbox: this.sandbox }, nothing);
    } finally {
      this.endAll();
      this.link.forget(this.sandbox);
    }
  }

  /** The latest VFS snapshot the runner sent (plain data), or null before the first. */
  get latestSnapshot(): unknown {
    return this.latest;
  }

  // ---- called by RunnerProcess ----

  /** @internal Routes a runner event about this sandbox. */
  event(e: Exclude<RunnerEvent, { t: 'ready' }>): void {
    if (e.t === 'code-output') {
      this.code.event(e);
      return;
    }
    if (e.t === 'snapshot') {
      this.takeSnapshot(e.snapshot);
      return;
    }
    if (e.t === 'exec-event' || e.t === 'exec-done') {
      const run = this.execs.get(e.exec);
      if (run === undefined) return;
      if (e.t === 'exec-event') run.event(e.event);
      else run.finish({ exitCode: e.exitCode, ...(e.reason === undefined ? {} : { reason: e.reason }) });
      if (run.finished) this.execs.delete(e.exec);
      return;
    }
    const p = this.procs.get(e.proc);
    if (p === undefined) return;
    p.event(e);
    if (p.finished) this.procs.delete(e.proc);
  }

  /** @internal The runner died: every process is reported killed; the next runner starts a fresh encoder. */
  runnerDied(): void {
    this.endAll();
    this.code.clear();
    this.decoder = new SnapshotDecoder();
  }

  private endAll(): void {
    for (const p of this.procs.values()) p.runnerDied();
    this.procs.clear();
    for (const run of this.execs.values()) run.runnerDied();
    this.execs.clear();
  }

  private takeSnapshot(enc: EncodedSnapshot): void {
    try {
      this.latest = this.decoder.decode(enc);
    } catch {
      // An encoding that refers to bytes this side lacks (a bug) is unusable: ask for a whole one instead.
      void this.link.request({ op: 'snapshot', sandbox: this.sandbox }, encodedSnapshot).then(
        (whole) => {
          this.latest = decodeWhole(whole);
        },
        () => {},
      );
    }
  }
}
