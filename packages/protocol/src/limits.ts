/**
 * Every limit in Burrow, with the reason it exists. Code elsewhere reads limits from here (or from a
 * per-sandbox override built from these defaults); a literal limit anywhere else is a bug.
 */

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/** Limits of one process. */
export interface ProcessLimits {
  /** Linear memory of one wasm instance. Guest allocation fails past it (malloc returns NULL). */
  memoryBytesMax: number;
  /** Time the process's worker spends running guest code; the process ends with 137 past it. */
  cpuMsMax: number;
  /** Time from spawn to exit; the process ends with 137 past it. */
  wallMsMax: number;
  /** Open descriptors (EMFILE past it): bounds kernel memory a guest can pin. */
  fdsMax: number;
  /** Bytes the process may write to stdout and stderr together; it ends with 137 past it. */
  outputBytesMax: number;
}

/** Limits of one sandbox (all its processes and its filesystem). */
export interface SandboxLimits {
  /** Linear memory of all live processes together: a spawn that would pass it fails with ENOMEM. */
  memoryBytesMax: number;
  /** Live processes at once (EAGAIN on spawn past it): bounds workers a sandbox can hold. */
  processesMax: number;
  /** Bytes of file data in the writable layer (ENOSPC past it). */
  fsBytesMax: number;
  /** Inodes in the writable layer (ENOSPC past it): stops empty-file bombs. */
  fsInodesMax: number;
  /** One file's size (EFBIG past it). */
  fileBytesMax: number;
  /** A whole path (ENAMETOOLONG past it), as Linux's PATH_MAX. */
  pathBytesMax: number;
  /** One path component (ENAMETOOLONG past it), as Linux's NAME_MAX. */
  nameBytesMax: number;
  /** Symlinks followed while resolving one path (ELOOP past it), as Linux's MAXSYMLINKS. */
  symlinkHopsMax: number;
  /** Open file descriptions across the sandbox (ENFILE past it). */
  openFilesMax: number;
  /** Bytes buffered in one pipe before a writer blocks (backpressure), as Linux's default pipe size. */
  pipeBytesMax: number;
}

export const DEFAULT_PROCESS_LIMITS: Readonly<ProcessLimits> = Object.freeze({
  memoryBytesMax: 1 * GiB,
  cpuMsMax: 10 * 60 * 1000,
  wallMsMax: 24 * 60 * 60 * 1000,
  fdsMax: 1024,
  outputBytesMax: 64 * MiB,
});

export const DEFAULT_SANDBOX_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  memoryBytesMax: 4 * GiB,
  processesMax: 64,
  fsBytesMax: 2 * GiB,
  fsInodesMax: 200_000,
  fileBytesMax: 1 * GiB,
  pathBytesMax: 4096,
  nameBytesMax: 255,
  symlinkHopsMax: 40,
  openFilesMax: 8192,
  pipeBytesMax: 64 * KiB,
});

/** Limits of the syscall channel between a process's worker and its kernel. */
export const CHANNEL_LIMITS = Object.freeze({
  /**
   * Payload bytes one syscall can carry. Larger reads and writes are split by the guest-side shim; the
   * size keeps a process's fixed channel memory small while one round trip still moves a useful amount.
   */
  dataBytes: 256 * KiB,
  /** Spins on the reply word before a worker sleeps in Atomics.wait: short, since there are two cores. */
  workerSpinIterations: 2_000,
  /** Microseconds the kernel keeps polling for the next request after serving one. */
  kernelSpinMicros: 50,
  /** Longest the kernel serves requests back to back before yielding to its event loop. */
  kernelSliceMs: 5,
});

/** Limits of the wasm modules a process may run. */
export const MODULE_LIMITS = Object.freeze({
  /** A module's size: bounds compile time and memory spent on one spawn. */
  moduleBytesMax: 256 * MiB,
  /** argv and environment bytes together, as Linux's ARG_MAX. */
  argEnvBytesMax: 2 * MiB,
  /** Compiled modules kept per runner (least recently used are dropped first). */
  compiledModulesMax: 64,
});

/** Limits of one exec call (a command line run in a shell session). */
export const EXEC_LIMITS = Object.freeze({
  /** Output an exec collects for its buffered result, per stream; past it the rest is cut with a marker. */
  outputBytesMax: 16 * MiB,
  /** How long a session may take to stop its foreground job after a signal before its worker is ended. */
  signalGraceMs: 500,
  /**
   * Channels of a shell session process: syscalls its pipeline stages can have in flight at once (a parked
   * wait or pipe read holds one). Each costs CHANNEL_BYTES of shared memory.
   */
  sessionChannels: 16,
  /** Named sessions per sandbox (each holds a worker). */
  sessionsMax: 32,
});

/** The warm pool of process workers each kernel host keeps. */
export const WORKER_POOL = Object.freeze({
  /** Idle workers kept ready: a new worker thread costs ~30 ms, a pooled one nothing. */
  idleWorkersMax: 4,
  /**
   * Spare workers booted ahead of demand. Below idleWorkersMax, so workers handed back after use are kept
   * and a stream of short processes reuses them instead of booting one per process.
   */
  spareWorkers: 2,
});

