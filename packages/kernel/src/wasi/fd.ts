/**
 * fd_* syscalls. Argument slots (i32 unless noted) follow the WASI signatures in order; byte payloads travel
 * in the channel's data area, lengths in IN_LEN / OUT_LEN.
 */
import { Errno, H, Op } from '@burrow/protocol';
import { BLOCKED, type Blocked } from '../fd/descriptor.js';
import type { Process } from '../process/process.js';
import type { Handler, SyscallEnv } from './context.js';

function readOrPark(env: SyscallEnv, p: Process, fd: number, max: number): number | Blocked {
  const desc = p.fds.get(fd).desc;
  const r = desc.read(max);
  if (r === BLOCKED) {
    return env.park(p, (wake) => {
      desc.onReady(wake);
      return () => desc.offReady(wake);
    });
  }
  p.views.data.set(r, 0);
  p.views.header[H.OUT_LEN] = r.length;
  return Errno.SUCCESS;
}

const fd_read: Handler = (env, p) => {
  const v = p.views;
  const max = Math.min(v.i32[1] as number, v.data.length);
  return readOrPark(env, p, v.i32[0] as number, max);
};

const fd_write: Handler = (env, p) => {
  const v = p.views;
  const fd = v.i32[0] as number;
  const len = v.header[H.IN_LEN] as number;
  if (len < 0 || len > v.data.length) return Errno.FAULT;
  const desc = p.fds.get(fd).desc;
  if ((fd === 1 || fd === 2) && p.outputBytes + len > p.limits.outputBytesMax) {
    env.stderrMessage(p, `burrow: process ${p.pid} killed: output limit (${p.limits.outputBytesMax} bytes) exceeded\n`);
    env.exit(p, { exitCode: 137, signal: 'SIGKILL', reason: 'outputBytesMax' });
    return Errno.SUCCESS;
  }
  const n = desc.write(v.data.slice(0, len));
  if (n === BLOCKED) {
    return env.park(p, (wake) => {
      desc.onReady(wake);
      return () => desc.offReady(wake);
    });
  }
  if (fd === 1 || fd === 2) p.outputBytes += n;
  v.i32[0] = n;
  return Errno.SUCCESS;
};

const fd_close: Handler = (_env, p) => {
  p.fds.close(p.views.i32[0] as number);
  return Errno.SUCCESS;
};

/** Result: i32[0] filetype, i32[1] fdflags; i64[0] rights base, i64[1] rights inheriting. */
const fd_fdstat_get: Handler = (_env, p) => {
  const v = p.views;
  const e = p.fds.get(v.i32[0] as number);
  v.i32[0] = e.desc.filetype;
  v.i32[1] = e.desc.fdflags;
  v.i64[0] = e.rightsBase;
  v.i64[1] = e.rightsInheriting;
  return Errno.SUCCESS;
};

/** Args: i32[0] fd, i64[0] offset, i32[1] whence. Result: i64[0] new offset. */
const fd_seek: Handler = (_env, p) => {
  const v = p.views;
  const e = p.fds.get(v.i32[0] as number);
  const whence = v.i32[1] as number;
  if (whence < 0 || whence > 2) return Errno.INVAL;
  v.i64[0] = e.desc.seek(v.i64[0] as bigint, whence);
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
  const name = Buffer.from(e.preopen);
  v.data.set(name, 0);
  v.header[H.OUT_LEN] = name.length;
  return Errno.SUCCESS;
};

export const fdHandlers: ReadonlyArray<readonly [Op, Handler]> = [
  [Op.fd_read, fd_read],
  [Op.fd_write, fd_write],
  [Op.fd_close, fd_close],
  [Op.fd_fdstat_get, fd_fdstat_get],
  [Op.fd_seek, fd_seek],
  [Op.fd_prestat_get, fd_prestat_get],
  [Op.fd_prestat_dir_name, fd_prestat_dir_name],
];
