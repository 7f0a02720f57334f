/**
 * clock_* and random_get, answered in the worker: both are pure reads of the host's clock and entropy. (When
 * interpreter journaling arrives, these are the two places that record what a guest observed.)
 */
import { webcrypto } from 'node:crypto';
import { Errno } from '@burrow/protocol';
import type { ImportFn, ShimContext } from './shim-context.js';

const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const CLOCK_PROCESS_CPUTIME = 2;
const CLOCK_THREAD_CPUTIME = 3;
const RESOLUTION_NS = 1000n;
const startedAt = performance.now();

function nowNs(id: number): bigint | null {
  switch (id) {
    case CLOCK_REALTIME:
      return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
    case CLOCK_MONOTONIC:
      return BigInt(Math.round(performance.now() * 1e6));
    case CLOCK_PROCESS_CPUTIME:
    case CLOCK_THREAD_CPUTIME:
      return BigInt(Math.round((performance.now() - startedAt) * 1e6));
    default:
      return null;
  }
}

export function clockImports(ctx: ShimContext): Record<string, ImportFn> {
  return {
    clock_res_get: (id: number, resPtr: number) => {
      if (nowNs(id) === null) return Errno.INVAL;
      ctx.mem.setU64(resPtr, RESOLUTION_NS);
      return Errno.SUCCESS;
    },
    clock_time_get: (id: number, _precision: bigint, timePtr: number) => {
      const t = nowNs(id);
      if (t === null) return Errno.INVAL;
      ctx.mem.setU64(timePtr, t);
      return Errno.SUCCESS;
    },
    random_get: (bufPtr: number, len: number) => {
      const buf = ctx.mem.bytes(bufPtr, len);
      for (let at = 0; at < buf.length; at += 65536) {
        webcrypto.getRandomValues(buf.subarray(at, Math.min(at + 65536, buf.length)));
      }
      return Errno.SUCCESS;
    },
  };
}
