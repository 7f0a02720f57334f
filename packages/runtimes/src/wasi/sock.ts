/**
 * sock_* shims: one kernel call each with the fd (and flags or how), which answers ENOTSOCK or EBADF
 * (kernel/src/wasi/sock.ts). Result pointers are checked first so a bad one is EFAULT as for every call.
 */
import { Op } from '@burrow/protocol';
import type { ImportFn, ShimContext } from './shim-context.js';

export function sockImports(ctx: ShimContext): Record<string, ImportFn> {
  const v = ctx.views;
  const call = (op: Op, fd: number, arg = 0): number => {
    v.i32[0] = fd;
    v.i32[1] = arg;
    return ctx.call(op);
  };
  return {
    sock_accept: (fd: number, flags: number, fdPtr: number) => {
      ctx.mem.check(fdPtr, 4);
      return call(Op.sock_accept, fd, flags);
    },
    sock_recv: (fd: number, iovsPtr: number, iovsLen: number, _flags: number, nPtr: number, flagsPtr: number) => {
      ctx.mem.iovecs(iovsPtr, iovsLen);
      ctx.mem.check(nPtr, 4);
      ctx.mem.check(flagsPtr, 2);
      return call(Op.sock_recv, fd);
    },
    sock_send: (fd: number, iovsPtr: number, iovsLen: number, _flags: number, nPtr: number) => {
      ctx.mem.iovecs(iovsPtr, iovsLen);
      ctx.mem.check(nPtr, 4);
      return call(Op.sock_send, fd);
    },
    sock_shutdown: (fd: number, how: number) => call(Op.sock_shutdown, fd, how),
  };
}
