/**
 * The SDK's transport: fetch (Node's built-in, keep-alive) against the server's `/v1` routes, one error
 * format in, one error root out. A response that is not 2xx becomes the BurrowError subclass of its code; a
 * server that cannot be reached is UnavailableError with a message that says what to do.
 */
import { type BurrowError, burrowError, type ExecEvent, isErrorCode } from '@burrow/protocol';

export interface ClientOptions {
  /** Server URL (default `BURROW_URL`, else http://127.0.0.1:8787). */
  url?: string;
  /** API key (default `BURROW_API_KEY`). */
  apiKey?: string;
}

export interface RequestOptions {
  json?: unknown;
  body?: BodyInit;
  accept?: string;
  signal?: AbortSignal;
  query?: Record<string, string | string[] | undefined>;
}

export class HttpClient {
  readonly url: string;
  private readonly headers: Record<string, string>;

  constructor(opts: ClientOptions = {}) {
    this.url = (opts.url ?? process.env.BURROW_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
    const key = opts.apiKey ?? process.env.BURROW_API_KEY;
    this.headers = key === undefined || key === '' ? {} : { authorization: `Bearer ${key}` };
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const url = new URL(this.url + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, one);
    }
    const headers: Record<string, string> = { ...this.headers };
    if (opts.accept !== undefined) headers.accept = opts.accept;
    let body: BodyInit | undefined = opts.body;
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (body !== undefined) headers['content-type'] = 'application/octet-stream';
    let res: Response;
    try {
      const init: RequestInit & { duplex?: 'half' } = { method, headers, ...(body === undefined ? {} : { body }) };
      if (opts.signal !== undefined) init.signal = opts.signal;
      if (body instanceof ReadableStream) init.duplex = 'half';
      res = await fetch(url, init);
    } catch (e) {
      if (opts.signal?.aborted === true) throw e;
      throw burrowError('unavailable', `cannot reach the Burrow server at ${this.url}: start it with 'burrow serve' or set BURROW_URL`, {});
    }
    if (!res.ok) throw await errorOf(res);
    return res;
  }

  async json<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.request(method, path, opts);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  /** An NDJSON event stream; aborting `signal` closes the connection (the server then ends what it streams). */
  async *events<E = ExecEvent>(method: string, path: string, opts: RequestOptions = {}): AsyncGenerator<E> {
    const res = await this.request(method, path, { ...opts, accept: 'application/x-ndjson' });
    if (res.body === null) return;
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let nl = buffered.indexOf('\n');
        while (nl >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (line !== '') yield JSON.parse(line) as E;
          nl = buffered.indexOf('\n');
        }
      }
    } catch (e) {
      if (opts.signal?.aborted === true) return;
      throw burrowError('unavailable', `the stream from ${this.url} broke: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

async function errorOf(res: Response): Promise<BurrowError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (err !== undefined && isErrorCode(err.code)) {
    const details = typeof err.details === 'object' && err.details !== null ? err.details : {};
    return burrowError(err.code, String(err.message ?? err.code), details, res.status);
  }
  return burrowError(res.status === 401 ? 'unauthorized' : 'internal', `server answered ${res.status} ${res.statusText}`, {}, res.status);
}
