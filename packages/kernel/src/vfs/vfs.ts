/**
 * The virtual filesystem of one sandbox: a writable upper layer over a shared read-only lower layer, with
 * *at()-style operations (a start directory inode plus a path) that the WASI layer and the host APIs call.
 *
 * Invariants: every operation is synchronous and either completes or throws KernelError { errno } having
 * changed nothing (checks, quotas included, come before the first mutation); root semantics (modes are stored,
 * never enforced); reads never change state (no atime updates, as with `noatime`), so reading a lower file never
 * copies it up. All state lives in the NodeStore and OpenFileTable as plain data; `snapshot()` and
 * `Vfs.fromSnapshot()` carry it whole.
 */
import { DEFAULT_SANDBOX_LIMITS, Errno, KernelError, type SandboxLimits } from '@burrow/protocol';
import { LowerLayer } from './lower-layer.js';
import { NodeStore } from './node-store.js';
import { type OpenFile, OpenFileTable } from './open-file.js';
import { checkName, checkSymlinkTarget, splitPath, utf8Bytes } from './path-rules.js';
import { listDir } from './readdir.js';
import { dirPath, type Resolution, resolvePath } from './resolve.js';
import { restoreState, snapshotState } from './snapshot.js';
import {
  type DirEntryWithCookie,
  type OpenFlags,
  type ResolveOptions,
  ROOT_INO,
  type Stat,
  type TimeSpec,
  type VfsSnapshot,
} from './types.js';

export interface VfsOptions {
  limits?: SandboxLimits;
  lower?: LowerLayer;
  /** Wall clock in ns since the epoch; the kernel injects a journaled one. */
  clock?: () => bigint;
}

const defaultClock = (): bigint => BigInt(Date.now()) * 1_000_000n;

export class Vfs {
  readonly rootIno = ROOT_INO;
  readonly #store: NodeStore;
  readonly #files: OpenFileTable;

  private constructor(store: NodeStore) {
    this.#store = store;
    this.#files = new OpenFileTable(store);
  }

  static create(opts: VfsOptions = {}): Vfs {
    const lower = opts.lower ?? LowerLayer.empty();
    const store = new NodeStore(lower, opts.limits ?? DEFAULT_SANDBOX_LIMITS, opts.clock ?? defaultClock);
    const root = store.upperDir(ROOT_INO);
    const now = store.clock();
    root.atimeNs = root.mtimeNs = root.ctimeNs = now;
    return new Vfs(store);
  }

