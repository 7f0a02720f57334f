/**
 * The in-process kernel host: a Kernel on the calling thread, its processes in worker threads of the calling
 * process, no runner child process. For tests and tools; the runner process uses the same class inside.
 */
import {
  type ExecOptions,
  type ExecResult,
  type ExecRun,
  type KernelApi,
  type KernelFs,
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
import { WorkerPool } from './worker-pool.js';

export interface LocalKernelOptions {
  sandboxLimits?: Partial<SandboxLimits>;
  processLimits?: Partial<ProcessLimits>;
  vfs?: Vfs;
  /** Shared by several kernels of one host; a private pool is made (and closed with the kernel) otherwise. */
  pool?: WorkerPool;
  modules?: ModuleCache;
}

const sharedModules = new ModuleCache();

export class LocalKernel implements KernelApi {
  readonly kernel: Kernel;
  readonly fs: KernelFs;
  private readonly pool: WorkerPool;
  private readonly ownsPool: boolean;

  private constructor(opts: LocalKernelOptions) {
    this.ownsPool = opts.pool === undefined;
    this.pool = opts.pool ?? new WorkerPool();
    this.kernel = new Kernel({
      launcher: this.pool,
      modules: opts.modules ?? sharedModules,
      ...(opts.vfs === undefined ? {} : { vfs: opts.vfs }),
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

  async processes(): Promise<ProcessInfo[]> {
    return this.kernel.processes().map((p) => p.info());
  }

  async kill(pid: number, signal: Signal = 'SIGTERM'): Promise<void> {
    this.kernel.signal(pid, signal);
  }

  async close(): Promise<void> {
    this.kernel.close();
    if (this.ownsPool) await this.pool.close();
  }
}
