/**
 * Open file descriptions. The state of each (inode, access flags, offset, reference count) is plain data in
 * the OpenFileTable, so it is saved with the Vfs; an OpenFile is a handle over one entry and keeps no state
 * of its own beyond its id.
 *
 * Invariants: a description is shared by every descriptor dup'd from it (`retain` adds a reference, `close`
 * drops one, the last close ends it); while it lives, its inode lives, even after the inode's last name is
 * removed. The table never holds more than `openFilesMax` descriptions (ENFILE). Offsets are byte counts
 * (numbers: files are bounded by fileBytesMax, far below 2^53).
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { NodeStore } from './node-store.js';
import { listDir } from './readdir.js';
import type { DirEntryWithCookie, OpenFileState, Stat } from './types.js';

export interface AccessFlags {
  read: boolean;
  write: boolean;
  append: boolean;
}

/** lseek's whence, with WASI's numbering. */
export type Whence = 0 | 1 | 2;

export class OpenFileTable {
  readonly files = new Map<number, OpenFileState>();
  nextId = 1;
  readonly #store: NodeStore;
  readonly #handles = new Map<number, OpenFile>();

  constructor(store: NodeStore) {
    this.#store = store;
  }

  get store(): NodeStore {
    return this.#store;
  }

  /** Throws ENFILE when no further description may be opened. */
  checkRoom(): void {
    if (this.files.size >= this.#store.limits.openFilesMax) throw new KernelError(Errno.NFILE);
  }

  open(ino: number, access: AccessFlags): OpenFile {
    this.checkRoom();
    const id = this.nextId++;
    this.files.set(id, { id, ino, read: access.read, write: access.write, append: access.append, offset: 0, refs: 1 });
    this.#store.addOpen(ino);
    return this.handle(id);
  }

  /** The handle of an open description (EBADF when it is closed). */
  handle(id: number): OpenFile {
    this.state(id);
    let h = this.#handles.get(id);
    if (h === undefined) {
      h = new OpenFile(this, id);
      this.#handles.set(id, h);
    }
    return h;
  }

  state(id: number): OpenFileState {
    const s = this.files.get(id);
    if (s === undefined) throw new KernelError(Errno.BADF);
    return s;
  }

  release(id: number): void {
    const s = this.state(id);
    if (--s.refs > 0) return;
    this.files.delete(id);
    this.#handles.delete(id);
    this.#store.dropOpen(s.ino);
  }
}

export class OpenFile {
  readonly id: number;
  readonly #table: OpenFileTable;

  constructor(table: OpenFileTable, id: number) {
    this.#table = table;
    this.id = id;
  }

  get ino(): number {
    return this.#state().ino;
  }

  get flags(): Readonly<AccessFlags> {
    const s = this.#state();
    return { read: s.read, write: s.write, append: s.append };
  }

  get offset(): number {
    return this.#state().offset;
  }

  get closed(): boolean {
    return !this.#table.files.has(this.id);
  }

  /** Reads up to `maxBytes` at the offset and advances it; an empty result is end of file. */
  read(maxBytes: number): Uint8Array {
    const s = this.#readable();
    const out = this.#table.store.read(s.ino, s.offset, maxBytes);
    s.offset += out.length;
    return out;
  }

  /** read() into a caller's buffer (the syscall channel's payload), without an intermediate copy. */
  readInto(dst: Uint8Array): number {
    const s = this.#readable();
    const n = this.#table.store.readInto(s.ino, s.offset, dst);
    s.offset += n;
    return n;
  }

  preadInto(dst: Uint8Array, pos: number): number {
    const s = this.#readable();
    checkPos(pos);
    return this.#table.store.readInto(s.ino, pos, dst);
  }

  /** Writes at the offset (at the end, atomically, with append) and advances it; returns the bytes written. */
  write(data: Uint8Array): number {
    const s = this.#writable();
    const pos = s.append ? this.#size(s.ino) : s.offset;
    const n = this.#table.store.write(s.ino, pos, data);
    s.offset = pos + n;
    return n;
  }

  pread(maxBytes: number, pos: number): Uint8Array {
    const s = this.#readable();
    checkPos(pos);
    return this.#table.store.read(s.ino, pos, maxBytes);
  }

  /** Writes at `pos` without moving the offset; with append the data goes to the end, as on Linux. */
  pwrite(data: Uint8Array, pos: number): number {
    const s = this.#writable();
    checkPos(pos);
    return this.#table.store.write(s.ino, s.append ? this.#size(s.ino) : pos, data);
  }

  /** Moves the offset (0: from the start, 1: from the offset, 2: from the end); returns the new offset. */
  seek(delta: number, whence: Whence): number {
    const s = this.#state();
    const base = whence === 0 ? 0 : whence === 1 ? s.offset : this.#size(s.ino);
    const next = base + delta;
    if (!Number.isSafeInteger(next) || next < 0) throw new KernelError(Errno.INVAL);
    s.offset = next;
    return next;
  }

  readdir(cookie: bigint, maxEntries = Number.POSITIVE_INFINITY): DirEntryWithCookie[] {
    return listDir(this.#table.store, this.#state().ino, cookie, maxEntries);
  }

  stat(): Stat {
    return this.#table.store.stat(this.#state().ino);
  }

  truncate(size: number): void {
    const s = this.#writable();
    this.#table.store.truncate(s.ino, size);
  }

  setFlags(flags: { append: boolean }): void {
    this.#state().append = flags.append;
  }

  /** Adds a reference (a dup'd or inherited descriptor); each needs its own close. */
  retain(): void {
    this.#state().refs++;
  }

  /** Drops a reference; the last one ends the description and may free an unlinked inode. */
  close(): void {
    this.#table.release(this.id);
  }

  #state(): OpenFileState {
    return this.#table.state(this.id);
  }

  #readable(): OpenFileState {
    const s = this.#state();
    if (!s.read) throw new KernelError(Errno.BADF);
    return s;
  }

  #writable(): OpenFileState {
    const s = this.#state();
    if (!s.write) throw new KernelError(Errno.BADF);
    return s;
  }

  #size(ino: number): number {
    const n = this.#table.store.need(ino);
    return n.kind === 'file' ? n.size : 0;
  }
}

function checkPos(pos: number): void {
  if (!Number.isSafeInteger(pos) || pos < 0) throw new KernelError(Errno.INVAL);
}
