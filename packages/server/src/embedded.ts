/**
 * `embedded({ dataDir })`: the `Burrow` client interface over the server's own components in the caller's
 * process, without HTTP (runners are still separate processes). Errors are the same BurrowError classes the
 * HTTP SDK throws. Everything runs as the `default` tenant.
 */
import {
  type Burrow,
  type CreateOptions,
  DEFAULT_SANDBOX_LIMITS,
  type EventStream,
  type ExecOptions,
  type ExecResult,
  type RunCodeOptions,
  type RunCodeResult,
  type Sandbox,
  type SandboxContexts,
  type SandboxFiles,
  type SandboxProcesses,
  type SandboxSessions,
  schemas as S,
  type Session,
} from '@burrow/protocol';
import { App, type AppOptions } from './app.js';
import { parseWith, toBurrowError } from './errors.js';
import { textEvents } from './fleet/exec-text.js';
import { openDownload, uploadFile } from './fleet/file-transfer.js';
import type { Fleet } from './fleet/fleet.js';
import type { SandboxEntry } from './fleet/sandbox-entry.js';
import { DEFAULT_TENANT } from './http/auth.js';
import { createLogger } from './log.js';

export interface EmbeddedOptions {
  dataDir: string;
  log?: AppOptions['log'];
  hosts?: AppOptions['hosts'];
}

/** Wraps a call so that any failure surfaces as a BurrowError. */
async function call<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toBurrowError(e);
  }
}

async function* guarded<T>(f: () => AsyncIterable<T> | Promise<AsyncIterable<T>>): AsyncGenerator<T> {
  try {
    yield* await f();
  } catch (e) {
    throw toBurrowError(e);
  }
}


function execCall(command: string, opts: ExecOptions) {
  const { signal: _signal, ...rest } = opts;
  return parseWith(S.ExecRequest, { command, ...rest }, 'exec');
}

class EmbeddedSandbox implements Sandbox {
  readonly files: SandboxFiles;
  readonly processes: SandboxProcesses;
  readonly sessions: SandboxSessions;
  readonly contexts: SandboxContexts;

  constructor(
    private readonly fleet: Fleet,
    readonly id: string,
  ) {
    const entry = (): Promise<SandboxEntry> => fleet.getReady(DEFAULT_TENANT, id);
    this.files = {
      read: (path) => call(async () => (await entry()).readFile(path)),
      readText: (path) => call(async () => Buffer.from(await (await entry()).readFile(path)).toString('utf8')),
      write: (path, data) => call(async () => (await entry()).writeFile(path, typeof data === 'string' ? Buffer.from(data) : data)),
      upload: (path, source, opts = {}) =>
        call(async () => {
          // Streamed into the sandbox a chunk at a time (temporary file, then an atomic rename), as over HTTP.
          let done = 0;
          const counted = (async function* () {
            for await (const chunk of source) {
              done += chunk.length;
              opts.onProgress?.(done, opts.size);
              yield chunk;
            }
          })();
          await uploadFile((await entry()).kernel.fs, path, counted, { limitBytes: DEFAULT_SANDBOX_LIMITS.fileBytesMax });
        }),
      download: (path, opts = {}) =>
        guarded(async () => {
          const { size, chunks } = await openDownload((await entry()).kernel.fs, path);
          let done = 0;
          return (async function* () {
            for await (const chunk of chunks) {
              done += chunk.length;
              opts.onProgress?.(done, size);
              yield chunk;
            }
          })();
        }),
      list: (path, opts = {}) => call(async () => (await entry()).list(path, opts.recursive === true)),
      stat: (path) => call(async () => (await entry()).stat(path)),
      exists: (path) =>
        call(async () => {
          try {
            await (await entry()).stat(path);
            return true;
          } catch (e) {
            if (toBurrowError(e).code === 'file_not_found') return false;
            throw e;
          }
        }),
      mkdir: (path, opts = {}) => call(async () => (await entry()).mkdir(path, opts.recursive === true)),
      remove: (path, opts = {}) => call(async () => (await entry()).remove(path, opts.recursive === true)),
      rename: (from, to) => call(async () => (await entry()).rename(from, to)),
    };
    this.processes = {
      start: (command, opts = {}) => call(async () => (await entry()).processes.start(parseWith(S.ProcessStartRequest, { command, ...opts }, 'start-process'))),
      list: () => call(async () => (await entry()).processes.list()),
      get: (name) => call(async () => (await entry()).processes.get(name)),
      logs: (name) => call(async () => (await entry()).processes.logs(name)),
      follow: (name, opts = {}) => guarded(async () => (await entry()).processes.follow(name, opts.signal)),
      kill: (name, signal) => call(async () => (await entry()).processes.kill(name, signal)),
      wait: (name, opts = {}) => call(async () => (await entry()).processes.wait(name, opts.timeoutMs)),
      waitForLog: (name, pattern, opts = {}) =>
        call(async () => ({
          line: await (await entry()).processes.waitForLog(name, typeof pattern === 'string' ? pattern : pattern.source, opts),
        })),
    };
    const session = (name: string): Session => ({
      name,
      exec: (command, opts = {}) => this.exec(command, { ...opts, session: name }),
      execStream: (command, opts = {}) => this.execStream(command, { ...opts, session: name }),
    });
    this.contexts = {
      create: (opts = {}) => call(async () => (await entry()).contexts.create(parseWith(S.CreateContextRequest, opts, 'create-context'))),
      list: () => call(async () => (await entry()).contexts.list()),
      delete: (ctx) => call(async () => (await entry()).contexts.delete(ctx)),
      interrupt: (ctx) => call(async () => (await entry()).contexts.interrupt(ctx)),
    };
    this.sessions = {
      create: (name) => call(async () => session((await entry()).createSession(parseWith(S.SessionCreateRequest, name === undefined ? {} : { name }, 'create-session').name))),
      list: () => call(async () => (await entry()).sessions().map((n) => ({ name: n }))),
      get: session,
    };
  }

