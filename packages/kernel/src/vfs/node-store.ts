/**
 * The inode table of one Vfs: the upper layer's nodes over a shared lower layer, the usage counters and every
 * mutation of stored state. All changes to nodes go through the methods here (copyUp, create, addEntry,
 * removeEntry, write, truncate, release, touch), so quota accounting and later change-watching have one place
 * to hook.
 *
 * Accounting (the writable layer only): `inodes` counts nodes born in the upper layer (not the root, not
 * copy-ups); `bytes` counts file data owned by upper nodes, targets of upper-born symlinks and the name bytes
 * of upper directory entries (whiteouts too), so neither hard links nor symlinks escape the byte quota.
 * Operations that only remove (unlink, rmdir, copy-up of metadata, whiteouts) never fail on a quota: they are
 * bounded by what already exists. Callers check quotas before mutating, so a failed call changes nothing.
 */
import { Errno, KernelError, type SandboxLimits } from '@burrow/protocol';
import type { LowerLayer } from './lower-layer.js';
import { utf8Bytes } from './path-rules.js';
import {
  type AnyNode,
  COOKIE_FIRST,
  DIR_SIZE,
  type DirNode,
  type FileNode,
  LOWER_INO_BASE,
  type NodeKind,
  ROOT_INO,
  type Stat,
  type TimeSpec,
  type UpperNode,
  VFS_DEV,
  WHITEOUT,
} from './types.js';

const EMPTY = new Uint8Array(0);
const MIN_CAPACITY = 64;

export class NodeStore {
  /** Bumped by every change to stored state: lets a caller tell cheaply whether anything changed. */
  generation = 0;
  readonly lower: LowerLayer;
  readonly limits: SandboxLimits;
  readonly clock: () => bigint;
  readonly nodes = new Map<number, UpperNode>();
  /** Lower inode numbers removed for good: their lower node must not show through again. */
  readonly dead = new Set<number>();
  /** Open file descriptions per inode: an unlinked inode lives while this is above zero. */
  readonly openCounts = new Map<number, number>();
  nextIno = ROOT_INO + 1;
  bytes = 0;
  inodes = 0;

  constructor(lower: LowerLayer, limits: SandboxLimits, clock: () => bigint) {
    this.lower = lower;
    this.limits = limits;
    this.clock = clock;
  }

  /** The node as seen through the layers, or undefined when the inode no longer exists. */
  get(ino: number): AnyNode | undefined {
    const up = this.nodes.get(ino);
    if (up !== undefined) return up;
    if (this.dead.has(ino)) return undefined;
    return this.lower.node(ino);
  }

  need(ino: number): AnyNode {
    const n = this.get(ino);
    if (n === undefined) throw new KernelError(Errno.NOENT);
    return n;
  }

  /** A directory, possibly removed but still open: ENOTDIR for other kinds. */
  dirNode(ino: number): AnyNode & { kind: 'dir' } {
    const n = this.need(ino);
    if (n.kind !== 'dir') throw new KernelError(Errno.NOTDIR);
    return n;
  }

  /** A directory that can be searched or changed: ENOENT once removed, ENOTDIR for other kinds. */
  liveDir(ino: number): AnyNode & { kind: 'dir' } {
    const n = this.dirNode(ino);
    if (n.nlink === 0) throw new KernelError(Errno.NOENT);
    return n;
  }

  parentOf(dirIno: number): number {
    const n = this.get(dirIno);
    return n?.kind === 'dir' ? n.parent : ROOT_INO;
  }

  /** The inode a directory maps `name` to, through whiteouts and the lower layer. */
  lookupName(dirIno: number, name: string): number | undefined {
    const up = this.nodes.get(dirIno);
    if (up !== undefined) {
      if (up.kind !== 'dir') return undefined;
      const e = up.entries.get(name);
      if (e !== undefined) return e.ino === WHITEOUT ? undefined : e.ino;
      if (!up.merged) return undefined;
    }
    return this.lower.dir(dirIno)?.index.get(name);
  }

