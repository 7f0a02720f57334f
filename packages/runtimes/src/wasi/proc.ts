/**
 * proc_exit and sched_yield. proc_exit tells the kernel (which records the status, closes the process's fds
 * and wakes its waiters), then unwinds the guest with ProcessExit.
 */
import { Errno, Op } from '@burrow/protocol';
import { ProcessExit, type ImportFn, type ShimContext } from './shim-context.js';

export function exitProcess(ctx: ShimContext, code: number): never {
  ctx.views.i32[0] = code;
  ctx.views.i32[1] = 0;
  ctx.call(Op.proc_exit);
  throw new ProcessExit(code);
}

/** Reports a trap: the kernel ends the process with 134 and puts the message on its stderr. */
export function reportTrap(ctx: ShimContext, message: string): void {
  const bytes = new TextEncoder().encode(message.slice(0, 1000));
  ctx.views.data.set(bytes, 0);
  ctx.views.i32[0] = 134;
  ctx.views.i32[1] = 1;
  ctx.call(Op.proc_exit, bytes.length);
}

export function procImports(ctx: ShimContext): Record<string, ImportFn> {
  return {
    proc_exit: (code: number) => exitProcess(ctx, code),
    sched_yield: () => Errno.SUCCESS,
  };
}
