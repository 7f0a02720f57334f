/**
 * The base of everything a file descriptor can name. Every operation answers ENOTSUP (or the errno POSIX
 * gives for that kind of object) unless a subclass supports it, so pipes, files and directories override only
 * what they do. Operations that would block return BLOCKED and leave every state unchanged: the kernel
 * re-issues the call when `onReady` fires, so a call's effects happen only when it completes.
 */
import { Errno, KernelError } from '@burrow/protocol';

export const BLOCKED = Symbol('blocked');
export type Blocked = typeof BLOCKED;

/** WASI filetype numbers. */
export const FileType = Object.freeze({
  UNKNOWN: 0,
  BLOCK_DEVICE: 1,
  CHARACTER_DEVICE: 2,
  DIRECTORY: 3,
  REGULAR_FILE: 4,
  SOCKET_DGRAM: 5,
  SOCKET_STREAM: 6,
  SYMBOLIC_LINK: 7,
});

export interface DescriptorStat {
  dev: bigint;
  ino: bigint;
  filetype: number;
  nlink: bigint;
  size: bigint;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

export type Wake = () => void;

export abstract class Descriptor {
  abstract readonly filetype: number;
  /** fdflags (WASI): APPEND 1, DSYNC 2, NONBLOCK 4, RSYNC 8, SYNC 16. */
  fdflags = 0;

  read(_maxBytes: number): Uint8Array | Blocked {
    throw new KernelError(Errno.BADF);
  }
  write(_data: Uint8Array): number | Blocked {
    throw new KernelError(Errno.BADF);
  }
  pread(_maxBytes: number, _offset: bigint): Uint8Array {
    throw new KernelError(Errno.SPIPE);
  }
  pwrite(_data: Uint8Array, _offset: bigint): number {
    throw new KernelError(Errno.SPIPE);
  }
  seek(_offset: bigint, _whence: number): bigint {
    throw new KernelError(Errno.SPIPE);
  }
  stat(): DescriptorStat {
    return {
      dev: 0n,
      ino: 0n,
      filetype: this.filetype,
      nlink: 1n,
      size: 0n,
      atimeNs: 0n,
      mtimeNs: 0n,
      ctimeNs: 0n,
    };
  }
  setFdflags(flags: number): void {
    this.fdflags = flags;
  }
  /** True when a read would not block (data, end of file, or an error to report). */
  readReady(): boolean {
    return true;
  }
  /** True when a write would not block. */
  writeReady(): boolean {
    return true;
  }
  /** Registers a one-shot callback for when readiness may have changed. */
  onReady(_wake: Wake): void {}
  /** Drops a callback registered with onReady (a blocked call that was abandoned). */
  offReady(_wake: Wake): void {}
  /** Called once when the last fd naming this description is closed. */
  close(): void {}
  /** Plain-data description for checkpoints and inspection. */
  abstract describe(): { kind: string } & Record<string, unknown>;
}
