/**
 * The kernel's host-facing interface: the same whether the kernel runs in this process (LocalKernel) or in a
 * runner process reached over IPC (RemoteKernel in @burrow/runner). Everything is asynchronous or streaming so
 * that both can implement it.
 */
import type { ExitStatus, ProcessInfo } from './process/process.js';
import type { ExecOptions, ExecResult, ExecRun } from './session/session-manager.js';
import type {
  CodeContextInfo,
  CreateContextOptions,
  RunCodeOptions,
  RunCodeResult,
} from './context/context-manager.js';

export type { ExecEvent } from './session/exec-output.js';
export type { ExecOptions, ExecResult, ExecRun };

export type Signal = 'SIGINT' | 'SIGHUP' | 'SIGTERM' | 'SIGKILL';

export const SIGNAL_NUMBERS: Readonly<Record<Signal, number>> = Object.freeze({
  SIGHUP: 1,
  SIGINT: 2,
  SIGKILL: 9,
  SIGTERM: 15,
});

export interface FileStatInfo {
  ino: number;
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  nlink: number;
  size: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface DirEntryInfo {
  name: string;
  kind: 'file' | 'dir' | 'symlink';
}

/** Whole-file operations at the sandbox root, for hosts and tools. Paths are absolute in the sandbox. */
export interface KernelFs {
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Up to `maxBytes` of a file from byte `offset`, so a host can stream a large file without holding it whole.
   * A chunk may be shorter than asked for before the end (a host caps one reply); only an empty one means the
   * end of the file.
   */
  readFileChunk(path: string, offset: number, maxBytes: number): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string, opts?: { mode?: number }): Promise<void>;
  /** Appends to an existing file (ENOENT when it is missing); all of `data` or nothing is written. */
  appendFile(path: string, data: Uint8Array): Promise<void>;
  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): Promise<void>;
  readdir(path: string): Promise<DirEntryInfo[]>;
  stat(path: string, opts?: { follow?: boolean }): Promise<FileStatInfo>;
  symlink(target: string, path: string): Promise<void>;
  remove(path: string, opts?: { recursive?: boolean }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export interface Preopen {
  /** Directory in the sandbox. */
  path: string;
  /** Name the guest sees (fd_prestat_dir_name); defaults to `path`. */
  guestPath?: string;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Working directory in the sandbox (default `/`). */
  cwd?: string;
  /** Directories preopened for WASI, in fd order from 3 (default: the sandbox root as `/`). */
  preopens?: Preopen[];
  /** Per-process limit overrides (each at most the host's default). */
  limits?: Partial<import('@burrow/protocol').ProcessLimits>;
}

export interface ProcessStdin {
  /** Resolves once the kernel has taken the bytes (backpressure). */
  write(data: Uint8Array | string): Promise<void>;
  end(): Promise<void>;
}

export interface ProcessHandle {
  readonly pid: Promise<number>;
  readonly stdin: ProcessStdin;
  readonly stdout: AsyncIterable<Uint8Array>;
  readonly stderr: AsyncIterable<Uint8Array>;
  /** Resolves with the exit status; rejects with a KernelError when the process could not start. */
  wait(): Promise<ExitStatus>;
  kill(signal?: Signal): Promise<void>;
}

/** Code-interpreter contexts of a sandbox (`sandbox.contexts` in the SDK). */
export interface KernelContexts {
  create(opts?: CreateContextOptions): Promise<CodeContextInfo>;
  list(): Promise<CodeContextInfo[]>;
  delete(id: string): Promise<void>;
  /** Interrupts a context's running cell (KeyboardInterrupt); a no-op when it is idle. */
  interrupt(id: string): Promise<void>;
  /** An image of an idle context (taken between cells); `create({ image })` restores it. */
  image(id: string): Promise<Uint8Array>;
}

export interface KernelApi {
  readonly fs: KernelFs;
  spawn(argv: string[], opts?: SpawnOptions): ProcessHandle;
  /** Runs a command line in a shell session; resolves when its foreground command ends. */
  exec(command: string, opts?: ExecOptions): Promise<ExecResult>;
  /** Runs a command line in a shell session, streaming its output and exit as ordered events. */
  execStream(command: string, opts?: ExecOptions): ExecRun;
  processes(): Promise<ProcessInfo[]>;
  /** Code-interpreter contexts. */
  readonly contexts: KernelContexts;
  /** Runs code in a code-interpreter context; the last expression's value comes back as MIME bundles. */
  runCode(code: string, opts?: RunCodeOptions): Promise<RunCodeResult>;
  kill(pid: number, signal?: Signal): Promise<void>;
  close(): Promise<void>;
}
