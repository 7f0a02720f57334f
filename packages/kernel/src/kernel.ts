/**
 * One sandbox's kernel: its filesystem, process table, pipes and the syscall channel host. Synchronous
 * and single-threaded: it runs on one thread of a runner (or of a test), answers syscalls from process workers,
 * and reaches workers only through the ProcessLauncher port. All of its state is plain data or derivable from
 * plain data (counters, tables, pipe queues, the vfs), so a checkpoint can save it.
 */
import {
  DEFAULT_PROCESS_LIMITS,
  DEFAULT_SANDBOX_LIMITS,
  Errno,
  EXEC_LIMITS,
  H,
  KernelError,
  MODULE_LIMITS,
  Op,
  type ProcessLimits,
  type SandboxLimits,
} from '@burrow/protocol';
import { SIGNAL_NUMBERS, type Signal } from './api.js';
import { ChannelHost, type Endpoint } from './channel/channel-host.js';
import { BLOCKED, type Blocked, type Descriptor, type Wake } from './fd/descriptor.js';
import { ALL_RIGHTS } from './fd/fd-table.js';
import { NullDescriptor } from './fd/null-descriptor.js';
import { Pipe, PipeReadEnd, PipeWriteEnd } from './fd/pipe.js';
import { VfsDescriptor } from './fd/vfs-descriptor.js';
import type { ModuleCache } from './process/module-cache.js';
import { type ExitStatus, Process, type ProcessEndpoint, type WorkerHandle } from './process/process.js';
import { WASM_PAGE_BYTES } from './process/wasm-binary.js';
import { type LowerLayer, Vfs } from './vfs/index.js';
import { SessionManager } from './session/session-manager.js';
import { ContextManager } from './context/context-manager.js';
import { burrowSys, type SysKernel, type SysSpawnOptions } from './sys/shell-sys.js';
import { dispatch, registerHandlers } from './wasi/dispatch.js';
import { INTERPRETER_MARKERS, interpreterOf, type PythonLaunch, pythonLaunch } from './process/interpreters.js';
import { builtinCommandOf, runShellCommand, shellCommandOf } from './process/shell-command.js';

/** The part of a LaunchSpec that depends on the kind of program (the kernel fills in the rest). */
export type LaunchKindSpec = Omit<LaunchSpec, 'pid' | 'channels' | 'doorbell' | 'argv' | 'env'>;

export interface LaunchSpec {
  kind: 'wasm' | 'shell' | 'python' | 'javascript';
  pid: number;
  /** The compiled program (wasm processes). */
  module?: WebAssembly.Module;
  /** Every channel of the process, the primary first. */
  channels: SharedArrayBuffer[];
  importsMemory: boolean;
  maxPages: number;
  doorbell: SharedArrayBuffer;
  argv: string[];
  /** `KEY=value` strings, in order. */
  env: string[];
  /** Shell sessions: the session's name and its saved interpreter state, if it had one. */
  shell?: { session: string; cwd: string; state?: unknown };
  /** Python processes (see process/interpreters.ts); the launcher adds the template image it holds. */
  python?: PythonLaunch;
  /** JavaScript processes: cwd, parent pid and memory cap (the worker bounds the QuickJS heap below it). */
  javascript?: { cwd: string; ppid: number; memoryBytesMax: number; context?: boolean; image?: Uint8Array };
}

export interface LaunchEvents {
  /** The worker finished running the guest (after its proc_exit was answered). */
  onDone(): void;
  /** The worker died or failed outside the guest. */
  onCrash(message: string): void;
  /** A control message from the worker (shell sessions). */
  onMessage?(message: unknown): void;
}

/** Port: starts a process's worker. Implemented by the runner (worker threads from a warm pool). */
export interface ProcessLauncher {
  launch(spec: LaunchSpec, events: LaunchEvents): WorkerHandle;
}

export interface KernelOptions {
  launcher: ProcessLauncher;
  modules: ModuleCache;
  vfs?: Vfs;
  /** The read-only base layer of a new vfs (shared runtime files); ignored when `vfs` is given. */
  lower?: LowerLayer;
  sandboxLimits?: Partial<SandboxLimits>;
  processLimits?: Partial<ProcessLimits>;
}

export interface SpawnStdio {
  stdin: Descriptor;
  stdout: Descriptor;
  stderr: Descriptor;
}

