/**
 * proc_raise shim: asks the kernel, which answers ENOTSUP for every signal (kernel/src/wasi/proc.ts says why).
 */
import { Op } from '@burrow/protocol';
import type { ImportFn, ShimContext } from './shim-context.js';

export function procRaiseImports(ctx: ShimContext): Record<string, ImportFn> {
  return {
    proc_raise: (sig: number) => {
      ctx.views.i32[0] = sig;
      return ctx.call(Op.proc_raise);
    },
  };
}
