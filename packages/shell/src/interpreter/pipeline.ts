/**
 * Pipelines of several stages and background jobs. Stages run concurrently, each on a copy of the state (as
 * bash forks), joined by bounded pipes; a stage whose reader has gone is stopped as by SIGPIPE (status 141).
 * A background job runs on a copy of the state with its own stop signal and outlives the exec that started it.
 */
import type { AndOr, Pipeline } from '../ast/types.js';
import { KilledSignal } from './control.js';
import { type Fds, type Interpreter, signalOf } from './interpreter.js';
import { Pipe } from './streams.js';
import { setArray } from './vars.js';

export async function runStages(it: Interpreter, p: Pipeline, fds: Fds): Promise<number> {
  if (p.cmds.length > it.rt.limits.pipelineWidthMax) {
    await it.err(`pipeline too long (limit ${it.rt.limits.pipelineWidthMax} commands)`, fds);
    return 1;
  }
  await it.tick();
  const statuses = await it.observe('pipeline', async () => {
    const n = p.cmds.length;
    const pipes = Array.from({ length: n - 1 }, () => new Pipe(it.rt.limits.pipeBytes));
    // Under xtrace a stage starts once the one before it has traced its command, so the trace reads in order.
    const dispatched = (it.st.opts.xtrace ? p.cmds : []).map(() => {
      let open: () => void = () => {};
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      return { promise, open };
    });
    const runs = p.cmds.map(async (cmd, i) => {
      const stop = new AbortController();
      const out = pipes[i];
      if (out !== undefined) out.onReaderClosed = () => stop.abort(13);
      const parent = it.signal;
      const forward = () => stop.abort(parent.reason);
      if (parent.aborted) forward();
      else parent.addEventListener('abort', forward, { once: true });
      const child = it.fork(stop.signal);
      const stageFds = fds.slice();
      const inp = pipes[i - 1];
      if (inp !== undefined) stageFds[0] = { src: inp.source };
      if (out !== undefined) {
        stageFds[1] = { sink: out.sink };
        if (p.stderr[i]) stageFds[2] = { sink: out.sink };
      }
      await Promise.resolve();
      if (it.st.opts.xtrace) {
        child.onDispatch = dispatched[i]?.open ?? null;
        await dispatched[i - 1]?.promise;
      }
      try {
        return await child.execCommand(cmd, stageFds);
      } catch (e) {
        return await child.exitStatusOf(e, stageFds);
      } finally {
        dispatched[i]?.open();
        parent.removeEventListener('abort', forward);
        out?.closeWriter();
        inp?.closeReader();
      }
    });
    return Promise.all(runs);
  });
  if (it.signal.aborted) throw new KilledSignal(signalOf(it.signal));
  setArray(it.st, 'PIPESTATUS', statuses.map(String), false);
  let status = statuses[statuses.length - 1] ?? 0;
  if (it.st.opts.pipefail) for (const s of statuses) if (s !== 0) status = s;
  return status;
}

export function startJob(it: Interpreter, cmd: AndOr, fds: Fds, text: string): void {
  const controller = new AbortController();
  const child = it.fork(controller.signal);
  const id = it.st.nextJobId++;
  const pid = child.st.bashPid;
  const done = (async () => {
    await Promise.resolve();
    try {
      return await child.execAndOr(cmd, fds);
    } catch (e) {
      return child.exitStatusOf(e, fds);
    }
  })().then((status) => {
    const rec = it.st.jobs.find((j) => j.pid === pid);
    if (rec !== undefined) {
      rec.state = 'done';
      rec.status = status;
    }
    return status;
  });
  it.rt.jobs.set(pid, { id, pid, done, controller });
  it.st.jobs.push({ id, pid, text, state: 'running', status: 0 });
  it.st.lastBgPid = pid;
}
