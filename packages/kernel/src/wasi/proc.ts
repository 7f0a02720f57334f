/**
 * proc_* and sched_* syscalls. proc_exit carries a kind in i32[1]: 0 an exit with status i32[0], 1 a trap
 * whose message is in data (the process ends with 134 and the message on stderr). proc_raise (i32[0] signal)
 * answers ENOTSUP for every signal, as wasmtime does: wasi-libc's raise() and abort() never call it (they exit
 * or trap inside the guest), and a guest that wants to end itself has proc_exit.
 */
import { Errno, H, Op } from '@burrow/protocol';
import type { Handler } from './context.js';

const decoder = new TextDecoder();

const proc_exit: Handler = (env, p) => {
  const v = p.views;
  const kind = v.i32[1] as number;
  if (kind === 1) {
    const len = Math.min(Math.max(v.header[H.IN_LEN] as number, 0), v.data.length);
    const message = decoder.decode(v.data.subarray(0, len));
    env.stderrMessage(p, `burrow: process ${p.pid} (${p.argv[0] ?? ''}) trapped: ${message}\n`);
    env.exit(p, { exitCode: 134, reason: 'trap' });
  } else {
    env.exit(p, { exitCode: (v.i32[0] as number) & 0xff });
  }
  return Errno.SUCCESS;
};

const sched_yield: Handler = () => Errno.SUCCESS;

const proc_raise: Handler = () => Errno.NOTSUP;

export const procHandlers: ReadonlyArray<readonly [Op, Handler]> = [
  [Op.proc_exit, proc_exit],
  [Op.sched_yield, sched_yield],
  [Op.proc_raise, proc_raise],
];
