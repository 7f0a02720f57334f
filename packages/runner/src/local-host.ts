/**
 * The in-process kernel host: a Kernel on the calling thread, its processes in worker threads of the calling
 * process, no runner child process. For tests and tools; the runner process uses the same class inside.
 */
import {
  type ExecOptions,
  type ExecResult,
  type ExecRun,
  type KernelApi,
  type KernelContexts,
  type KernelFs,
  type RunCodeOptions,
  type RunCodeResult,
  Kernel,
  ModuleCache,
  type ProcessHandle,
  type ProcessInfo,
  type Signal,
  type SpawnOptions,
  spawnWithPipes,
  type Vfs,
  vfsKernelFs,
} from '@burrow/kernel';
import type { ProcessLimits, SandboxLimits } from '@burrow/protocol';
import { PythonPool } from './python-pool.js';
import { baseLayer } from './base-layer.js';
import { WorkerPool } from './worker-pool.js';

export interface LocalKernelOptions {
  sandboxLimits?: Partial<SandboxLimits>;
  processLimits?: Partial<ProcessLimits>;
  vfs?: Vfs;
  /** Shared by several kernels of one host; a private pool is made (and closed with the kernel) otherwise. */
  pool?: WorkerPool;
  modules?: ModuleCache;
  /** Workers and template image for Python processes; shared by several kernels of one host. */
  python?: PythonPool;
  /** Where the Python template image is cached, for a private PythonPool (ignored when `python` is given). */
  cacheDir?: string;
}

const sharedModules = new ModuleCache();
/** Kernels without their own Python pool share this one; it starts workers only when Python first runs. */
let sharedPython: PythonPool | null = null;

export class LocalKernel implements KernelApi {
  readonly kernel: Kernel;
  readonly fs: KernelFs;
  private readonly pool: WorkerPool;
  private readonly ownsPool: boolean;
  readonly python: PythonPool;
  private readonly ownsPython: boolean;

  private constructor(opts: LocalKernelOptions) {
    this.ownsPool = opts.pool === undefined;
    this.pool = opts.pool ?? new WorkerPool();
    this.ownsPython = opts.python === undefined && opts.cacheDir !== undefined;
    this.python =
      opts.python ?? (opts.cacheDir !== undefined ? new PythonPool({ cacheDir: opts.cacheDir }) : (sharedPython ??= new PythonPool()));
    const pool = this.pool;
    const python = this.python;
    this.kernel = new Kernel({
      launcher: { launch: (spec, events) => (spec.kind === 'python' ? python : pool).launch(spec, events) },
      modules: opts.modules ?? sharedModules,
      ...(opts.vfs === undefined ? { lower: baseLayer() } : { vfs: opts.vfs }),
      ...(opts.sandboxLimits === undefined ? {} : { sandboxLimits: opts.sandboxLimits }),
      ...(opts.processLimits === undefined ? {} : { processLimits: opts.processLimits }),
    });
    this.fs = vfsKernelFs(this.kernel.vfs);
  }

  static async create(opts: LocalKernelOptions = {}): Promise<LocalKernel> {
    const k = new LocalKernel(opts);
    if (k.ownsPool) k.pool.prewarm(1);
    return k;
  }

  spawn(argv: string[], opts: SpawnOptions = {}): ProcessHandle {
    return spawnWithPipes(this.kernel, argv, opts);
  }

  exec(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    return this.kernel.sessions.execCollect(command, opts);
  }

  execStream(command: string, opts: ExecOptions = {}): ExecRun {
    return this.kernel.sessions.exec(command, opts);
  }

  readonly contexts: KernelContexts = {
    create: async (opts) => this.kernel.contexts.create(opts),
    list: async () => this.kernel.contexts.list(),
    delete: async (id) => this.kernel.contexts.delete(id),
    interrupt: async (id) => this.kernel.contexts.interrupt(id),
    image: (id) => this.kernel.contexts.image(id),
  };

  runCode(code: string, opts: RunCodeOptions = {}): Promise<RunCodeResult> {
    return this.kernel.contexts.runCode(code, opts);
  }

  async processes(): Promise<ProcessInfo[]> {
    return this.kernel.processes().map((p) => p.info());
  }

  async kill(pid: number, signal: Signal = 'SIGTERM'): Promise<void> {
    this.kernel.signal(pid, signal);
  }

  async close(): Promise<void> {
    this.kernel.close();
    if (this.ownsPool) await this.pool.close();
    if (this.ownsPython) await this.python.close();
  }
}