  info() {
    return call(async () => (await this.fleet.getReady(DEFAULT_TENANT, this.id)).info());
  }

  exec(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    return call(async () => (await this.fleet.getReady(DEFAULT_TENANT, this.id)).exec(execCall(command, opts), opts.signal));
  }

  execStream(command: string, opts: ExecOptions = {}): EventStream {
    return guarded(async () => {
      const entry = await this.fleet.getReady(DEFAULT_TENANT, this.id);
      return textEvents(entry.execStream(execCall(command, opts), opts.signal).events);
    });
  }

  runCode(code: string, opts: RunCodeOptions = {}): Promise<RunCodeResult> {
    const { onStdout, onStderr, ...rest } = opts;
    return call(async () => {
      const req = parseWith(S.RunCodeRequest, { code, ...rest }, 'run-code');
      const entry = await this.fleet.getReady(DEFAULT_TENANT, this.id);
      return entry.contexts.run(req, { ...(onStdout === undefined ? {} : { onStdout }), ...(onStderr === undefined ? {} : { onStderr }) });
    });
  }

  destroy(): Promise<void> {
    return call(() => this.fleet.destroy(DEFAULT_TENANT, this.id));
  }
}

class EmbeddedBurrow implements Burrow {
  constructor(private readonly app: App) {}

  async sandbox(id: string, opts: Omit<CreateOptions, 'id' | 'ifNotExists'> = {}): Promise<Sandbox> {
    return this.create({ ...opts, id, ifNotExists: true });
  }

  create(opts: CreateOptions = {}): Promise<Sandbox> {
    return call(async () => {
      const req = parseWith(S.CreateSandboxRequest, opts, 'create-sandbox');
      return new EmbeddedSandbox(this.app.fleet, (await this.app.fleet.create(DEFAULT_TENANT, req)).id);
    });
  }

  get(id: string): Promise<Sandbox> {
    return call(async () => new EmbeddedSandbox(this.app.fleet, (await this.app.fleet.getReady(DEFAULT_TENANT, id)).id));
  }

  list(opts: { labels?: Record<string, string> } = {}) {
    return call(() => this.app.fleet.list(DEFAULT_TENANT, opts.labels));
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/** The same server components in this process, behind the `Burrow` client interface. */
export function embedded(opts: EmbeddedOptions): Burrow {
  const app = new App({ dataDir: opts.dataDir, log: opts.log ?? createLogger('warn'), ...(opts.hosts === undefined ? {} : { hosts: opts.hosts }) });
  return new EmbeddedBurrow(app);
}