/** Limits of the service (HTTP API, fleet, background processes). */
export const SERVICE_LIMITS = Object.freeze({
  /** Output kept per background process; the oldest is dropped first so a chatty process cannot fill memory. */
  processLogBytesMax: 1 * MiB,
  /** Background processes running at once per sandbox: each holds a shell session (EXEC_LIMITS.sessionsMax). */
  processesRunningMax: 16,
  /** Process records kept per sandbox; the oldest exited ones are forgotten first. */
  processRecordsMax: 256,
  /** Sandboxes one runner process hosts before the tenant's pool starts another. */
  sandboxesPerRunnerMax: 64,
  /** Runner processes per tenant: bounds the memory one tenant can take. */
  runnersPerTenantMax: 4,
  /** Sandboxes per tenant at once. */
  sandboxesPerTenantMax: 10_000,
  /** A JSON request body (exec stdin travels in it). */
  jsonBodyBytesMax: 16 * MiB,
  /** Longest a wait or waitForLog call may hold a request open. */
  waitMsMax: 60 * 60 * 1000,
  /** Default wait of waitForLog when the caller gives none. */
  waitForLogDefaultMs: 30_000,
  /** Time a graceful shutdown gives sandboxes to stop before their runners are killed. */
  shutdownGraceMs: 5_000,
  /** Entries one recursive listing returns: bounds the work and the response of one call. */
  listEntriesMax: 100_000,
  /** Bytes of a line waitForLog keeps while it waits for the line's end. */
  logLineBytesMax: 64 * KiB,
  /** Idle keep-alive of an HTTP connection. */
  keepAliveMs: 65_000,
  /** One piece of a file download read from the sandbox: the most a download holds at once. */
  downloadChunkBytes: 256 * KiB,
  /** One write of an upload into the sandbox: the most an upload holds at once. */
  uploadChunkBytes: 1 * MiB,
  /** The largest file range one runner call may carry (bounds one IPC message). */
  fileChunkBytesMax: 16 * MiB,
});

/** Limits of the JavaScript runtime (QuickJS-ng). */
export const JS_LIMITS = Object.freeze({
  /** QuickJS heap: bounded below the process's memory limit so the interpreter fails cleanly first. */
  heapBytesMax: 256 * MiB,
  /** QuickJS stack: above 256 KiB deep recursion overflows the host stack instead of throwing. */
  stackBytesMax: 256 * KiB,
  /** Initial wasm memory of a fresh interpreter (the build's own initial size). */
  initialPages: 256,
  /** Pending jobs run per step of the event loop, so timers and stdin are served between bursts. */
  jobsPerStep: 10_000,
});

/** Limits of Python processes and code-interpreter contexts. */
export const PYTHON_LIMITS = Object.freeze({
  /** Warm interpreters a host keeps restored from the template: one hides the restore of the next spawn. */
  warmInterpretersDefault: 1,
  /** Delay before refilling the warm pool, so the refill does not compete with the process just handed over. */
  refillDelayMs: 250,
  /** Time a timed-out cell has to stop after its interrupt before its context is killed. */
  interruptGraceMs: 2000,
});

/**
 * Limits of Burrow's shell interpreter and its builtins, each with the reason it exists. Passing one ends the
 * offending command with a bash-style message on stderr and a nonzero status; the session stays usable.
 */
export const SHELL_LIMITS = Object.freeze({
  /** Nested function calls: stops runaway recursion before it exhausts the worker's stack (bash: FUNCNEST). */
  functionDepthMax: 1000,
  /** Commands one exec may run: bounds a runaway loop that makes no syscalls and is never interrupted. */
  commandsPerExecMax: 10_000_000,
  /** Characters of one string produced by expansion: stops `x=$x$x` doubling from exhausting memory. */
  stringBytesMax: 16 * MiB,
  /** Words one brace expansion may produce: `{1..99999999}` would allocate before anything runs. */
  braceExpansionMax: 100_000,
  /** Stages of one pipeline: each stage holds a pipe buffer and a concurrent task. */
  pipelineWidthMax: 256,
  /** Bytes of one here-document body: it is held in memory whole. */
  heredocBytesMax: 16 * MiB,
  /** Variables (including array variables) in one session: bounds session state and snapshot size. */
  variablesMax: 100_000,
  /** Elements of one array variable: bounds session state and snapshot size. */
  arrayElementsMax: 1_000_000,
  /** Nesting of `source`/`eval`/command substitution: each level is a recursive interpreter call. */
  evalDepthMax: 200,
  /** Bytes buffered between two builtin stages of a pipeline before the writer waits (Linux's pipe size). */
  pipeBytes: 64 * KiB,
  /** Characters of one command line the parser accepts: parsing is linear but the AST is held whole. */
  scriptBytesMax: 64 * MiB,
  /** Parsed command lines kept per session for reuse (least recently used are dropped first). */
  parseCacheEntriesMax: 256,
  /** Steps of the backtracking regex matcher (patterns with backreferences): stops catastrophic backtracking. */
  regexBacktrackStepsMax: 2_000_000,
  /** Worst-case steps up to which V8's own RegExp may run a pattern (its cost is bounded below this). */
  regexNativeStepsMax: 2 ** 26,
  /** Compiled regular expressions cached per worker. */
  regexCacheEntriesMax: 256,
  /** Compiled glob patterns cached per worker. */
  fnmatchCacheEntriesMax: 512,
  /** Nested awk function calls: stops runaway recursion before it exhausts the worker's stack. */
  awkCallDepthMax: 3000,
  /** awk loop iterations between yields, so a kill or timeout is noticed in a busy loop. */
  awkYieldEvery: 4096,
});

export type ShellLimits = typeof SHELL_LIMITS;
