/**
 * fd_* syscalls that move bytes or offsets, and the fd table ones (close, renumber, prestat). Argument slots
 * (i32 unless noted) follow the WASI signatures in order; byte payloads travel in the channel's data area,
 * lengths in IN_LEN / OUT_LEN.
 *
 *   fd_read      i32[0] fd, i32[1] max bytes, i32[2] 1 = a continuation of a larger read (never blocks:
 *                answers 0 bytes instead) → data, OUT_LEN
 *   fd_pread     i32[0] fd, i32[1] max bytes, i64[0] offset → data, OUT_LEN
 *   fd_write     i32[0] fd, data IN_LEN → i32[0] bytes written
 *   fd_pwrite    i32[0] fd, i64[0] offset, data IN_LEN → i32[0] bytes written
 *   fd_seek      i32[0] fd, i64[0] offset, i32[1] whence → i64[0] new offset
 *   fd_tell      i32[0] fd → i64[0] offset
 *   fd_renumber  i32[0] from, i32[1] to
 *
 * A call that would block parks having changed nothing (restartable); with NONBLOCK it answers EAGAIN.
 */
import { Errno, H, KernelError, Op } from '@burrow/protocol';
import { BLOCKED, type Blocked, type Descriptor } from '../fd/descriptor.js';
import { VfsDescriptor } from '../fd/vfs-descriptor.js';
import type { Process } from '../process/process.js';
import { FdFlags } from './common.js';
import type { Handler, SyscallEnv } from './context.js';

function parkOn(env: SyscallEnv, p: Process, desc: Descriptor): Errno | Blocked {
  if ((desc.fdflags & FdFlags.NONBLOCK) !== 0) return Errno.AGAIN;
  return env.park(p, (wake) => {
    desc.onReady(wake);
    return () => desc.offReady(wake);
  });
}

function maxBytes(p: Process): number {
  const v = p.views;
  const n = v.i32[1] as number;
  if (n < 0) throw new KernelError(Errno.INVAL);
  return Math.min(n, v.data.length);
}

function payloadLen(p: Process): number {
  const len = p.views.header[H.IN_LEN] as number;
  if (len < 0 || len > p.views.data.length) throw new KernelError(Errno.FAULT);
  return len;
}

function reply(p: Process, bytes: Uint8Array): Errno {
  p.views.data.set(bytes, 0);
  p.views.header[H.OUT_LEN] = bytes.length;
  return Errno.SUCCESS;
}

const fd_read: Handler = (env, p) => {
  const v = p.views;
  const desc = p.fds.get(v.i32[0] as number).desc;
  const max = maxBytes(p);
  const r = desc.read(max);
  if (r === BLOCKED) return (v.i32[2] as number) === 1 ? reply(p, new Uint8Array(0)) : parkOn(env, p, desc);
  return reply(p, r.length > max ? r.subarray(0, max) : r);
};

const fd_pread: Handler = (_env, p) => {
  const v = p.views;
  const desc = p.fds.get(v.i32[0] as number).desc;
  const max = maxBytes(p);
  const r = desc.pread(max, v.i64[0] as bigint);
  return reply(p, r.length > max ? r.subarray(0, max) : r);
};

const fd_write: Handler = (env, p) => {
  const v = p.views;
  const fd = v.i32[0] as number;
  const len = payloadLen(p);
  const desc = p.fds.get(fd).desc;
  if ((fd === 1 || fd === 2) && p.outputBytes + len > p.limits.outputBytesMax) {
    env.limitExceeded(p, 'outputBytesMax', p.limits.outputBytesMax);
    return Errno.SUCCESS;
  }
  const n = desc.write(v.data.slice(0, len));
  if (n === BLOCKED) return parkOn(env, p, desc);
  if (fd === 1 || fd === 2) p.outputBytes += n;
  v.i32[0] = n;
  return Errno.SUCCESS;
};

const fd_pwrite: Handler = (_env, p) => {
  const v = p.views;
  const len = payloadLen(p);
  const desc = p.fds.get(v.i32[0] as number).desc;
  v.i32[0] = desc.pwrite(v.data.slice(0, len), v.i64[0] as bigint);
  return Errno.SUCCESS;
};

const fd_close: Handler = (_env, p) => {
  p.fds.close(p.views.i32[0] as number);
  return Errno.SUCCESS;
};

const fd_seek: Handler = (_env, p) => {
  const v = p.views;
  const e = p.fds.get(v.i32[0] as number);
  const whence = v.i32[1] as number;
  if (whence < 0 || whence > 2) return Errno.INVAL;
  v.i64[0] = e.desc.seek(v.i64[0] as bigint, whence);
  return Errno.SUCCESS;
};

const fd_tell: Handler = (_env, p) => {
  const v = p.views;
  const desc = p.fds.get(v.i32[0] as number).desc;
  v.i64[0] = desc instanceof VfsDescriptor ? desc.tell() : desc.seek(0n, 1);
  return Errno.SUCCESS;
};

const fd_renumber: Handler = (_env, p) => {
  p.fds.renumber(p.views.i32[0] as number, p.views.i32[1] as number);
  return Errno.SUCCESS;
};

/** Result: i32[0] pr_type (0 = dir), i32[1] name length. */
const fd_prestat_get: Handler = (_env, p) => {
  const v = p.views;
  const e = p.fds.get(v.i32[0] as number);
  if (e.preopen === undefined) return Errno.BADF;
  v.i32[0] = 0;
  v.i32[1] = Buffer.byteLength(e.preopen);
  return Errno.SUCCESS;
};

/** Result: the name in data. */
const fd_prestat_dir_name: Handler = (_env, p) => {
  const v = p.views;
  const e = p.fds.get(v.i32[0] as number);
  if (e.preopen === undefined) return Errno.BADF;
  return reply(p, Buffer.from(e.preopen));
};

export const fdHandlers: ReadonlyArray<readonly [Op, Handler]> = [
  [Op.fd_read, fd_read],
  [Op.fd_pread, fd_pread],
  [Op.fd_write, fd_write],
  [Op.fd_pwrite, fd_pwrite],
  [Op.fd_close, fd_close],
  [Op.fd_seek, fd_seek],
  [Op.fd_tell, fd_tell],
  [Op.fd_renumber, fd_renumber],
  [Op.fd_prestat_get, fd_prestat_get],
  [Op.fd_prestat_dir_name, fd_prestat_dir_name],
];