  /** Whether a directory has no entries (through both layers). */
  isEmptyDir(dirIno: number): boolean {
    const up = this.nodes.get(dirIno);
    if (up !== undefined && up.kind === 'dir') {
      for (const e of up.entries.values()) if (e.ino !== WHITEOUT) return false;
      if (!up.merged) return true;
    }
    const low = this.lower.dir(dirIno);
    if (low === undefined) return true;
    for (const name of low.names) if (up === undefined || !(up.kind === 'dir' && up.entries.has(name))) return false;
    return true;
  }

  isUpperBorn(ino: number): boolean {
    return ino !== ROOT_INO && ino < LOWER_INO_BASE;
  }

  /**
   * The upper node of an inode, copying a lower node's metadata up on first use (file data stays in the
   * lower layer until it is written). Never fails on a quota: copy-ups are bounded by the lower layer.
   */
  copyUp(ino: number): UpperNode {
    this.generation++;
    const have = this.nodes.get(ino);
    if (have !== undefined) return have;
    const low = this.dead.has(ino) ? undefined : this.lower.node(ino);
    if (low === undefined) throw new KernelError(Errno.NOENT);
    const { mode, nlink, atimeNs, mtimeNs, ctimeNs } = low;
    let node: UpperNode;
    if (low.kind === 'file') {
      node = { kind: 'file', ino, mode, nlink, atimeNs, mtimeNs, ctimeNs, data: null, size: low.size, shared: false };
    } else if (low.kind === 'symlink') {
      node = { kind: 'symlink', ino, mode, nlink, atimeNs, mtimeNs, ctimeNs, target: low.target };
    } else {
      const nextCookie = COOKIE_FIRST + low.names.length;
      const parent = low.parent;
      node = { kind: 'dir', ino, mode, nlink, atimeNs, mtimeNs, ctimeNs, parent, entries: new Map(), merged: true, nextCookie };
    }
    this.nodes.set(ino, node);
    return node;
  }

  upperDir(ino: number): DirNode {
    const n = this.copyUp(ino);
    if (n.kind !== 'dir') throw new KernelError(Errno.NOTDIR);
    return n;
  }

  checkInodes(count: number): void {
    if (this.inodes + count > this.limits.fsInodesMax) throw new KernelError(Errno.NOSPC, 'inode quota');
  }

  checkBytes(count: number): void {
    if (count > 0 && this.bytes + count > this.limits.fsBytesMax) throw new KernelError(Errno.NOSPC, 'byte quota');
  }

  /** Bytes a new entry `name` in `dirIno` costs (zero when it replaces an entry already counted). */
  entryCost(dirIno: number, name: string): number {
    const up = this.nodes.get(dirIno);
    if (up !== undefined && up.kind === 'dir' && up.entries.has(name)) return 0;
    return utf8Bytes(name);
  }

  /** Bytes removing `name` from `dirIno` costs: a whiteout when a lower entry must stay hidden. */
  removalCost(dirIno: number, name: string): number {
    const up = this.nodes.get(dirIno);
    if (up !== undefined && up.kind === 'dir' && up.entries.has(name)) return 0;
    return this.lowerHas(dirIno, name) ? utf8Bytes(name) : 0;
  }

  private lowerHas(dirIno: number, name: string): boolean {
    const up = this.nodes.get(dirIno);
    if (up !== undefined && (up.kind !== 'dir' || !up.merged)) return false;
    return this.lower.dir(dirIno)?.index.has(name) === true;
  }

  /** Creates a node and links it into `parentIno` as `name`. The caller has checked quotas and the name. */
  create(parentIno: number, name: string, kind: NodeKind, mode: number, target = ''): number {
    this.generation++;
    const now = this.clock();
    const parent = this.upperDir(parentIno);
    const ino = this.nextIno++;
    const m = mode & 0o7777;
    // Literal objects, not spreads: one hidden class per kind keeps creation and access fast.
    let node: UpperNode;
    if (kind === 'file') {
      node = { kind, ino, mode: m, nlink: 1, atimeNs: now, mtimeNs: now, ctimeNs: now, data: EMPTY, size: 0, shared: true };
    } else if (kind === 'symlink') {
      node = { kind, ino, mode: m, nlink: 1, atimeNs: now, mtimeNs: now, ctimeNs: now, target };
      this.bytes += utf8Bytes(target);
    } else {
      node = {
        kind,
        ino,
        mode: m,
        nlink: 2,
        atimeNs: now,
        mtimeNs: now,
        ctimeNs: now,
        parent: parentIno,
        entries: new Map(),
        merged: false,
        nextCookie: COOKIE_FIRST,
      };
      parent.nlink++;
    }
    this.nodes.set(ino, node);
    this.inodes++;
    this.addEntry(parent, name, ino);
    parent.mtimeNs = parent.ctimeNs = now;
    return ino;
  }

