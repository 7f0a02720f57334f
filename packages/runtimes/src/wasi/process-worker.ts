/**
 * Entry of a process worker thread. It waits for `run` messages, each a process to run, and reports to the
 * launcher when the guest is done. A worker runs one process at a time and can be reused for the next.
 *
 * Messages in:  { type: 'run', spec: RunSpec }
 * Messages out: { type: 'done' } once the kernel has the exit status; { type: 'crash', message } on a failure
 * outside the guest.
 */
import { parentPort } from 'node:worker_threads';
import { type RunSpec, runProcess } from './run-process.js';

const port = parentPort;
if (port !== null) {
  port.postMessage({ type: 'ready' });
  port.on('message', (msg: { type: string; spec: RunSpec }) => {
    if (msg.type !== 'run') return;
    if (msg.spec.kind === 'shell') {
      // A session lives as long as the worker: it answers exec messages until the kernel ends it.
      import('../shell-session/session-host.js').then(
        ({ startSession }) => startSession(msg.spec, port),
        (e: unknown) => port.postMessage({ type: 'crash', message: e instanceof Error ? e.message : String(e) }),
      );
      return;
    }
    try {
      runProcess(msg.spec);
      port.postMessage({ type: 'done' });
    } catch (e) {
      port.postMessage({ type: 'crash', message: e instanceof Error ? e.message : String(e) });
    }
  });
}
