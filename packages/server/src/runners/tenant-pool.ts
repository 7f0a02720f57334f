/**
 * The runners of one tenant: sandboxes of different tenants never share a runner. A sandbox goes to the
 * runner with the fewest sandboxes; a new runner starts when every runner holds
 * SERVICE_LIMITS.sandboxesPerRunnerMax, up to SERVICE_LIMITS.runnersPerTenantMax. Starting a runner is
 * shared by concurrent callers (one start, many waiters).
 */
import type { KernelApi } from '@burrow/kernel';
import { burrowError, SERVICE_LIMITS } from '@burrow/protocol';
import type { HostFactory, KernelHost } from './kernel-host.js';

interface Slot {
  host: Promise<KernelHost>;
  sandboxes: number;
}

export interface Placement {
  kernel: KernelApi;
  /** Gives the slot back when the sandbox is gone (after its kernel is closed). */
  release(): void;
}

export class TenantPool {
  private readonly slots: Slot[] = [];

  constructor(
    private readonly tenant: string,
    private readonly factory: HostFactory,
  ) {}

  /** Starts the first runner ahead of the first sandbox, so a first create does not pay for it. */
  prewarm(): void {
    if (this.slots.length === 0) this.addSlot();
  }

  async place(key: string): Promise<Placement> {
    const slot = this.pick();
    slot.sandboxes++;
    try {
      const host = await slot.host;
      const kernel = await host.createKernel(key);
      let released = false;
      return {
        kernel,
        release: () => {
          if (released) return;
          released = true;
          slot.sandboxes--;
        },
      };
    } catch (e) {
      slot.sandboxes--;
      throw e;
    }
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.allSettled(slots.map(async (s) => (await s.host).close()));
  }

  private pick(): Slot {
    let best: Slot | undefined;
    for (const s of this.slots) if (best === undefined || s.sandboxes < best.sandboxes) best = s;
    if (best !== undefined && best.sandboxes < SERVICE_LIMITS.sandboxesPerRunnerMax) return best;
    if (this.slots.length < SERVICE_LIMITS.runnersPerTenantMax) return this.addSlot();
    throw burrowError('limit_reached', `tenant '${this.tenant}' has reached its sandbox capacity: destroy sandboxes first`, {
      limit: SERVICE_LIMITS.sandboxesPerRunnerMax * SERVICE_LIMITS.runnersPerTenantMax,
    });
  }

  private addSlot(): Slot {
    const slot: Slot = { host: this.factory(this.tenant), sandboxes: 0 };
    // A runner that cannot start is dropped so that the next call tries a fresh one.
    slot.host.catch(() => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
    });
    this.slots.push(slot);
    return slot;
  }
}
