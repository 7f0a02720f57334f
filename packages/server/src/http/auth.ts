/**
 * API keys and tenants (DESIGN.md §7 "HTTP conventions"). Keys map to tenant names; a request's tenant is the
 * one of its `Authorization: Bearer` key. Keys are kept only as SHA-256 digests, so a lookup compares digests
 * and leaks nothing of a key through timing. With no key configured every request is the `default` tenant,
 * and the server refuses to listen beyond loopback (checked where it listens).
 */
import { createHash } from 'node:crypto';
import { burrowError } from '@burrow/protocol';

export const DEFAULT_TENANT = 'default';

export class Auth {
  private readonly tenants = new Map<string, string>();

  constructor(keys: Readonly<Record<string, string>>) {
    for (const [key, tenant] of Object.entries(keys)) this.tenants.set(digest(key), tenant);
  }

  get open(): boolean {
    return this.tenants.size === 0;
  }

  /** Tenant names with at least one key (empty when open). */
  tenantNames(): string[] {
    return [...new Set(this.tenants.values())];
  }

  /** The tenant of an Authorization header value; throws unauthorized when keys are configured and it is refused. */
  tenantOf(authorization: string | undefined): string {
    if (this.open) return DEFAULT_TENANT;
    if (authorization === undefined || !authorization.startsWith('Bearer ')) {
      throw burrowError('unauthorized', 'missing API key: pass --api-key or set BURROW_API_KEY');
    }
    const tenant = this.tenants.get(digest(authorization.slice(7).trim()));
    if (tenant === undefined) throw burrowError('unauthorized', 'API key refused: check --api-key or BURROW_API_KEY');
    return tenant;
  }
}

function digest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
