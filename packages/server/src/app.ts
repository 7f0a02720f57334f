/**
 * The composition file: picks the concrete parts (runner processes as kernel hosts, the in-memory fleet, the
 * HTTP front) and wires them; everything else receives its parts. `App` is what `burrow serve` runs and what
 * `embedded()` holds (without the HTTP front).
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ConfigError, isLoopback } from './config.js';
import { Fleet } from './fleet/fleet.js';
import { Auth, DEFAULT_TENANT } from './http/auth.js';
import { createHttpServer } from './http/http-server.js';
import { createLogger, type Logger } from './log.js';
import { type HostFactory, runnerHosts } from './runners/kernel-host.js';

export const VERSION = '0.1.0';

export interface AppOptions {
  /** Data directory (caches now; sandboxes once persistence lands). Created when missing. */
  dataDir: string;
  /** API keys mapped to tenant names; none: every request is the `default` tenant, loopback only. */
  keys?: Readonly<Record<string, string>>;
  log?: Logger;
  /** Where kernels run (default: hardened runner processes, pooled per tenant). */
  hosts?: HostFactory;
}

export class App {
  readonly fleet: Fleet;
  readonly auth: Auth;
  readonly log: Logger;
  private server: Server | null = null;
  private closing: Promise<void> | null = null;

  constructor(readonly opts: AppOptions) {
    mkdirSync(join(opts.dataDir, 'cache'), { recursive: true });
    this.log = opts.log ?? createLogger('info');
    this.auth = new Auth(opts.keys ?? {});
    this.fleet = new Fleet(opts.hosts ?? runnerHosts(join(opts.dataDir, 'cache', 'python')));
    for (const tenant of this.auth.open ? [DEFAULT_TENANT] : this.auth.tenantNames()) this.fleet.prewarm(tenant);
  }

  /** Starts the HTTP front; refuses an address beyond loopback when no API key is configured. */
  async listen(port: number, host: string): Promise<AddressInfo> {
    if (this.auth.open && !isLoopback(host)) {
      throw new ConfigError(`refusing to listen on ${host} without API keys: set BURROW_API_KEY or pass --keys FILE`);
    }
    const server = createHttpServer({ fleet: this.fleet, version: VERSION, startedAt: Date.now() }, this.auth, this.log);
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    this.log.info('listening', { url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`, dataDir: this.opts.dataDir, auth: this.auth.open ? 'none (loopback)' : 'keys' });
    return address;
  }

  /** Graceful stop: no new connections, every sandbox stopped cleanly, runners closed, connections ended. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    const server = this.server;
    const closed = server === null ? Promise.resolve() : new Promise<void>((resolve) => server.close(() => resolve()));
    server?.closeIdleConnections();
    await this.fleet.close();
    server?.closeAllConnections();
    await closed;
    this.log.info('stopped');
  }
}
