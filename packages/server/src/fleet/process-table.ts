/**
 * Background processes of one sandbox. Each runs its command line as an exec in a private shell session taken
 * from a small pool (`bg.N`), so it never blocks the sandbox's other sessions and a session is reused once its
 * process ends. Its output goes into a bounded ProcessLog that any client may read or follow later: no
 * request owns a process, so a client that disconnects never ends one. Kill signals the session's foreground
 * job. A new process starts in the default session's cwd and environment of that moment.
 *
 * Invariants: a name is unique among kept records; at most SERVICE_LIMITS.processesRunningMax run at once;
 * exited records beyond SERVICE_LIMITS.processRecordsMax are forgotten oldest first.
 */
import type { ExecRun, KernelApi, Signal } from '@burrow/kernel';
import { burrowError, type ProcessInfo, type ProcessLogs, SERVICE_LIMITS, type SignalName } from '@burrow/protocol';
import { LineMatcher, type StreamChoice } from './line-matcher.js';
import { ProcessLog, raceAbort } from './process-log.js';

interface ProcessRecord {
  name: string;
  command: string;
  startedAt: string;
  endedAt?: string;
  session: string;
  run: ExecRun | null;
  log: ProcessLog;
}

export interface StartRequest {
  command: string;
  name?: string;
  cwd?: string;
  env?: Record<string, string>;
}

const SIGNALS: Readonly<Record<SignalName, Signal>> = { TERM: 'SIGTERM', INT: 'SIGINT', KILL: 'SIGKILL', HUP: 'SIGHUP' };

export class ProcessTable {
  private readonly records = new Map<string, ProcessRecord>();
  private readonly freeSessions: string[] = [];
  private sessionCount = 0;
  private nextNumber = 1;
  private running = 0;

  constructor(
    private readonly kernel: KernelApi,
    private readonly sandbox: string,
  ) {}

  async start(req: StartRequest): Promise<ProcessInfo> {
    const name = req.name ?? this.freshName();
    if (this.records.has(name)) {
      throw burrowError('process_exists', `a process named '${name}' exists in sandbox '${this.sandbox}': choose another name`, {
        sandbox: this.sandbox,
        process: name,
      });
    }
    if (this.running >= SERVICE_LIMITS.processesRunningMax) {
      throw burrowError('limit_reached', `sandbox '${this.sandbox}' already runs ${this.running} background processes: kill one first`, {
        limit: SERVICE_LIMITS.processesRunningMax,
      });
    }
    const rec: ProcessRecord = {
      name,
      command: req.command,
      startedAt: new Date().toISOString(),
      session: '',
      run: null,
      log: new ProcessLog(),
    };
    // Reserved before the first await so that two concurrent starts cannot take the same name or slot.
    this.records.set(name, rec);
    this.running++;
    try {
      const inherited = await this.defaultSessionContext();
      const cwd = req.cwd ?? inherited.cwd;
      const env = { ...inherited.env, ...req.env };
      rec.session = this.takeSession();
      // A subshell keeps the command's variables and `cd` out of the pooled session.
      rec.run = this.kernel.execStream(`(\n${req.command}\n)`, {
        session: rec.session,
        ...(cwd === undefined ? {} : { cwd }),
        env,
      });
    } catch (e) {
      this.records.delete(name);
      this.running--;
      if (rec.session !== '') this.freeSessions.push(rec.session);
      throw e;
    }
    void this.pump(rec, rec.run);
    this.trim();
    return info(rec);
  }

  list(): ProcessInfo[] {
    return [...this.records.values()].map(info);
  }

  get(name: string): ProcessInfo {
    return info(this.record(name));
  }

  logs(name: string): ProcessLogs {
    return this.record(name).log.text();
  }

  follow(name: string, signal?: AbortSignal): ReturnType<ProcessLog['follow']> {
    return this.record(name).log.follow(signal);
  }

  kill(name: string, signal: SignalName = 'TERM'): void {
    const rec = this.record(name);
    if (rec.log.exit === null) rec.run?.signal(SIGNALS[signal]);
  }

