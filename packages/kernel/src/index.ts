export type {
  DirEntryInfo,
  ExecEvent,
  ExecOptions,
  ExecResult,
  ExecRun,
  FileStatInfo,
  KernelApi,
  KernelContexts,
  KernelFs,
  Preopen,
  ProcessHandle,
  ProcessStdin,
  Signal,
  SpawnOptions,
} from './api.js';
export { SIGNAL_NUMBERS } from './api.js';
export { ChannelHost } from './channel/channel-host.js';
export { BLOCKED, Descriptor } from './fd/descriptor.js';
export { Pipe, PipeReadEnd, PipeWriteEnd } from './fd/pipe.js';
export { Kernel, type KernelOptions, type KernelSpawnOptions, type LaunchEvents, type LaunchSpec, type ProcessLauncher } from './kernel.js';
export { vfsKernelFs } from './kernel-fs.js';
export { DEFAULT_SESSION, DEFAULT_SESSION_ENV, SessionManager } from './session/session-manager.js';
export { ModuleCache } from './process/module-cache.js';
export { INTERPRETER_MARKERS, PYTHON_MARKER, type PythonLaunch } from './process/interpreters.js';
export type { ExitStatus, ProcessInfo, WorkerHandle } from './process/process.js';
export { Process } from './process/process.js';
export { drain, spawnWithPipes, stdinWriter } from './process/process-handle.js';
export { capMemory, isWasm } from './process/wasm-binary.js';
export { LowerLayer, Vfs } from './vfs/index.js';
export { syscallCount } from './wasi/dispatch.js';
export {
  type CodeContextInfo,
  ContextManager,
  type CreateContextOptions,
  DEFAULT_CONTEXT,
  type MimeBundle,
  type RunCodeError,
  type RunCodeOptions,
  type RunCodeResult,
} from './context/context-manager.js';