  /** Sets `name` in `dir` to `ino` with a fresh cookie. */
  addEntry(dir: DirNode, name: string, ino: number): void {
    this.generation++;
    const had = dir.entries.delete(name);
    if (!had) this.bytes += utf8Bytes(name);
    dir.entries.set(name, { ino, cookie: dir.nextCookie++ });
  }

  /** Removes `name` from `dir`, leaving a whiteout where a lower entry must stay hidden. */
  removeEntry(dir: DirNode, name: string): void {
    this.generation++;
    const whiteout = dir.merged && this.lower.dir(dir.ino)?.index.has(name) === true;
    const had = dir.entries.has(name);
    if (whiteout) {
      if (!had) this.bytes += utf8Bytes(name);
      dir.entries.set(name, { ino: WHITEOUT, cookie: 0 });
    } else if (had) {
      dir.entries.delete(name);
      this.bytes -= utf8Bytes(name);
    }
  }

  /** Frees an inode once no name and no open file refers to it. */
  release(ino: number): void {
    this.generation++;
    const n = this.get(ino);
    if (n === undefined || n.nlink > 0 || (this.openCounts.get(ino) ?? 0) > 0 || ino === ROOT_INO) return;
    const up = this.nodes.get(ino);
    if (up !== undefined) {
      this.bytes -= this.ownBytes(up);
      this.nodes.delete(ino);
    }
    if (this.isUpperBorn(ino)) this.inodes--;
    else this.dead.add(ino);
  }

  private ownBytes(n: UpperNode): number {
    if (n.kind === 'file') return n.data === null ? 0 : n.size;
    if (n.kind === 'symlink') return this.isUpperBorn(n.ino) ? utf8Bytes(n.target) : 0;
    let sum = 0;
    for (const name of n.entries.keys()) sum += utf8Bytes(name);
    return sum;
  }

  stat(ino: number): Stat {
    const n = this.need(ino);
    const size = n.kind === 'file' ? n.size : n.kind === 'dir' ? DIR_SIZE : utf8Bytes(n.target);
    return {
      dev: VFS_DEV,
      ino,
      kind: n.kind,
      mode: n.mode,
      nlink: n.nlink,
      size,
      atimeNs: n.atimeNs,
      mtimeNs: n.mtimeNs,
      ctimeNs: n.ctimeNs,
    };
  }

  chmod(ino: number, mode: number): void {
    this.generation++;
    const n = this.copyUp(ino);
    n.mode = mode & 0o7777;
    this.touch(n, false);
  }

  setTimes(ino: number, atime: TimeSpec, mtime: TimeSpec): void {
    this.generation++;
    const n = this.copyUp(ino);
    const now = this.clock();
    if (atime !== null) n.atimeNs = atime === 'now' ? now : atime;
    if (mtime !== null) n.mtimeNs = mtime === 'now' ? now : mtime;
    n.ctimeNs = now;
  }

  /** Sets mtime and ctime (a content change) or ctime alone (a metadata change) to the clock. */
  touch(n: UpperNode, content: boolean): void {
    const now = this.clock();
    if (content) n.mtimeNs = now;
    n.ctimeNs = now;
  }

  /** Copies up to `maxBytes` from `pos` out of a file. */
  read(ino: number, pos: number, maxBytes: number): Uint8Array {
    const n = this.need(ino);
    if (n.kind === 'dir') throw new KernelError(Errno.ISDIR);
    if (n.kind !== 'file') throw new KernelError(Errno.INVAL);
    if (pos >= n.size || maxBytes <= 0) return new Uint8Array(0);
    const end = Math.min(n.size, pos + maxBytes);
    return this.dataOf(n).slice(pos, end);
  }

