/**
 * The runner's side of the IPC protocol: hosts one LocalKernel per sandbox id (all sharing one WorkerPool),
 * answers each request with exactly one reply, streams process and exec output under the parent's credit, and
 * sends VFS snapshots at idle points (before the reply of each mutating fs call, before each process's exit
 * event and each exec's end) for sandboxes that want them.
 *
 * Invariants: nothing a message contains can throw out of `handle` (a malformed or failing request is an error
 * reply); every reply and event goes through `send`, in the order the kernel produced it.
 */
import type { ExecResult, ExecRun, ProcessHandle } from '@burrow/kernel';
import { Vfs } from '@burrow/kernel';
import { DEFAULT_SANDBOX_LIMITS, isKernelError } from '@burrow/protocol';
import {
  type FsCall,
  type ParentMessage,
  parseParentMessage,
  type Request,
  type RunnerMessage,
  requestIdOf,
  type StreamName,
  type WireError,
} from './ipc.js';
import { LocalKernel } from './local-host.js';
import { PythonPool } from './python-pool.js';
import { runProbe } from './probes.js';
import { runCodeRequest, runContextCall } from './runner-contexts.js';
import { baseLayer } from './base-layer.js';
import { decodeWhole, SnapshotEncoder } from './snapshot-codec.js';
import type { WorkerPool } from './worker-pool.js';

type VfsSnapshot = Parameters<typeof Vfs.fromSnapshot>[0];

interface Credit {
  available: number;
  wake: (() => void) | null;
}

interface HostedProcess {
  handle: ProcessHandle;
  /** Stdin writes run one after another, in arrival order. */
  stdinChain: Promise<void>;
  credit: Record<StreamName, Credit>;
  /** Open parts (two streams and the exit) still to end before the entry is dropped. */
  pending: number;
}

interface HostedExec {
  run: ExecRun;
  credit: Credit;
}

interface HostedSandbox {
  kernel: LocalKernel;
  procs: Map<number, HostedProcess>;
  execs: Map<number, HostedExec>;
  encoder: SnapshotEncoder | null;
  /** The vfs generation of the last snapshot sent: an unchanged filesystem is not sent again. */
  sentGeneration: number;
  closed: boolean;
}

export interface RunnerServiceOptions {
  send: (m: RunnerMessage) => void;
  pool: WorkerPool;
  /** Accepts the test-only `probe` request. */
  probes: boolean;
}

export class UnknownSandbox extends Error {}

export class RunnerService {
  private readonly sandboxes = new Map<string, HostedSandbox>();

  /** Python processes' pool, once the parent has sent a template image (until then each kernel's default). */
  private python: PythonPool | null = null;

  constructor(private readonly opts: RunnerServiceOptions) {}

  /** Handles one raw message from the parent. Never throws. */
  handle(raw: unknown): void {
    const msg = parseParentMessage(raw);
    if (msg === undefined) {
      const id = requestIdOf(raw);
      if (id !== undefined) this.replyError(id, { errno: null, message: 'malformed request' });
      return;
    }
    this.dispatch(msg);
  }

