/**
 * Code-interpreter contexts of one sandbox: each is a long-lived interpreter process (Python on Pyodide,
 * JavaScript or TypeScript on QuickJS) whose variables, imports and functions persist across `runCode` calls. Calls to one context run one at a time, in order (images
 * too, so an image is always taken between cells); contexts run in parallel. A context is identified by
 * a name; `runCode` without one uses the default context, created on first use.
 */
import { Errno, KernelError, PYTHON_LIMITS } from '@burrow/protocol';
import type { Process } from '../process/process.js';

export type MimeBundle = Record<string, unknown>;

export interface RunCodeError {
  name: string;
  value: string;
  traceback: string;
}

export interface RunCodeResult {
  /** The last expression's value as MIME bundles (text/plain always). */
  results: MimeBundle[];
  stdout: string;
  stderr: string;
  error?: RunCodeError;
}

export type ContextLanguage = 'python' | 'javascript' | 'typescript';

export interface RunCodeOptions {
  /** The context's id (default: the language's default context, named after it and created on first use). */
  context?: string;
  /** The language of the default context to use when `context` is absent (default 'python'). */
  language?: ContextLanguage;
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  /** The cell is interrupted (KeyboardInterrupt) past it, and its context killed if it does not stop. */
  timeoutMs?: number;
}

export interface CreateContextOptions {
  id?: string;
  language?: ContextLanguage;
  cwd?: string;
  env?: Record<string, string>;
  /** An image from `image()`: the new context starts with that context's variables. */
  image?: Uint8Array;
}

export interface CodeContextInfo {
  id: string;
  language: ContextLanguage;
  cwd: string;
  pid: number;
  busy: boolean;
}

/** What the manager needs of the kernel. */
export interface ContextKernel {
  spawnPythonContext(cwd: string, env: Record<string, string>, image?: Uint8Array): Process;
  spawnJavascriptContext(cwd: string, env: Record<string, string>, image?: Uint8Array): Process;
  onWorkerMessage(pid: number, handler: ((message: unknown) => void) | null): void;
  signal(pid: number, signal: 'SIGINT' | 'SIGKILL'): void;
}

/** The default context of `runCode` without a context or a language (each language has its own default). */
export const DEFAULT_CONTEXT = 'python';
const LANGUAGES: ReadonlySet<string> = new Set(['python', 'javascript', 'typescript']);

/** Each worker speaks its own message names: python-… for Pyodide, js-… for QuickJS. */
function prefixOf(language: ContextLanguage): 'python' | 'js' {
  return language === 'python' ? 'python' : 'js';
}
/** Time a timed-out cell has to stop after its KeyboardInterrupt before its context is killed. */
const INTERRUPT_GRACE_MS = PYTHON_LIMITS.interruptGraceMs;
const CONTEXT_ENV: Readonly<Record<string, string>> = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' };
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

interface Message {
  type?: string;
  id?: number;
  stream?: 'stdout' | 'stderr';
  text?: string;
  json?: string;
  bytes?: Uint8Array;
  error?: string;
}

class Context {
  busy = false;
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private readonly pending = new Map<number, { onMessage: (m: Message) => void; onExit: () => void }>();
  readonly ready: Promise<void>;

  readonly prefix: 'python' | 'js';

  constructor(
    readonly id: string,
    readonly language: ContextLanguage,
    readonly cwd: string,
    readonly process: Process,
    kernel: ContextKernel,
  ) {
    this.prefix = prefixOf(language);
    this.ready = new Promise((resolve, reject) => {
      kernel.onWorkerMessage(process.pid, (raw) => {
        const m = raw as Message;
        if (m.type === `${this.prefix}-context-ready`) resolve();
        else if (m.id !== undefined) this.pending.get(m.id)?.onMessage(m);
      });
      void process.wait().then(() => {
        kernel.onWorkerMessage(process.pid, null);
        reject(new KernelError(Errno.CHILD, 'context ended'));
        for (const p of this.pending.values()) p.onExit();
      });
    });
    this.ready.catch(() => {});
  }

  /** Runs `task` after every call queued before it. */
  queue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => {});
    return run;
  }

  /** One request to the worker; resolves with the final message `doneType`. */
  request(message: Record<string, unknown>, doneType: string, onMessage: (m: Message) => void): Promise<Message | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, {
        onMessage: (m) => {
          if (m.type === doneType) {
            this.pending.delete(id);
            resolve(m);
          } else onMessage(m);
        },
        onExit: () => {
          this.pending.delete(id);
          resolve(null);
        },
      });
      this.process.worker?.post({ ...message, id });
    });
  }
}

export class ContextManager {
  private readonly contexts = new Map<string, Context>();

  constructor(private readonly kernel: ContextKernel) {}

