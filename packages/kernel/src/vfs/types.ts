/**
 * Shapes of the virtual filesystem: what callers see (Stat, OpenFlags, DirEntryWithCookie), the nodes the
 * writable (upper) and read-only (lower) layers store, and the plain-data snapshot.
 *
 * Invariants: every stored node is a plain object (no class instances) so the state serializes; inode
 * numbers below LOWER_INO_BASE are born in the upper layer (from a per-Vfs counter), numbers from
 * LOWER_INO_BASE up belong to the lower layer, and ROOT_INO is the root of both layers. An upper node whose
 * number is a lower one is a copy-up of that lower node and shadows it.
 */

export type NodeKind = 'file' | 'dir' | 'symlink';

/** Inode number of `/` in every sandbox (and of the lower layer's root, which it merges with). */
export const ROOT_INO = 1;
/** First inode number of the lower layer; upper-born numbers stay below it. */
export const LOWER_INO_BASE = 2 ** 40;
/** Device number reported by stat: the layers present themselves as one filesystem. */
export const VFS_DEV = 1;
/** Entry value that hides a lower entry of the same name (a whiteout). */
export const WHITEOUT = 0;
/** readdir cookies: 0 starts a listing; "." and ".." come first; entries take cookies from COOKIE_FIRST. */
export const COOKIE_DOT = 1;
export const COOKIE_DOTDOT = 2;
export const COOKIE_FIRST = 3;
/** Size reported for directories, as ext4 does for small ones. */
export const DIR_SIZE = 4096;

export interface Stat {
  dev: number;
  ino: number;
  kind: NodeKind;
  /** Permission bits (0o7777). */
  mode: number;
  nlink: number;
  size: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** Flags of open(); every field defaults to false. */
export interface OpenFlags {
  read?: boolean;
  write?: boolean;
  create?: boolean;
  exclusive?: boolean;
  truncate?: boolean;
  directory?: boolean;
  noFollow?: boolean;
  append?: boolean;
  /** Confine resolution to the start directory (NOTCAPABLE on escape). */
  beneath?: boolean;
}

export interface ResolveOptions {
  follow: boolean;
  beneath?: boolean;
}

export interface DirEntryWithCookie {
  name: string;
  ino: number;
  kind: NodeKind;
  /** Cookie that continues the listing after this entry (WASI's d_next). */
  cookie: bigint;
}

/** A time argument of setTimes: a value in ns, `null` to leave it, `'now'` for the clock's time. */
export type TimeSpec = bigint | null | 'now';

interface NodeMeta {
  ino: number;
  mode: number;
  nlink: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/**
 * A regular file of the upper layer. `data` is a buffer of capacity >= size whose bytes past `size` are
 * zero; `null` means the data is still the lower node's (a metadata-only copy-up). `shared` means the buffer
 * is also referenced by a snapshot and must be copied before it is mutated.
 */
export interface FileNode extends NodeMeta {
  kind: 'file';
  data: Uint8Array | null;
  size: number;
  shared: boolean;
}

export interface DirEntryRecord {
  /** WHITEOUT hides the lower entry of the same name. */
  ino: number;
  cookie: number;
}

/**
 * A directory of the upper layer. `entries` iterates in increasing cookie order (an entry that changes is
 * deleted and re-inserted). When `merged`, the lower directory with the same inode number contributes
 * every entry whose name `entries` does not mention.
 */
export interface DirNode extends NodeMeta {
  kind: 'dir';
  parent: number;
  entries: Map<string, DirEntryRecord>;
  merged: boolean;
  nextCookie: number;
}

export interface SymlinkNode extends NodeMeta {
  kind: 'symlink';
  target: string;
}

export type UpperNode = FileNode | DirNode | SymlinkNode;

export interface LowerFile extends NodeMeta {
  kind: 'file';
  data: Uint8Array;
  size: number;
}

/** A lower directory: entries sorted by name; entry i has cookie COOKIE_FIRST + i. */
export interface LowerDir extends NodeMeta {
  kind: 'dir';
  parent: number;
  names: readonly string[];
  inos: readonly number[];
  index: ReadonlyMap<string, number>;
}

export interface LowerSymlink extends NodeMeta {
  kind: 'symlink';
  target: string;
}

export type LowerNode = LowerFile | LowerDir | LowerSymlink;
export type AnyNode = UpperNode | LowerNode;

/** An open file description: shared by every descriptor dup'd from it (`refs` counts them). */
export interface OpenFileState {
  id: number;
  ino: number;
  read: boolean;
  write: boolean;
  append: boolean;
  offset: number;
  refs: number;
}

interface NodeSnapshotMeta {
  ino: number;
  mode: number;
  nlink: number;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

export type NodeSnapshot =
  | (NodeSnapshotMeta & { kind: 'file'; data: Uint8Array | null; size: number })
  | (NodeSnapshotMeta & {
      kind: 'dir';
      parent: number;
      merged: boolean;
      nextCookie: number;
      names: string[];
      inos: number[];
      cookies: number[];
    })
  | (NodeSnapshotMeta & { kind: 'symlink'; target: string });

/** The whole state of a Vfs as structured-cloneable plain data (the lower layer is referenced by id only). */
export interface VfsSnapshot {
  version: 1;
  lowerId: string;
  nextIno: number;
  nextOpenId: number;
  bytes: number;
  inodes: number;
  nodes: NodeSnapshot[];
  /** Lower inode numbers that were removed and are no longer reachable. */
  dead: number[];
  openFiles: OpenFileState[];
}
