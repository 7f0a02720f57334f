/**
 * `Sandbox` over HTTP. Paths inside the sandbox travel percent-encoded segment by segment under `/files`;
 * file bodies are raw bytes, uploads and downloads stream (the client never holds a whole file).
 */
import type {
  ContextInfo,
  EventStream,
  ExecOptions,
  ExecResult,
  FileEntry,
  FileStat,
  ProcessInfo,
  ProcessLogs,
  RunCodeEvent,
  RunCodeOptions,
  RunCodeResult,
  Sandbox,
  SandboxContexts,
  SandboxFiles,
  SandboxInfo,
  SandboxProcesses,
  SandboxSessions,
  Session,
  SessionInfo,
} from '@burrow/protocol';
import { burrowError } from '@burrow/protocol';
import type { HttpClient } from './http-client.js';

const filePath = (path: string): string =>
  path
    .split('/')
    .filter((s) => s !== '')
    .map(encodeURIComponent)
    .join('/');

function execBody(command: string, opts: ExecOptions) {
  const { signal: _signal, ...rest } = opts;
  return { command, ...rest };
}

function iterableStream(source: AsyncIterable<Uint8Array>, onChunk: (n: number) => void): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const r = await it.next();
      if (r.done === true) controller.close();
      else {
        onChunk(r.value.length);
        controller.enqueue(r.value);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}

export class RemoteSandbox implements Sandbox {
  readonly files: SandboxFiles;
  readonly processes: SandboxProcesses;
  readonly sessions: SandboxSessions;
  readonly contexts: SandboxContexts;
  private readonly base: string;

  constructor(
    private readonly http: HttpClient,
    readonly id: string,
  ) {
    const base = `/v1/sandboxes/${encodeURIComponent(id)}`;
    this.base = base;
    const files = (path: string) => `${base}/files/${filePath(path)}`;
    this.files = {
      read: async (path) => new Uint8Array(await (await http.request('GET', files(path))).arrayBuffer()),
      readText: async (path) => (await http.request('GET', files(path))).text(),
      write: async (path, data) => {
        await http.request('PUT', files(path), { body: (typeof data === 'string' ? Buffer.from(data) : data) as Uint8Array<ArrayBuffer> });
      },
      upload: async (path, source, opts = {}) => {
        let done = 0;
        const body = iterableStream(source, (n) => {
          done += n;
          opts.onProgress?.(done, opts.size);
        });
        await http.request('PUT', files(path), { body });
      },
      download: (path, opts = {}) =>
        (async function* () {
          const res = await http.request('GET', files(path));
          const total = Number(res.headers.get('content-length') ?? Number.NaN);
          let done = 0;
          if (res.body === null) return;
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
            done += chunk.length;
            opts.onProgress?.(done, Number.isNaN(total) ? undefined : total);
            yield chunk;
          }
        })(),
      list: async (path, opts = {}) =>
        (
          await http.json<{ entries: FileEntry[] }>('GET', files(path), {
            query: { view: 'list', recursive: opts.recursive === true ? 'true' : undefined },
          })
        ).entries,
      stat: (path) => http.json<FileStat>('GET', files(path), { query: { view: 'stat' } }),
      exists: async (path) => {
        try {
          await http.json<FileStat>('GET', files(path), { query: { view: 'stat' } });
          return true;
        } catch (e) {
          if ((e as { code?: string }).code === 'file_not_found') return false;
          throw e;
        }
      },
      mkdir: (path, opts = {}) => http.json('POST', files(path), { json: { op: 'mkdir', recursive: opts.recursive === true } }),
      remove: (path, opts = {}) => http.json('DELETE', files(path), { query: { recursive: opts.recursive === true ? 'true' : undefined } }),
      rename: (from, to) => http.json('POST', files(from), { json: { op: 'rename', to } }),
    };
    const proc = (name: string) => `${base}/processes/${encodeURIComponent(name)}`;
    this.processes = {
      start: (command, opts = {}) => http.json<ProcessInfo>('POST', `${base}/processes`, { json: { command, ...opts } }),
      list: async () => (await http.json<{ processes: ProcessInfo[] }>('GET', `${base}/processes`)).processes,
      get: (name) => http.json<ProcessInfo>('GET', proc(name)),
      logs: (name) => http.json<ProcessLogs>('GET', `${proc(name)}/logs`),
      follow: (name, opts = {}) =>
        http.events('GET', `${proc(name)}/logs`, { query: { follow: 'true' }, ...(opts.signal === undefined ? {} : { signal: opts.signal }) }),
      kill: (name, signal) => http.json('POST', `${proc(name)}/kill`, { json: signal === undefined ? {} : { signal } }),
      wait: (name, opts = {}) => http.json<ProcessInfo>('POST', `${proc(name)}/wait`, { json: opts }),
      waitForLog: (name, pattern, opts = {}) =>
        http.json<{ line: string }>('POST', `${proc(name)}/wait-for-log`, {
          json: { pattern: typeof pattern === 'string' ? pattern : pattern.source, ...opts },
        }),
    };
    const session = (name: string): Session => ({
      name,
      exec: (command, opts = {}) => this.exec(command, { ...opts, session: name }),
      execStream: (command, opts = {}) => this.execStream(command, { ...opts, session: name }),
    });
    const ctx = (name: string) => `${base}/contexts/${encodeURIComponent(name)}`;
    this.contexts = {
      create: (opts = {}) => http.json<ContextInfo>('POST', `${base}/contexts`, { json: opts }),
      list: async () => (await http.json<{ contexts: ContextInfo[] }>('GET', `${base}/contexts`)).contexts,
      delete: (name) => http.json<void>('DELETE', ctx(name)),
      interrupt: (name) => http.json<void>('POST', `${ctx(name)}/interrupt`),
    };
    this.sessions = {
      create: async (name) => session((await http.json<SessionInfo>('POST', `${base}/sessions`, { json: name === undefined ? {} : { name } })).name),
      list: async () => (await http.json<{ sessions: SessionInfo[] }>('GET', `${base}/sessions`)).sessions,
      get: session,
    };
  }

  info(): Promise<SandboxInfo> {
    return this.http.json<SandboxInfo>('GET', this.base);
  }

  exec(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    return this.http.json<ExecResult>('POST', `${this.base}/exec`, {
      json: execBody(command, opts),
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    });
  }

  execStream(command: string, opts: ExecOptions = {}): EventStream {
    return this.http.events('POST', `${this.base}/exec`, {
      json: execBody(command, opts),
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    });
  }

  /** Buffered JSON without output callbacks; with them, an NDJSON stream whose last event is the result. */
  async runCode(code: string, opts: RunCodeOptions = {}): Promise<RunCodeResult> {
    const { onStdout, onStderr, ...rest } = opts;
    const json = { code, ...rest };
    if (onStdout === undefined && onStderr === undefined) return this.http.json<RunCodeResult>('POST', `${this.base}/run-code`, { json });
    for await (const e of this.http.events<RunCodeEvent>('POST', `${this.base}/run-code`, { json })) {
      if (e.type === 'stdout') onStdout?.(e.data);
      else if (e.type === 'stderr') onStderr?.(e.data);
      else return e.result;
    }
    throw burrowError('unavailable', 'the run-code stream ended without a result; the server may have restarted');
  }

  destroy(): Promise<void> {
    return this.http.json<void>('DELETE', this.base);
  }
}
