/**
 * fd_* shims about metadata, flags, rights, storage hints and directory listings. Each is one kernel call
 * (fd_readdir a few when the guest's buffer is larger than the payload); argument slots are documented in
 * kernel/src/wasi/fd-stat.ts and fd-readdir.ts.
 */
import { Errno, Op } from '@burrow/protocol';
import type { ImportFn, ShimContext } from './shim-context.js';

export const FILESTAT_BYTES = 64;

/** Copies the filestat a kernel call left in the reply slots into guest memory at `ptr` (checked before). */
export function putFilestat(ctx: ShimContext, ptr: number): void {
  const v = ctx.views;
  ctx.mem.bytes(ptr, FILESTAT_BYTES).fill(0);
  ctx.mem.setU64(ptr, v.i64[0] as bigint);
  ctx.mem.setU64(ptr + 8, v.i64[1] as bigint);
  ctx.mem.setU8(ptr + 16, v.i32[0] as number);
  ctx.mem.setU64(ptr + 24, v.i64[2] as bigint);
  ctx.mem.setU64(ptr + 32, v.i64[3] as bigint);
  ctx.mem.setU64(ptr + 40, v.i64[4] as bigint);
  ctx.mem.setU64(ptr + 48, v.i64[5] as bigint);
  ctx.mem.setU64(ptr + 56, v.i64[6] as bigint);
}

function readdir(ctx: ShimContext, fd: number, buf: number, bufLen: number, cookie: bigint, usedPtr: number): number {
  const v = ctx.views;
  const dst = ctx.mem.bytes(buf, bufLen);
  ctx.mem.check(usedPtr, 4);
  let used = 0;
  let next = BigInt.asUintN(64, cookie);
  for (;;) {
    const room = dst.length - used;
    const want = Math.min(room, v.data.length);
    v.i32[0] = fd;
    v.i32[1] = want;
    v.i64[0] = next;
    const errno = ctx.call(Op.fd_readdir);
    if (errno !== Errno.SUCCESS) {
      if (used === 0) return errno;
      break;
    }
    const out = Math.min(ctx.channel.outLen, want);
    const whole = v.i32[0] as number;
    if (out < want || room <= v.data.length || whole <= 0) {
      dst.set(v.data.subarray(0, out), used);
      used += out;
      break;
    }
    // A full payload while the guest has room for more: keep the whole entries and continue after them.
    dst.set(v.data.subarray(0, whole), used);
    used += whole;
    next = v.i64[0] as bigint;
  }
  ctx.mem.setU32(usedPtr, used);
  return Errno.SUCCESS;
}

export function fdMetaImports(ctx: ShimContext): Record<string, ImportFn> {
  const v = ctx.views;
  const simple = (op: Op, fd: number): number => {
    v.i32[0] = fd;
    return ctx.call(op);
  };
  return {
    fd_fdstat_set_flags: (fd: number, flags: number) => {
      v.i32[1] = flags;
      return simple(Op.fd_fdstat_set_flags, fd);
    },
    fd_fdstat_set_rights: (fd: number, base: bigint, inheriting: bigint) => {
      v.i64[0] = base;
      v.i64[1] = inheriting;
      return simple(Op.fd_fdstat_set_rights, fd);
    },
    fd_filestat_get: (fd: number, bufPtr: number) => {
      ctx.mem.check(bufPtr, FILESTAT_BYTES);
      const errno = simple(Op.fd_filestat_get, fd);
      if (errno === Errno.SUCCESS) putFilestat(ctx, bufPtr);
      return errno;
    },
    fd_filestat_set_size: (fd: number, size: bigint) => {
      v.i64[0] = size;
      return simple(Op.fd_filestat_set_size, fd);
    },
    fd_filestat_set_times: (fd: number, atim: bigint, mtim: bigint, flags: number) => {
      v.i32[1] = flags;
      v.i64[0] = atim;
      v.i64[1] = mtim;
      return simple(Op.fd_filestat_set_times, fd);
    },
    fd_advise: (fd: number, offset: bigint, len: bigint, advice: number) => {
      v.i32[1] = advice;
      v.i64[0] = offset;
      v.i64[1] = len;
      return simple(Op.fd_advise, fd);
    },
    fd_allocate: (fd: number, offset: bigint, len: bigint) => {
      v.i64[0] = offset;
      v.i64[1] = len;
      return simple(Op.fd_allocate, fd);
    },
    fd_sync: (fd: number) => simple(Op.fd_sync, fd),
    fd_datasync: (fd: number) => simple(Op.fd_datasync, fd),
    fd_readdir: (fd: number, buf: number, bufLen: number, cookie: bigint, usedPtr: number) =>
      readdir(ctx, fd, buf, bufLen, cookie, usedPtr),
  };
}