export interface KernelSpawnOptions {
  env?: Record<string, string>;
  cwd?: string;
  preopens?: Array<{ path: string; guestPath?: string }>;
  limits?: Partial<ProcessLimits>;
  ppid?: number;
}

registerHandlers([[Op.burrow_sys, burrowSys]]);

const WATCHDOG_MS = 20;
/** Directories a new sandbox has, as programs and agents expect of a Unix system. */
const STANDARD_DIRS = ['/bin', '/usr/bin', '/usr/local/bin', '/tmp', '/root', '/home', '/etc', '/var/tmp'];
const encoder = new TextEncoder();

export class Kernel implements SysKernel {
  readonly vfs: Vfs;
  readonly sandboxLimits: SandboxLimits;
  readonly processLimits: ProcessLimits;
  readonly sessions: SessionManager;
  readonly contexts: ContextManager;
  private readonly host: ChannelHost;
  private readonly procs = new Map<number, Process>();
  private nextPid = 1;
  private nextPipeId = 1;
  private watchdog: NodeJS.Timeout | null = null;
  private readonly launcher: ProcessLauncher;
  private readonly modules: ModuleCache;
  /** The endpoint whose call is being dispatched (park() attaches the wake-up to it). */
  private current: ProcessEndpoint | null = null;
  private readonly messageHandlers = new Map<number, (message: unknown) => void>();
  /** Interrupt words of interpreter processes: SIGINT sets them instead of ending the process. */
  private readonly interrupts = new Map<number, Int32Array>();
  /** Errors of handlers that were not KernelErrors: kernel bugs, kept for tests and logs. */
  readonly bugs: unknown[] = [];

