/**
 * An in-memory `Sys` for tests: a POSIX-like tree of inodes (files, directories, symlinks) with hard links,
 * modes, times and the kernel's errnos, plus `spawn` of registered fake programs. Invariants: every path it
 * receives is absolute; the caller acts as root, so permission bits are stored but never checked; there is no
 * umask (a created file gets `mode` or 0o644, a directory `mode` or 0o755); directory entries list in creation
 * order; the clock stands still unless the test moves it (`setTime`, `advanceTime`) or `sleep` waits (really, then
 * advancing the clock by the time slept), so runs are reproducible.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type {
  DirEntry,
  FileHandle,
  FileStat,
  FileType,
  OpenOptions,
  SpawnOptions,
  Sys,
} from '../sys.js';

/** What a fake external program receives: the spawn options plus its argv and the sys it runs against. */
export interface FakeProgramContext extends SpawnOptions {
  argv: string[];
  sys: MemorySys;
}

export type FakeProgram = (ctx: FakeProgramContext) => Promise<number>;

export interface MemorySys extends Sys {
  /** Programs `spawn` can run, by exact argv[0] or by its last path component. */
  programs: Record<string, FakeProgram>;
  setTime(ms: number): void;
  advanceTime(ms: number): void;
}

interface Inode {
  ino: number;
  type: FileType;
  mode: number;
  nlink: number;
  data: Uint8Array;
  /** Directory entries, name → ino, in creation order. */
  entries: Map<string, number>;
  target: string;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}

interface Located {
  parent: Inode;
  name: string;
  node: Inode | undefined;
}

const SYMLINK_HOPS_MAX = 40;
const DIR_SIZE = 4096;
const START_TIME_MS = Date.UTC(2024, 0, 15, 12, 0, 0);
/** What statfs reports as the filesystem's size: 1 GiB and 100,000 inodes. */
const FS_BYTES_TOTAL = 1 << 30;
const FS_INODES_TOTAL = 100_000;