  /** Restores a snapshot exactly; `lower` must be the layer the snapshot was taken over. */
  static fromSnapshot(snap: VfsSnapshot, opts: VfsOptions = {}): Vfs {
    const lower = opts.lower ?? LowerLayer.empty();
    const store = new NodeStore(lower, opts.limits ?? DEFAULT_SANDBOX_LIMITS, opts.clock ?? defaultClock);
    const vfs = new Vfs(store);
    restoreState(snap, store, vfs.#files);
    return vfs;
  }

  /** The whole state as structured-cloneable data. File buffers are shared with the live state copy-on-write. */
  snapshot(): VfsSnapshot {
    return snapshotState(this.#store, this.#files);
  }

  get limits(): SandboxLimits {
    return this.#store.limits;
  }

  /** Changes with every modification of the filesystem's stored state (not with reads or seeks). */
  get generation(): number {
    return this.#store.generation;
  }

  usage(): { bytes: number; inodes: number } {
    return { bytes: this.#store.bytes, inodes: this.#store.inodes };
  }

  // ---- lookup and metadata ----

  lookup(dirIno: number, path: string, opts: ResolveOptions): number {
    const r = this.#resolve(dirIno, path, opts.follow, opts.beneath);
    if (r.ino === undefined) throw new KernelError(Errno.NOENT);
    return r.ino;
  }

  stat(ino: number): Stat {
    return this.#store.stat(ino);
  }

  statAt(dirIno: number, path: string, opts: ResolveOptions): Stat {
    return this.#store.stat(this.lookup(dirIno, path, opts));
  }

  /** Canonical absolute path of what `path` names (symlinks followed, `..` applied). */
  realpath(dirIno: number, path: string, beneath = false): string {
    const ino = this.lookup(dirIno, path, { follow: true, beneath });
    if (this.#store.need(ino).kind === 'dir') return dirPath(this.#store, ino);
    const r = this.#resolve(dirIno, path, true, beneath);
    const base = dirPath(this.#store, r.parent);
    return base === '/' ? `/${r.name}` : `${base}/${r.name}`;
  }

  /** Absolute path of a live directory (getcwd). */
  dirPath(dirIno: number): string {
    return dirPath(this.#store, dirIno);
  }

  chmod(ino: number, mode: number): void {
    this.#store.chmod(ino, mode);
  }

  setTimes(ino: number, atimeNs: TimeSpec, mtimeNs: TimeSpec): void {
    this.#store.setTimes(ino, atimeNs, mtimeNs);
  }

  truncate(ino: number, size: number): void {
    this.#store.truncate(ino, size);
  }

  readdir(ino: number, cookie: bigint, maxEntries = Number.POSITIVE_INFINITY): DirEntryWithCookie[] {
    return listDir(this.#store, ino, cookie, maxEntries);
  }

  // ---- open files ----

  open(dirIno: number, path: string, flags: OpenFlags, mode = 0o644): OpenFile {
    const store = this.#store;
    this.#files.checkRoom();
    const create = flags.create === true;
    const follow = !flags.noFollow && !(create && flags.exclusive);
    const r = this.#resolve(dirIno, path, follow, flags.beneath);
    let ino = r.ino;
    if (ino === undefined) {
      if (!create) throw new KernelError(Errno.NOENT);
      if (r.trailingSlash) throw new KernelError(Errno.ISDIR);
      if (flags.directory) throw new KernelError(Errno.INVAL);
      this.#checkCreate(r, 0);
      ino = store.create(r.parent, r.name, 'file', mode);
    } else {
      if (create && flags.exclusive) throw new KernelError(Errno.EXIST);
      const kind = store.need(ino).kind;
      if (kind === 'symlink') throw new KernelError(Errno.LOOP);
      if (flags.directory && kind !== 'dir') throw new KernelError(Errno.NOTDIR);
      if (kind === 'dir' && (flags.write || flags.truncate || create)) throw new KernelError(Errno.ISDIR);
      if (flags.truncate && kind === 'file') store.truncate(ino, 0);
    }
    return this.#files.open(ino, { read: flags.read === true, write: flags.write === true, append: flags.append === true });
  }

  /** Opens an inode already in hand (a preopen, a cwd, /proc-like reopen). No create or truncate. */
  openIno(ino: number, flags: Pick<OpenFlags, 'read' | 'write' | 'append' | 'directory'>): OpenFile {
    const kind = this.#store.need(ino).kind;
    if (flags.directory && kind !== 'dir') throw new KernelError(Errno.NOTDIR);
    if (kind === 'dir' && flags.write) throw new KernelError(Errno.ISDIR);
    return this.#files.open(ino, { read: flags.read === true, write: flags.write === true, append: flags.append === true });
  }

  /** The handle of an open file description by id (EBADF once it is closed). */
  openFile(id: number): OpenFile {
    return this.#files.handle(id);
  }

  openFileCount(): number {
    return this.#files.files.size;
  }

  // ---- namespace ----

  mkdir(dirIno: number, path: string, mode = 0o755, beneath = false): number {
    const r = this.#resolve(dirIno, path, false, beneath);
    if (r.ino !== undefined) throw new KernelError(Errno.EXIST);
    this.#checkCreate(r, 0);
    return this.#store.create(r.parent, r.name, 'dir', mode);
  }

  symlink(target: string, dirIno: number, path: string, beneath = false): number {
    checkSymlinkTarget(target, this.#store.limits);
    const r = this.#resolve(dirIno, path, false, beneath);
    if (r.ino !== undefined) throw new KernelError(Errno.EXIST);
    if (r.trailingSlash) throw new KernelError(Errno.NOENT);
    this.#checkCreate(r, utf8Bytes(target));
    return this.#store.create(r.parent, r.name, 'symlink', 0o777, target);
  }

  readlink(dirIno: number, path: string, beneath = false): string {
    const r = this.#resolve(dirIno, path, false, beneath);
    if (r.ino === undefined) throw new KernelError(Errno.NOENT);
    const n = this.#store.need(r.ino);
    if (n.kind !== 'symlink') throw new KernelError(Errno.INVAL);
    return n.target;
  }

  rmdir(dirIno: number, path: string, beneath = false): void {
    const store = this.#store;
    const r = this.#resolve(dirIno, path, false, beneath);
    if (r.name === '.') throw new KernelError(Errno.INVAL);
    if (r.name === '..') throw new KernelError(Errno.NOTEMPTY);
    if (r.ino === undefined) throw new KernelError(Errno.NOENT);
    if (store.need(r.ino).kind !== 'dir') throw new KernelError(Errno.NOTDIR);
    if (r.ino === ROOT_INO) throw new KernelError(Errno.BUSY);
    if (!store.isEmptyDir(r.ino)) throw new KernelError(Errno.NOTEMPTY);
    const parent = store.upperDir(r.parent);
    store.removeEntry(parent, r.name);
    parent.nlink--;
    store.touch(parent, true);
    const dir = store.copyUp(r.ino);
    dir.nlink = 0;
    store.touch(dir, false);
    store.release(r.ino);
  }

  unlink(dirIno: number, path: string, beneath = false): void {
    const store = this.#store;
    const r = this.#resolve(dirIno, path, false, beneath);
    if (r.name === '.' || r.name === '..') throw new KernelError(Errno.ISDIR);
    if (r.ino === undefined) throw new KernelError(Errno.NOENT);
    if (store.need(r.ino).kind === 'dir') throw new KernelError(Errno.ISDIR);
    const parent = store.upperDir(r.parent);
    store.removeEntry(parent, r.name);
    store.touch(parent, true);
    const node = store.copyUp(r.ino);
    node.nlink--;
    store.touch(node, false);
    store.release(r.ino);
  }

  link(oldDir: number, oldPath: string, newDir: number, newPath: string, opts: ResolveOptions): void {
    const store = this.#store;
    const a = this.#resolve(oldDir, oldPath, opts.follow, opts.beneath);
    if (a.ino === undefined) throw new KernelError(Errno.NOENT);
    if (store.need(a.ino).kind === 'dir') throw new KernelError(Errno.PERM);
    const b = this.#resolve(newDir, newPath, false, opts.beneath);
    if (b.ino !== undefined) throw new KernelError(Errno.EXIST);
    if (b.trailingSlash) throw new KernelError(Errno.NOENT);
    store.liveDir(b.parent);
    checkName(b.name, store.limits);
    store.checkBytes(store.entryCost(b.parent, b.name));
    const node = store.copyUp(a.ino);
    node.nlink++;
    store.touch(node, false);
    const parent = store.upperDir(b.parent);
    store.addEntry(parent, b.name, a.ino);
    store.touch(parent, true);
  }

  rename(oldDir: number, oldPath: string, newDir: number, newPath: string, beneath = false): void {
    const store = this.#store;
    const a = this.#resolve(oldDir, oldPath, false, beneath);
    const b = this.#resolve(newDir, newPath, false, beneath);
    if (a.name === '.' || a.name === '..' || b.name === '.' || b.name === '..') throw new KernelError(Errno.BUSY);
    if (a.ino === undefined) throw new KernelError(Errno.NOENT);
    const src = store.need(a.ino);
    const srcIsDir = src.kind === 'dir';
    if (!srcIsDir && (a.trailingSlash || b.trailingSlash)) throw new KernelError(Errno.NOTDIR);
    if (b.ino === a.ino) return;
    store.liveDir(b.parent);
    if (srcIsDir) {
      for (let p = b.parent; ; p = store.parentOf(p)) {
        if (p === a.ino) throw new KernelError(Errno.INVAL, 'directory into its own subtree');
        if (p === ROOT_INO) break;
      }
    }
    if (b.ino !== undefined) {
      const dst = store.need(b.ino);
      if (srcIsDir) {
        if (dst.kind !== 'dir') throw new KernelError(Errno.NOTDIR);
        if (!store.isEmptyDir(b.ino)) throw new KernelError(Errno.NOTEMPTY);
      } else if (dst.kind === 'dir') throw new KernelError(Errno.ISDIR);
    }
    checkName(b.name, store.limits);
    store.checkBytes(store.entryCost(b.parent, b.name) + store.removalCost(a.parent, a.name));

    const oldParent = store.upperDir(a.parent);
    const newParent = store.upperDir(b.parent);
    const victim = b.ino;
    if (victim !== undefined) {
      const v = store.copyUp(victim);
      if (v.kind === 'dir') {
        v.nlink = 0;
        newParent.nlink--;
      } else v.nlink--;
      store.touch(v, false);
    }
    store.removeEntry(oldParent, a.name);
    store.addEntry(newParent, b.name, a.ino);
    const moved = store.copyUp(a.ino);
    if (moved.kind === 'dir' && oldParent !== newParent) {
      moved.parent = newParent.ino;
      oldParent.nlink--;
      newParent.nlink++;
    }
    store.touch(moved, false);
    store.touch(oldParent, true);
    store.touch(newParent, true);
    if (victim !== undefined) store.release(victim);
  }

  // ---- conveniences at the sandbox root (host APIs, tests) ----

  readFile(path: string): Uint8Array {
    const ino = this.lookup(ROOT_INO, path, { follow: true });
    const size = this.#store.stat(ino).size;
    return this.#store.read(ino, 0, size);
  }

  writeFile(path: string, data: Uint8Array, mode = 0o644): void {
    const f = this.open(ROOT_INO, path, { write: true, create: true, truncate: true }, mode);
    try {
      let done = 0;
      while (done < data.length) done += f.write(done === 0 ? data : data.subarray(done));
    } finally {
      f.close();
    }
  }

  /** mkdir -p: creates missing directories along `path`; existing directories are fine. */
  mkdirp(path: string, mode = 0o755): number {
    let cur = ROOT_INO;
    for (const part of splitPath(path)) {
      const r = this.#resolve(cur, part, true, false);
      if (r.ino === undefined) cur = this.mkdir(cur, part, mode);
      else if (this.#store.need(r.ino).kind !== 'dir') throw new KernelError(Errno.NOTDIR);
      else cur = r.ino;
    }
    return cur;
  }

  /** Names in a directory, without "." and "..", in listing order. */
  readdirNames(path: string): string[] {
    const ino = this.lookup(ROOT_INO, path, { follow: true });
    return this.readdir(ino, BigInt(2)).map((e) => e.name);
  }

  #resolve(dirIno: number, path: string, follow: boolean, beneath: boolean | undefined): Resolution {
    return resolvePath(this.#store, dirIno, path, follow, beneath === true);
  }

  /** Checks before creating `r.name` in `r.parent`: a live parent, a valid name, quotas. */
  #checkCreate(r: Resolution, extraBytes: number): void {
    const store = this.#store;
    store.liveDir(r.parent);
    checkName(r.name, store.limits);
    store.checkInodes(1);
    store.checkBytes(store.entryCost(r.parent, r.name) + extraBytes);
  }
}
