/**
 * path_* shims: the path bytes go into the payload (two paths back to back for the two-path calls), the
 * other arguments into slots as kernel/src/wasi/path.ts documents. A path longer than the payload is
 * ENAMETOOLONG here, before any call (the kernel's own limit is far smaller).
 */
import { Errno, KernelError, Op } from '@burrow/protocol';
import { FILESTAT_BYTES, putFilestat } from './fd-meta.js';
import type { ImportFn, ShimContext } from './shim-context.js';

/** Copies guest bytes [ptr, ptr+len) into the payload at `at`; returns the end offset. */
function putPath(ctx: ShimContext, ptr: number, len: number, at: number): number {
  const n = len >>> 0;
  const src = ctx.mem.bytes(ptr, n);
  if (at + n > ctx.views.data.length) throw new KernelError(Errno.NAMETOOLONG);
  ctx.views.data.set(src, at);
  return at + n;
}

/** Runs `body`, turning a KernelError thrown on the worker side into its errno. */
function guarded(body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof KernelError) return e.errno;
    throw e;
  }
}

export function pathImports(ctx: ShimContext): Record<string, ImportFn> {
  const v = ctx.views;
  const onePath = (op: Op, fd: number, ptr: number, len: number): number =>
    guarded(() => {
      const end = putPath(ctx, ptr, len, 0);
      v.i32[0] = fd;
      return ctx.call(op, end);
    });
  return {
    path_open: (
      fd: number,
      dirflags: number,
      pathPtr: number,
      pathLen: number,
      oflags: number,
      base: bigint,
      inheriting: bigint,
      fdflags: number,
      fdPtr: number,
    ) =>
      guarded(() => {
        ctx.mem.check(fdPtr, 4);
        const end = putPath(ctx, pathPtr, pathLen, 0);
        v.i32[0] = fd;
        v.i32[1] = dirflags;
        v.i32[2] = oflags;
        v.i32[3] = fdflags;
        v.i64[0] = base;
        v.i64[1] = inheriting;
        const errno = ctx.call(Op.path_open, end);
        if (errno === Errno.SUCCESS) ctx.mem.setU32(fdPtr, v.i32[0] as number);
        return errno;
      }),
    path_create_directory: (fd: number, ptr: number, len: number) => onePath(Op.path_create_directory, fd, ptr, len),
    path_remove_directory: (fd: number, ptr: number, len: number) => onePath(Op.path_remove_directory, fd, ptr, len),
    path_unlink_file: (fd: number, ptr: number, len: number) => onePath(Op.path_unlink_file, fd, ptr, len),
    path_filestat_get: (fd: number, flags: number, ptr: number, len: number, bufPtr: number) =>
      guarded(() => {
        ctx.mem.check(bufPtr, FILESTAT_BYTES);
        v.i32[1] = flags;
        const errno = onePath(Op.path_filestat_get, fd, ptr, len);
        if (errno === Errno.SUCCESS) putFilestat(ctx, bufPtr);
        return errno;
      }),
    path_filestat_set_times: (
      fd: number,
      flags: number,
      ptr: number,
      len: number,
      atim: bigint,
      mtim: bigint,
      fstFlags: number,
    ) => {
      v.i32[1] = flags;
      v.i32[2] = fstFlags;
      v.i64[0] = atim;
      v.i64[1] = mtim;
      return onePath(Op.path_filestat_set_times, fd, ptr, len);
    },
    path_readlink: (fd: number, ptr: number, len: number, buf: number, bufLen: number, usedPtr: number) =>
      guarded(() => {
        const dst = ctx.mem.bytes(buf, bufLen);
        ctx.mem.check(usedPtr, 4);
        const errno = onePath(Op.path_readlink, fd, ptr, len);
        if (errno !== Errno.SUCCESS) return errno;
        const n = Math.min(ctx.channel.outLen, dst.length);
        dst.set(v.data.subarray(0, n));
        ctx.mem.setU32(usedPtr, n);
        return errno;
      }),
    path_link: (oldFd: number, oldFlags: number, oldPtr: number, oldLen: number, newFd: number, newPtr: number, newLen: number) =>
      guarded(() => {
        const mid = putPath(ctx, oldPtr, oldLen, 0);
        const end = putPath(ctx, newPtr, newLen, mid);
        v.i32[0] = oldFd;
        v.i32[1] = oldFlags;
        v.i32[2] = newFd;
        v.i32[3] = mid;
        return ctx.call(Op.path_link, end);
      }),
    path_rename: (oldFd: number, oldPtr: number, oldLen: number, newFd: number, newPtr: number, newLen: number) =>
      guarded(() => {
        const mid = putPath(ctx, oldPtr, oldLen, 0);
        const end = putPath(ctx, newPtr, newLen, mid);
        v.i32[0] = oldFd;
        v.i32[1] = newFd;
        v.i32[2] = mid;
        return ctx.call(Op.path_rename, end);
      }),
    path_symlink: (targetPtr: number, targetLen: number, fd: number, newPtr: number, newLen: number) =>
      guarded(() => {
        const mid = putPath(ctx, targetPtr, targetLen, 0);
        const end = putPath(ctx, newPtr, newLen, mid);
        v.i32[0] = fd;
        v.i32[1] = mid;
        return ctx.call(Op.path_symlink, end);
      }),
  };
}
