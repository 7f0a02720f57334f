/**
 * A process's file descriptor table: small integers naming open descriptions, with WASI rights and the
 * preopened directory name where there is one. A description can be named by several fds (across processes
 * after spawn); it is closed when the last one goes.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { Descriptor } from './descriptor.js';

export interface FdEntry {
  desc: Descriptor;
  rightsBase: bigint;
  rightsInheriting: bigint;
  /** Guest-visible name of a preopened directory (fd_prestat_dir_name). */
  preopen?: string;
}

/** All rights of WASI preview1 (bits 0..29). */
export const ALL_RIGHTS = (1n << 30n) - 1n;

const refs = new WeakMap<Descriptor, number>();

export function retain(desc: Descriptor): Descriptor {
  refs.set(desc, (refs.get(desc) ?? 0) + 1);
  return desc;
}

export function release(desc: Descriptor): void {
  const n = (refs.get(desc) ?? 1) - 1;
  if (n <= 0) {
    refs.delete(desc);
    desc.close();
  } else {
    refs.set(desc, n);
  }
}

export class FdTable {
  private readonly entries = new Map<number, FdEntry>();

  constructor(readonly fdsMax: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(fd: number): FdEntry {
    const e = this.entries.get(fd);
    if (e === undefined) throw new KernelError(Errno.BADF);
    return e;
  }

  has(fd: number): boolean {
    return this.entries.has(fd);
  }

  /** Installs at the lowest free fd (EMFILE past the limit). Takes one reference to the description. */
  add(entry: FdEntry): number {
    if (this.entries.size >= this.fdsMax) throw new KernelError(Errno.MFILE);
    let fd = 0;
    while (this.entries.has(fd)) fd++;
    retain(entry.desc);
    this.entries.set(fd, entry);
    return fd;
  }

  /** Installs at a given fd, closing what was there. */
  set(fd: number, entry: FdEntry): void {
    const old = this.entries.get(fd);
    retain(entry.desc);
    this.entries.set(fd, entry);
    if (old !== undefined) release(old.desc);
  }

  close(fd: number): void {
    const e = this.get(fd);
    this.entries.delete(fd);
    release(e.desc);
  }

  /** fd_renumber: `to` must be open too (WASI); `from` moves over it. */
  renumber(from: number, to: number): void {
    const e = this.get(from);
    this.get(to);
    if (from === to) return;
    this.entries.delete(from);
    this.set(to, e);
    release(e.desc);
  }

  closeAll(): void {
    for (const fd of [...this.entries.keys()]) this.close(fd);
  }

  fds(): number[] {
    return [...this.entries.keys()].sort((a, b) => a - b);
  }
}
