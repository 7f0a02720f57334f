/**
 * Helpers every WASI family of the kernel shares: WASI constants (rights, flags), decoding a request's path
 * payload, and finding the VFS descriptor or directory an fd names. Every check answers the caller with a
 * KernelError; nothing here changes state.
 */
import { Errno, H, KernelError } from '@burrow/protocol';
import type { FdEntry } from '../fd/fd-table.js';
import { VfsDescriptor } from '../fd/vfs-descriptor.js';
import type { Process } from '../process/process.js';

export const Rights = Object.freeze({
  FD_DATASYNC: 1n << 0n,
  FD_READ: 1n << 1n,
  FD_SEEK: 1n << 2n,
  FD_FDSTAT_SET_FLAGS: 1n << 3n,
  FD_SYNC: 1n << 4n,
  FD_TELL: 1n << 5n,
  FD_WRITE: 1n << 6n,
  FD_ADVISE: 1n << 7n,
  FD_ALLOCATE: 1n << 8n,
  FD_READDIR: 1n << 14n,
  FD_FILESTAT_SET_SIZE: 1n << 22n,
});

/** Rights that make path_open ask for read access (as wasi-libc and wasmtime read them). */
export const READ_RIGHTS = Rights.FD_READ | Rights.FD_READDIR;
/** Rights that make path_open ask for write access. */
export const WRITE_RIGHTS = Rights.FD_WRITE | Rights.FD_DATASYNC | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE;

export const FdFlags = Object.freeze({ APPEND: 1, DSYNC: 2, NONBLOCK: 4, RSYNC: 8, SYNC: 16, ALL: 31 });
export const OFlags = Object.freeze({ CREAT: 1, DIRECTORY: 2, EXCL: 4, TRUNC: 8, ALL: 15 });
export const LOOKUP_SYMLINK_FOLLOW = 1;
export const FstFlags = Object.freeze({ ATIM: 1, ATIM_NOW: 2, MTIM: 4, MTIM_NOW: 8, ALL: 15 });

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes `len` bytes of the payload at `at` as a UTF-8 path (EFAULT out of the payload, EILSEQ if invalid). */
export function pathAt(p: Process, at: number, len: number): string {
  const data = p.views.data;
  if (at < 0 || len < 0 || at + len > data.length) throw new KernelError(Errno.FAULT);
  try {
    return utf8.decode(data.subarray(at, at + len));
  } catch {
    throw new KernelError(Errno.ILSEQ);
  }
}

/** The single path of a request: the whole payload (IN_LEN bytes). */
export function requestPath(p: Process): string {
  return pathAt(p, 0, p.views.header[H.IN_LEN] as number);
}

/** The VFS descriptor `fd` names (EBADF when it is not open or not a VFS file or directory). */
export function vfsDescriptor(p: Process, fd: number): VfsDescriptor {
  const desc = p.fds.get(fd).desc;
  if (!(desc instanceof VfsDescriptor)) throw new KernelError(Errno.BADF);
  return desc;
}

/** A directory fd of a path_* call: EBADF when not open, ENOTDIR when not a directory. */
export function dirFd(p: Process, fd: number): { entry: FdEntry; desc: VfsDescriptor } {
  const entry = p.fds.get(fd);
  const desc = entry.desc;
  if (!(desc instanceof VfsDescriptor) || !desc.isDirectory) throw new KernelError(Errno.NOTDIR);
  return { entry, desc };
}

/** Reads the WASI timestamp flags of a set_times call: null leaves a time, 'now' takes the clock's. */
export function timeSpecs(flags: number, atim: bigint, mtim: bigint): { a: bigint | null | 'now'; m: bigint | null | 'now' } {
  if ((flags & ~FstFlags.ALL) !== 0) throw new KernelError(Errno.INVAL);
  if ((flags & FstFlags.ATIM) !== 0 && (flags & FstFlags.ATIM_NOW) !== 0) throw new KernelError(Errno.INVAL);
  if ((flags & FstFlags.MTIM) !== 0 && (flags & FstFlags.MTIM_NOW) !== 0) throw new KernelError(Errno.INVAL);
  const a = (flags & FstFlags.ATIM_NOW) !== 0 ? 'now' : (flags & FstFlags.ATIM) !== 0 ? BigInt.asUintN(64, atim) : null;
  const m = (flags & FstFlags.MTIM_NOW) !== 0 ? 'now' : (flags & FstFlags.MTIM) !== 0 ? BigInt.asUintN(64, mtim) : null;
  return { a, m };
}

/** Writes a filestat into the reply slots: i32[0] filetype; i64[0..6] dev, ino, nlink, size, atim, mtim, ctim. */
export function putFilestat(
  p: Process,
  st: { dev: bigint; ino: bigint; filetype: number; nlink: bigint; size: bigint; atimeNs: bigint; mtimeNs: bigint; ctimeNs: bigint },
): void {
  const v = p.views;
  v.i32[0] = st.filetype;
  v.i64[0] = st.dev;
  v.i64[1] = st.ino;
  v.i64[2] = st.nlink;
  v.i64[3] = st.size;
  v.i64[4] = st.atimeNs;
  v.i64[5] = st.mtimeNs;
  v.i64[6] = st.ctimeNs;
}
