/**
 * Entry of a runner process (started by RunnerProcess with the hardening flags of hardening.ts): hosts the
 * kernels of its sandboxes and answers its parent over the child-process IPC channel. It ends when the parent
 * disconnects. Plain JavaScript at run time: the permission model refuses native addons.
 *
 * Start-up order serves `burrow wasm run`'s latency: the warm worker starts first, `ready` goes out at once,
 * and the kernel code loads while both proceed; messages that arrive before it has loaded wait in order.
 *
 * Flags: `--probes` accepts the test-only probe request.
 */
import type { RunnerMessage } from './ipc.js';
import { WorkerPool } from './worker-pool.js';

function main(): void {
  if (process.send === undefined) {
    process.stderr.write('burrow runner: must be started by a parent process with an IPC channel\n');
    process.exitCode = 2;
    return;
  }
  const pool = new WorkerPool();
  // A warm worker hides a worker thread's start-up from the first spawn.
  pool.prewarm(1);
  const send = (m: RunnerMessage): void => {
    if (!process.connected) return;
    process.send?.(m, undefined, undefined, (err: Error | null) => {
      // A send can fail only once the parent is gone; the disconnect handler ends the runner.
      if (err !== null && process.connected) process.stderr.write(`burrow runner: send failed: ${err.message}\n`);
    });
  };
  const early: unknown[] = [];
  let handle = (m: unknown): void => {
    early.push(m);
  };
  let closeAll = async (): Promise<void> => {};
  process.on('message', (m: unknown) => handle(m));
  process.on('disconnect', () => {
    void closeAll().finally(() => process.exit(0));
  });
  send({ t: 'ready' });
  void import('./runner-service.js').then(({ RunnerService }) => {
    const service = new RunnerService({ send, pool, probes: process.argv.includes('--probes') });
    handle = (m) => service.handle(m);
    closeAll = () => service.closeAll();
    for (const m of early.splice(0)) service.handle(m);
  });
}

main();
