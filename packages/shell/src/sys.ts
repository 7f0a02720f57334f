/**
 * The system-call interface the shell is written against. In a sandbox it is implemented over the kernel's
 * syscall channel (every method is one or a few asynchronous syscalls); in tests it is implemented in process.
 * Paths are absolute (callers resolve them against their cwd). Failures throw KernelError { errno } from
 * @burrow/protocol; nothing here matches message text.
 */
import type { Errno } from '@burrow/protocol';

export type FileType = 'file' | 'dir' | 'symlink' | 'pipe' | 'chardev' | 'other';

export interface FileStat {
  ino: number;
  type: FileType;
  /** Permission bits (0o777 and the setuid/sticky bits). */
  mode: number;
  nlink: number;
  size: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface DirEntry {
  name: string;
  type: FileType;
}

export interface OpenOptions {
  read?: boolean;
  write?: boolean;
  create?: boolean;
  exclusive?: boolean;
  truncate?: boolean;
  append?: boolean;
  directory?: boolean;
  noFollow?: boolean;
  /** Permission bits for a created file. */
  mode?: number;
}

/** An open file. Reads return an empty array at end of file. */
export interface FileHandle {
  read(maxBytes: number): Promise<Uint8Array>;
  write(data: Uint8Array): Promise<number>;
  seek(offset: number, whence: 'set' | 'cur' | 'end'): Promise<number>;
  stat(): Promise<FileStat>;
  truncate(size: number): Promise<void>;
  close(): Promise<void>;
}

/** A readable byte stream: `read()` resolves to null at end of stream. */
export interface ByteSource {
  read(): Promise<Uint8Array | null>;
}

/** A writable byte stream with backpressure: `write` resolves when the reader has room. Rejects with
 * KernelError(Errno.PIPE) once the reader is gone. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
  stdin: ByteSource;
  stdout: ByteSink;
  stderr: ByteSink;
  signal?: AbortSignal;
}

/** Size and usage of the filesystem holding a path (the sandbox has one). */
export interface FsUsage {
  bytesTotal: number;
  bytesUsed: number;
  inodesTotal: number;
  inodesUsed: number;
}

export interface Sys {
  stat(path: string, opts?: { follow?: boolean }): Promise<FileStat>;
  readdir(path: string): Promise<DirEntry[]>;
  open(path: string, opts: OpenOptions): Promise<FileHandle>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array, opts?: { append?: boolean; mode?: number }): Promise<void>;
  mkdir(path: string, opts?: { mode?: number }): Promise<void>;
  rmdir(path: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  symlink(target: string, path: string): Promise<void>;
  readlink(path: string): Promise<string>;
  link(existing: string, path: string): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  utimes(path: string, atimeMs: number, mtimeMs: number): Promise<void>;
  truncate(path: string, size: number): Promise<void>;
  /** Resolve symlinks and `..` to a canonical absolute path (ENOENT if a component is missing). */
  realpath(path: string): Promise<string>;
  /**
   * Run an external program (a .wasm file, later python3/node) as a kernel process; resolves to its exit
   * status (128 + signal when killed). ENOENT/NOEXEC/ACCES are thrown as KernelError.
   */
  spawn(argv: string[], opts: SpawnOptions): Promise<number>;
  /**
   * Sleeps without holding a CPU: in a sandbox the kernel parks the call, so the time is not charged as
   * CPU. Rejects with an AbortError-like KernelError(INTR) when `signal` aborts.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Wall clock in ms since the epoch. Journaled by the session host for replay. */
  now(): number;
  /** Cryptographically random bytes. Journaled by the session host for replay. */
  randomBytes(n: number): Uint8Array;
  /** Size limits and usage of the filesystem holding `path` (df); optional for hosts that cannot tell. */
  statfs?(path: string): Promise<FsUsage>;
}

export type { Errno };
