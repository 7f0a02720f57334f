/**
 * args_* and environ_*: answered in the worker from the argv and environment the process was started with
 * (they never change, so no kernel round trip is needed).
 */
import { Errno } from '@burrow/protocol';
import type { ImportFn, ShimContext } from './shim-context.js';

function sizes(ctx: ShimContext, list: readonly Uint8Array[], countPtr: number, sizePtr: number): number {
  ctx.mem.setU32(countPtr, list.length);
  ctx.mem.setU32(
    sizePtr,
    list.reduce((n, s) => n + s.length + 1, 0),
  );
  return Errno.SUCCESS;
}

function get(ctx: ShimContext, list: readonly Uint8Array[], ptrsPtr: number, bufPtr: number): number {
  ctx.mem.check(ptrsPtr, list.length * 4);
  let at = bufPtr >>> 0;
  list.forEach((s, i) => {
    ctx.mem.setU32(ptrsPtr + i * 4, at);
    const dst = ctx.mem.bytes(at, s.length + 1);
    dst.set(s, 0);
    dst[s.length] = 0;
    at += s.length + 1;
  });
  return Errno.SUCCESS;
}

export function argsImports(ctx: ShimContext): Record<string, ImportFn> {
  return {
    args_sizes_get: (countPtr: number, sizePtr: number) => sizes(ctx, ctx.argv, countPtr, sizePtr),
    args_get: (ptrsPtr: number, bufPtr: number) => get(ctx, ctx.argv, ptrsPtr, bufPtr),
    environ_sizes_get: (countPtr: number, sizePtr: number) => sizes(ctx, ctx.env, countPtr, sizePtr),
    environ_get: (ptrsPtr: number, bufPtr: number) => get(ctx, ctx.env, ptrsPtr, bufPtr),
  };
}
