/**
 * The syscall dispatcher: opcode → handler. It turns a KernelError into its errno, parks a call that
 * blocked, and answers everything else. A bug in a handler (anything that is not a KernelError) answers EIO
 * to the caller and is reported, so a guest can never crash the kernel with a request.
 */
import { Errno, H, isKernelError, Op } from '@burrow/protocol';
import { ChannelHost, type Endpoint } from '../channel/channel-host.js';
import { BLOCKED } from '../fd/descriptor.js';
import type { Process } from '../process/process.js';
import type { Handler, SyscallEnv } from './context.js';
import { fdHandlers } from './fd.js';
import { procHandlers } from './proc.js';

const table: Array<Handler | undefined> = [];
for (const group of [fdHandlers, procHandlers]) {
  for (const [op, h] of group) table[op] = h;
}

/** Registers handlers for more opcodes (families written in their own files). */
export function registerHandlers(group: ReadonlyArray<readonly [Op, Handler]>): void {
  for (const [op, h] of group) table[op] = h;
}

export function dispatch(env: SyscallEnv, p: Process, ep: Endpoint, onBug: (e: unknown) => void): void {
  const v = p.views;
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
