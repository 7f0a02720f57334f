/**
 * Process workers for one host: a warm pool of idle worker threads (a new thread costs ~30 ms, a pooled one
 * nothing), handed out by `launch` and taken back when the guest is done. A worker that is terminated (kill,
 * limit) is not reused; the pool refills in the background.
 */
import { Worker } from 'node:worker_threads';
import type { LaunchEvents, LaunchSpec, ProcessLauncher, WorkerHandle } from '@burrow/kernel';
import { WORKER_POOL } from '@burrow/protocol';
import { PROCESS_WORKER_URL } from '@burrow/runtimes';

export class WorkerPool implements ProcessLauncher {
  private readonly idle: Worker[] = [];
  /** Idle workers whose thread has booted (they said 'ready'): handed out first. */
  private readonly ready = new WeakSet<Worker>();
  private readonly busy = new Set<Worker>();
  private closed = false;
  private refillScheduled = false;

  constructor(
    private readonly idleMax: number = WORKER_POOL.idleWorkersMax,
    private readonly execArgv: string[] = [],
  ) {}

  /** Starts `n` idle workers now (e.g. at host start), up to the pool's size. */
  prewarm(n = this.idleMax): void {
    while (this.idle.length < Math.min(n, this.idleMax)) this.idle.push(this.newWorker());
  }

  private newWorker(): Worker {
    const w = new Worker(PROCESS_WORKER_URL, { execArgv: this.execArgv });
    w.unref();
    const onReady = (msg: { type?: string }): void => {
      if (msg.type !== 'ready') return;
      w.off('message', onReady);
      this.ready.add(w);
    };
    w.on('message', onReady);
    return w;
  }

  /** An idle worker, preferring one that has booted. */
  private takeIdle(): Worker | undefined {
    for (let i = this.idle.length - 1; i >= 0; i--) {
      const w = this.idle[i] as Worker;
      if (this.ready.has(w)) {
        this.idle.splice(i, 1);
        return w;
      }
    }
    return this.idle.shift();
  }

  /**
   * Keeps WORKER_POOL.spareWorkers booting or ready. The pool grows past that only with workers handed back after
   * use (already booted and warm), so a steady stream of short processes reuses the same few threads instead
   * of booting a new one per process.
   */
  private scheduleRefill(): void {
    if (this.refillScheduled || this.closed || this.idle.length >= WORKER_POOL.spareWorkers) return;
    this.refillScheduled = true;
    setImmediate(() => {
      this.refillScheduled = false;
      if (!this.closed) this.prewarm(WORKER_POOL.spareWorkers);
    });
  }

  launch(spec: LaunchSpec, events: LaunchEvents): WorkerHandle {
    if (this.closed) throw new Error('worker pool is closed');
    const w = this.takeIdle() ?? this.newWorker();
    this.busy.add(w);
    w.ref();
    let finished = false;
    const cleanup = (): void => {
      finished = true;
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      this.busy.delete(w);
    };
    const onMessage = (msg: { type: string; message?: string }): void => {
      if (msg.type === 'done') {
        cleanup();
        w.unref();
        if (!this.closed && this.idle.length < this.idleMax) this.idle.push(w);
        else void w.terminate();
        events.onDone();
      } else if (msg.type === 'crash') {
        cleanup();
        void w.terminate();
        events.onCrash(msg.message ?? 'unknown failure');
        this.scheduleRefill();
      } else {
        events.onMessage?.(msg);
      }
    };
    const onError = (err: Error): void => {
      cleanup();
      events.onCrash(err.message);
      this.scheduleRefill();
    };
    const onExit = (code: number): void => {
      if (finished) return;
      cleanup();
      events.onCrash(`worker exited with code ${code}`);
      this.scheduleRefill();
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage({ type: 'run', spec });
    this.scheduleRefill();
    return {
      terminate: () => {
        if (finished) return;
        cleanup();
        void w.terminate();
        this.scheduleRefill();
      },
      post: (message: unknown) => {
        if (!finished) w.postMessage(message);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
