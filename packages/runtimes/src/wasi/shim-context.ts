/**
 * What every WASI import shim shares: the guest's memory, the channel to the kernel, the process's argv and
 * environment, and the way out (proc_exit unwinds the guest with ProcessExit).
 */
import { H } from '@burrow/protocol';
import type { ChannelClient } from './channel-client.js';
import type { GuestMemory } from './guest-memory.js';

export class ProcessExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export type ImportFn = (...args: never[]) => number | bigint | undefined;

export class ShimContext {
  constructor(
    readonly mem: GuestMemory,
    readonly channel: ChannelClient,
    readonly argv: readonly Uint8Array[],
    readonly env: readonly Uint8Array[],
  ) {}

  get views(): ChannelClient['views'] {
    return this.channel.views;
  }

  /** One syscall: records the guest's memory size for accounting, then blocks for the kernel's answer. */
  call(op: number, inLen = 0): number {
    this.channel.views.header[H.MEM_PAGES] = this.mem.byteLength >>> 16;
    return this.channel.call(op, inLen);
  }
}
