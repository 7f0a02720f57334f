/**
 * The narrow slice of Emscripten's FS object that Burrow's Python set-up uses, typed here so the rest of the
 * code stays free of `any`. Field names are Emscripten's own.
 */

export interface EmNode {
  name: string;
  mode: number;
  parent: EmNode;
  mount: EmMount;
  id: number;
  rdev: number;
  node_ops: NodeOps;
  stream_ops: StreamOps;
  /** Burrow: the sandbox path of a mount's root node. */
  burrowRoot?: string;
}

export interface EmMount {
  root: EmNode;
  opts: { root?: string };
  mountpoint: string;
}

export interface EmStream {
  node: EmNode;
  flags: number;
  position: number;
  fd: number;
  path: string;
  seekable?: boolean;
  stream_ops: StreamOps;
  shared: { refcount?: number };
  /** Burrow: the kernel fd behind this stream. */
  kfd?: number;
}

export interface EmAttr {
  dev: number;
  ino: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  atime: Date;
  mtime: Date;
  ctime: Date;
  blksize: number;
  blocks: number;
}

export interface SetAttr {
  mode?: number;
  size?: number;
  atime?: number;
  mtime?: number;
  dontFollow?: boolean;
}

export interface NodeOps {
  getattr?(node: EmNode): EmAttr;
  setattr?(node: EmNode, attr: SetAttr): void;
  lookup?(parent: EmNode, name: string): EmNode;
  mknod?(parent: EmNode, name: string, mode: number, dev: number): EmNode;
  rename?(oldNode: EmNode, newDir: EmNode, newName: string): void;
  unlink?(parent: EmNode, name: string): void;
  rmdir?(parent: EmNode, name: string): void;
  readdir?(node: EmNode): string[];
  symlink?(parent: EmNode, newName: string, oldPath: string): EmNode | undefined;
  readlink?(node: EmNode): string;
}

export interface StreamOps {
  open?(stream: EmStream): void;
  close?(stream: EmStream): void;
  dup?(stream: EmStream): void;
  read?(stream: EmStream, buffer: Uint8Array, offset: number, length: number, position: number): number;
  write?(stream: EmStream, buffer: Uint8Array, offset: number, length: number, position: number): number;
  llseek?(stream: EmStream, offset: number, whence: number): number;
  getattr?(stream: EmStream): EmAttr;
  setattr?(stream: EmStream, attr: SetAttr): void;
}

export interface EmFsType {
  mount(mount: EmMount): EmNode;
  node_ops?: NodeOps;
  stream_ops?: StreamOps;
}

export interface EmFS {
  ErrnoError: new (errno: number) => Error;
  createNode(parent: EmNode | null, name: string, mode: number, dev?: number): EmNode;
  mount(type: EmFsType, opts: { root?: string }, mountpoint: string): EmNode;
  mkdir(path: string, mode?: number): EmNode;
  mkdev(path: string, mode: number, dev: number): EmNode;
  makedev(major: number, minor: number): number;
  registerDevice(dev: number, ops: StreamOps): void;
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  isLink(mode: number): boolean;
  isMountpoint(node: EmNode): boolean;
  lookupPath(path: string, opts?: { follow?: boolean }): { path: string; node: EmNode };
  readdir(path: string): string[];
  chdir(path: string): void;
  getStream(fd: number): EmStream | null;
  createStream(stream: Partial<EmStream>, fd?: number): EmStream;
  close(stream: EmStream): void;
  filesystems: Record<string, unknown>;
  root: EmNode;
}