  get sandboxCount(): number {
    return this.sandboxes.size;
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.sandboxes.keys()]) await this.destroy(id);
  }

  private dispatch(msg: ParentMessage): void {
    if (msg.t === 'credit') {
      const sb = this.sandboxes.get(msg.sandbox);
      const c = msg.stream === 'exec' ? sb?.execs.get(msg.proc)?.credit : sb?.procs.get(msg.proc)?.credit[msg.stream];
      if (c === undefined) return;
      c.available += msg.bytes;
      if (c.available > 0 && c.wake !== null) {
        const wake = c.wake;
        c.wake = null;
        wake();
      }
      return;
    }
    const { id, req } = msg;
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(this.run(req));
    } catch (e) {
      result = Promise.reject(e);
    }
    result.then(
      (value) => this.opts.send({ t: 'res', id, ok: true, value: value ?? null }),
      (e: unknown) => this.replyError(id, toWireError(e)),
    );
  }

  private replyError(id: number, error: WireError): void {
    this.opts.send({ t: 'res', id, ok: false, error });
  }

  private sandbox(id: string): HostedSandbox {
    const sb = this.sandboxes.get(id);
    if (sb === undefined) throw new UnknownSandbox(`no sandbox ${id} in this runner`);
    return sb;
  }

  private run(req: Request): unknown {
    switch (req.op) {
      case 'create':
        return this.create(req);
      case 'destroy':
        return this.destroy(req.sandbox);
      case 'spawn':
        return this.spawn(req);
      case 'stdin':
      case 'stdin-end':
        return this.stdin(req);
      case 'exec':
        return this.exec(req);
      case 'exec-collect':
        return this.execCollect(req);
      case 'exec-signal':
        this.sandbox(req.sandbox).execs.get(req.exec)?.run.signal(req.signal);
        return null;
      case 'kill':
        return this.sandbox(req.sandbox).kernel.kill(req.pid, req.signal);
      case 'processes':
        return this.sandbox(req.sandbox).kernel.processes();
      case 'fs': {
        const sb = this.sandbox(req.sandbox);
        // The snapshot goes up before the reply: a call that returned is in the parent's copy.
        return runFsCall(sb.kernel, req.fs).then((value) => {
          if (MUTATING_FS_CALLS.has(req.fs.call)) this.sendSnapshot(req.sandbox, sb);
          return value;
        });
      }
      case 'snapshot':
        return new SnapshotEncoder().encode(this.sandbox(req.sandbox).kernel.kernel.vfs.snapshot());
      case 'python-template':
        // Python processes of sandboxes created from now on start from this image (earlier ones keep theirs).
        this.python ??= new PythonPool({ template: req.image });
        return null;
      case 'probe':
        if (!this.opts.probes) throw new Error('probes are not enabled in this runner');
        return runProbe(req.probe, req.arg);
      case 'context':
        return runContextCall(this.sandbox(req.sandbox).kernel, req.ctx);
      case 'run-code': {
        const sb = this.sandbox(req.sandbox);
        // A cell may write files: the snapshot goes up before the reply, as after a buffered exec.
        return runCodeRequest(sb.kernel, req, (e) => {
          if (!sb.closed) this.opts.send(e);
        }).then((result) => {
          this.sendSnapshot(req.sandbox, sb);
          return result;
        });
      }
    }
  }

  private async create(req: Extract<Request, { op: 'create' }>): Promise<null> {
    if (this.sandboxes.has(req.sandbox)) throw new Error(`sandbox ${req.sandbox} already exists in this runner`);
    const limits = req.sandboxLimits;
    const vfs =
      req.snapshot === undefined
        ? undefined
        : Vfs.fromSnapshot(decodeWhole(req.snapshot) as VfsSnapshot, {
            lower: baseLayer(),
            ...(limits === undefined ? {} : { limits: { ...DEFAULT_SANDBOX_LIMITS, ...limits } }),
          });
    const kernel = await LocalKernel.create({
      pool: this.opts.pool,
      ...(this.python === null ? {} : { python: this.python }),
      ...(vfs === undefined ? {} : { vfs }),
      ...(limits === undefined ? {} : { sandboxLimits: limits }),
      ...(req.processLimits === undefined ? {} : { processLimits: req.processLimits }),
    });
    this.sandboxes.set(req.sandbox, {
      kernel,
      procs: new Map(),
      execs: new Map(),
      encoder: req.snapshots ? new SnapshotEncoder() : null,
      sentGeneration: -1,
      closed: false,
    });
    return null;
  }

  private async destroy(id: string): Promise<null> {
    const sb = this.sandbox(id);
    this.sandboxes.delete(id);
    sb.closed = true;
    const credits = [...[...sb.procs.values()].flatMap((p) => Object.values(p.credit)), ...[...sb.execs.values()].map((e) => e.credit)];
    for (const c of credits) {
      c.available = Number.POSITIVE_INFINITY;
      c.wake?.();
    }
    await sb.kernel.close();
    return null;
  }

  private async spawn(req: Extract<Request, { op: 'spawn' }>): Promise<{ pid: number }> {
    const sandboxId = req.sandbox;
    const sb = this.sandbox(sandboxId);
    if (sb.procs.has(req.proc)) throw new Error(`process handle ${req.proc} is in use`);
    const handle = sb.kernel.spawn(req.argv, req.opts);
    const hosted: HostedProcess = {
      handle,
      stdinChain: Promise.resolve(),
      credit: { stdout: { available: req.window, wake: null }, stderr: { available: req.window, wake: null } },
      pending: 3,
    };
    sb.procs.set(req.proc, hosted);
    const done = (): void => {
      hosted.pending--;
      if (hosted.pending === 0 && sb.procs.get(req.proc) === hosted) sb.procs.delete(req.proc);
    };
    let pid: number;
    try {
      pid = await handle.pid;
    } catch (e) {
      sb.procs.delete(req.proc);
      throw e;
    }
    void this.pump(sb, sandboxId, req.proc, 'stdout', hosted).finally(done);
    void this.pump(sb, sandboxId, req.proc, 'stderr', hosted).finally(done);
    void handle.wait().then(
      (status) => {
        this.sendSnapshot(sandboxId, sb);
        this.opts.send({ t: 'exit', sandbox: sandboxId, proc: req.proc, status });
        done();
      },
      () => done(),
    );
    return { pid };
  }

  /** A buffered exec: the output is collected here and sent in the reply. 'exec-signal' reaches it by id. */
  private async execCollect(req: Extract<Request, { op: 'exec-collect' }>): Promise<ExecResult> {
    const sb = this.sandbox(req.sandbox);
    if (sb.execs.has(req.exec)) throw new Error(`exec id ${req.exec} is in use`);
    const run = sb.kernel.execStream(req.command, req.opts);
    sb.execs.set(req.exec, { run, credit: { available: Number.POSITIVE_INFINITY, wake: null } });
    try {
      const out: Uint8Array[] = [];
      const err: Uint8Array[] = [];
      for await (const e of run.events) {
        if (e.type === 'stdout') out.push(e.data);
        else if (e.type === 'stderr') err.push(e.data);
      }
      const r = await run.done;
      if (!sb.closed) this.sendSnapshot(req.sandbox, sb);
      const text = (parts: Uint8Array[]): string => Buffer.concat(parts).toString('utf8');
      return { exitCode: r.exitCode, stdout: text(out), stderr: text(err), ...(r.reason === undefined ? {} : { reason: r.reason }) };
    } finally {
      sb.execs.delete(req.exec);
    }
  }

  private exec(req: Extract<Request, { op: 'exec' }>): null {
    const sandbox = req.sandbox;
    const sb = this.sandbox(sandbox);
    if (sb.execs.has(req.exec)) throw new Error(`exec id ${req.exec} is in use`);
    const run = sb.kernel.execStream(req.command, req.opts);
    const hosted: HostedExec = { run, credit: { available: req.window, wake: null } };
    sb.execs.set(req.exec, hosted);
    const credit = hosted.credit;
    const pump = async (): Promise<void> => {
      for await (const event of run.events) {
        if (sb.closed) return;
        this.opts.send({ t: 'exec-event', sandbox, exec: req.exec, event });
        if (event.type === 'exit') return;
        credit.available -= event.data.length;
        while (credit.available <= 0 && !sb.closed) {
          await new Promise<void>((resolve) => {
            credit.wake = resolve;
          });
        }
      }
    };
    // `done` is sent on its own (not under credit) so that a parent that reads no output still learns the end.
    void Promise.all([
      pump(),
      run.done.then((r) => {
        if (sb.closed) return;
        this.sendSnapshot(sandbox, sb);
        this.opts.send({ t: 'exec-done', sandbox, exec: req.exec, exitCode: r.exitCode, ...(r.reason === undefined ? {} : { reason: r.reason }) });
      }),
    ]).finally(() => sb.execs.delete(req.exec));
    return null;
  }

  private async pump(sb: HostedSandbox, sandbox: string, proc: number, stream: StreamName, p: HostedProcess): Promise<void> {
    const credit = p.credit[stream];
    try {
      for await (const data of p.handle[stream]) {
        if (sb.closed) break;
        this.opts.send({ t: 'out', sandbox, proc, stream, data });
        credit.available -= data.length;
        while (credit.available <= 0 && !sb.closed) {
          await new Promise<void>((resolve) => {
            credit.wake = resolve;
          });
        }
      }
    } finally {
      if (!sb.closed) this.opts.send({ t: 'eof', sandbox, proc, stream });
    }
  }

  private stdin(req: Extract<Request, { op: 'stdin' | 'stdin-end' }>): Promise<void> {
    const p = this.sandbox(req.sandbox).procs.get(req.proc);
    if (p === undefined) throw new Error(`no process handle ${req.proc}`);
    const stdin = p.handle.stdin;
    const next = p.stdinChain.then(() => (req.op === 'stdin' ? stdin.write(req.data) : stdin.end()));
    p.stdinChain = next.catch(() => {});
    return next;
  }

  /** Sends the sandbox's VFS state (only file data the parent does not hold yet travels). */
  private sendSnapshot(id: string, sb: HostedSandbox): void {
    if (sb.encoder === null || sb.closed) return;
    const vfs = sb.kernel.kernel.vfs;
    if (vfs.generation === sb.sentGeneration) return;
    sb.sentGeneration = vfs.generation;
    this.opts.send({ t: 'snapshot', sandbox: id, snapshot: sb.encoder.encode(vfs.snapshot()) });
  }
}

