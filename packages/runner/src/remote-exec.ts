/**
 * One exec of a shell command line in a sandbox hosted by a runner: the parent's ExecRun. Its events arrive
 * under credit (CreditQueue) and end with the exit event; `done` resolves from the runner's separate
 * `exec-done` message, so it settles even when nobody reads the events. A runner that dies ends the exec
 * with status 137, reason 'runner-crashed'.
 */
import type { ExecEvent, ExecOptions, ExecRun, Signal } from '@burrow/kernel';
import { CreditQueue } from './credit-queue.js';
import { nothing } from './ipc.js';
import type { RunnerLink } from './remote-kernel-link.js';

export interface ExecEnd {
  exitCode: number;
  reason?: string;
}

const eventBytes = (e: ExecEvent): number => (e.type === 'exit' ? 0 : e.data.length);

export class RemoteExec implements ExecRun {
  readonly events: CreditQueue<ExecEvent>;
  readonly done: Promise<ExecEnd>;
  private resolveDone: (r: ExecEnd) => void = () => {};
  private settled = false;

  constructor(
    private readonly link: RunnerLink,
    private readonly sandbox: string,
    readonly id: number,
    command: string,
    opts: ExecOptions,
  ) {
    this.events = new CreditQueue(link.outputWindowBytes, (n) => link.credit(sandbox, id, 'exec', n), eventBytes);
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
    const wire = {
      ...(opts.session === undefined ? {} : { session: opts.session }),
      ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
      ...(opts.env === undefined ? {} : { env: { ...opts.env } }),
      ...(opts.stdin === undefined ? {} : { stdin: opts.stdin }),
      ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    };
    const started = link.request(
      { op: 'exec', sandbox, exec: id, command, opts: wire, window: link.outputWindowBytes },
      nothing,
    );
    started.catch((e: unknown) => {
      // The runner refused the exec (a bad session name, the session limit): report it as the exec's end.
      const text = `burrow: exec failed: ${e instanceof Error ? e.message : String(e)}\n`;
      this.events.push({ type: 'stderr', data: new TextEncoder().encode(text) });
      this.events.push({ type: 'exit', exitCode: 126, reason: 'exec-failed' });
      this.events.end();
      this.finish({ exitCode: 126, reason: 'exec-failed' });
    });
    const abort = opts.signal;
    if (abort !== undefined) {
      const onAbort = (): void => this.signal('SIGHUP');
      if (abort.aborted) onAbort();
      else abort.addEventListener('abort', onAbort, { once: true });
      void this.done.then(() => abort.removeEventListener('abort', onAbort));
    }
  }

  signal(signal: Signal): void {
    if (this.settled) return;
    void this.link.request({ op: 'exec-signal', sandbox: this.sandbox, exec: this.id, signal }, nothing).catch(() => {});
  }

  /** @internal An event from the runner. */
  event(e: ExecEvent): void {
    this.events.push(e);
    if (e.type === 'exit') this.events.end();
  }

  /** @internal The runner said the exec ended. */
  finish(end: ExecEnd): void {
    if (this.settled) return;
    this.settled = true;
    this.resolveDone(end);
  }

  /** @internal The runner died: the exec ends killed. */
  runnerDied(): void {
    const end = { exitCode: 137, reason: 'runner-crashed' };
    if (!this.events.isEnded) {
      this.events.push({ type: 'exit', ...end });
      this.events.end();
    }
    this.finish(end);
  }

  get finished(): boolean {
    return this.settled && this.events.isEnded;
  }
}
