/**
 * Limits of the JavaScript runtime. They belong with the others in protocol's limits.ts; they live here until
 * that file takes them, each with its reason.
 */
export const JS_LIMITS = {
  /** QuickJS heap: bounded below the process's memory limit so the interpreter fails cleanly first. */
  heapBytesMax: 256 * 1024 * 1024,
  /** QuickJS stack: FACTS: above 256 KiB deep recursion overflows the host stack instead of throwing. */
  stackBytesMax: 256 * 1024,
  /** Initial wasm memory of a fresh interpreter (the build's own initial size). */
  initialPages: 256,
  /** Pending jobs run per step of the event loop, so timers and stdin are served between bursts. */
  jobsPerStep: 10_000,
} as const;
