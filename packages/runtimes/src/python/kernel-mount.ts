/**
 * An Emscripten filesystem type whose every operation is a synchronous call to the sandbox's kernel, so the
 * sandbox's files are Python's files: what Python writes the shell sees at once, and the reverse. Nothing is
 * cached: a node's sandbox path is recomputed from its parents at each call. File data moves through kernel
 * fds with positional reads and writes (Emscripten keeps the stream position). Kernel errnos and
 * Emscripten's share WASI's numbering, so an error passes through as is.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { EmAttr, EmFS, EmFsType, EmMount, EmNode, SetAttr } from './emscripten-fs.js';
import type { SysStat } from '../sys/sync-sys.js';
import type { SyncSys } from './sync-sys.js';

const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const O_ACCMODE = 3;
const O_WRONLY = 1;
const O_RDWR = 2;

function typeBits(type: SysStat['type']): number {
  return type === 'dir' ? S_IFDIR : type === 'symlink' ? S_IFLNK : S_IFREG;
}

export function createKernelFs(FS: EmFS, sys: SyncSys): EmFsType {
  /** Runs a kernel call, turning its KernelError into Emscripten's error with the same number. */
  function k<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof KernelError) throw new FS.ErrnoError(e.errno);
      throw e;
    }
  }

  function pathOf(node: EmNode): string {
    const parts: string[] = [];
    let n = node;
    while (n.burrowRoot === undefined) {
      parts.push(n.name);
      n = n.parent;
    }
    parts.push(n.burrowRoot === '/' ? '' : n.burrowRoot);
    return parts.reverse().join('/') || '/';
  }

  function childPath(parent: EmNode, name: string): string {
    const p = pathOf(parent);
    return p === '/' ? `/${name}` : `${p}/${name}`;
  }

  function attrOf(s: SysStat): EmAttr {
    return {
      dev: 1,
      ino: s.ino,
      mode: typeBits(s.type) | (s.mode & 0o7777),
      nlink: s.nlink,
      uid: 0,
      gid: 0,
      rdev: 0,
      size: s.size,
      atime: new Date(s.atimeMs),
      mtime: new Date(s.mtimeMs),
      ctime: new Date(s.ctimeMs),
      blksize: 4096,
      blocks: Math.ceil(s.size / 512),
    };
  }

  function newNode(parent: EmNode | null, name: string, mode: number): EmNode {
    const node = FS.createNode(parent, name, mode);
    node.node_ops = type.node_ops ?? {};
    node.stream_ops = type.stream_ops ?? {};
    return node;
  }

  function setattr(path: string, attr: SetAttr, fd?: number): void {
    k(() => {
      if (attr.mode !== undefined) sys.call('chmod', path, attr.mode & 0o7777);
      if (attr.atime !== undefined || attr.mtime !== undefined) {
        const now = Date.now();
        sys.call('utimes', path, attr.atime ?? attr.mtime ?? now, attr.mtime ?? attr.atime ?? now);
      }
      if (attr.size !== undefined) {
        if (fd !== undefined) sys.call('ftruncate', fd, attr.size);
        else sys.call('truncate', path, attr.size);
      }
    });
  }

  const type: EmFsType = {
    mount(mount: EmMount): EmNode {
      const root = mount.opts.root ?? '/';
      const s = k(() => sys.call<SysStat>('stat', root, true));
      if (s.type !== 'dir') throw new FS.ErrnoError(Errno.NOTDIR);
      const node = newNode(null, '/', typeBits('dir') | (s.mode & 0o7777));
      node.burrowRoot = root;
      return node;
    },
    node_ops: {
      getattr: (node) => attrOf(k(() => sys.call<SysStat>('stat', pathOf(node), false))),
      setattr: (node, attr) => setattr(pathOf(node), attr),
      lookup: (parent, name) => {
        const s = k(() => sys.call<SysStat>('stat', childPath(parent, name), false));
        return newNode(parent, name, typeBits(s.type) | (s.mode & 0o7777));
      },
      mknod: (parent, name, mode) => {
        const path = childPath(parent, name);
        if (FS.isDir(mode)) {
          k(() => sys.call('mkdir', path, mode & 0o7777));
        } else if (FS.isFile(mode)) {
          k(() => {
            const fd = sys.call<number>('open', path, { write: true, create: true, exclusive: true, mode: mode & 0o7777 });
            sys.call('close', fd);
          });
        } else {
          throw new FS.ErrnoError(Errno.PERM);
        }
        return newNode(parent, name, mode);
      },
      rename: (oldNode, newDir, newName) => {
        k(() => sys.call('rename', pathOf(oldNode), childPath(newDir, newName)));
        oldNode.name = newName;
      },
      unlink: (parent, name) => k(() => sys.call('unlink', childPath(parent, name))),
      rmdir: (parent, name) => k(() => sys.call('rmdir', childPath(parent, name))),
      readdir: (node) => {
        const entries = k(() => sys.call<Array<{ name: string }>>('readdir', pathOf(node)));
        return ['.', '..', ...entries.map((e) => e.name)];
      },
      symlink: (parent, newName, oldPath) => {
        k(() => sys.call('symlink', oldPath, childPath(parent, newName)));
        return newNode(parent, newName, S_IFLNK | 0o777);
      },
      readlink: (node) => k(() => sys.call<string>('readlink', pathOf(node))),
    },
    stream_ops: {
      open: (stream) => {
        if (FS.isDir(stream.node.mode)) return;
        const acc = stream.flags & O_ACCMODE;
        const write = acc === O_WRONLY || acc === O_RDWR;
        const read = acc !== O_WRONLY;
        stream.kfd = k(() => sys.call<number>('open', pathOf(stream.node), { read, write }));
        stream.shared.refcount = 1;
      },
      dup: (stream) => {
        stream.shared.refcount = (stream.shared.refcount ?? 1) + 1;
      },
      close: (stream) => {
        const fd = stream.kfd;
        if (fd === undefined) return;
        const left = (stream.shared.refcount ?? 1) - 1;
        stream.shared.refcount = left;
        if (left <= 0) k(() => sys.call('close', fd));
      },
      read: (stream, buffer, offset, length, position) => {
        const fd = stream.kfd;
        if (fd === undefined) throw new FS.ErrnoError(Errno.ISDIR);
        let done = 0;
        while (done < length) {
          const n = k(() => sys.pread(fd, buffer, offset + done, length - done, position + done));
          if (n === 0) break;
          done += n;
        }
        return done;
      },
      write: (stream, buffer, offset, length, position) => {
        const fd = stream.kfd;
        if (fd === undefined) throw new FS.ErrnoError(Errno.ISDIR);
        return k(() => sys.pwrite(fd, buffer.subarray(offset, offset + length), position));
      },
      llseek: (stream, offset, whence) => {
        let position = offset;
        if (whence === 1) position += stream.position;
        else if (whence === 2 && stream.kfd !== undefined) {
          const fd = stream.kfd;
          position += k(() => sys.call<SysStat>('fstat', fd)).size;
        }
        if (position < 0) throw new FS.ErrnoError(Errno.INVAL);
        return position;
      },
      getattr: (stream) => {
        const fd = stream.kfd;
        if (fd === undefined) return attrOf(k(() => sys.call<SysStat>('stat', pathOf(stream.node), false)));
        return attrOf(k(() => sys.call<SysStat>('fstat', fd)));
      },
      setattr: (stream, attr) => setattr(pathOf(stream.node), attr, stream.kfd),
    },
  };
  return type;
}

