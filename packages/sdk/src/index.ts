/**
 * @burrow/sdk: the Burrow client. `connect({ url, apiKey })` returns a `Burrow` over HTTP; `@burrow/server`'s
 * `embedded({ dataDir })` returns the same interface in process.
 */
export type {
  Burrow,
  ContextInfo,
  ContextLanguage,
  CreateContextOptions,
  CreateOptions,
  EventStream,
  ExecEvent,
  ExecOptions,
  ExecResult,
  FileEntry,
  FileStat,
  ProcessInfo,
  ProcessLogs,
  ProgressOptions,
  RunCodeOptions,
  RunCodeResult,
  Sandbox,
  SandboxContexts,
  SandboxFiles,
  SandboxInfo,
  SandboxProcesses,
  SandboxSessions,
  Session,
  SessionInfo,
  SignalName,
  StartOptions,
} from '@burrow/protocol';
export {
  AuthError,
  BurrowError,
  ConflictError,
  type ErrorCode,
  NotFoundError,
  TimeoutError,
  UnavailableError,
} from '@burrow/protocol';
export { connect } from './connect.js';
export { type ClientOptions, HttpClient } from './http-client.js';
