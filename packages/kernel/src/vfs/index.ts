/**
 * Public surface of the virtual filesystem: the Vfs, open file handles, the lower layer and the data shapes
 * they exchange. Everything else in this directory is internal.
 */
export { type LowerEntry, LowerLayer } from './lower-layer.js';
export { type AccessFlags, OpenFile, type Whence } from './open-file.js';
export {
  type DirEntryWithCookie,
  LOWER_INO_BASE,
  type NodeKind,
  type OpenFlags,
  type OpenFileState,
  type ResolveOptions,
  ROOT_INO,
  type Stat,
  type TimeSpec,
  VFS_DEV,
  type VfsSnapshot,
} from './types.js';
export { Vfs, type VfsOptions } from './vfs.js';
