/**
 * fd_* syscalls about a descriptor's metadata, flags, rights and storage hints.
 *
 *   fd_fdstat_get          i32[0] fd → i32[0] filetype, i32[1] fdflags, i64[0] rights base, i64[1] inheriting
 *   fd_fdstat_set_flags    i32[0] fd, i32[1] fdflags (APPEND and NONBLOCK change; the sync flags are kept)
 *   fd_fdstat_set_rights   i32[0] fd, i64[0] base, i64[1] inheriting (may only drop rights: ENOTCAPABLE)
 *   fd_filestat_get        i32[0] fd → filestat (common.ts putFilestat)
 *   fd_filestat_set_size   i32[0] fd, i64[0] size
 *   fd_filestat_set_times  i32[0] fd, i32[1] fstflags, i64[0] atim, i64[1] mtim
 *   fd_advise              i32[0] fd, i32[1] advice, i64[0] offset, i64[1] len
 *   fd_allocate            i32[0] fd, i64[0] offset, i64[1] len (grows the file to offset+len)
 *   fd_sync, fd_datasync   i32[0] fd
 *
 * Rights are recorded and reported, and narrowed by fd_fdstat_set_rights, but operations check the access mode
 * of the open file (EBADF), as wasmtime does, not the rights bits.
 */
import { Errno, KernelError, Op } from '@burrow/protocol';
import { FileType } from '../fd/descriptor.js';
import { toOffset, VfsDescriptor } from '../fd/vfs-descriptor.js';
import { FdFlags, putFilestat, timeSpecs, vfsDescriptor } from './common.js';
import type { Handler } from './context.js';

const ADVICE_MAX = 5;

const fd_fdstat_get: Handler = (_env, p) => {
  const v = p.views;
  const e = p.fds.get(v.i32[0] as number);
  v.i32[0] = e.desc.filetype;
  v.i32[1] = e.desc.fdflags;
  v.i64[0] = e.rightsBase;
  v.i64[1] = e.rightsInheriting;
  return Errno.SUCCESS;
};

const fd_fdstat_set_flags: Handler = (_env, p) => {
  const v = p.views;
  const desc = p.fds.get(v.i32[0] as number).desc;
  const flags = v.i32[1] as number;
  if ((flags & ~FdFlags.ALL) !== 0) return Errno.INVAL;
  const changeable = FdFlags.APPEND | FdFlags.NONBLOCK;
  desc.setFdflags((desc.fdflags & ~changeable) | (flags & changeable));
  return Errno.SUCCESS;
};

const fd_fdstat_set_rights: Handler = (_env, p) => {
  const v = p.views;
  const e = p.fds.get(v.i32[0] as number);
  const base = BigInt.asUintN(64, v.i64[0] as bigint);
  const inheriting = BigInt.asUintN(64, v.i64[1] as bigint);
  if ((base & ~e.rightsBase) !== 0n || (inheriting & ~e.rightsInheriting) !== 0n) return Errno.NOTCAPABLE;
  e.rightsBase = base;
  e.rightsInheriting = inheriting;
  return Errno.SUCCESS;
};

const fd_filestat_get: Handler = (_env, p) => {
  putFilestat(p, p.fds.get(p.views.i32[0] as number).desc.stat());
  return Errno.SUCCESS;
};

const fd_filestat_set_size: Handler = (_env, p) => {
  const desc = p.fds.get(p.views.i32[0] as number).desc;
  if (!(desc instanceof VfsDescriptor)) return Errno.INVAL;
  desc.truncate(BigInt.asUintN(64, p.views.i64[0] as bigint));
  return Errno.SUCCESS;
};

const fd_filestat_set_times: Handler = (_env, p) => {
  const v = p.views;
  const desc = vfsDescriptor(p, v.i32[0] as number);
  const { a, m } = timeSpecs(v.i32[1] as number, v.i64[0] as bigint, v.i64[1] as bigint);
  desc.vfs.setTimes(desc.ino, a, m);
  return Errno.SUCCESS;
};

const fd_advise: Handler = (_env, p) => {
  const v = p.views;
  const desc = p.fds.get(v.i32[0] as number).desc;
  const advice = v.i32[1] as number;
  if (advice < 0 || advice > ADVICE_MAX) return Errno.INVAL;
  if (!(desc instanceof VfsDescriptor)) return Errno.SPIPE;
  if (desc.isDirectory) return Errno.BADF;
  return Errno.SUCCESS;
};

const fd_allocate: Handler = (_env, p) => {
  const v = p.views;
  const desc = p.fds.get(v.i32[0] as number).desc;
  if (!(desc instanceof VfsDescriptor)) return Errno.SPIPE;
  if (desc.isDirectory || !desc.canWrite) return Errno.BADF;
  const offset = BigInt.asUintN(64, v.i64[0] as bigint);
  const len = BigInt.asUintN(64, v.i64[1] as bigint);
  if (len === 0n) return Errno.INVAL;
  const end = toOffset(offset + len);
  if (end > desc.vfs.stat(desc.ino).size) desc.truncate(BigInt(end));
  return Errno.SUCCESS;
};

/** fsync/fdatasync: the VFS is the durable store of a running sandbox, so a file or directory is in sync. */
const fd_sync: Handler = (_env, p) => {
  const desc = p.fds.get(p.views.i32[0] as number).desc;
  if (desc instanceof VfsDescriptor) return Errno.SUCCESS;
  if (desc.filetype === FileType.CHARACTER_DEVICE) return Errno.SUCCESS;
  throw new KernelError(Errno.INVAL);
};

export const fdStatHandlers: ReadonlyArray<readonly [Op, Handler]> = [
  [Op.fd_fdstat_get, fd_fdstat_get],
  [Op.fd_fdstat_set_flags, fd_fdstat_set_flags],
  [Op.fd_fdstat_set_rights, fd_fdstat_set_rights],
  [Op.fd_filestat_get, fd_filestat_get],
  [Op.fd_filestat_set_size, fd_filestat_set_size],
  [Op.fd_filestat_set_times, fd_filestat_set_times],
  [Op.fd_advise, fd_advise],
  [Op.fd_allocate, fd_allocate],
  [Op.fd_sync, fd_sync],
  [Op.fd_datasync, fd_sync],
];
