/**
 * path_* syscalls: every path is relative to a directory fd and travels as UTF-8 in the payload (two paths
 * back to back where a call has two, the first one's length in an i32 slot).
 *
 *   path_open               i32[0] dirfd, i32[1] lookupflags, i32[2] oflags, i32[3] fdflags, i64[0] rights
 *                           base, i64[1] rights inheriting, path → i32[0] new fd
 *   path_create_directory, path_remove_directory, path_unlink_file, path_readlink (→ data, OUT_LEN)
 *                           i32[0] dirfd, path
 *   path_filestat_get       i32[0] dirfd, i32[1] lookupflags, path → filestat (common.ts putFilestat)
 *   path_filestat_set_times i32[0] dirfd, i32[1] lookupflags, i32[2] fstflags, i64[0] atim, i64[1] mtim, path
 *   path_link               i32[0] old dirfd, i32[1] old lookupflags, i32[2] new dirfd, i32[3] old length
 *   path_rename             i32[0] old dirfd, i32[1] new dirfd, i32[2] old length
 *   path_symlink            i32[0] dirfd, i32[1] target length; payload target then path
 *
 * A directory fd that is not the sandbox root resolves `beneath` itself: any escape is ENOTCAPABLE. The root
 * resolves as `/` does. New fds get the requested rights narrowed to the directory's inheriting rights; read
 * and write access follow the rights asked for, as wasi-libc's open() and wasmtime read them.
 */
import { Errno, H, KernelError, Op } from '@burrow/protocol';
import { descriptorStat, VfsDescriptor } from '../fd/vfs-descriptor.js';
import type { Process } from '../process/process.js';
import {
  dirFd,
  FdFlags,
  LOOKUP_SYMLINK_FOLLOW,
  OFlags,
  pathAt,
  putFilestat,
  READ_RIGHTS,
  requestPath,
  timeSpecs,
  WRITE_RIGHTS,
} from './common.js';
import type { Handler } from './context.js';

const encoder = new TextEncoder();

function follows(flags: number): boolean {
  return (flags & LOOKUP_SYMLINK_FOLLOW) !== 0;
}

/** The two paths of a two-path call: the first `firstLen` payload bytes, then the rest up to IN_LEN. */
function twoPaths(p: Process, firstLen: number): [string, string] {
  const total = p.views.header[H.IN_LEN] as number;
  if (firstLen < 0 || firstLen > total) throw new KernelError(Errno.FAULT);
  return [pathAt(p, 0, firstLen), pathAt(p, firstLen, total - firstLen)];
}

/** The directory part of a path ("." when it has none), for confining the parent of a final name. */
function dirPart(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : trimmed.slice(0, i);
}

/**
 * The `beneath` mode of a call over two directory fds. When only one side is confined, its parent (and with
 * `followFinal` the whole path) is checked beneath it first, so the call itself can run unconfined.
 */
function twoDirMode(a: VfsDescriptor, aPath: string, b: VfsDescriptor, bPath: string, followFinal = false): boolean {
  if (a.beneath === b.beneath) return a.beneath;
  const [side, path] = a.beneath ? [a, aPath] : [b, bPath];
  side.vfs.lookup(side.ino, dirPart(path), { follow: true, beneath: true });
  if (followFinal && side === a) side.vfs.lookup(side.ino, path, { follow: true, beneath: true });
  return false;
}

const path_open: Handler = (_env, p) => {
  const v = p.views;
  const { entry, desc } = dirFd(p, v.i32[0] as number);
  const lookup = v.i32[1] as number;
  const oflags = v.i32[2] as number;
  const fdflags = v.i32[3] as number;
  if ((oflags & ~OFlags.ALL) !== 0 || (fdflags & ~FdFlags.ALL) !== 0) return Errno.INVAL;
  const base = BigInt.asUintN(64, v.i64[0] as bigint) & entry.rightsInheriting;
  const inheriting = BigInt.asUintN(64, v.i64[1] as bigint) & entry.rightsInheriting;
  const path = requestPath(p);
  const directory = (oflags & OFlags.DIRECTORY) !== 0;
  if (p.fds.size >= p.fds.fdsMax) throw new KernelError(Errno.MFILE);
  const file = desc.vfs.open(desc.ino, path, {
    read: directory || (base & READ_RIGHTS) !== 0n,
    write: !directory && (base & WRITE_RIGHTS) !== 0n,
    create: (oflags & OFlags.CREAT) !== 0,
    exclusive: (oflags & OFlags.EXCL) !== 0,
    truncate: (oflags & OFlags.TRUNC) !== 0,
    directory,
    noFollow: !follows(lookup),
    append: (fdflags & FdFlags.APPEND) !== 0,
    beneath: desc.beneath,
  });
  try {
    const opened = new VfsDescriptor(desc.vfs, file);
    opened.fdflags = fdflags;
    v.i32[0] = p.fds.add({ desc: opened, rightsBase: base, rightsInheriting: inheriting });
  } catch (e) {
    file.close();
    throw e;
  }
  return Errno.SUCCESS;
};

