/**
 * Op.burrow_sys: the whole-path system calls of shell sessions (and later interpreters), one per request.
 * The request payload is a v8-serialized `[method, ...args]`; the reply payload a v8-serialized value. Paths
 * are absolute in the sandbox and resolve from its root (`..` at `/` stays at `/`). Streaming file access
 * goes through fds (open → fd_read/fd_write/fd_close), so a large file never has to fit one payload.
 */
import { deserialize, serialize } from 'node:v8';
import { Errno, H, KernelError, type SysFileStat } from '@burrow/protocol';
import { BLOCKED } from '../fd/descriptor.js';
import { ALL_RIGHTS } from '../fd/fd-table.js';
import { NullDescriptor } from '../fd/null-descriptor.js';
import { VfsDescriptor } from '../fd/vfs-descriptor.js';
import type { Process } from '../process/process.js';
import type { Stat, Vfs } from '../vfs/index.js';
import type { Handler, SyscallEnv } from '../wasi/context.js';

/** What the sys calls need of the kernel beyond SyscallEnv. */
export interface SysKernel extends SyscallEnv {
  readonly vfs: Vfs;
  sysSpawn(p: Process, argv: string[], opts: SysSpawnOptions): number;
  sysWait(p: Process, pid: number): { exitCode: number } | typeof BLOCKED;
  sysKill(p: Process, pid: number, signal: string): void;
  sysPipe(p: Process): [number, number];
  sysPoll(p: Process, pid: number): { exitCode: number; signal: string | null } | null;
}

export interface SysSpawnOptions {
  cwd: string;
  env: Record<string, string>;
  /** fds of the calling process to hand to the child as its 0, 1, 2. */
  stdio: [number, number, number];
}

function toStat(s: Stat): SysFileStat {
  return {
    ino: s.ino,
    type: s.kind,
    mode: s.mode,
    nlink: s.nlink,
    size: s.size,
    atimeMs: Number(s.atimeNs / 1_000_000n),
    mtimeMs: Number(s.mtimeNs / 1_000_000n),
    ctimeMs: Number(s.ctimeNs / 1_000_000n),
  };
}

interface OpenOpts {
  read?: boolean;
  write?: boolean;
  create?: boolean;
  exclusive?: boolean;
  truncate?: boolean;
  append?: boolean;
  directory?: boolean;
  noFollow?: boolean;
  mode?: number;
}

type SysMethod = (k: SysKernel, p: Process, args: unknown[]) => unknown;

function str(v: unknown): string {
  if (typeof v !== 'string') throw new KernelError(Errno.INVAL, 'expected a string');
  return v;
}
function num(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new KernelError(Errno.INVAL, 'expected a number');
  return v;
}

