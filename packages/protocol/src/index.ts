export { Errno, errnoMessage, errnoName, isKernelError, KernelError } from './errno.js';
export {
  CHANNEL_LIMITS,
  DEFAULT_PROCESS_LIMITS,
  DEFAULT_SANDBOX_LIMITS,
  EXEC_LIMITS,
  JS_LIMITS,
  PYTHON_LIMITS,
  MODULE_LIMITS,
  SERVICE_LIMITS,
  SHELL_LIMITS,
  type ShellLimits,
  type ProcessLimits,
  type SandboxLimits,
  WORKER_POOL,
} from './limits.js';
export {
  CHANNEL_BYTES,
  type ChannelViews,
  channelViews,
  DATA_OFFSET,
  DOORBELL_BYTES,
  H,
  HEADER_BYTES,
  I32_ARGS,
  I64_OFFSET,
  I64_SLOTS,
  Op,
  State,
} from './channel-layout.js';
export type {
  Burrow,
  CreateContextOptions,
  CreateOptions,
  EventStream,
  ExecOptions,
  ProgressOptions,
  RunCodeOptions,
  Sandbox,
  SandboxContexts,
  SandboxFiles,
  SandboxProcesses,
  SandboxSessions,
  Session,
  StartOptions,
} from './client-api.js';
export {
  AuthError,
  BurrowError,
  burrowError,
  ConflictError,
  NotFoundError,
  TimeoutError,
  UnavailableError,
} from './errors/burrow-error.js';
export { ERROR_CODES, type ErrorBody, type ErrorCode, type ErrorDetails, errnoCode, isErrorCode } from './errors/codes.js';
export { ERROR_STATUS } from './errors/status-map.js';
export { openApiDocument } from './openapi.js';
export { type HttpMethod, ROUTES, type RouteName, type RouteSpec } from './routes.js';
export * as schemas from './schemas.js';
export type {
  ExecEvent,
  ExecResult,
  FileEntry,
  FileKind,
  FileStat,
  ProcessInfo,
  ProcessLogs,
  SandboxInfo,
  SessionInfo,
  SignalName,
  ContextInfo,
  ContextLanguage,
  CreateContextRequest,
  RunCodeEvent,
  RunCodeRequest,
  RunCodeResult,
} from './schemas.js';
export type { SysFileStat } from './sys-stat.js';