const path_create_directory: Handler = (_env, p) => {
  const { desc } = dirFd(p, p.views.i32[0] as number);
  desc.vfs.mkdir(desc.ino, requestPath(p), 0o755, desc.beneath);
  return Errno.SUCCESS;
};

const path_remove_directory: Handler = (_env, p) => {
  const { desc } = dirFd(p, p.views.i32[0] as number);
  desc.vfs.rmdir(desc.ino, requestPath(p), desc.beneath);
  return Errno.SUCCESS;
};

const path_unlink_file: Handler = (_env, p) => {
  const { desc } = dirFd(p, p.views.i32[0] as number);
  desc.vfs.unlink(desc.ino, requestPath(p), desc.beneath);
  return Errno.SUCCESS;
};

const path_readlink: Handler = (_env, p) => {
  const v = p.views;
  const { desc } = dirFd(p, v.i32[0] as number);
  const target = encoder.encode(desc.vfs.readlink(desc.ino, requestPath(p), desc.beneath));
  const n = Math.min(target.length, v.data.length);
  v.data.set(target.subarray(0, n), 0);
  v.header[H.OUT_LEN] = n;
  return Errno.SUCCESS;
};

const path_filestat_get: Handler = (_env, p) => {
  const v = p.views;
  const { desc } = dirFd(p, v.i32[0] as number);
  const st = desc.vfs.statAt(desc.ino, requestPath(p), { follow: follows(v.i32[1] as number), beneath: desc.beneath });
  putFilestat(p, descriptorStat(st));
  return Errno.SUCCESS;
};

const path_filestat_set_times: Handler = (_env, p) => {
  const v = p.views;
  const { desc } = dirFd(p, v.i32[0] as number);
  const { a, m } = timeSpecs(v.i32[2] as number, v.i64[0] as bigint, v.i64[1] as bigint);
  const ino = desc.vfs.lookup(desc.ino, requestPath(p), { follow: follows(v.i32[1] as number), beneath: desc.beneath });
  desc.vfs.setTimes(ino, a, m);
  return Errno.SUCCESS;
};

const path_link: Handler = (_env, p) => {
  const v = p.views;
  const old = dirFd(p, v.i32[0] as number).desc;
  const follow = follows(v.i32[1] as number);
  const target = dirFd(p, v.i32[2] as number).desc;
  const [oldPath, newPath] = twoPaths(p, v.i32[3] as number);
  const beneath = twoDirMode(old, oldPath, target, newPath, follow);
  old.vfs.link(old.ino, oldPath, target.ino, newPath, { follow, beneath });
  return Errno.SUCCESS;
};

const path_rename: Handler = (_env, p) => {
  const v = p.views;
  const old = dirFd(p, v.i32[0] as number).desc;
  const target = dirFd(p, v.i32[1] as number).desc;
  const [oldPath, newPath] = twoPaths(p, v.i32[2] as number);
  const beneath = twoDirMode(old, oldPath, target, newPath);
  old.vfs.rename(old.ino, oldPath, target.ino, newPath, beneath);
  return Errno.SUCCESS;
};

const path_symlink: Handler = (_env, p) => {
  const v = p.views;
  const { desc } = dirFd(p, v.i32[0] as number);
  const [target, path] = twoPaths(p, v.i32[1] as number);
  desc.vfs.symlink(target, desc.ino, path, desc.beneath);
  return Errno.SUCCESS;
};

export const pathHandlers: ReadonlyArray<readonly [Op, Handler]> = [
  [Op.path_open, path_open],
  [Op.path_create_directory, path_create_directory],
  [Op.path_remove_directory, path_remove_directory],
  [Op.path_unlink_file, path_unlink_file],
  [Op.path_readlink, path_readlink],
  [Op.path_filestat_get, path_filestat_get],
  [Op.path_filestat_set_times, path_filestat_set_times],
  [Op.path_link, path_link],
  [Op.path_rename, path_rename],
  [Op.path_symlink, path_symlink],
];
