/**
 * The syscall dispatcher: opcode → handler. It turns a KernelError into its errno, parks a call that
 * blocked, and answers everything else. A bug in a handler (anything that is not a KernelError) answers EIO
 * to the caller and is reported, so a guest can never crash the kernel with a request.
 */
import { Errno, H, isKernelError, type Op } from '@burrow/protocol';
import { ChannelHost, type Endpoint } from '../channel/channel-host.js';
import { BLOCKED } from '../fd/descriptor.js';
import type { Process } from '../process/process.js';
import type { Handler, SyscallEnv } from './context.js';
import { fdHandlers } from './fd.js';
import { fdReaddirHandlers } from './fd-readdir.js';
import { fdStatHandlers } from './fd-stat.js';
import { pathHandlers } from './path.js';
import { pollHandlers } from './poll.js';
import { procHandlers } from './proc.js';
import { sockHandlers } from './sock.js';

const table: Array<Handler | undefined> = [];
for (const group of [fdHandlers, fdStatHandlers, fdReaddirHandlers, pathHandlers, pollHandlers, procHandlers, sockHandlers]) {
  for (const [op, h] of group) table[op] = h;
}

/** Registers handlers for more opcodes (families written in their own files). */
export function registerHandlers(group: ReadonlyArray<readonly [Op, Handler]>): void {
  for (const [op, h] of group) table[op] = h;
}

/** Handler runs per process, re-runs of a woken call included (for tests and accounting). */
const runs = new WeakMap<Process, number>();

/** How many times the kernel has run a handler for `p` (a parked call counts again each time it is woken). */
export function syscallCount(p: Process): number {
  return runs.get(p) ?? 0;
}

export function dispatch(env: SyscallEnv, p: Process, ep: Endpoint, onBug: (e: unknown) => void): void {
  const v = p.views;
  runs.set(p, (runs.get(p) ?? 0) + 1);
  const op = v.header[H.OP] as number;
  v.header[H.OUT_LEN] = 0;
  const h = table[op];
  let errno: number;
  if (h === undefined) {
    errno = Errno.NOSYS;
  } else {
    try {
      const r = h(env, p);
      if (r === BLOCKED) {
        ep.parked = true;
        return;
      }
      errno = r;
    } catch (e) {
      if (isKernelError(e)) {
        errno = e.errno;
      } else {
        onBug(e);
        errno = Errno.IO;
      }
    }
  }
  ChannelHost.reply(ep, errno);
}
