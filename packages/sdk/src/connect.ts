/**
 * `connect({ url, apiKey })`: the `Burrow` client interface over HTTP.
 */
import type { Burrow, CreateOptions, Sandbox, SandboxInfo } from '@burrow/protocol';
import { type ClientOptions, HttpClient } from './http-client.js';
import { RemoteSandbox } from './remote-sandbox.js';

class RemoteBurrow implements Burrow {
  constructor(private readonly http: HttpClient) {}

  sandbox(id: string, opts: Omit<CreateOptions, 'id' | 'ifNotExists'> = {}): Promise<Sandbox> {
    return this.create({ ...opts, id, ifNotExists: true });
  }

  async create(opts: CreateOptions = {}): Promise<Sandbox> {
    const info = await this.http.json<SandboxInfo>('POST', '/v1/sandboxes', { json: opts });
    return new RemoteSandbox(this.http, info.id);
  }

  async get(id: string): Promise<Sandbox> {
    const info = await this.http.json<SandboxInfo>('GET', `/v1/sandboxes/${encodeURIComponent(id)}`);
    return new RemoteSandbox(this.http, info.id);
  }

  async list(opts: { labels?: Record<string, string> } = {}): Promise<SandboxInfo[]> {
    const label = Object.entries(opts.labels ?? {}).map(([k, v]) => `${k}=${v}`);
    return (await this.http.json<{ sandboxes: SandboxInfo[] }>('GET', '/v1/sandboxes', { query: { label } })).sandboxes;
  }

  async close(): Promise<void> {}
}

export function connect(opts: ClientOptions = {}): Burrow {
  return new RemoteBurrow(new HttpClient(opts));
}