  async wait(name: string, timeoutMs?: number, signal?: AbortSignal): Promise<ProcessInfo> {
    const rec = this.record(name);
    const deadline = Date.now() + Math.min(timeoutMs ?? SERVICE_LIMITS.waitMsMax, SERVICE_LIMITS.waitMsMax);
    while (rec.log.exit === null) {
      const left = deadline - Date.now();
      if (left <= 0) throw timeout(`process '${name}' is still running after ${timeoutMs} ms`);
      if (signal?.aborted === true) throw burrowError('unavailable', 'the caller went away');
      await raceAbort(raceTimer(rec.log.changed(), left), signal);
    }
    return info(rec);
  }

  async waitForLog(name: string, pattern: string, opts: { timeoutMs?: number; stream?: StreamChoice }, signal?: AbortSignal): Promise<string> {
    const rec = this.record(name);
    const matcher = new LineMatcher(pattern, opts.stream);
    const timeoutMs = Math.min(opts.timeoutMs ?? SERVICE_LIMITS.waitForLogDefaultMs, SERVICE_LIMITS.waitMsMax);
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), timeoutMs);
    const onAbort = (): void => stop.abort();
    signal?.addEventListener('abort', onAbort);
    try {
      for await (const e of rec.log.follow(stop.signal)) {
        const line = matcher.feed(e);
        if (line !== null) return line;
        if (e.type === 'exit') {
          throw burrowError('not_found', `process '${name}' exited (${e.exitCode}) and no line matched /${pattern}/`, { process: name });
        }
      }
      throw timeout(`no line of process '${name}' matched /${pattern}/ within ${timeoutMs} ms`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Ends every running process (the sandbox is going away). */
  killAll(): void {
    for (const rec of this.records.values()) if (rec.log.exit === null) rec.run?.signal('SIGKILL');
  }

  private async pump(rec: ProcessRecord, run: ExecRun): Promise<void> {
    try {
      for await (const e of run.events) {
        if (e.type === 'stdout' || e.type === 'stderr') rec.log.append(e.type, e.data);
      }
      const done = await run.done;
      rec.log.finish(done);
    } catch (e) {
      rec.log.finish({ exitCode: 137, reason: e instanceof Error ? e.message : 'failed' });
    }
    rec.endedAt = new Date().toISOString();
    this.running--;
    this.freeSessions.push(rec.session);
    this.trim();
  }

  /** The default session's working directory and environment, or nothing when the shell cannot say. */
  private async defaultSessionContext(): Promise<{ cwd?: string; env: Record<string, string> }> {
    const r = await this.kernel.exec('printf "%s\\n" "$PWD"; env');
    if (r.exitCode !== 0) return { env: {} };
    const lines = r.stdout.split('\n');
    const cwd = lines[0];
    const env: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const eq = line.indexOf('=');
      if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return { ...(cwd?.startsWith('/') === true ? { cwd } : {}), env };
  }

  private takeSession(): string {
    return this.freeSessions.pop() ?? `bg.${this.sessionCount++}`;
  }

  private freshName(): string {
    for (;;) {
      const name = `p${this.nextNumber++}`;
      if (!this.records.has(name)) return name;
    }
  }

  private record(name: string): ProcessRecord {
    const rec = this.records.get(name);
    if (rec === undefined) {
      throw burrowError('process_not_found', `no process '${name}' in sandbox '${this.sandbox}' (see: burrow ps ${this.sandbox})`, {
        sandbox: this.sandbox,
        process: name,
      });
    }
    return rec;
  }

  private trim(): void {
    if (this.records.size <= SERVICE_LIMITS.processRecordsMax) return;
    for (const [name, rec] of this.records) {
      if (this.records.size <= SERVICE_LIMITS.processRecordsMax) break;
      if (rec.log.exit !== null) this.records.delete(name);
    }
  }
}

function info(rec: ProcessRecord): ProcessInfo {
  const exit = rec.log.exit;
  return {
    name: rec.name,
    command: rec.command,
    status: exit === null ? 'running' : 'exited',
    exitCode: exit?.exitCode ?? null,
    ...(exit?.reason === undefined ? {} : { reason: exit.reason }),
    startedAt: rec.startedAt,
    ...(rec.endedAt === undefined ? {} : { endedAt: rec.endedAt }),
    outputBytes: rec.log.outputBytes,
  };
}

function timeout(message: string): Error {
  return burrowError('timeout', message);
}

function raceTimer(p: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    void p.then(() => {
      clearTimeout(t);
      resolve();
    });
  });
}
