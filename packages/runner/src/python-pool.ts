/**
 * Workers for Python processes. A new Python process never boots Pyodide: it restores a template image of
 * an initialised interpreter, made once per Pyodide build on first use and cached in `cacheDir`. A small
 * pool of workers that have already restored the image waits for processes, so a spawn is a hand-over;
 * the pool refills in the background. A worker runs one Python process and is then retired.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LaunchEvents, LaunchSpec, ProcessLauncher, WorkerHandle } from '@burrow/kernel';
import { PROCESS_WORKER_URL, PYTHON_TEMPLATE_KEY } from '@burrow/runtimes';
import { PYTHON_LIMITS } from '@burrow/protocol';

export interface PythonPoolOptions {
  /** Where template images are kept (one file per Pyodide build). Default: a directory under the OS temp dir. */
  cacheDir?: string;
  /** Workers kept with a restored interpreter, ready for a process (each holds ~100–200 MB). */
  warm?: number;
  execArgv?: string[];
  /**
   * The template image, when the host already has it (a runner under the permission model cannot write
   * files: its server makes or loads the image and hands it over). `cacheDir` is then not used.
   */
  template?: Uint8Array;
}

/** Default number of warm interpreters: one hides the restore of the next spawn. */
export const PYTHON_WARM_DEFAULT = PYTHON_LIMITS.warmInterpretersDefault;

/** Delay before the pool starts replacing a worker it handed out. */
const PYTHON_REFILL_DELAY_MS = PYTHON_LIMITS.refillDelayMs;

interface Warm {
  worker: Worker;
  ready: Promise<void>;
}

/** Copies bytes into shared memory, so every worker reads one copy. */
function shareBytes(bytes: Uint8Array): SharedArrayBuffer {
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

export class PythonPool implements Pick<ProcessLauncher, 'launch'> {
  readonly cacheDir: string;
  private readonly warmMax: number;
  private readonly execArgv: string[];
  private templatePromise: Promise<SharedArrayBuffer> | null = null;
  private readonly idle: Warm[] = [];
  private readonly busy = new Set<Worker>();
  private closed = false;
  private refilling = false;

  constructor(opts: PythonPoolOptions = {}) {
    this.cacheDir = opts.cacheDir ?? join(tmpdir(), 'burrow-python-cache');
    this.warmMax = opts.warm ?? PYTHON_WARM_DEFAULT;
    this.execArgv = opts.execArgv ?? [];
    if (opts.template !== undefined) this.templatePromise = Promise.resolve(shareBytes(opts.template));
  }

  get templatePath(): string {
    return join(this.cacheDir, `pyodide-${PYTHON_TEMPLATE_KEY}.image`);
  }

  /** The template image, from the cache or made now (once per build; concurrent callers share the work). */
  template(): Promise<SharedArrayBuffer> {
    this.templatePromise ??= this.loadOrMakeTemplate();
    return this.templatePromise;
  }

  private async loadOrMakeTemplate(): Promise<SharedArrayBuffer> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.templatePath);
    } catch {
      bytes = await this.makeTemplate();
      try {
        await mkdir(this.cacheDir, { recursive: true });
        const tmp = `${this.templatePath}.${process.pid}.tmp`;
        await writeFile(tmp, bytes);
        await rename(tmp, this.templatePath);
      } catch {
        // An unwritable cache costs the next host a template build, nothing else.
      }
    }
    return shareBytes(bytes);
  }

  private makeTemplate(): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const w = new Worker(PROCESS_WORKER_URL, { execArgv: this.execArgv });
      w.on('message', (msg: { type: string; bytes?: Uint8Array; message?: string }) => {
        if (msg.type === 'python-template' && msg.bytes !== undefined) {
          resolve(msg.bytes);
          void w.terminate();
        } else if (msg.type === 'crash') {
          reject(new Error(`python template: ${msg.message ?? 'failed'}`));
          void w.terminate();
        }
      });
      w.on('error', reject);
      w.postMessage({ type: 'python-make-template' });
    });
  }

  /** Starts warm workers up to the pool's size (after the template exists). */
  async prewarm(n = this.warmMax): Promise<void> {
    const template = await this.template();
    const started: Promise<void>[] = [];
    while (!this.closed && this.idle.length < n) {
      const warm = this.newWarm(template);
      this.idle.push(warm);
      started.push(warm.ready);
    }
    await Promise.all(started);
  }

  private newWarm(template: SharedArrayBuffer): Warm {
    const worker = new Worker(PROCESS_WORKER_URL, { execArgv: this.execArgv });
    worker.unref();
    const ready = new Promise<void>((resolve) => {
      const onMessage = (msg: { type?: string }): void => {
        if (msg.type === 'python-ready' || msg.type === 'crash') {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
    });
    worker.postMessage({ type: 'python-prepare', template });
    return { worker, ready };
  }

  private scheduleRefill(): void {
    if (this.refilling || this.closed || this.warmMax === 0) return;
    this.refilling = true;
    // A restore takes a core for a few hundred ms: start it after the process just handed over has had
    // its first moments (most short programs are done by then) rather than competing with it.
    const t = setTimeout(() => {
      void this.prewarm().finally(() => {
        this.refilling = false;
      });
    }, PYTHON_REFILL_DELAY_MS);
    t.unref();
  }

  launch(spec: LaunchSpec, events: LaunchEvents): WorkerHandle {
    if (this.closed) throw new Error('python pool is closed');
    // A spec that brings its own image (a context being restored) needs a worker of its own.
    const ownImage = spec.python?.template !== undefined;
    const warm = ownImage ? undefined : this.idle.shift();
    const w = warm?.worker ?? new Worker(PROCESS_WORKER_URL, { execArgv: this.execArgv });
    this.busy.add(w);
    w.ref();
    let finished = false;
    const cleanup = (): void => {
      finished = true;
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      this.busy.delete(w);
      void w.terminate();
    };
    const onMessage = (msg: { type: string; message?: string }): void => {
      if (msg.type === 'done') {
        cleanup();
        events.onDone();
      } else if (msg.type === 'crash') {
        cleanup();
        events.onCrash(msg.message ?? 'unknown failure');
      } else if (msg.type !== 'python-ready' && msg.type !== 'ready') {
        events.onMessage?.(msg);
      }
    };
    const onError = (err: Error): void => {
      cleanup();
      events.onCrash(err.message);
    };
    const onExit = (code: number): void => {
      if (finished) return;
      cleanup();
      events.onCrash(`worker exited with code ${code}`);
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    if (warm !== undefined || ownImage) {
      w.postMessage({ type: 'run', spec });
    } else {
      // No warm interpreter: this process restores the image itself (or boots, if the image cannot be had).
      this.template().then(
        (template) => {
          const python = spec.python === undefined ? undefined : { ...spec.python, template };
          if (!finished) w.postMessage({ type: 'run', spec: { ...spec, python } });
        },
        () => {
          if (!finished) w.postMessage({ type: 'run', spec });
        },
      );
    }
    this.scheduleRefill();
    return {
      terminate: () => {
        if (finished) return;
        cleanup();
      },
      post: (message: unknown) => {
        if (!finished) w.postMessage(message);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle.map((x) => x.worker), ...this.busy];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
