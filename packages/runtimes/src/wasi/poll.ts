/**
 * poll_oneoff shim: copies the subscriptions into the payload, turning every clock subscription's timeout into
 * an absolute deadline on the clock the kernel's poll uses (ns since the epoch from performance.timeOrigin +
 * performance.now(), which all threads share), so the kernel can re-run a woken call without moving the
 * deadline. Events come back in the payload (kernel/src/wasi/poll.ts).
 */
import { Errno, Op } from '@burrow/protocol';
import type { ImportFn, ShimContext } from './shim-context.js';

const SUBSCRIPTION_BYTES = 48;
const EVENT_BYTES = 32;
const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const SUBCLOCK_ABSTIME = 1;
const U64_MAX = (1n << 64n) - 1n;

function sharedNowNs(): bigint {
  return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
}

/** The guest's monotonic clock (clock.ts answers clock_time_get(MONOTONIC) from the same source). */
function monotonicNs(): bigint {
  return BigInt(Math.round(performance.now() * 1e6));
}

function clamp(ns: bigint): bigint {
  return ns < 0n ? 0n : ns > U64_MAX ? U64_MAX : ns;
}

function deadline(id: number, timeout: bigint, flags: number): bigint {
  const abs = (flags & SUBCLOCK_ABSTIME) !== 0;
  const now = sharedNowNs();
  if (!abs) return clamp(now + timeout);
  if (id === CLOCK_MONOTONIC) return clamp(now + (timeout - monotonicNs()));
  return timeout;
}

export function pollImports(ctx: ShimContext): Record<string, ImportFn> {
  const v = ctx.views;
  return {
    poll_oneoff: (inPtr: number, outPtr: number, nsubs: number, neventsPtr: number) => {
      const n = nsubs >>> 0;
      if (n === 0) return Errno.INVAL;
      const subs = ctx.mem.bytes(inPtr, n * SUBSCRIPTION_BYTES);
      const out = ctx.mem.bytes(outPtr, n * EVENT_BYTES);
      ctx.mem.check(neventsPtr, 4);
      // More subscriptions than one payload holds: more than any fd table allows, so the request is invalid.
      if (subs.length > v.data.length) return Errno.INVAL;
      v.data.set(subs, 0);
      const dv = new DataView(v.data.buffer, v.data.byteOffset, subs.length);
      for (let at = 0; at < subs.length; at += SUBSCRIPTION_BYTES) {
        if (dv.getUint8(at + 8) !== 0) continue;
        const id = dv.getUint32(at + 16, true);
        if (id !== CLOCK_REALTIME && id !== CLOCK_MONOTONIC) continue;
        dv.setBigUint64(at + 24, deadline(id, dv.getBigUint64(at + 24, true), dv.getUint16(at + 40, true)), true);
      }
      v.i32[0] = n;
      const errno = ctx.call(Op.poll_oneoff, subs.length);
      if (errno !== Errno.SUCCESS) return errno;
      const k = Math.min(v.i32[0] as number, n);
      out.set(v.data.subarray(0, k * EVENT_BYTES));
      ctx.mem.setU32(neventsPtr, k);
      return errno;
    },
  };
}
