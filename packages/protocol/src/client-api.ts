/**
 * The interfaces every Burrow client offers: `@burrow/sdk`'s `connect()` (over HTTP) and `@burrow/server`'s
 * `embedded()` (in process) both return a `Burrow`. They live here because the SDK and the server never import
 * each other (DESIGN.md §2); the SDK re-exports them. Failures throw BurrowError subclasses; a command that
 * fails is a value (its exit code), not a throw.
 */
import type {
  ContextInfo,
  ContextLanguage,
  ExecEvent,
  ExecResult,
  FileEntry,
  FileStat,
  ProcessInfo,
  ProcessLogs,
  RunCodeResult,
  SandboxInfo,
  SessionInfo,
  SignalName,
} from './schemas.js';

export interface CreateOptions {
  /** Sandbox id; generated when absent. */
  id?: string;
  labels?: Record<string, string>;
  /** Return the existing sandbox instead of failing with ConflictError. */
  ifNotExists?: boolean;
}

export interface ExecOptions {
  session?: string;
  cwd?: string;
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs?: number;
  /** Aborting ends the call; the command's foreground job gets SIGHUP, as from a closed terminal. */
  signal?: AbortSignal;
}

/** An exec's ordered events (stdout/stderr chunks, then one `exit`). */
export type EventStream = AsyncIterable<ExecEvent>;

export interface ProgressOptions {
  /** Called as bytes move (total is known for uploads of a sized source and for downloads). */
  onProgress?: (doneBytes: number, totalBytes: number | undefined) => void;
}

export interface SandboxFiles {
  read(path: string): Promise<Uint8Array>;
  readText(path: string): Promise<string>;
  /** Writes a whole file; missing parent directories are created. */
  write(path: string, data: Uint8Array | string): Promise<void>;
  /** Writes a file from a stream of chunks without holding it whole on the client. */
  upload(path: string, source: AsyncIterable<Uint8Array>, opts?: ProgressOptions & { size?: number }): Promise<void>;
  /** Reads a file as a stream of chunks. */
  download(path: string, opts?: ProgressOptions): AsyncIterable<Uint8Array>;
  list(path: string, opts?: { recursive?: boolean }): Promise<FileEntry[]>;
  stat(path: string): Promise<FileStat>;
  exists(path: string): Promise<boolean>;
  mkdir(path: string, opts?: { recursive?: boolean }): Promise<void>;
  remove(path: string, opts?: { recursive?: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export interface StartOptions {
  name?: string;
  cwd?: string;
  env?: Record<string, string>;
}

export interface SandboxProcesses {
  start(command: string, opts?: StartOptions): Promise<ProcessInfo>;
  list(): Promise<ProcessInfo[]>;
  get(name: string): Promise<ProcessInfo>;
  /** The output kept so far (bounded: the oldest is dropped first). */
  logs(name: string): Promise<ProcessLogs>;
  /** The kept output, then live output until the process exits (ends with an `exit` event). */
  follow(name: string, opts?: { signal?: AbortSignal }): EventStream;
  kill(name: string, signal?: SignalName): Promise<void>;
  wait(name: string, opts?: { timeoutMs?: number }): Promise<ProcessInfo>;
  /** Resolves with the first output line matching `pattern` (RE2 syntax; a RegExp's source is used). */
  waitForLog(name: string, pattern: string | RegExp, opts?: { timeoutMs?: number; stream?: 'stdout' | 'stderr' | 'both' }): Promise<{ line: string }>;
}

export interface Session {
  readonly name: string;
  exec(command: string, opts?: Omit<ExecOptions, 'session'>): Promise<ExecResult>;
  execStream(command: string, opts?: Omit<ExecOptions, 'session'>): EventStream;
}

export interface SandboxSessions {
  create(name?: string): Promise<Session>;
  list(): Promise<SessionInfo[]>;
  /** A handle on a session by name (created on its first exec). */
  get(name: string): Session;
}

export interface CreateContextOptions {
  /** The context's name; generated when absent. */
  id?: string;
  language?: ContextLanguage;
  cwd?: string;
  env?: Record<string, string>;
}

export interface SandboxContexts {
  create(opts?: CreateContextOptions): Promise<ContextInfo>;
  list(): Promise<ContextInfo[]>;
  /** Stops the context; its variables are gone. */
  delete(id: string): Promise<void>;
  /** Interrupts the context's running cell (the code sees KeyboardInterrupt); a no-op when it is idle. */
  interrupt(id: string): Promise<void>;
}

export interface RunCodeOptions {
  /** The context to run in, created with `language` on first use (default: the language's default context). */
  context?: string;
  /** python (default), javascript or typescript; a context that exists keeps its own. */
  language?: ContextLanguage;
  /** Output as the code writes it (the result holds all of it too). */
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  /** The cell is interrupted past it and its error is a TimeoutError. */
  timeoutMs?: number;
}

export interface Sandbox {
  readonly id: string;
  info(): Promise<SandboxInfo>;
  exec(command: string, opts?: ExecOptions): Promise<ExecResult>;
  execStream(command: string, opts?: ExecOptions): EventStream;
  readonly files: SandboxFiles;
  readonly processes: SandboxProcesses;
  readonly sessions: SandboxSessions;
  readonly contexts: SandboxContexts;
  /** Runs code in a code-interpreter context; an exception the code raised is `error` in the result, not a throw. */
  runCode(code: string, opts?: RunCodeOptions): Promise<RunCodeResult>;
  destroy(): Promise<void>;
}

export interface Burrow {
  /** Gets the sandbox, creating it when it does not exist. */
  sandbox(id: string, opts?: Omit<CreateOptions, 'id' | 'ifNotExists'>): Promise<Sandbox>;
  create(opts?: CreateOptions): Promise<Sandbox>;
  get(id: string): Promise<Sandbox>;
  list(opts?: { labels?: Record<string, string> }): Promise<SandboxInfo[]>;
  /** Releases the client (embedded: stops every sandbox and runner). */
  close(): Promise<void>;
}
