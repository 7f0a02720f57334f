/**
 * Helpers for the vfs tests: a manual clock, limits overrides, text encoding and errno capture. Test-only
 * (excluded from the build).
 */
import { DEFAULT_SANDBOX_LIMITS, type Errno, isKernelError, type SandboxLimits } from '@burrow/protocol';
import { LowerLayer } from '../lower-layer.js';
import { Vfs } from '../vfs.js';

export interface ManualClock {
  clock: () => bigint;
  /** Moves time forward by `ns` (default 1000). */
  advance(ns?: bigint): void;
  now(): bigint;
}

export function manualClock(startNs = 1_000_000_000n): ManualClock {
  let t = startNs;
  return {
    clock: () => t,
    advance: (ns = 1000n) => {
      t += ns;
    },
    now: () => t,
  };
}

export function limitsWith(over: Partial<SandboxLimits>): SandboxLimits {
  return { ...DEFAULT_SANDBOX_LIMITS, ...over };
}

export function newVfs(opts: { limits?: Partial<SandboxLimits>; lower?: LowerLayer; clock?: ManualClock } = {}): Vfs {
  return Vfs.create({
    limits: limitsWith(opts.limits ?? {}),
    lower: opts.lower ?? LowerLayer.empty(),
    clock: (opts.clock ?? manualClock()).clock,
  });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function enc(s: string): Uint8Array {
  return encoder.encode(s);
}

export function dec(b: Uint8Array): string {
  return decoder.decode(b);
}

/** The errno `fn` throws; fails the test when it returns or throws something else. */
export function errnoOf(fn: () => unknown): Errno {
  try {
    fn();
  } catch (e) {
    if (isKernelError(e)) return e.errno;
    throw e;
  }
  throw new Error('expected a KernelError, but the call succeeded');
}

/** The errno `fn` throws, or undefined when it succeeds. */
export function catchErrno(fn: () => unknown): Errno | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (isKernelError(e)) return e.errno;
    throw e;
  }
}

export function readText(vfs: Vfs, path: string): string {
  return dec(vfs.readFile(path));
}
