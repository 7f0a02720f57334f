/**
 * fd_* shims that move bytes: marshal a guest's call onto the channel (arguments into slots, iovec bytes
 * into the payload) and its answer back into guest memory. Reads and writes larger than one payload are sent
 * in several calls; a short one ends the loop, as it would for the guest. Argument slots: kernel/src/wasi/fd.ts.
 */
import { Errno, Op } from '@burrow/protocol';
import type { ImportFn, ShimContext } from './shim-context.js';

export function fdWrite(ctx: ShimContext, op: Op, fd: number, iovs: Array<[number, number]>, offset?: bigint): [number, number] {
  const data = ctx.views.data;
  let total = 0;
  let at = 0;
  const flush = (): number => {
    ctx.views.i32[0] = fd;
    if (offset !== undefined) ctx.views.i64[0] = offset + BigInt(total);
    const errno = ctx.call(op, at);
    at = 0;
    return errno;
  };
  for (const [buf, len] of iovs) {
    let done = 0;
    while (done < len) {
      const n = Math.min(len - done, data.length - at);
      data.set(ctx.mem.bytes(buf + done, n), at);
      at += n;
      done += n;
      if (at === data.length) {
        const sent = at;
        const errno = flush();
        if (errno !== Errno.SUCCESS) return total > 0 ? [Errno.SUCCESS, total] : [errno, 0];
        const written = ctx.views.i32[0] as number;
        total += written;
        if (written < sent) return [Errno.SUCCESS, total];
      }
    }
  }
  if (at > 0 || total === 0) {
    const sent = at;
    const errno = flush();
    if (errno !== Errno.SUCCESS) return total > 0 ? [Errno.SUCCESS, total] : [errno, 0];
    total += Math.min(ctx.views.i32[0] as number, sent);
  }
  return [Errno.SUCCESS, total];
}

/** Scatters `n` payload bytes into the iovecs, starting `skip` bytes into them. */
export function scatter(ctx: ShimContext, iovs: Array<[number, number]>, n: number, skip = 0): void {
  const data = ctx.views.data;
  let at = 0;
  let pos = 0;
  for (const [buf, len] of iovs) {
    if (at >= n) break;
    if (pos + len <= skip) {
      pos += len;
      continue;
    }
    const from = Math.max(0, skip - pos);
    const k = Math.min(len - from, n - at);
    ctx.mem.bytes(buf + from, k).set(data.subarray(at, at + k));
    at += k;
    pos += len;
  }
}

function totalLength(iovs: Array<[number, number]>): number {
  return iovs.reduce((s, [, len]) => s + len, 0);
}

/**
 * fd_read and fd_pread: one call per payload-sized piece until the iovecs are full or a call returns short.
 * Only the first fd_read may block; later pieces are sent as continuations, which answer what is there now.
 */
function readInto(ctx: ShimContext, fd: number, iovs: Array<[number, number]>, offset?: bigint): [number, number] {
  const v = ctx.views;
  const total = totalLength(iovs);
  let done = 0;
  do {
    const want = Math.min(total - done, v.data.length);
    v.i32[0] = fd;
    v.i32[1] = want;
    v.i32[2] = done === 0 ? 0 : 1;
    if (offset !== undefined) v.i64[0] = offset + BigInt(done);
    const errno = ctx.call(offset === undefined ? Op.fd_read : Op.fd_pread);
    if (errno !== Errno.SUCCESS) return done > 0 ? [Errno.SUCCESS, done] : [errno, 0];
    const n = Math.min(ctx.channel.outLen, want);
    scatter(ctx, iovs, n, done);
    done += n;
    if (n < want) break;
  } while (done < total);
  return [Errno.SUCCESS, done];
}

