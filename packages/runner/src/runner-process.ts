/**
 * The parent's side of a runner: starts the hardened runner child process (hardening.ts), speaks the IPC
 * protocol (ipc.ts) with it, routes its events to the RemoteKernels it hosts, and restarts it when it dies.
 *
 * A runner that dies: every request in flight fails with KernelError(EIO), every process it hosted is
 * reported killed, a new runner is started, and each sandbox's kernel is recreated there from its latest VFS
 * snapshot (the stand-in for persistence). Requests made meanwhile wait for the new runner. A runner that
 * dies before it is ready `restartAttemptsMax` times in a row is given up: requests then fail.
 *
 * Invariants: one child at a time; replies are matched to requests by id within one child's lifetime
 * (`generation`); every message from the child is checked before it is used (a malformed one is dropped).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Errno, KernelError, type ProcessLimits, type SandboxLimits } from '@burrow/protocol';
import { findUnshare, RUNNER_MAIN, runnerEnv, runnerNodeFlags, runnerReadPaths, unshareArgs } from './hardening.js';
import { type Check, INVALID } from './ipc-check.js';
import { type CreditTarget, nothing, type ProbeKind, parseRunnerMessage, probeReply, type Request } from './ipc.js';
import { RemoteKernel } from './remote-kernel.js';
import type { RunnerLink } from './remote-kernel-link.js';
import { encodeWhole } from './snapshot-codec.js';

export interface RunnerProcessOptions {
  /** Start the runner in a new network namespace when the OS allows it (default true). */
  isolateNetwork?: boolean;
  /** Told when a hardening step is unavailable; default: a line on this process's stderr. */
  onWarning?: (message: string) => void;
  /** Accept the test-only `probe` request (default false). */
  probes?: boolean;
  /** Bytes of one output stream a runner may have in flight before it waits for credit (default 256 KiB). */
  outputWindowBytes?: number;
  /** Restart the runner when it dies (default true). */
  restart?: boolean;
}

export interface CreateKernelOptions {
  sandboxLimits?: Partial<SandboxLimits>;
  processLimits?: Partial<ProcessLimits>;
  /** Keep the sandbox's files across runner restarts by taking snapshots (default true). */
  snapshots?: boolean;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Hosted {
  kernel: RemoteKernel;
  opts: CreateKernelOptions;
}

const DEFAULT_WINDOW_BYTES = 256 * 1024;
const RESTART_ATTEMPTS_MAX = 3;
const STDERR_KEPT_BYTES = 4096;
const CLOSE_GRACE_MS = 2000;

/** Whether `unshare` worked for a runner of this process: unknown until the first try. */
let unshareWorks: boolean | undefined;

export type NetworkIsolation = 'namespace' | 'none';

export class RunnerProcess implements RunnerLink {
  readonly outputWindowBytes: number;
  private child: ChildProcess | null = null;
  private generation = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly kernels = new Map<string, Hosted>();
  /** Resolved when the current child is ready and its kernels are recreated; requests wait on it. */
  private ready: Promise<void> = Promise.resolve();
  private closing = false;
  /** The Python template image handed to the runner (sent again after a restart). */
  private pythonTemplate: Uint8Array | null = null;
  private failedStarts = 0;
  private stderrTail = '';
  private restartCount = 0;
  private isolation: NetworkIsolation = 'none';
  private exitWaiters: Array<() => void> = [];

  private constructor(private readonly opts: RunnerProcessOptions) {
    this.outputWindowBytes = opts.outputWindowBytes ?? DEFAULT_WINDOW_BYTES;
  }

  /** Starts a runner and resolves once it is ready for requests. */
  static async start(opts: RunnerProcessOptions = {}): Promise<RunnerProcess> {
    const r = new RunnerProcess(opts);
    r.ready = r.launch();
    await r.ready;
    return r;
  }

  /** Process id of the current runner child. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** How many times the runner was restarted after dying. */
  get restarts(): number {
    return this.restartCount;
  }

  /** Whether the current runner has its own network namespace. */
  get networkIsolation(): NetworkIsolation {
    return this.isolation;
  }

  /** The end of the runner's stderr (a crashing runner says why there). */
  get stderr(): string {
    return this.stderrTail;
  }

  async createKernel(sandbox: string, opts: CreateKernelOptions = {}): Promise<RemoteKernel> {
    if (this.kernels.has(sandbox)) throw new Error(`sandbox ${sandbox} is already hosted by this runner`);
    const kernel = new RemoteKernel(this, sandbox);
    this.kernels.set(sandbox, { kernel, opts });
    try {
      await this.request(createRequest(sandbox, opts, null), nothing);
    } catch (e) {
      this.kernels.delete(sandbox);
      throw e;
    }
    return kernel;
  }

  /**
   * Hands the runner the Python template image (made and cached by the parent, since a runner may not
   * write files): its later sandboxes start Python from it. Sent again to a restarted runner.
   */
  async setPythonTemplate(image: Uint8Array): Promise<void> {
    this.pythonTemplate = image;
    await this.request({ op: 'python-template', image }, nothing);
  }

  /** Runs a test-only probe in the runner (see probes.ts); the runner must be started with `probes`. */
  async probe(kind: ProbeKind, arg = ''): Promise<string> {
    return (await this.request({ op: 'probe', probe: kind, arg }, probeReply)).outcome;
  }