/** Top-level names that stay the interpreter's own (its stdlib, Emscripten's devices). */
const RESERVED_TOP = new Set(['lib', 'dev', 'proc']);

/**
 * Mounts the sandbox's top-level directories over Emscripten's tree (creating mount points as needed), so
 * every sandbox path but /lib, /dev and /proc is the kernel's.
 */
export function mountSandbox(FS: EmFS, sys: SyncSys): void {
  const kfs = createKernelFs(FS, sys);
  const top = sys.call<Array<{ name: string; type: string }>>('readdir', '/');
  for (const e of top) {
    if (RESERVED_TOP.has(e.name) || e.type !== 'dir') continue;
    const at = `/${e.name}`;
    let exists = true;
    try {
      FS.lookupPath(at);
    } catch {
      exists = false;
    }
    if (!exists) FS.mkdir(at, 0o755);
    FS.mount(kfs, { root: at }, at);
  }
}

/** The kernel fd behind a stream: its own for sandbox files, 0–2 for stdio. */
export function kernelFdOf(FS: EmFS, fd: number): number {
  const stream = FS.getStream(fd);
  if (stream?.kfd !== undefined) return stream.kfd;
  if (fd >= 0 && fd <= 2) return fd;
  throw new KernelError(Errno.BADF);
}