const methods: Record<string, SysMethod> = {
  stat: (k, _p, [path, follow]) => toStat(k.vfs.statAt(k.vfs.rootIno, str(path), { follow: follow !== false })),
  readdir: (k, _p, [path]) => {
    const ino = k.vfs.lookup(k.vfs.rootIno, str(path), { follow: true });
    return k.vfs
      .readdir(ino, 0n)
      .filter((e) => e.name !== '.' && e.name !== '..')
      .map((e) => ({ name: e.name, type: e.kind }));
  },
  open: (k, p, [path, opts]) => {
    const o = (opts ?? {}) as OpenOpts;
    const file = k.vfs.open(
      k.vfs.rootIno,
      str(path),
      {
        read: o.read ?? !o.write,
        write: o.write ?? false,
        create: o.create ?? false,
        exclusive: o.exclusive ?? false,
        truncate: o.truncate ?? false,
        append: o.append ?? false,
        directory: o.directory ?? false,
        noFollow: o.noFollow ?? false,
      },
      o.mode ?? 0o644,
    );
    return p.fds.add({ desc: new VfsDescriptor(k.vfs, file, file.ino), rightsBase: ALL_RIGHTS, rightsInheriting: 0n });
  },
  close: (_k, p, [fd]) => p.fds.close(num(fd)),
  seek: (_k, p, [fd, offset, whence]) => Number(p.fds.get(num(fd)).desc.seek(BigInt(num(offset)), num(whence))),
  fstat: (k, p, [fd]) => {
    const desc = p.fds.get(num(fd)).desc;
    if (!(desc instanceof VfsDescriptor)) throw new KernelError(Errno.BADF);
    return toStat(k.vfs.stat(desc.ino));
  },
  ftruncate: (k, p, [fd, size]) => {
    const desc = p.fds.get(num(fd)).desc;
    if (!(desc instanceof VfsDescriptor)) throw new KernelError(Errno.BADF);
    k.vfs.truncate(desc.ino, num(size));
  },
  mkdir: (k, _p, [path, mode]) => {
    k.vfs.mkdir(k.vfs.rootIno, str(path), mode === undefined ? 0o755 : num(mode));
  },
  rmdir: (k, _p, [path]) => k.vfs.rmdir(k.vfs.rootIno, str(path)),
  unlink: (k, _p, [path]) => k.vfs.unlink(k.vfs.rootIno, str(path)),
  rename: (k, _p, [from, to]) => k.vfs.rename(k.vfs.rootIno, str(from), k.vfs.rootIno, str(to)),
  symlink: (k, _p, [target, path]) => {
    k.vfs.symlink(str(target), k.vfs.rootIno, str(path));
  },
  readlink: (k, _p, [path]) => k.vfs.readlink(k.vfs.rootIno, str(path)),
  link: (k, _p, [existing, path]) =>
    k.vfs.link(k.vfs.rootIno, str(existing), k.vfs.rootIno, str(path), { follow: false }),
  chmod: (k, _p, [path, mode]) => k.vfs.chmod(k.vfs.lookup(k.vfs.rootIno, str(path), { follow: true }), num(mode)),
  utimes: (k, _p, [path, atimeMs, mtimeMs]) =>
    k.vfs.setTimes(
      k.vfs.lookup(k.vfs.rootIno, str(path), { follow: true }),
      BigInt(Math.round(num(atimeMs) * 1e6)),
      BigInt(Math.round(num(mtimeMs) * 1e6)),
    ),
  truncate: (k, _p, [path, size]) => k.vfs.truncate(k.vfs.lookup(k.vfs.rootIno, str(path), { follow: true }), num(size)),
  realpath: (k, _p, [path]) => k.vfs.realpath(k.vfs.rootIno, str(path)),
  statfs: (k, _p, [path]) => {
    k.vfs.lookup(k.vfs.rootIno, str(path), { follow: true });
    const used = k.vfs.usage();
    return {
      bytesTotal: k.vfs.limits.fsBytesMax,
      bytesUsed: used.bytes,
      inodesTotal: k.vfs.limits.fsInodesMax,
      inodesUsed: used.inodes,
    };
  },
  spawn: (k, p, [argv, opts]) => {
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) throw new KernelError(Errno.INVAL);
    return k.sysSpawn(p, argv as string[], opts as SysSpawnOptions);
  },
  wait: (k, p, [pid]) => k.sysWait(p, num(pid)),
  kill: (k, p, [pid, signal]) => k.sysKill(p, num(pid), str(signal)),
  pipe: (k, p) => k.sysPipe(p),
  /** A child's status if it has exited, else null (interpreters' poll()). */
  poll: (k, p, [pid]) => k.sysPoll(p, num(pid)),
  /** A new fd on the null device (a child's stdio that reads nothing and discards writes). */
  openNull: (_k, p) => p.fds.add({ desc: new NullDescriptor(), rightsBase: ALL_RIGHTS, rightsInheriting: 0n }),
  /** Sleeps until an absolute wall-clock time: stateless, so a re-run after the wake-up just returns. */
  sleepUntil: (k, p, [untilMs]) => {
    const remaining = num(untilMs) - Date.now();
    if (remaining <= 0) return null;
    return k.park(p, (wake) => {
      const t = setTimeout(wake, remaining);
      return () => clearTimeout(t);
    });
  },
};

/** The handler of Op.burrow_sys; its env is the Kernel (a SysKernel). */
export const burrowSys: Handler = (env, p) => {
  const k = env as SysKernel;
  const v = p.views;
  const len = v.header[H.IN_LEN] as number;
  if (len <= 0 || len > v.data.length) return Errno.FAULT;
  let request: unknown;
  try {
    request = deserialize(v.data.slice(0, len));
  } catch {
    return Errno.INVAL;
  }
  if (!Array.isArray(request) || typeof request[0] !== 'string') return Errno.INVAL;
  const method = methods[request[0]];
  if (method === undefined) return Errno.NOSYS;
  const result = method(k, p, request.slice(1));
  if (result === BLOCKED) return BLOCKED;
  const out = serialize(result ?? null);
  if (out.length > v.data.length) return Errno.OVERFLOW;
  v.data.set(out, 0);
  v.header[H.OUT_LEN] = out.length;
  return Errno.SUCCESS;
};
