/**
 * A process of the kernel: identity, fd table, resource accounting and exit status, all plain fields. Its
 * code runs in a worker thread elsewhere; the kernel reaches that worker only through the `WorkerHandle`
 * port (to stop it) and the syscall channel (to answer it).
 */
import { CHANNEL_BYTES, type ChannelViews, channelViews, type ProcessLimits } from '@burrow/protocol';
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
  /** Sends a control message to the worker (shell sessions: exec, signal). */
  post(message: unknown): void;
}

/**
 * One syscall channel of a process. A wasm process has one; a shell session has several, so its concurrent
 * pipeline stages can each have a call in flight (one of them parked on a pipe must not hold up the others).
 */
export class ProcessEndpoint implements Endpoint {
  readonly views: ChannelViews;
  parked = false;
  /** The wake-up a parked call registered (to drop it if the process dies). */
  parkedOn: { wake: Wake; cancel: () => void } | null = null;
  inSyscall = false;

  constructor(
    readonly process: Process,
    readonly channel: SharedArrayBuffer,
  ) {
    this.views = channelViews(channel);
  }
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

export class Process {
  readonly endpoints: ProcessEndpoint[] = [];
  /** Views of the endpoint whose call is being handled right now (set by the kernel around a dispatch). */
  views: ChannelViews;
  state: ProcessState = 'running';
  status: ExitStatus | null = null;
  readonly fds: FdTable;
  worker: WorkerHandle | null = null;
  /** Guest CPU time charged so far, ms. */
  cpuMs = 0;
  /** When the guest last got control back (a reply was sent or it started), performance.now() ms. */
  runningSince: number;
  /** Calls between their arrival and their reply, over all endpoints. */
  callsInFlight = 0;
  /** True while the process waits for work from the kernel (an idle shell session): not charged. */
  idle = false;
  /** True until the worker has entered the guest (its thread may still be booting): not charged. */
  starting = true;
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
    channels = 1,
  ) {
    for (let i = 0; i < channels; i++) {
      this.endpoints.push(new ProcessEndpoint(this, new SharedArrayBuffer(CHANNEL_BYTES)));
    }
    this.views = (this.endpoints[0] as ProcessEndpoint).views;
    this.fds = new FdTable(limits.fdsMax);
    this.runningSince = performance.now();
    this.startedAtMs = Date.now();
  }

  get channel(): SharedArrayBuffer {
    return (this.endpoints[0] as ProcessEndpoint).channel;
  }

  /** True while no call is in flight and the process is not idle: its worker is running guest code. */
  get running(): boolean {
    return this.callsInFlight === 0 && !this.idle && !this.starting;
  }

  /** Notes that the guest has started running (seen by a syscall or by the STARTED word). */
  markStarted(now: number): void {
    if (!this.starting) return;
    this.starting = false;
    this.runningSince = now;
  }

  /** Ends the current guest interval (a call arrived, or the process went idle), charging it. */
  pauseClock(now: number): void {
    if (this.running) this.cpuMs += now - this.runningSince;
  }

  /** Starts a guest interval if the process is now running. */
  resumeClock(now: number): void {
    if (this.running) this.runningSince = now;
  }

  /** CPU time including the interval the guest is running in right now. */
  cpuMsNow(now: number): number {
    return this.running ? this.cpuMs + (now - this.runningSince) : this.cpuMs;
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
    for (const e of this.endpoints) {
      if (e.parkedOn !== null) {
        e.parkedOn.cancel();
        e.parkedOn = null;
      }
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
