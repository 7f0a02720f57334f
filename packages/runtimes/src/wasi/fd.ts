/**
 * fd_* shims: marshal a guest's call onto the channel (arguments into slots, iovec bytes into the payload)
 * and its answer back into guest memory. Writes larger than one payload are sent in several calls; a short
 * write ends the loop, as a short write would for the guest.
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

/** Scatters `n` bytes of the payload into the iovecs. */
export function scatter(ctx: ShimContext, iovs: Array<[number, number]>, n: number): void {
  const data = ctx.views.data;
  let at = 0;
  for (const [buf, len] of iovs) {
    if (at >= n) break;
    const k = Math.min(len, n - at);
    ctx.mem.bytes(buf, k).set(data.subarray(at, at + k));
    at += k;
  }
}

export function capacity(ctx: ShimContext, iovs: Array<[number, number]>): number {
  const total = iovs.reduce((s, [, len]) => s + len, 0);
  return Math.min(total, ctx.views.data.length);
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
      v.i32[0] = fd;
      v.i32[1] = capacity(ctx, iovs);
      const errno = ctx.call(Op.fd_read);
      if (errno !== Errno.SUCCESS) return errno;
      const n = ctx.channel.outLen;
      scatter(ctx, iovs, n);
      ctx.mem.setU32(nreadPtr, n);
      return errno;
    },
    fd_close: (fd: number) => {
      v.i32[0] = fd;
      return ctx.call(Op.fd_close);
    },
    fd_fdstat_get: (fd: number, statPtr: number) => {
      ctx.mem.check(statPtr, 24);
      v.i32[0] = fd;
      const errno = ctx.call(Op.fd_fdstat_get);
      if (errno !== Errno.SUCCESS) return errno;
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