  constructor(opts: KernelOptions) {
    this.launcher = opts.launcher;
    this.modules = opts.modules;
    this.sandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, ...opts.sandboxLimits };
    this.processLimits = { ...DEFAULT_PROCESS_LIMITS, ...opts.processLimits };
    this.vfs = opts.vfs ?? Vfs.create({ limits: this.sandboxLimits, ...(opts.lower === undefined ? {} : { lower: opts.lower }) });
    this.host = new ChannelHost((e) => this.serve(e as ProcessEndpoint));
    this.sessions = new SessionManager(this);
    this.contexts = new ContextManager(this);
    if (opts.vfs === undefined) {
      for (const dir of STANDARD_DIRS) this.vfs.mkdirp(dir);
      for (const [path, marker] of INTERPRETER_MARKERS) this.vfs.writeFile(path, encoder.encode(marker), 0o755);
    }
  }

  // ---- SyscallEnv ----

  realtimeNs(): bigint {
    return BigInt(Date.now()) * 1_000_000n;
  }

  monotonicNs(): bigint {
    return BigInt(Math.round(performance.now() * 1e6));
  }

  park(_p: Process, register: (wake: Wake) => () => void): Blocked {
    const ep = this.current;
    if (ep === null) throw new Error('park outside a dispatch');
    const wake = (): void => {
      if (ep.parkedOn?.wake !== wake) return;
      ep.parkedOn.cancel();
      ep.parkedOn = null;
      ep.parked = false;
      if (ep.process.state === 'running') this.serve(ep);
    };
    ep.parkedOn = { wake, cancel: () => {} };
    ep.parkedOn.cancel = register(wake);
    return BLOCKED;
  }

  exit(p: Process, status: ExitStatus): void {
    if (!p.finish(status)) return;
    for (const ep of p.endpoints) this.host.detach(ep);
    this.updateWatchdog();
  }

  stderrMessage(p: Process, text: string): void {
    if (!p.fds.has(2)) return;
    const desc = p.fds.get(2).desc;
    try {
      desc.write(encoder.encode(text));
    } catch {
      // A closed or broken stderr loses the message; the exit status still tells.
    }
  }

  // ---- processes ----

  newPipe(): Pipe {
    return new Pipe(this.nextPipeId++, this.sandboxLimits.pipeBytesMax);
  }

  /** Pipe ends for a host: the host reads `read` (process output) or writes `write` (process input). */
  pipePair(): { read: PipeReadEnd; write: PipeWriteEnd } {
    const pipe = this.newPipe();
    return { read: new PipeReadEnd(pipe), write: new PipeWriteEnd(pipe) };
  }

  get liveProcesses(): number {
    let n = 0;
    for (const p of this.procs.values()) if (p.state === 'running') n++;
    return n;
  }

  /** Resolves a program name the way a shell would: a path if it has a slash, else PATH. */
  resolveProgram(name: string, cwd: string, env: Record<string, string>): string {
    if (name.length === 0) throw new KernelError(Errno.NOENT);
    if (name.includes('/')) return name.startsWith('/') ? name : `${cwd.replace(/\/$/, '')}/${name}`;
    for (const dir of (env.PATH ?? '/bin:/usr/bin').split(':')) {
      if (dir === '') continue;
      const candidate = `${dir.replace(/\/$/, '')}/${name}`;
      try {
        if (this.vfs.statAt(this.vfs.rootIno, candidate, { follow: true }).kind === 'file') return candidate;
      } catch {
        // not in this PATH entry
      }
    }
    throw new KernelError(Errno.NOENT, `${name}: command not found`);
  }

  /**
   * Starts a process running the wasm program at argv[0]. Stdio descriptors are taken (one reference each).
   * Throws KernelError: ENOENT (no program), NOEXEC (not wasm), EAGAIN (process limit), ENOMEM (memory limit).
   */
  spawn(argv: string[], stdio: SpawnStdio, opts: KernelSpawnOptions = {}): Process {
    if (argv.length === 0) throw new KernelError(Errno.INVAL, 'empty argv');
    if (this.liveProcesses >= this.sandboxLimits.processesMax) throw new KernelError(Errno.AGAIN, 'process limit');
    const env = opts.env ?? {};
    const cwd = opts.cwd ?? '/';
    const limits: ProcessLimits = { ...this.processLimits, ...opts.limits };
    const envList = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    const argBytes = [...argv, ...envList].reduce((n, s) => n + Buffer.byteLength(s) + 1, 0);
    if (argBytes > MODULE_LIMITS.argEnvBytesMax) throw new KernelError(Errno.TOOBIG);
    const path = this.resolveProgram(argv[0] as string, cwd, env);
    const bytes = this.vfs.readFile(path);
    const interpreter = interpreterOf(bytes);
    if (interpreter === 'python') return this.spawnPython(argv, env, cwd, limits, stdio, opts);
    if (interpreter === 'sh') return this.spawnShellCommand(argv, env, cwd, limits, stdio, opts);
    if (interpreter === 'builtin') {
      const command = ['sh', '-c', builtinCommandOf(argv)];
      return this.spawnShellCommand(command, env, cwd, limits, stdio, opts);
    }
    if (interpreter === 'node') return this.spawnJavascript(argv, env, cwd, limits, stdio, opts);
    if (bytes.length > MODULE_LIMITS.moduleBytesMax) throw new KernelError(Errno.NOMEM, 'module too large');
    let compiled: ReturnType<ModuleCache['get']>;
    try {
      compiled = this.modules.get(bytes, limits.memoryBytesMax);
    } catch (e) {
      if (e instanceof KernelError) throw e;
      throw new KernelError(Errno.NOEXEC, `${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const used = [...this.procs.values()].reduce((n, q) => n + (q.state === 'running' ? q.memoryBytes : 0), 0);
    if (used >= this.sandboxLimits.memoryBytesMax) throw new KernelError(Errno.NOMEM, 'sandbox memory limit');
    const p = this.startProcess(argv, env, cwd, limits, stdio, opts, 1, () => ({
      kind: 'wasm',
      module: compiled.module,
      importsMemory: compiled.importsMemory,
      maxPages: compiled.maxPages,
    }));
    return p;
  }

  /** Starts a JavaScript process (argv[0] resolved to the node marker file). */
  private spawnJavascript(
    argv: string[],
    env: Record<string, string>,
    cwd: string,
    limits: ProcessLimits,
    stdio: SpawnStdio,
    opts: KernelSpawnOptions,
    context: { image?: Uint8Array } | null = null,
  ): Process {
    const p = this.startProcess(argv, env, cwd, limits, stdio, opts, 1, () => ({
      kind: 'javascript',
      importsMemory: false,
      maxPages: Math.floor(limits.memoryBytesMax / WASM_PAGE_BYTES),
      javascript: {
        cwd,
        ppid: opts.ppid ?? 0,
        memoryBytesMax: limits.memoryBytesMax,
        ...(context === null ? {} : { context: true, ...context }),
      },
    }));
    return p;
  }

  /**
   * Starts a JavaScript code-interpreter context (js-context-* worker messages; see runtimes/src/javascript/
   * js-worker.ts), optionally from an image of an earlier one. CPU is bounded per cell by its caller.
   */
  spawnJavascriptContext(cwd: string, env: Record<string, string>, image?: Uint8Array): Process {
    const { limits, stdio } = this.contextLaunch();
    return this.spawnJavascript(['node'], env, cwd, limits, stdio, {}, image === undefined ? {} : { image });
  }

  /**
   * What every code-interpreter context starts with: null stdio (cells bring their output back as messages)
   * and no CPU limit (an idle context waits for its next cell outside any syscall; its caller bounds each
   * cell's time instead).
   */
  private contextLaunch(): { limits: ProcessLimits; stdio: SpawnStdio } {
    if (this.liveProcesses >= this.sandboxLimits.processesMax) throw new KernelError(Errno.AGAIN, 'process limit');
    const nul = new NullDescriptor();
    return {
      limits: { ...this.processLimits, cpuMsMax: Number.POSITIVE_INFINITY },
      stdio: { stdin: nul, stdout: nul, stderr: nul },
    };
  }

  /** Starts `sh -c …` / `sh FILE` (argv[0] resolved to the sh marker file): one command line, then exit. */
  private spawnShellCommand(
    argv: string[],
    env: Record<string, string>,
    cwd: string,
    limits: ProcessLimits,
    stdio: SpawnStdio,
    opts: KernelSpawnOptions,
  ): Process {
    const decoder = new TextDecoder();
    const command = shellCommandOf(argv, (path) =>
      decoder.decode(this.vfs.readFile(path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`)),
    );
    const p = this.startProcess(argv, env, cwd, limits, stdio, opts, EXEC_LIMITS.sessionChannels, (proc) => ({
      kind: 'shell',
      importsMemory: false,
      maxPages: 0,
      shell: { session: `sh-${proc.pid}`, cwd },
    }));
    runShellCommand(this, p, command, cwd);
    this.updateWatchdog();
    return p;
  }

  /** Starts a Python process (argv[0] resolved to the python marker file). */
  private spawnPython(
    argv: string[],
    env: Record<string, string>,
    cwd: string,
    limits: ProcessLimits,
    stdio: SpawnStdio,
    opts: KernelSpawnOptions,
    extra: Pick<PythonLaunch, 'context' | 'template'> = {},
  ): Process {
    const launch = { ...pythonLaunch(cwd, limits.memoryBytesMax), ...extra };
    const p = this.startProcess(argv, env, cwd, limits, stdio, opts, 1, () => ({
      kind: 'python',
      importsMemory: false,
      maxPages: Math.floor(limits.memoryBytesMax / WASM_PAGE_BYTES),
      python: launch,
    }));
    this.interrupts.set(p.pid, new Int32Array(launch.interrupt));
    void p.wait().then(() => this.interrupts.delete(p.pid));
    return p;
  }

  /**
   * Starts a code-interpreter context: a Python process that serves cells (see context/), with null stdio,
   * optionally restored from an image of an earlier context. Its CPU is bounded per cell by the caller's
   * timeout, not by cpuMsMax (an idle context waits for its next cell outside any syscall).
   */
  spawnPythonContext(cwd: string, env: Record<string, string>, image?: Uint8Array): Process {
    const { limits, stdio } = this.contextLaunch();
    return this.spawnPython(['python3'], env, cwd, limits, stdio, {}, {
      context: true,
      ...(image === undefined ? {} : { template: image }),
    });
  }

  /**
   * Starts a shell session process: a worker running Burrow's shell against the sys calls, with
   * EXEC_LIMITS.sessionChannels channels, stdio on /dev/null (each exec brings its own), the root preopened.
   */
  spawnShell(session: string, cwd: string, env: Record<string, string>, state?: unknown): Process {
    if (this.liveProcesses >= this.sandboxLimits.processesMax) throw new KernelError(Errno.AGAIN, 'process limit');
    const nul = new NullDescriptor();
    return this.startProcess(
      ['sh'],
      env,
      cwd,
      { ...this.processLimits },
      { stdin: nul, stdout: nul, stderr: nul },
      {},
      EXEC_LIMITS.sessionChannels,
      () => ({
        kind: 'shell',
          importsMemory: false,
        maxPages: 0,
                shell: { session, cwd, ...(state === undefined ? {} : { state }) },
      }),
    );
  }

  private startProcess(
    argv: string[],
    env: Record<string, string>,
    cwd: string,
    limits: ProcessLimits,
    stdio: SpawnStdio,
    opts: KernelSpawnOptions,
    channels: number,
    kindSpec: (p: Process) => LaunchKindSpec,
  ): Process {
    const preopenDirs = (opts.preopens ?? [{ path: '/' }]).map((po) => ({
      ino: this.vfs.lookup(this.vfs.rootIno, po.path, { follow: true }),
      guestPath: po.guestPath ?? po.path,
    }));
    const pid = this.nextPid++;
    const p = new Process(pid, opts.ppid ?? 0, [...argv], { ...env }, cwd, limits, channels);
    p.fds.add({ desc: stdio.stdin, rightsBase: ALL_RIGHTS, rightsInheriting: 0n });
    p.fds.add({ desc: stdio.stdout, rightsBase: ALL_RIGHTS, rightsInheriting: 0n });
    p.fds.add({ desc: stdio.stderr, rightsBase: ALL_RIGHTS, rightsInheriting: 0n });
    for (const dir of preopenDirs) {
      const desc = new VfsDescriptor(this.vfs, this.vfs.openIno(dir.ino, { read: true, directory: true }), dir.ino);
      p.fds.add({ desc, rightsBase: ALL_RIGHTS, rightsInheriting: ALL_RIGHTS, preopen: dir.guestPath });
    }
    this.procs.set(pid, p);
    for (const ep of p.endpoints) this.host.attach(ep);
    const spec: LaunchSpec = {
      ...kindSpec(p),
      pid,
      channels: p.endpoints.map((e) => e.channel),
      doorbell: this.host.doorbell,
      argv: p.argv,
      env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
    };
    p.worker = this.launcher.launch(spec, {
      onDone: () => this.exit(p, { exitCode: 0 }),
      onCrash: (message) => {
        this.stderrMessage(p, `burrow: process ${pid} crashed: ${message}\n`);
        this.exit(p, { exitCode: 137, signal: 'SIGKILL', reason: 'crash' });
      },
      onMessage: (message) => this.messageHandlers.get(pid)?.(message),
    });
    if (limits.wallMsMax < DEFAULT_PROCESS_LIMITS.wallMsMax) {
      const t = setTimeout(() => this.limitExceeded(p, 'wallMsMax', limits.wallMsMax), limits.wallMsMax);
      t.unref();
      void p.wait().then(() => clearTimeout(t));
    }
    this.updateWatchdog();
    return p;
  }

  /** Receives control messages from a process's worker (shell sessions). */
  onWorkerMessage(pid: number, handler: ((message: unknown) => void) | null): void {
    if (handler === null) this.messageHandlers.delete(pid);
    else this.messageHandlers.set(pid, handler);
  }

  // ---- sys calls (Op.burrow_sys) that need the process table ----

  sysSpawn(parent: Process, argv: string[], opts: SysSpawnOptions): number {
    const [i, o, e] = opts.stdio;
    const child = this.spawn(
      argv,
      { stdin: parent.fds.get(i).desc, stdout: parent.fds.get(o).desc, stderr: parent.fds.get(e).desc },
      { cwd: opts.cwd, env: opts.env, ppid: parent.pid },
    );
    return child.pid;
  }

  sysWait(parent: Process, pid: number): { exitCode: number; signal: string | null } | Blocked {
    const child = this.procs.get(pid);
    if (child === undefined || child.ppid !== parent.pid) throw new KernelError(Errno.CHILD);
    if (child.status !== null) {
      this.reap(pid);
      return { exitCode: child.status.exitCode, signal: child.status.signal ?? null };
    }
    return this.park(parent, (wake) => {
      let live = true;
      void child.wait().then(() => {
        if (live) wake();
      });
      return () => {
        live = false;
      };
    });
  }

  sysKill(_caller: Process, pid: number, signal: string): void {
    if (!(signal in SIGNAL_NUMBERS)) throw new KernelError(Errno.INVAL, `unknown signal ${signal}`);
    this.signal(pid, signal as Signal);
  }

  /** A child's status if it has exited (the child is reaped then), else null: wait without blocking. */
  sysPoll(parent: Process, pid: number): { exitCode: number; signal: string | null } | null {
    const child = this.procs.get(pid);
    if (child === undefined || child.ppid !== parent.pid) throw new KernelError(Errno.CHILD);
    if (child.status === null) return null;
    this.reap(pid);
    return { exitCode: child.status.exitCode, signal: child.status.signal ?? null };
  }

  sysPipe(p: Process): [number, number] {
    const { read, write } = this.pipePair();
    const r = p.fds.add({ desc: read, rightsBase: ALL_RIGHTS, rightsInheriting: 0n });
    try {
      return [r, p.fds.add({ desc: write, rightsBase: ALL_RIGHTS, rightsInheriting: 0n })];
    } catch (e) {
      p.fds.close(r);
      write.close();
      throw e;
    }
  }

  process(pid: number): Process {
    const p = this.procs.get(pid);
    if (p === undefined) throw new KernelError(Errno.SRCH);
    return p;
  }

  processes(): Process[] {
    return [...this.procs.values()];
  }

  /** Forgets an exited process (its status stays with whoever holds the Process). */
  reap(pid: number): void {
    const p = this.procs.get(pid);
    if (p !== undefined && p.state === 'exited') this.procs.delete(pid);
  }

  signal(pid: number, signal: Signal): void {
    const p = this.process(pid);
    if (p.state === 'exited') return;
    const interrupt = this.interrupts.get(pid);
    if (signal === 'SIGINT' && interrupt !== undefined) {
      Atomics.store(interrupt, 0, SIGNAL_NUMBERS.SIGINT);
      return;
    }
    p.worker?.terminate();
    this.exit(p, { exitCode: 128 + SIGNAL_NUMBERS[signal], signal });
  }

  close(): void {
    this.sessions.close();
    this.contexts.close();
    for (const p of this.procs.values()) {
      if (p.state === 'running') this.signal(p.pid, 'SIGKILL');
    }
    this.host.stop();
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  // ---- internals ----

  private serve(ep: ProcessEndpoint): void {
    const p = ep.process;
    if (!ep.inSyscall) {
      const now = performance.now();
      p.markStarted(now);
      p.pauseClock(now);
      ep.inSyscall = true;
      p.callsInFlight++;
      if (ep === p.endpoints[0]) p.memoryBytes = (ep.views.header[H.MEM_PAGES] as number) * WASM_PAGE_BYTES;
    }
    p.views = ep.views;
    this.current = ep;
    try {
      dispatch(this, p, ep, (e) => this.bugs.push(e));
    } finally {
      this.current = null;
    }
    if (!ep.parked) {
      ep.inSyscall = false;
      p.callsInFlight--;
      p.resumeClock(performance.now());
    }
  }

  limitExceeded(p: Process, limit: string, value: number): void {
    if (p.state !== 'running') return;
    p.worker?.terminate();
    const unit = limit.includes('Ms') ? ' ms' : limit.includes('Bytes') ? ' bytes' : '';
    this.stderrMessage(p, `burrow: process ${p.pid} killed: ${limit} limit (${value}${unit}) exceeded\n`);
    this.exit(p, { exitCode: 137, signal: 'SIGKILL', reason: limit });
  }

  private updateWatchdog(): void {
    const anyRunning = this.liveProcesses > 0;
    if (anyRunning && this.watchdog === null) {
      this.watchdog = setInterval(() => this.checkCpu(), WATCHDOG_MS);
      this.watchdog.unref();
    } else if (!anyRunning && this.watchdog !== null) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    }
  }

  private checkCpu(): void {
    const now = performance.now();
    for (const p of this.procs.values()) {
      if (p.starting && Atomics.load(p.views.header, H.STARTED) === 1) p.markStarted(now);
      if (p.state === 'running' && p.cpuMsNow(now) > p.limits.cpuMsMax) {
        this.limitExceeded(p, 'cpuMsMax', p.limits.cpuMsMax);
      }
    }
  }
}

export type { Endpoint };
