/**
 * A process of the kernel: identity, fd table, resource accounting and exit status, all plain fields. Its
 * code runs in a worker thread elsewhere; the kernel reaches that worker only through the `WorkerHandle`
 * port (to stop it) and the syscall channel (to answer it).
 */
import { type ChannelViews, channelViews, CHANNEL_BYTES, type ProcessLimits } from '@burrow/protocol';
import type { Endpoint } from '../channel/channel-host.js';
import type { Wake } from '../fd/descriptor.js';
import { FdTable } from '../fd/fd-table.js';

export type ProcessState = 'running' | 'exited';

export interface ExitStatus {
  /** 0–255; 128 + signal number when killed. */
  exitCode: number;
  /** Signal that ended the process, if any (SIGKILL for limits). */
  signal?: 'SIGINT' | 'SIGHUP' | 'SIGTERM' | 'SIGKILL';
  /** Why the kernel ended it: a limit name, 'trap', 'crash'. */
  reason?: string;
}

/** The worker side of a process, as the kernel sees it. */
export interface WorkerHandle {
  terminate(): void;
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  argv: string[];
  cwd: string;
  state: ProcessState;
  exitCode: number | null;
  cpuMs: number;
  memoryBytes: number;
  startedAtMs: number;
}

export class Process implements Endpoint {
  readonly channel: SharedArrayBuffer;
  readonly views: ChannelViews;
  parked = false;
  /** The wake-up a parked call registered (to drop it if the process dies). */
  parkedOn: { wake: Wake; cancel: () => void } | null = null;
  state: ProcessState = 'running';
  status: ExitStatus | null = null;
  readonly fds: FdTable;
  worker: WorkerHandle | null = null;
  /** Guest CPU time charged so far, ms. */
  cpuMs = 0;
  /** When the guest last got control back (a reply was sent or it started), performance.now() ms. */
  runningSince: number;
  /** True between a request's arrival and its reply. */
  inSyscall = false;
  memoryBytes = 0;
  outputBytes = 0;
  readonly startedAtMs: number;
  private readonly exitWaiters: Array<(s: ExitStatus) => void> = [];

  constructor(
    readonly pid: number,
    readonly ppid: number,
    readonly argv: string[],
    readonly env: Record<string, string>,
    public cwd: string,
    readonly limits: ProcessLimits,
  ) {
    this.channel = new SharedArrayBuffer(CHANNEL_BYTES);
    this.views = channelViews(this.channel);
    this.fds = new FdTable(limits.fdsMax);
    this.runningSince = performance.now();
    this.startedAtMs = Date.now();
  }

  /** Charges guest time up to now; called when a request arrives. */
  chargeUntilNow(now: number): void {
    if (!this.inSyscall) this.cpuMs += now - this.runningSince;
  }

  /** CPU time including the interval the guest is running in right now. */
  cpuMsNow(now: number): number {
    return this.inSyscall ? this.cpuMs : this.cpuMs + (now - this.runningSince);
  }

  wait(): Promise<ExitStatus> {
    if (this.status !== null) return Promise.resolve(this.status);
    return new Promise((resolve) => this.exitWaiters.push(resolve));
  }

  /** Marks the process ended: fds closed, waiters told. Idempotent; the first status wins. */
  finish(status: ExitStatus): boolean {
    if (this.state === 'exited') return false;
    this.state = 'exited';
    this.status = status;
    if (this.parkedOn !== null) {
      this.parkedOn.cancel();
      this.parkedOn = null;
    }
    this.fds.closeAll();
    for (const w of this.exitWaiters.splice(0)) w(status);
    return true;
  }

  info(): ProcessInfo {
    return {
      pid: this.pid,
      ppid: this.ppid,
      argv: [...this.argv],
      cwd: this.cwd,
      state: this.state,
      exitCode: this.status?.exitCode ?? null,
      cpuMs: Math.round(this.cpuMsNow(performance.now())),
      memoryBytes: this.memoryBytes,
      startedAtMs: this.startedAtMs,
    };
  }
}
