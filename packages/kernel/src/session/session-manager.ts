/**
 * Shell sessions of a sandbox and the exec calls that run in them (DESIGN.md §3 "Shell"). A session is a
 * kernel process whose worker runs Burrow's shell; it is started on first use and its interpreter state
 * (variables, functions, cwd, …) persists between execs. Execs of one session run one at a time, in order;
 * sessions run in parallel. Each exec gets its own stdin/stdout/stderr pipes, installed as fds of the session
 * process. An exec ends when its foreground command ends; a timeout asks the session to kill the foreground
 * job and reports 124, and a session that does not comply within EXEC_LIMITS.signalGraceMs is ended (it
 * restarts from its last saved state on the next exec).
 */
import { EXEC_LIMITS, Errno, KernelError } from '@burrow/protocol';
import type { Signal } from '../api.js';
import { ALL_RIGHTS } from '../fd/fd-table.js';
import type { Kernel } from '../kernel.js';
import type { Process } from '../process/process.js';
import { stdinWriter } from '../process/process-handle.js';
import { type ExecEvent, ExecOutput } from './exec-output.js';

export interface ExecOptions {
  /** Session name; the default session when absent. */
  session?: string;
  /** Working directory for this exec only. */
  cwd?: string;
  /** Extra environment for this exec only. */
  env?: Record<string, string>;
  /** Bytes on the command's stdin (it sees end of file after them); no stdin when absent. */
  stdin?: Uint8Array | string;
  /** Kills the foreground job after this long; the exit status is then 124. */
  timeoutMs?: number;
  /** Aborting sends SIGHUP to the foreground job, as a closed terminal does. */
  signal?: AbortSignal;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Why the kernel ended the command, when it did ('timeout', 'session-crashed'). */
  reason?: string;
}

export interface ExecRun {
  readonly events: AsyncIterable<ExecEvent>;
  readonly done: Promise<{ exitCode: number; reason?: string }>;
  signal(signal: Signal): void;
}

interface SessionRecord {
  name: string;
  proc: Process | null;
  state: unknown;
  queue: Promise<void>;
  pending: Map<number, (msg: { exitCode: number; state: unknown }) => void>;
  /** Resolves when the session's worker listens (a booting worker cannot be expected to obey a signal). */
  ready: Promise<void>;
  markReady: () => void;
}

export const DEFAULT_SESSION = 'default';

export const DEFAULT_SESSION_ENV: Readonly<Record<string, string>> = Object.freeze({
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: '/root',
  USER: 'root',
  SHELL: '/bin/sh',
  LANG: 'C.UTF-8',
  TERM: 'dumb',
});

function readiness(): { ready: Promise<void>; markReady: () => void } {
  let markReady = (): void => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  return { ready, markReady };
}