  /** Copies bytes from `pos` into `dst` (up to its length); returns the count, 0 at end of file. */
  readInto(ino: number, pos: number, dst: Uint8Array): number {
    const n = this.need(ino);
    if (n.kind === 'dir') throw new KernelError(Errno.ISDIR);
    if (n.kind !== 'file') throw new KernelError(Errno.INVAL);
    if (pos >= n.size) return 0;
    const end = Math.min(n.size, pos + dst.length);
    dst.set(this.dataOf(n).subarray(pos, end));
    return end - pos;
  }

  private dataOf(n: AnyNode & { kind: 'file' }): Uint8Array {
    if (n.data !== null) return n.data;
    const low = this.lower.node(n.ino);
    return low?.kind === 'file' ? low.data : EMPTY;
  }

  /**
   * Writes `src` at `pos`, zero-filling any gap past the end. Writes what fits under the file-size and byte
   * quotas and returns the count; throws EFBIG/ENOSPC only when nothing fits.
   */
  write(ino: number, pos: number, src: Uint8Array): number {
    this.generation++;
    const n = this.need(ino);
    if (n.kind === 'dir') throw new KernelError(Errno.ISDIR);
    if (n.kind !== 'file') throw new KernelError(Errno.INVAL);
    if (src.length === 0) return 0;
    const owned = this.nodes.has(ino) && n.data !== null ? n.size : 0;
    const room = this.limits.fsBytesMax - this.bytes + owned;
    if (pos >= this.limits.fileBytesMax) throw new KernelError(Errno.FBIG);
    if (room < n.size || pos >= room) throw new KernelError(Errno.NOSPC, 'byte quota');
    const count = Math.min(src.length, Math.min(this.limits.fileBytesMax, room) - pos);
    const f = this.copyUp(ino) as FileNode;
    const end = pos + count;
    this.writable(f, Math.max(end, f.size));
    const data = f.data ?? EMPTY;
    data.set(count === src.length ? src : src.subarray(0, count), pos);
    if (end > f.size) f.size = end;
    this.bytes += f.size - owned;
    this.touch(f, true);
    return count;
  }

  /** Sets a file's size: shrinking drops data, growing zero-fills. */
  truncate(ino: number, size: number): void {
    this.generation++;
    const n = this.need(ino);
    if (n.kind === 'dir') throw new KernelError(Errno.ISDIR);
    if (n.kind !== 'file' || size < 0 || !Number.isSafeInteger(size)) throw new KernelError(Errno.INVAL);
    if (size > this.limits.fileBytesMax) throw new KernelError(Errno.FBIG);
    const owned = this.nodes.has(ino) && n.data !== null ? n.size : 0;
    this.checkBytes(size - owned);
    const f = this.copyUp(ino) as FileNode;
    if (size > f.size || f.data === null) this.writable(f, size);
    else if (size < f.size) {
      if (f.shared) this.writable(f, size);
      else f.data.fill(0, size, f.size);
    }
    f.size = size;
    this.bytes += size - owned;
    this.touch(f, true);
  }

  /**
   * Makes `f.data` an unshared buffer of capacity >= `end` holding the file's first min(size, end) bytes
   * (copying lower data or a snapshot-shared buffer); capacity doubles so appends cost amortized O(1).
   */
  private writable(f: FileNode, end: number): void {
    const cur = f.data;
    if (cur !== null && !f.shared && cur.length >= end) return;
    const oldCap = cur?.length ?? 0;
    const cap = end <= oldCap ? oldCap : Math.max(end, Math.min(Math.max(oldCap * 2, MIN_CAPACITY), this.limits.fileBytesMax));
    const next = new Uint8Array(cap);
    const src = cur ?? this.dataOf(f);
    const keep = Math.min(f.size, end, src.length);
    next.set(keep === src.length ? src : src.subarray(0, keep));
    f.data = next;
    f.shared = false;
  }

  addOpen(ino: number): void {
    this.openCounts.set(ino, (this.openCounts.get(ino) ?? 0) + 1);
  }

  dropOpen(ino: number): void {
    const c = (this.openCounts.get(ino) ?? 0) - 1;
    if (c > 0) this.openCounts.set(ino, c);
    else {
      this.openCounts.delete(ino);
      this.release(ino);
    }
  }
}