export function fdImports(ctx: ShimContext): Record<string, ImportFn> {
  const v = ctx.views;
  return {
    fd_write: (fd: number, iovsPtr: number, iovsLen: number, nwrittenPtr: number) => {
      const iovs = ctx.mem.iovecs(iovsPtr, iovsLen);
      ctx.mem.check(nwrittenPtr, 4);
      const [errno, n] = fdWrite(ctx, Op.fd_write, fd, iovs);
      if (errno === Errno.SUCCESS) ctx.mem.setU32(nwrittenPtr, n);
      return errno;
    },
    fd_read: (fd: number, iovsPtr: number, iovsLen: number, nreadPtr: number) => {
      const iovs = ctx.mem.iovecs(iovsPtr, iovsLen);
      ctx.mem.check(nreadPtr, 4);
      const [errno, n] = readInto(ctx, fd, iovs);
      if (errno === Errno.SUCCESS) ctx.mem.setU32(nreadPtr, n);
      return errno;
    },
    fd_pread: (fd: number, iovsPtr: number, iovsLen: number, offset: bigint, nreadPtr: number) => {
      const iovs = ctx.mem.iovecs(iovsPtr, iovsLen);
      ctx.mem.check(nreadPtr, 4);
      const [errno, n] = readInto(ctx, fd, iovs, BigInt.asUintN(64, offset));
      if (errno === Errno.SUCCESS) ctx.mem.setU32(nreadPtr, n);
      return errno;
    },
    fd_pwrite: (fd: number, iovsPtr: number, iovsLen: number, offset: bigint, nwrittenPtr: number) => {
      const iovs = ctx.mem.iovecs(iovsPtr, iovsLen);
      ctx.mem.check(nwrittenPtr, 4);
      const [errno, n] = fdWrite(ctx, Op.fd_pwrite, fd, iovs, BigInt.asUintN(64, offset));
      if (errno === Errno.SUCCESS) ctx.mem.setU32(nwrittenPtr, n);
      return errno;
    },
    fd_tell: (fd: number, offsetPtr: number) => {
      ctx.mem.check(offsetPtr, 8);
      v.i32[0] = fd;
      const errno = ctx.call(Op.fd_tell);
      if (errno === Errno.SUCCESS) ctx.mem.setU64(offsetPtr, v.i64[0] as bigint);
      return errno;
    },
    fd_renumber: (from: number, to: number) => {
      v.i32[0] = from;
      v.i32[1] = to;
      return ctx.call(Op.fd_renumber);
    },
    fd_close: (fd: number) => {
      v.i32[0] = fd;
      return ctx.call(Op.fd_close);
    },
    fd_fdstat_get: (fd: number, statPtr: number) => {
      const dst = ctx.mem.bytes(statPtr, 24);
      v.i32[0] = fd;
      const errno = ctx.call(Op.fd_fdstat_get);
      if (errno !== Errno.SUCCESS) return errno;
      dst.fill(0);
      ctx.mem.setU8(statPtr, v.i32[0] as number);
      ctx.mem.setU16(statPtr + 2, v.i32[1] as number);
      ctx.mem.setU64(statPtr + 8, v.i64[0] as bigint);
      ctx.mem.setU64(statPtr + 16, v.i64[1] as bigint);
      return errno;
    },
    fd_seek: (fd: number, offset: bigint, whence: number, newOffsetPtr: number) => {
      ctx.mem.check(newOffsetPtr, 8);
      v.i32[0] = fd;
      v.i32[1] = whence;
      v.i64[0] = offset;
      const errno = ctx.call(Op.fd_seek);
      if (errno === Errno.SUCCESS) ctx.mem.setU64(newOffsetPtr, v.i64[0] as bigint);
      return errno;
    },
    fd_prestat_get: (fd: number, prestatPtr: number) => {
      ctx.mem.check(prestatPtr, 8);
      v.i32[0] = fd;
      const errno = ctx.call(Op.fd_prestat_get);
      if (errno !== Errno.SUCCESS) return errno;
      ctx.mem.setU8(prestatPtr, v.i32[0] as number);
      ctx.mem.setU32(prestatPtr + 4, v.i32[1] as number);
      return errno;
    },
    fd_prestat_dir_name: (fd: number, pathPtr: number, pathLen: number) => {
      const dst = ctx.mem.bytes(pathPtr, pathLen);
      v.i32[0] = fd;
      const errno = ctx.call(Op.fd_prestat_dir_name);
      if (errno !== Errno.SUCCESS) return errno;
      const n = ctx.channel.outLen;
      if (n > dst.length) return Errno.NAMETOOLONG;
      dst.set(v.data.subarray(0, n));
      return errno;
    },
  };
}