  async create(opts: CreateContextOptions = {}): Promise<CodeContextInfo> {
    const id = opts.id ?? `ctx-${this.contexts.size + 1}-${Date.now().toString(36)}`;
    if (!ID_RE.test(id)) throw new KernelError(Errno.INVAL, 'bad context id');
    if (this.contexts.has(id)) throw new KernelError(Errno.EXIST, `context ${id} exists`);
    const language = opts.language ?? 'python';
    if (!LANGUAGES.has(language)) throw new KernelError(Errno.INVAL, `unknown language ${String(language)}`);
    const cwd = opts.cwd ?? '/root';
    const env = { ...CONTEXT_ENV, ...opts.env };
    const p =
      language === 'python'
        ? this.kernel.spawnPythonContext(cwd, env, opts.image)
        : this.kernel.spawnJavascriptContext(cwd, env, opts.image);
    const ctx = new Context(id, language, cwd, p, this.kernel);
    this.contexts.set(id, ctx);
    void p.wait().then(() => {
      if (this.contexts.get(id) === ctx) this.contexts.delete(id);
    });
    await ctx.ready;
    return this.info(ctx);
  }

  list(): CodeContextInfo[] {
    return [...this.contexts.values()].map((c) => this.info(c));
  }

  private info(c: Context): CodeContextInfo {
    return { id: c.id, language: c.language, cwd: c.cwd, pid: c.process.pid, busy: c.busy };
  }

  private get(id: string): Context {
    const c = this.contexts.get(id);
    if (c === undefined) throw new KernelError(Errno.NOENT, `no context ${id}`);
    return c;
  }

  delete(id: string): void {
    const c = this.get(id);
    this.contexts.delete(id);
    this.kernel.signal(c.process.pid, 'SIGKILL');
  }

  /** Interrupts the running cell of a context (KeyboardInterrupt); nothing happens when it is idle. */
  interrupt(id: string): void {
    const c = this.get(id);
    if (c.busy) this.kernel.signal(c.process.pid, 'SIGINT');
  }

  async runCode(code: string, opts: RunCodeOptions = {}): Promise<RunCodeResult> {
    const language = opts.language ?? 'python';
    if (!LANGUAGES.has(language)) throw new KernelError(Errno.INVAL, `unknown language ${String(language)}`);
    const id = opts.context ?? language;
    if (!this.contexts.has(id)) {
      if (opts.context !== undefined) throw new KernelError(Errno.NOENT, `no context ${id}`);
      await this.create({ id, language });
    }
    const c = this.get(id);
    await c.ready;
    return c.queue(async () => {
      const out = { stdout: '', stderr: '' };
      c.busy = true;
      let timedOut = false;
      const timers: NodeJS.Timeout[] = [];
      if (opts.timeoutMs !== undefined) {
        timers.push(
          setTimeout(() => {
            timedOut = true;
            this.kernel.signal(c.process.pid, 'SIGINT');
            timers.push(setTimeout(() => this.kernel.signal(c.process.pid, 'SIGKILL'), INTERRUPT_GRACE_MS));
          }, opts.timeoutMs),
        );
      }
      try {
        const request = { type: `${c.prefix}-run-code`, code, language: c.language };
        const done = await c.request(request, `${c.prefix}-code-done`, (m) => {
          if (m.type !== `${c.prefix}-output` || m.text === undefined) return;
          if (m.stream === 'stderr') {
            out.stderr += m.text;
            opts.onStderr?.(m.text);
          } else {
            out.stdout += m.text;
            opts.onStdout?.(m.text);
          }
        });
        if (done === null || done.json === undefined) {
          const value = timedOut ? `cell exceeded ${opts.timeoutMs} ms and its context was killed` : 'the context ended';
          return { results: [], ...out, error: { name: timedOut ? 'TimeoutError' : 'ContextDied', value, traceback: '' } };
        }
        const parsed = JSON.parse(done.json) as { results: MimeBundle[]; error?: RunCodeError };
        if (timedOut && parsed.error?.name === 'KeyboardInterrupt') {
          parsed.error = { ...parsed.error, name: 'TimeoutError', value: `cell exceeded ${opts.timeoutMs} ms` };
        }
        return { results: parsed.results, ...out, ...(parsed.error === undefined ? {} : { error: parsed.error }) };
      } finally {
        c.busy = false;
        for (const t of timers) clearTimeout(t);
      }
    });
  }

  /**
   * An image of an idle context's interpreter (its heap: variables, functions, imported modules), taken
   * between cells. `create({ image })` starts a context from it, in this sandbox or another.
   */
  image(id: string): Promise<Uint8Array> {
    const c = this.get(id);
    return c.queue(async () => {
      const done = await c.request({ type: `${c.prefix}-image` }, `${c.prefix}-image-done`, () => {});
      if (done === null) throw new KernelError(Errno.CHILD, 'context ended');
      if (done.bytes === undefined) throw new KernelError(Errno.IO, done.error ?? 'image failed');
      return done.bytes;
    });
  }

  close(): void {
    for (const id of [...this.contexts.keys()]) this.delete(id);
  }
}