const SESSION_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export class SessionManager {
  private readonly sessions = new Map<string, SessionRecord>();
  private nextExecId = 1;

  constructor(private readonly kernel: Kernel) {}

  names(): string[] {
    return [...this.sessions.keys()];
  }

  exec(command: string, opts: ExecOptions = {}): ExecRun {
    const name = opts.session ?? DEFAULT_SESSION;
    if (!SESSION_NAME_RE.test(name)) throw new KernelError(Errno.INVAL, `bad session name ${JSON.stringify(name)}`);
    let rec = this.sessions.get(name);
    if (rec === undefined) {
      if (this.sessions.size >= EXEC_LIMITS.sessionsMax) throw new KernelError(Errno.AGAIN, 'session limit');
      rec = { name, proc: null, state: undefined, queue: Promise.resolve(), pending: new Map(), ...readiness() };
      this.sessions.set(name, rec);
    }
    const output = new ExecOutput();
    // A signal that comes before the exec has started waits for it (the session then never runs it).
    let sendSignal: ((s: Signal) => void) | null = null;
    let pendingSignal: Signal | null = null;
    const record = rec;
    const done = new Promise<{ exitCode: number; reason?: string }>((resolve) => {
      record.queue = record.queue.then(() =>
        this.run(record, command, opts, output, (s) => {
          sendSignal = s;
          if (pendingSignal !== null) s(pendingSignal);
        }).then(resolve, (e: unknown) => {
          const text = `burrow: exec failed: ${e instanceof Error ? e.message : String(e)}\n`;
          output.attachText('stderr', text);
          output.finish(126, 'exec-failed');
          resolve({ exitCode: 126, reason: 'exec-failed' });
        }),
      );
    });
    return {
      events: output,
      done,
      signal: (s) => {
        if (sendSignal !== null) sendSignal(s);
        else pendingSignal = s;
      },
    };
  }

  /** Buffered form of exec. */
  async execCollect(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    const run = this.exec(command, opts);
    const out: Uint8Array[] = [];
    const err: Uint8Array[] = [];
    for await (const e of run.events) {
      if (e.type === 'stdout') out.push(e.data);
      else if (e.type === 'stderr') err.push(e.data);
    }
    const r = await run.done;
    const text = (parts: Uint8Array[]) => Buffer.concat(parts).toString('utf8');
    return { exitCode: r.exitCode, stdout: text(out), stderr: text(err), ...(r.reason === undefined ? {} : { reason: r.reason }) };
  }

  /**
   * Ends every session. An idle session is asked to stop, so its worker can go back to the pool (it ends
   * itself instead if background jobs still run there); a session in the middle of an exec is killed.
   */
  close(): void {
    for (const rec of this.sessions.values()) {
      const proc = rec.proc;
      if (proc === null || proc.state !== 'running') continue;
      if (proc.idle && rec.pending.size === 0) {
        proc.worker?.post({ type: 'stop' });
        this.kernel.exit(proc, { exitCode: 0 });
      } else {
        this.kernel.signal(proc.pid, 'SIGKILL');
      }
    }
  }

  private ensureProcess(rec: SessionRecord): Process {
    if (rec.proc !== null && rec.proc.state === 'running') return rec.proc;
    Object.assign(rec, readiness());
    const proc = this.kernel.spawnShell(rec.name, '/', { ...DEFAULT_SESSION_ENV }, rec.state);
    proc.pauseClock(performance.now());
    proc.idle = true;
    rec.proc = proc;
    this.kernel.onWorkerMessage(proc.pid, (raw) => {
      const msg = raw as { type?: string; id?: number; exitCode?: number; state?: unknown; closeFds?: unknown };
      if (msg.type === 'session-ready') rec.markReady();
      if (msg.type !== 'exec-done' || typeof msg.id !== 'number') return;
      if (Array.isArray(msg.closeFds)) {
        for (const fd of msg.closeFds) {
          // Only the fds an exec installed (3 and up) can be released; a bad number is ignored.
          if (typeof fd === 'number' && fd > 3 && proc.fds.has(fd)) proc.fds.close(fd);
        }
      }
      rec.pending.get(msg.id)?.({ exitCode: msg.exitCode ?? 1, state: msg.state });
    });
    void proc.wait().then(() => {
      this.kernel.onWorkerMessage(proc.pid, null);
      this.kernel.reap(proc.pid);
      for (const [id, resolve] of rec.pending) {
        rec.pending.delete(id);
        resolve({ exitCode: 137, state: rec.state });
      }
    });
    return proc;
  }

  private async run(
    rec: SessionRecord,
    command: string,
    opts: ExecOptions,
    output: ExecOutput,
    setSignal: (s: (sig: Signal) => void) => void,
  ): Promise<{ exitCode: number; reason?: string }> {
    const proc = this.ensureProcess(rec);
    const k = this.kernel;
    const stdin = k.pipePair();
    const stdout = k.pipePair();
    const stderr = k.pipePair();
    const add = (desc: Parameters<typeof proc.fds.add>[0]['desc']) =>
      proc.fds.add({ desc, rightsBase: ALL_RIGHTS, rightsInheriting: 0n });
    const fds = { stdin: add(stdin.read), stdout: add(stdout.write), stderr: add(stderr.write) };
    output.attach(stdout.read, 'stdout');
    output.attach(stderr.read, 'stderr');
    const writer = stdinWriter(stdin.write);
    void (async () => {
      try {
        if (opts.stdin !== undefined) await writer.write(opts.stdin);
      } catch {
        // the command exited without reading all of its stdin
      } finally {
        await writer.end();
      }
    })();

    const id = this.nextExecId++;
    let reason: string | undefined;
    const finished = new Promise<{ exitCode: number; state: unknown }>((resolve) => rec.pending.set(id, resolve));
    const signal = (sig: Signal): void => {
      if (proc.state !== 'running') return;
      proc.worker?.post({ type: 'signal', id, signal: sig });
      void rec.ready.then(() => {
        const grace = setTimeout(() => {
          if (rec.pending.has(id)) k.signal(proc.pid, 'SIGKILL');
        }, EXEC_LIMITS.signalGraceMs);
        grace.unref();
        void finished.then(() => clearTimeout(grace));
      });
    };
    setSignal(signal);
    const onAbort = (): void => signal('SIGHUP');
    opts.signal?.addEventListener('abort', onAbort);
    const abortedEarly = opts.signal?.aborted === true;
    let timer: NodeJS.Timeout | undefined;
    if (opts.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        reason = 'timeout';
        signal('SIGKILL');
      }, opts.timeoutMs);
    }

    const now = performance.now();
    proc.pauseClock(now);
    proc.idle = false;
    proc.resumeClock(now);
    proc.worker?.post({
      type: 'exec',
      id,
      command,
      fds,
      ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
      ...(opts.env === undefined ? {} : { env: opts.env }),
    });

    if (abortedEarly) onAbort();
    const msg = await finished;
    rec.pending.delete(id);
    if (timer !== undefined) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    if (msg.state !== undefined) rec.state = msg.state;
    if (proc.state === 'running') {
      const t = performance.now();
      proc.pauseClock(t);
      proc.idle = true;
    } else if (reason === undefined) {
      reason = proc.status?.reason ?? 'session-ended';
    }
    const exitCode = reason === 'timeout' ? 124 : msg.exitCode;
    output.finish(exitCode, reason);
    return reason === undefined ? { exitCode } : { exitCode, reason };
  }
}