  /** Stops the runner (its kernels and processes end with it). */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const child = this.child;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.exitWaiters.push(resolve));
    if (child.connected) child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  /** Kills the runner at once, without restart (a throwaway runner whose results are already in hand). */
  terminate(): void {
    this.closing = true;
    const child = this.child;
    if (child !== null && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  // ---- RunnerLink ----

  async request<T>(req: Request, check: Check<T>): Promise<T> {
    await this.ready;
    const value = await this.send(req);
    const checked = check(value);
    if (checked === INVALID) throw new KernelError(Errno.IO, `malformed reply from the runner to ${req.op}`);
    return checked;
  }

  credit(sandbox: string, proc: number, stream: CreditTarget, bytes: number): void {
    const child = this.child;
    if (child === null || !child.connected) return;
    child.send({ t: 'credit', sandbox, proc, stream, bytes });
  }

  forget(sandbox: string): void {
    this.kernels.delete(sandbox);
  }

  // ---- internals ----

  private send(req: Request): Promise<unknown> {
    const child = this.child;
    if (this.closing || child === null || !child.connected) {
      return Promise.reject(new KernelError(Errno.IO, 'runner is not running'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.send({ t: 'req', id, req }, (err) => {
        if (err === null) return;
        this.pending.delete(id);
        reject(new KernelError(Errno.IO, `cannot reach the runner: ${err.message}`));
      });
    });
  }

  /** Starts a child and waits for its `ready`; falls back to no namespace if `unshare` fails the first time. */
  private async launch(): Promise<void> {
    const wantNamespace = this.opts.isolateNetwork !== false;
    const unshare = wantNamespace && unshareWorks !== false ? findUnshare() : null;
    if (wantNamespace && unshare === null && unshareWorks === undefined) {
      unshareWorks = false;
      this.warn('burrow: `unshare` is not available: runners share the host network namespace');
    }
    try {
      await this.startChild(unshare);
      if (unshare !== null) unshareWorks = true;
    } catch (e) {
      if (unshare === null || unshareWorks === true) throw e;
      unshareWorks = false;
      this.warn(
        'burrow: cannot start a runner in its own network namespace (unshare failed): runners share the host network',
      );
      await this.startChild(null);
    }
  }

  private warn(message: string): void {
    if (this.opts.onWarning !== undefined) this.opts.onWarning(message);
    else process.stderr.write(`${message}\n`);
  }

  private startChild(unshare: string | null): Promise<void> {
    const node = [...runnerNodeFlags(runnerReadPaths()), RUNNER_MAIN, ...(this.opts.probes === true ? ['--probes'] : [])];
    const [command, args] =
      unshare === null ? [process.execPath, node] : [unshare, [...unshareArgs(), process.execPath, ...node]];
    const child = spawn(command, args, {
      env: runnerEnv(),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      // Its own process group: a terminal's Ctrl-C reaches the parent, which decides what the sandbox gets.
      detached: true,
    });
    const generation = ++this.generation;
    this.child = child;
    this.stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => {
      this.stderrTail = (this.stderrTail + s).slice(-STDERR_KEPT_BYTES);
    });
    return new Promise<void>((resolve, reject) => {
      let isReady = false;
      child.on('message', (raw: unknown) => {
        const msg = parseRunnerMessage(raw);
        if (msg === undefined) return;
        if (msg.t === 'ready') {
          isReady = true;
          this.isolation = unshare === null ? 'none' : 'namespace';
          resolve();
        } else if (msg.t === 'res') {
          const p = this.pending.get(msg.id);
          if (p === undefined) return;
          this.pending.delete(msg.id);
          if (msg.ok) p.resolve(msg.value);
          else p.reject(msg.error.errno === null ? new Error(msg.error.message) : new KernelError(msg.error.errno, msg.error.message));
        } else {
          this.kernels.get(msg.sandbox)?.kernel.event(msg);
        }
      });
      child.on('error', (e) => {
        if (!isReady) reject(e);
      });
      child.on('exit', (code, signal) => {
        for (const w of this.exitWaiters.splice(0)) w();
        if (generation !== this.generation) return;
        if (!isReady) {
          reject(new Error(`runner exited before it was ready (${signal ?? `code ${code}`}): ${this.stderrTail.trim()}`));
          return;
        }
        this.died();
      });
    });
  }

  /** The current child died after it was ready: report, then restart unless closing. */
  private died(): void {
    for (const p of this.pending.values()) p.reject(new KernelError(Errno.IO, 'runner crashed'));
    this.pending.clear();
    for (const h of this.kernels.values()) h.kernel.runnerDied();
    this.child = null;
    if (this.closing || this.opts.restart === false) {
      this.ready = Promise.reject(new KernelError(Errno.IO, 'runner is not running'));
      this.ready.catch(() => {});
      return;
    }
    this.restartCount++;
    this.ready = this.restart();
    this.ready.catch(() => {});
  }

  private async restart(): Promise<void> {
    for (;;) {
      try {
        await this.launch();
        this.failedStarts = 0;
        break;
      } catch (e) {
        this.failedStarts++;
        if (this.failedStarts >= RESTART_ATTEMPTS_MAX) throw e;
      }
    }
    if (this.pythonTemplate !== null) {
      await this.send({ op: 'python-template', image: this.pythonTemplate }).catch(() => {});
    }
    // A kernel that cannot be recreated (its snapshot refused) fails its own later calls, not the others'.
    await Promise.allSettled(
      [...this.kernels.entries()].map(([sandbox, h]) =>
        this.send(createRequest(sandbox, h.opts, h.kernel.latestSnapshot)),
      ),
    );
  }
}

function createRequest(sandbox: string, opts: CreateKernelOptions, snapshot: unknown): Request {
  return {
    op: 'create',
    sandbox,
    snapshots: opts.snapshots !== false,
    ...(snapshot === null ? {} : { snapshot: encodeWhole(snapshot) }),
    ...(opts.sandboxLimits === undefined ? {} : { sandboxLimits: opts.sandboxLimits }),
    ...(opts.processLimits === undefined ? {} : { processLimits: opts.processLimits }),
  };
}