/**
 * Calls whose reply waits for a VFS snapshot. `appendFile` is left out on purpose: a streamed upload appends
 * chunk after chunk to a temporary file and would otherwise resend the growing file each time; the upload's
 * final `rename` sends it once.
 */
const MUTATING_FS_CALLS: ReadonlySet<FsCall['call']> = new Set(['writeFile', 'mkdir', 'symlink', 'remove', 'rename']);

function runFsCall(kernel: LocalKernel, c: FsCall): Promise<unknown> {
  const fs = kernel.fs;
  switch (c.call) {
    case 'readFile':
      return fs.readFile(c.path);
    case 'readFileChunk':
      return fs.readFileChunk(c.path, c.offset, c.maxBytes);
    case 'writeFile':
      return fs.writeFile(c.path, c.data, c.mode === undefined ? {} : { mode: c.mode });
    case 'appendFile':
      return fs.appendFile(c.path, c.data);
    case 'mkdir':
      return fs.mkdir(c.path, {
        ...(c.recursive === undefined ? {} : { recursive: c.recursive }),
        ...(c.mode === undefined ? {} : { mode: c.mode }),
      });
    case 'readdir':
      return fs.readdir(c.path);
    case 'stat':
      return fs.stat(c.path, c.follow === undefined ? {} : { follow: c.follow });
    case 'symlink':
      return fs.symlink(c.target, c.path);
    case 'remove':
      return fs.remove(c.path, c.recursive === undefined ? {} : { recursive: c.recursive });
    case 'rename':
      return fs.rename(c.from, c.to);
  }
}

function toWireError(e: unknown): WireError {
  if (isKernelError(e)) return { errno: e.errno, message: e.message };
  return { errno: null, message: e instanceof Error ? e.message : String(e) };
}
