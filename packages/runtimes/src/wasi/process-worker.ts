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
  // Load the shell while idle: a pooled worker then starts a session without paying for the import.
  setImmediate(() => {
    import('../shell-session/session-host.js').catch(() => {
      // Reported when a session actually needs it.
    });
  });
  port.on('message', (msg: { type: string; spec: RunSpec }) => {
    if (msg.type.startsWith('python-')) {
      import('../python/python-worker.js').then(
        ({ onPythonMessage }) => onPythonMessage(msg, port),
        (e: unknown) => port.postMessage({ type: 'crash', message: e instanceof Error ? e.message : String(e) }),
      );
      return;
    }
    if (msg.type !== 'run') return;
    if ((msg.spec as { kind: string }).kind === 'javascript') {
      const js = (msg.spec as { javascript?: { context?: boolean } }).javascript;
      import('../javascript/js-worker.js')
        .then((w) => (js?.context === true ? w.runJavascriptContext(msg.spec, port) : w.runJavascript(msg.spec, port)))
        .catch((e: unknown) => port.postMessage({ type: 'crash', message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    if (msg.spec.kind === 'python') {
      // One Python process per worker: it is retired afterwards (its interpreter is not reusable).
      import('../python/python-worker.js')
        .then(({ runPython }) => runPython(msg.spec, port))
        .catch((e: unknown) => port.postMessage({ type: 'crash', message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    if (msg.spec.kind === 'shell') {
      // A session lives as long as the worker: it answers exec messages until the kernel ends it. Messages
      // that arrive while its code loads are held and delivered in order once it listens.
      const early: unknown[] = [];
      const hold = (m: unknown): void => {
        early.push(m);
      };
      port.on('message', hold);
      import('../shell-session/session-host.js').then(
        ({ startSession }) => {
          port.off('message', hold);
          const listeners: Array<(m: unknown) => void> = [];
          startSession(msg.spec, {
            on: (_event, listener) => {
              listeners.push(listener);
              port.on('message', listener);
            },
            off: (_event, listener) => {
              port.off('message', listener);
            },
            postMessage: (m) => port.postMessage(m),
          });
          for (const m of early) for (const l of listeners) l(m);
        },
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
