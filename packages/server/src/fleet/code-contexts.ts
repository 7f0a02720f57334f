/**
 * The code-interpreter contexts of one sandbox as the service offers them: create/list/delete/interrupt
 * and runCode over the kernel's KernelContexts. A cell names its context or gets its language's default
 * context (named after the language); a context that does not exist is created on first use. Kernel errors
 * about contexts become the platform's context codes here (by errno, never by message).
 */
import type { CodeContextInfo, KernelApi } from '@burrow/kernel';
import {
  burrowError,
  type ContextInfo,
  type CreateContextRequest,
  Errno,
  isKernelError,
  type RunCodeRequest,
  type RunCodeResult,
} from '@burrow/protocol';

export interface RunCodeHooks {
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  /** Aborting interrupts the cell (the caller went away). */
  signal?: AbortSignal;
}

const info = (c: CodeContextInfo): ContextInfo => ({ id: c.id, language: c.language, cwd: c.cwd, busy: c.busy });

/** Maps the kernel's answers about context `id` to context codes; anything else passes through. */
function contextError(e: unknown, id: string | undefined, missing: boolean): unknown {
  if (!isKernelError(e)) return e;
  const details = id === undefined ? {} : { context: id };
  if (missing && e.errno === Errno.NOENT) return burrowError('context_not_found', `no context ${id ?? ''} in this sandbox`, details);
  if (e.errno === Errno.EXIST) return burrowError('context_exists', `context ${id ?? ''} already exists`, details);
  if (e.errno === Errno.NOTSUP) return burrowError('bad_request', `${e.message}: this sandbox cannot run that language`, details);
  return e;
}

async function mapped<T>(id: string | undefined, missing: boolean, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw contextError(e, id, missing);
  }
}

export class CodeContexts {
  constructor(private readonly kernel: KernelApi) {}

  create(req: CreateContextRequest): Promise<ContextInfo> {
    return mapped(req.id, false, async () =>
      info(
        await this.kernel.contexts.create({
          ...(req.id === undefined ? {} : { id: req.id }),
          ...(req.language === undefined ? {} : { language: req.language }),
          ...(req.cwd === undefined ? {} : { cwd: req.cwd }),
          ...(req.env === undefined ? {} : { env: req.env }),
        }),
      ),
    );
  }

  async list(): Promise<ContextInfo[]> {
    return (await this.kernel.contexts.list()).map(info);
  }

  delete(id: string): Promise<void> {
    return mapped(id, true, () => this.kernel.contexts.delete(id));
  }

  interrupt(id: string): Promise<void> {
    return mapped(id, true, () => this.kernel.contexts.interrupt(id));
  }

  async run(req: RunCodeRequest, hooks: RunCodeHooks = {}): Promise<RunCodeResult> {
    const id = req.context ?? req.language ?? 'python';
    const onAbort = (): void => {
      void this.kernel.contexts.interrupt(id).catch(() => {});
    };
    const once = async (): Promise<RunCodeResult> => {
      if (hooks.signal?.aborted === true) throw burrowError('bad_request', 'the run-code call was aborted before it started');
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await this.kernel.runCode(req.code, {
          ...(req.context === undefined ? {} : { context: req.context }),
          ...(req.language === undefined ? {} : { language: req.language }),
          ...(req.timeoutMs === undefined ? {} : { timeoutMs: req.timeoutMs }),
          ...(hooks.onStdout === undefined ? {} : { onStdout: hooks.onStdout }),
          ...(hooks.onStderr === undefined ? {} : { onStderr: hooks.onStderr }),
        });
      } finally {
        hooks.signal?.removeEventListener('abort', onAbort);
      }
    };
    try {
      return await once();
    } catch (e) {
      // The kernel creates a language's default context itself; a named one is created here.
      if (req.context === undefined || !isKernelError(e) || e.errno !== Errno.NOENT) throw contextError(e, id, false);
    }
    // First use of this context: create it (another call may have just done so), then run.
    try {
      await this.kernel.contexts.create({ id, language: req.language ?? 'python' });
    } catch (e) {
      if (!isKernelError(e) || e.errno !== Errno.EXIST) throw contextError(e, id, false);
    }
    return mapped(id, true, once);
  }
}
