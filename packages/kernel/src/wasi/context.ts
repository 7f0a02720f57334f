/**
 * What a syscall handler may use of the kernel. Handlers receive the calling process and read their
 * arguments from, and write their results into, the process's channel views; they return an errno, or BLOCKED
 * after parking the process on something that will wake it. A handler that blocks must have changed nothing:
 * it runs again from the start when woken.
 */
import type { Blocked, Wake } from '../fd/descriptor.js';
import type { ExitStatus, Process } from '../process/process.js';

export interface SyscallEnv {
  /** Realtime clock, ns since the epoch. */
  realtimeNs(): bigint;
  /** Monotonic clock, ns. */
  monotonicNs(): bigint;
  /** Parks `p` until `register`'s wake fires; `register` returns how to cancel. Returns BLOCKED. */
  park(p: Process, register: (wake: Wake) => () => void): Blocked;
  /** Ends a process (closing its fds, waking its waiters). */
  exit(p: Process, status: ExitStatus): void;
  /** Ends a process that went past a limit: stops its worker, reports the limit on its stderr, status 137. */
  limitExceeded(p: Process, limit: string, value: number): void;
  /** Writes text to a process's stderr (kernel messages such as trap and limit reports). */
  stderrMessage(p: Process, text: string): void;
}

export type Handler = (env: SyscallEnv, p: Process) => number | Blocked;
