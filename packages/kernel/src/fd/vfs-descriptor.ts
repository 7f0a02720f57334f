/**
 * The descriptor of an open file or directory of the VFS: a thin handle over the Vfs's OpenFile (whose
 * offset, access mode and append flag live in the Vfs as plain data) plus the directory inode that path_*
 * calls start from.
 *
 * Invariants: one VfsDescriptor holds exactly one reference to its open file description and drops it in
 * close(). Regular files never block. A directory descriptor reads and writes nothing (EBADF, as wasmtime),
 * and resolves paths `beneath` itself unless it names the sandbox root, whose paths resolve as at `/` (`..`
 * at the root stays there, absolute paths start there).
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { OpenFile, Stat, Vfs, Whence } from '../vfs/index.js';
import { Descriptor, type DescriptorStat, FileType } from './descriptor.js';

const FDFLAG_APPEND = 1;

/** WASI filetype of a VFS node kind. */
export function filetypeOf(kind: Stat['kind']): number {
  if (kind === 'dir') return FileType.DIRECTORY;
  if (kind === 'symlink') return FileType.SYMBOLIC_LINK;
  return FileType.REGULAR_FILE;
}

/** A VFS Stat in the shape of a WASI filestat. */
export function descriptorStat(st: Stat): DescriptorStat {
  return {
    dev: BigInt(st.dev),
    ino: BigInt(st.ino),
    filetype: filetypeOf(st.kind),
    nlink: BigInt(st.nlink),
    size: BigInt(st.size),
    atimeNs: st.atimeNs,
    mtimeNs: st.mtimeNs,
    ctimeNs: st.ctimeNs,
  };
}

/** A byte offset from the guest as a safe number (EINVAL when negative, EFBIG past 2^53). */
export function toOffset(v: bigint): number {
  if (v < 0n) throw new KernelError(Errno.INVAL);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new KernelError(Errno.FBIG);
  return Number(v);
}

export class VfsDescriptor extends Descriptor {
  readonly filetype: number;
  /** Inode this descriptor names (the start of path_* calls when it is a directory). */
  readonly ino: number;
  /** Paths are confined beneath this directory (every directory but the sandbox root). */
  readonly beneath: boolean;

  constructor(
    readonly vfs: Vfs,
    readonly file: OpenFile,
    ino: number = file.ino,
  ) {
    super();
    this.ino = ino;
    const kind = vfs.stat(ino).kind;
    this.filetype = filetypeOf(kind);
    this.beneath = kind === 'dir' && ino !== vfs.rootIno;
    if (file.flags.append) this.fdflags |= FDFLAG_APPEND;
  }

  get isDirectory(): boolean {
    return this.filetype === FileType.DIRECTORY;
  }

  get canRead(): boolean {
    return this.file.flags.read;
  }

  get canWrite(): boolean {
    return this.file.flags.write;
  }

  /** The directory inode of a path_* call on this descriptor (ENOTDIR for a file). */
  dirIno(): number {
    if (!this.isDirectory) throw new KernelError(Errno.NOTDIR);
    return this.ino;
  }

  private fileOnly(): OpenFile {
    if (this.isDirectory) throw new KernelError(Errno.BADF);
    return this.file;
  }

  override read(maxBytes: number): Uint8Array {
    return this.fileOnly().read(maxBytes);
  }

  override write(data: Uint8Array): number {
    return this.fileOnly().write(data);
  }

  override pread(maxBytes: number, offset: bigint): Uint8Array {
    return this.fileOnly().pread(maxBytes, toOffset(offset));
  }

  override pwrite(data: Uint8Array, offset: bigint): number {
    return this.fileOnly().pwrite(data, toOffset(offset));
  }

  override seek(offset: bigint, whence: number): bigint {
    const f = this.fileOnly();
    if (whence !== 0 && whence !== 1 && whence !== 2) throw new KernelError(Errno.INVAL);
    if (offset > BigInt(Number.MAX_SAFE_INTEGER) || offset < -BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new KernelError(Errno.INVAL);
    }
    return BigInt(f.seek(Number(offset), whence as Whence));
  }

  /** The current offset without moving it. */
  tell(): bigint {
    return BigInt(this.fileOnly().offset);
  }

  override stat(): DescriptorStat {
    return descriptorStat(this.vfs.stat(this.ino));
  }

  override setFdflags(flags: number): void {
    if (!this.isDirectory) this.file.setFlags({ append: (flags & FDFLAG_APPEND) !== 0 });
    this.fdflags = flags;
  }

  /** Sets the size of a file open for writing (EBADF otherwise, EINVAL for a directory). */
  truncate(size: bigint): void {
    if (this.isDirectory) throw new KernelError(Errno.BADF);
    this.file.truncate(toOffset(size));
  }

  /** Bytes a read at the current offset would return now (fd_read readiness of poll_oneoff). */
  readableBytes(): bigint {
    if (this.isDirectory) return 0n;
    const rest = this.vfs.stat(this.ino).size - this.file.offset;
    return BigInt(Math.max(0, rest));
  }

  override close(): void {
    if (!this.file.closed) this.file.close();
  }

  describe(): { kind: string; openFile: number; ino: number; fdflags: number } {
    return { kind: 'vfs', openFile: this.file.id, ino: this.ino, fdflags: this.fdflags };
  }
}