export function createMemorySys(files: Record<string, string | Uint8Array> = {}): MemorySys {
  const inodes = new Map<number, Inode>();
  let nextIno = 1;
  let clockMs = START_TIME_MS;
  let seed = 0x2545f491;

  const newInode = (type: FileType, mode: number): Inode => {
    const node: Inode = {
      ino: nextIno++,
      type,
      mode: mode & 0o7777,
      nlink: type === 'dir' ? 2 : 1,
      data: new Uint8Array(0),
      entries: new Map(),
      target: '',
      atimeMs: clockMs,
      mtimeMs: clockMs,
      ctimeMs: clockMs,
    };
    inodes.set(node.ino, node);
    return node;
  };

  const root = newInode('dir', 0o755);
  const parents = new Map<number, number>([[root.ino, root.ino]]);

  const get = (ino: number): Inode => {
    const node = inodes.get(ino);
    if (node === undefined) throw new Error(`memory-sys: dangling inode ${ino}`);
    return node;
  };

  const touchDir = (dir: Inode): void => {
    dir.mtimeMs = clockMs;
    dir.ctimeMs = clockMs;
  };

  const split = (path: string): string[] => {
    if (!path.startsWith('/')) throw new KernelError(Errno.INVAL, `relative path ${path}`);
    return path.split('/').filter((p) => p !== '' && p !== '.');
  };

  /**
   * Walk to the parent of the last component (following every symlink on the way) and look the last component
   * up; the last component itself is followed only when `follow` is set.
   */
  const locate = (path: string, follow: boolean, hops = { n: 0 }): Located => {
    const parts = split(path);
    let dir = root;
    if (parts.length === 0) return { parent: get(parents.get(root.ino) ?? root.ino), name: '.', node: root };
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i] ?? '';
      const last = i === parts.length - 1;
      if (dir.type !== 'dir') throw new KernelError(Errno.NOTDIR);
      let node: Inode | undefined;
      if (name === '..') node = get(parents.get(dir.ino) ?? root.ino);
      else {
        const ino = dir.entries.get(name);
        node = ino === undefined ? undefined : get(ino);
      }
      if (last && !follow) return { parent: dir, name, node };
      if (node === undefined) {
        if (last) return { parent: dir, name, node };
        throw new KernelError(Errno.NOENT);
      }
      if (node.type === 'symlink') {
        if (++hops.n > SYMLINK_HOPS_MAX) throw new KernelError(Errno.LOOP);
        const base = pathOf(dir);
        const target = node.target.startsWith('/') ? node.target : `${base === '/' ? '' : base}/${node.target}`;
        const rest = parts.slice(i + 1).join('/');
        const next = rest === '' ? target : `${target}/${rest}`;
        return locate(next.startsWith('/') ? next : `/${next}`, follow, hops);
      }
      if (last) return { parent: dir, name, node };
      dir = node;
    }
    throw new Error('memory-sys: unreachable');
  };

  const pathOf = (dir: Inode): string => {
    const names: string[] = [];
    let cur = dir;
    while (cur.ino !== root.ino) {
      const parentIno = parents.get(cur.ino);
      if (parentIno === undefined) throw new Error('memory-sys: directory without parent');
      const parent = get(parentIno);
      let found = '';
      for (const [name, ino] of parent.entries) if (ino === cur.ino) found = name;
      names.unshift(found);
      cur = parent;
    }
    return `/${names.join('/')}`;
  };

  const existing = (path: string, follow = true): Inode => {
    const { node } = locate(path, follow);
    if (node === undefined) throw new KernelError(Errno.NOENT);
    return node;
  };

  const addEntry = (dir: Inode, name: string, node: Inode): void => {
    if (name === '.' || name === '..') throw new KernelError(Errno.EXIST);
    dir.entries.set(name, node.ino);
    if (node.type === 'dir') {
      parents.set(node.ino, dir.ino);
      dir.nlink++;
    }
    touchDir(dir);
  };

  const removeEntry = (dir: Inode, name: string, node: Inode): void => {
    dir.entries.delete(name);
    if (node.type === 'dir') {
      dir.nlink--;
      parents.delete(node.ino);
      inodes.delete(node.ino);
    } else {
      node.nlink--;
      node.ctimeMs = clockMs;
      if (node.nlink === 0) inodes.delete(node.ino);
    }
    touchDir(dir);
  };

  const statOf = (node: Inode): FileStat => ({
    ino: node.ino,
    type: node.type,
    mode: node.mode,
    nlink: node.nlink,
    size: node.type === 'dir' ? DIR_SIZE : node.type === 'symlink' ? node.target.length : node.data.length,
    atimeMs: node.atimeMs,
    mtimeMs: node.mtimeMs,
    ctimeMs: node.ctimeMs,
  });

  const setData = (node: Inode, data: Uint8Array): void => {
    node.data = data;
    node.mtimeMs = clockMs;
    node.ctimeMs = clockMs;
  };

  const resize = (node: Inode, size: number): void => {
    if (size < 0) throw new KernelError(Errno.INVAL);
    const data = new Uint8Array(size);
    data.set(node.data.subarray(0, Math.min(size, node.data.length)));
    setData(node, data);
  };

  const writeAt = (node: Inode, at: number, chunk: Uint8Array): void => {
    const end = at + chunk.length;
    const data = end > node.data.length ? new Uint8Array(end) : node.data;
    if (data !== node.data) data.set(node.data);
    data.set(chunk, at);
    setData(node, data);
  };

  const openNode = (path: string, opts: OpenOptions): Inode => {
    const loc = locate(path, !opts.noFollow);
    let node = loc.node;
    if (node !== undefined) {
      if (opts.create && opts.exclusive) throw new KernelError(Errno.EXIST);
      if (node.type === 'symlink') throw new KernelError(Errno.LOOP);
      if (opts.directory && node.type !== 'dir') throw new KernelError(Errno.NOTDIR);
      if (node.type === 'dir' && (opts.write || opts.append || opts.truncate)) throw new KernelError(Errno.ISDIR);
      if (opts.truncate && node.type === 'file' && node.data.length > 0) setData(node, new Uint8Array(0));
      return node;
    }
    if (!opts.create) throw new KernelError(Errno.NOENT);
    if (opts.directory) throw new KernelError(Errno.NOENT);
    if (path.endsWith('/')) throw new KernelError(Errno.ISDIR);
    node = newInode('file', opts.mode ?? 0o644);
    addEntry(loc.parent, loc.name, node);
    return node;
  };

  const handleFor = (node: Inode, opts: OpenOptions): FileHandle => {
    let position = 0;
    let closed = false;
    const canRead = opts.read ?? !(opts.write || opts.append);
    const canWrite = Boolean(opts.write || opts.append);
    const check = (): void => {
      if (closed) throw new KernelError(Errno.BADF);
    };
    return {
      read: async (maxBytes) => {
        check();
        if (!canRead) throw new KernelError(Errno.BADF);
        if (node.type === 'dir') throw new KernelError(Errno.ISDIR);
        const out = node.data.slice(position, position + maxBytes);
        position += out.length;
        return out;
      },
      write: async (data) => {
        check();
        if (!canWrite) throw new KernelError(Errno.BADF);
        if (opts.append) position = node.data.length;
        writeAt(node, position, data);
        position += data.length;
        return data.length;
      },
      seek: async (offset, whence) => {
        check();
        const base = whence === 'set' ? 0 : whence === 'cur' ? position : node.data.length;
        if (base + offset < 0) throw new KernelError(Errno.INVAL);
        position = base + offset;
        return position;
      },
      stat: async () => {
        check();
        return statOf(node);
      },
      truncate: async (size) => {
        check();
        if (!canWrite) throw new KernelError(Errno.BADF);
        resize(node, size);
      },
      close: async () => {
        check();
        closed = true;
      },
    };
  };

  const isAncestor = (maybeAncestor: Inode, node: Inode): boolean => {
    let cur = node.ino;
    while (true) {
      if (cur === maybeAncestor.ino) return true;
      const up = parents.get(cur);
      if (up === undefined || up === cur) return false;
      cur = up;
    }
  };

  const sys: MemorySys = {
    programs: {},
    setTime: (ms) => {
      clockMs = ms;
    },
    advanceTime: (ms) => {
      clockMs += ms;
    },

    stat: async (path, opts) => statOf(existing(path, opts?.follow ?? true)),

    readdir: async (path) => {
      const dir = existing(path);
      if (dir.type !== 'dir') throw new KernelError(Errno.NOTDIR);
      const out: DirEntry[] = [];
      for (const [name, ino] of dir.entries) out.push({ name, type: get(ino).type });
      return out;
    },

    open: async (path, opts) => handleFor(openNode(path, opts), opts),

    readFile: async (path) => {
      const node = existing(path);
      if (node.type === 'dir') throw new KernelError(Errno.ISDIR);
      return node.data.slice();
    },

    writeFile: async (path, data, opts) => {
      const node = openNode(path, { write: true, create: true, truncate: !opts?.append, mode: opts?.mode });
      if (opts?.append) writeAt(node, node.data.length, data);
      else setData(node, data.slice());
    },

    mkdir: async (path, opts) => {
      const loc = locate(path, false);
      if (loc.node !== undefined) throw new KernelError(Errno.EXIST);
      addEntry(loc.parent, loc.name, newInode('dir', opts?.mode ?? 0o755));
    },

    rmdir: async (path) => {
      const loc = locate(path, false);
      if (loc.node === undefined) throw new KernelError(Errno.NOENT);
      if (loc.node.type !== 'dir') throw new KernelError(Errno.NOTDIR);
      if (loc.node === root) throw new KernelError(Errno.BUSY);
      if (loc.name === '..') throw new KernelError(Errno.NOTEMPTY);
      if (loc.node.entries.size > 0) throw new KernelError(Errno.NOTEMPTY);
      removeEntry(loc.parent, loc.name, loc.node);
    },

    unlink: async (path) => {
      const loc = locate(path, false);
      if (loc.node === undefined) throw new KernelError(Errno.NOENT);
      if (loc.node.type === 'dir') throw new KernelError(Errno.ISDIR);
      removeEntry(loc.parent, loc.name, loc.node);
    },

    rename: async (from, to) => {
      const src = locate(from, false);
      if (src.node === undefined) throw new KernelError(Errno.NOENT);
      if (src.node === root || src.name === '..') throw new KernelError(Errno.BUSY);
      const dst = locate(to, false);
      const moving = src.node;
      if (dst.node === moving) return;
      if (moving.type === 'dir' && isAncestor(moving, dst.parent)) throw new KernelError(Errno.INVAL);
      if (dst.node !== undefined) {
        if (moving.type === 'dir' && dst.node.type !== 'dir') throw new KernelError(Errno.NOTDIR);
        if (moving.type !== 'dir' && dst.node.type === 'dir') throw new KernelError(Errno.ISDIR);
        if (dst.node.type === 'dir' && dst.node.entries.size > 0) throw new KernelError(Errno.NOTEMPTY);
        removeEntry(dst.parent, dst.name, dst.node);
      }
      src.parent.entries.delete(src.name);
      if (moving.type === 'dir') src.parent.nlink--;
      touchDir(src.parent);
      addEntry(dst.parent, dst.name, moving);
      moving.ctimeMs = clockMs;
    },

    symlink: async (target, path) => {
      const loc = locate(path, false);
      if (loc.node !== undefined) throw new KernelError(Errno.EXIST);
      const node = newInode('symlink', 0o777);
      node.target = target;
      addEntry(loc.parent, loc.name, node);
    },

    readlink: async (path) => {
      const node = existing(path, false);
      if (node.type !== 'symlink') throw new KernelError(Errno.INVAL);
      return node.target;
    },

    link: async (existingPath, path) => {
      const node = existing(existingPath, false);
      if (node.type === 'dir') throw new KernelError(Errno.PERM);
      const loc = locate(path, false);
      if (loc.node !== undefined) throw new KernelError(Errno.EXIST);
      addEntry(loc.parent, loc.name, node);
      node.nlink++;
      node.ctimeMs = clockMs;
    },

    chmod: async (path, mode) => {
      const node = existing(path);
      node.mode = mode & 0o7777;
      node.ctimeMs = clockMs;
    },

    utimes: async (path, atimeMs, mtimeMs) => {
      const node = existing(path);
      node.atimeMs = atimeMs;
      node.mtimeMs = mtimeMs;
      node.ctimeMs = clockMs;
    },

    truncate: async (path, size) => {
      const node = existing(path);
      if (node.type === 'dir') throw new KernelError(Errno.ISDIR);
      resize(node, size);
    },

    realpath: async (path) => {
      const node = existing(path);
      if (node.type === 'dir') return pathOf(node);
      const loc = locate(path, true);
      const base = pathOf(loc.parent);
      return base === '/' ? `/${loc.name}` : `${base}/${loc.name}`;
    },

    spawn: async (argv, opts) => {
      const name = argv[0] ?? '';
      const program = sys.programs[name] ?? sys.programs[name.slice(name.lastIndexOf('/') + 1)];
      if (program === undefined) throw new KernelError(Errno.NOENT);
      return program({ ...opts, argv, sys });
    },

    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(new KernelError(Errno.INTR));
        const onAbort = (): void => {
          clearTimeout(timer);
          reject(new KernelError(Errno.INTR));
        };
        const timer = setTimeout(
          () => {
            signal?.removeEventListener('abort', onAbort);
            clockMs += ms;
            resolve();
          },
          Math.max(0, Math.min(ms, 2 ** 31 - 1)),
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      }),

    now: () => clockMs,

    statfs: async (path) => {
      existing(path);
      let bytes = 0;
      for (const node of inodes.values()) bytes += node.data.length + node.target.length;
      return { bytesTotal: FS_BYTES_TOTAL, bytesUsed: bytes, inodesTotal: FS_INODES_TOTAL, inodesUsed: inodes.size };
    },

    randomBytes: (n) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        out[i] = seed & 0xff;
      }
      return out;
    },
  };

  const seedPath = (path: string, content: string | Uint8Array): void => {
    const parts = split(path);
    let dir = root;
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i] ?? '';
      const last = i === parts.length - 1 && !path.endsWith('/');
      const ino = dir.entries.get(name);
      const found = ino === undefined ? undefined : get(ino);
      if (last) {
        const node = found ?? newInode('file', 0o644);
        node.data = typeof content === 'string' ? new TextEncoder().encode(content) : content.slice();
        if (found === undefined) addEntry(dir, name, node);
        return;
      }
      if (found === undefined) {
        const made = newInode('dir', 0o755);
        addEntry(dir, name, made);
        dir = made;
      } else if (found.type === 'dir') dir = found;
      else throw new KernelError(Errno.NOTDIR);
    }
  };
  for (const [path, content] of Object.entries(files)) seedPath(path, content);
  return sys;
}
