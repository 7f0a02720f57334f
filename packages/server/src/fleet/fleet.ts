/**
 * Which sandboxes exist, per tenant, and which runner hosts each. Every lookup is by (tenant, id): a tenant
 * never sees another's sandbox, and a foreign id looks exactly like a missing one. Until persistence lands
 * sandboxes live in memory: they end with the server.
 *
 * Invariants: a key is in `entries` (ready) or in `creating` (being placed), never both; a destroyed
 * sandbox's kernel is closed before its runner slot is released.
 */
import { randomBytes } from 'node:crypto';
import { burrowError, SERVICE_LIMITS, type SandboxInfo } from '@burrow/protocol';
import type { HostFactory } from '../runners/kernel-host.js';
import { TenantPool } from '../runners/tenant-pool.js';
import { SandboxEntry } from './sandbox-entry.js';

export interface CreateCall {
  id?: string;
  labels?: Record<string, string>;
  ifNotExists?: boolean;
}

interface Hosted {
  entry: SandboxEntry;
  release: () => void;
}

export class Fleet {
  private readonly pools = new Map<string, TenantPool>();
  private readonly entries = new Map<string, Hosted>();
  private readonly creating = new Map<string, Promise<SandboxEntry>>();
  private readonly perTenant = new Map<string, number>();
  private closing = false;

  constructor(private readonly hosts: HostFactory) {}

  /** Starts a tenant's first runner before its first request. */
  prewarm(tenant: string): void {
    this.pool(tenant).prewarm();
  }

  async create(tenant: string, call: CreateCall): Promise<SandboxEntry> {
    if (this.closing) throw burrowError('unavailable', 'the server is shutting down');
    const id = call.id ?? generatedId();
    const key = keyOf(tenant, id);
    const existing = this.entries.get(key)?.entry ?? (await this.creating.get(key)?.catch(() => undefined));
    if (existing !== undefined) {
      if (call.ifNotExists === true) return existing;
      throw burrowError('sandbox_exists', `sandbox '${id}' already exists: use another id, or --if-not-exists to reuse it`, {
        sandbox: id,
      });
    }
    const count = this.perTenant.get(tenant) ?? 0;
    if (count >= SERVICE_LIMITS.sandboxesPerTenantMax) {
      throw burrowError('limit_reached', `tenant has ${count} sandboxes: destroy some first`, { limit: SERVICE_LIMITS.sandboxesPerTenantMax });
    }
    this.perTenant.set(tenant, count + 1);
    const pending = this.place(tenant, id, key, call.labels ?? {});
    this.creating.set(key, pending);
    try {
      return await pending;
    } catch (e) {
      this.perTenant.set(tenant, (this.perTenant.get(tenant) ?? 1) - 1);
      throw e;
    } finally {
      this.creating.delete(key);
    }
  }

  get(tenant: string, id: string): SandboxEntry {
    const hosted = this.entries.get(keyOf(tenant, id));
    if (hosted === undefined) {
      throw burrowError('sandbox_not_found', `no sandbox '${id}' (see: burrow ls; create it with: burrow create ${id})`, { sandbox: id });
    }
    return hosted.entry;
  }

  /** Waits for a sandbox that is being created, then gets it. */
  async getReady(tenant: string, id: string): Promise<SandboxEntry> {
    const pending = this.creating.get(keyOf(tenant, id));
    if (pending !== undefined) await pending.catch(() => undefined);
    return this.get(tenant, id);
  }

  list(tenant: string, labels: Record<string, string> = {}): SandboxInfo[] {
    const prefix = `${tenant}\0`;
    const wanted = Object.entries(labels);
    const out: SandboxInfo[] = [];
    for (const [key, { entry }] of this.entries) {
      if (!key.startsWith(prefix)) continue;
      if (wanted.every(([k, v]) => entry.labels[k] === v)) out.push(entry.info());
    }
    return out;
  }

  async destroy(tenant: string, id: string): Promise<void> {
    const key = keyOf(tenant, id);
    const hosted = this.entries.get(key);
    if (hosted === undefined) this.get(tenant, id);
    else {
      this.entries.delete(key);
      this.perTenant.set(tenant, (this.perTenant.get(tenant) ?? 1) - 1);
      try {
        await hosted.entry.close();
      } finally {
        hosted.release();
      }
    }
  }

  /** Stops every sandbox, then every runner. New creates are refused from the first moment. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.creating.values()]);
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.allSettled(all.map((h) => h.entry.close().finally(h.release)));
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.allSettled(pools.map((p) => p.close()));
  }

  private async place(tenant: string, id: string, key: string, labels: Record<string, string>): Promise<SandboxEntry> {
    const placement = await this.pool(tenant).place(id);
    const entry = new SandboxEntry(id, { ...labels }, new Date().toISOString(), placement.kernel);
    if (this.closing) {
      await entry.close().finally(placement.release);
      throw burrowError('unavailable', 'the server is shutting down');
    }
    this.entries.set(key, { entry, release: placement.release });
    return entry;
  }

  private pool(tenant: string): TenantPool {
    let p = this.pools.get(tenant);
    if (p === undefined) {
      p = new TenantPool(tenant, this.hosts);
      this.pools.set(tenant, p);
    }
    return p;
  }
}

function keyOf(tenant: string, id: string): string {
  return `${tenant}\0${id}`;
}

function generatedId(): string {
  return `sb-${randomBytes(6).toString('hex')}`;
}
