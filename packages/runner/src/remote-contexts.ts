/**
 * The code-interpreter half of RemoteKernel: KernelContexts and runCode over the runner IPC
 * (ipc-contexts.ts). A cell with output callbacks asks the runner for `code-output` events; they arrive
 * before the reply, in order, and are handed to the callbacks as they come. A run leaves the table when its
 * reply (or failure) arrives, so a late event for it is dropped.
 */
import type { CodeContextInfo, KernelContexts, RunCodeOptions, RunCodeResult } from '@burrow/kernel';
import { contextInfo, contextInfos, type ContextCall, type ContextEvent, runCodeResult } from './ipc-contexts.js';
import type { Check } from './ipc-check.js';
import { bytesReply, nothing } from './ipc.js';
import type { RunnerLink } from './remote-kernel-link.js';

type Callbacks = Pick<RunCodeOptions, 'onStdout' | 'onStderr'>;

export class RemoteContexts {
  readonly api: KernelContexts;
  private readonly runs = new Map<number, Callbacks>();

  constructor(
    private readonly link: RunnerLink,
    private readonly sandbox: string,
    private readonly nextId: () => number,
  ) {
    const call = <T>(ctx: ContextCall, check: Check<T>): Promise<T> => link.request({ op: 'context', sandbox, ctx }, check);
    this.api = {
      create: (opts = {}): Promise<CodeContextInfo> =>
        call(
          {
            call: 'create',
            ...(opts.id === undefined ? {} : { id: opts.id }),
            ...(opts.language === undefined ? {} : { language: opts.language }),
            ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
            ...(opts.env === undefined ? {} : { env: { ...opts.env } }),
            ...(opts.image === undefined ? {} : { image: opts.image }),
          },
          contextInfo,
        ),
      list: () => call({ call: 'list' }, contextInfos),
      delete: async (id) => {
        await call({ call: 'delete', id }, nothing);
      },
      interrupt: async (id) => {
        await call({ call: 'interrupt', id }, nothing);
      },
      image: (id) => call({ call: 'image', id }, bytesReply),
    };
  }

  async runCode(code: string, opts: RunCodeOptions = {}): Promise<RunCodeResult> {
    const run = this.nextId();
    const stream = opts.onStdout !== undefined || opts.onStderr !== undefined;
    if (stream) this.runs.set(run, { ...(opts.onStdout === undefined ? {} : { onStdout: opts.onStdout }), ...(opts.onStderr === undefined ? {} : { onStderr: opts.onStderr }) });
    const wire = {
      ...(opts.context === undefined ? {} : { context: opts.context }),
      ...(opts.language === undefined ? {} : { language: opts.language }),
      ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    };
    try {
      return await this.link.request({ op: 'run-code', sandbox: this.sandbox, run, code, opts: wire, stream }, runCodeResult);
    } finally {
      this.runs.delete(run);
    }
  }

  /** Routes a `code-output` event to its run's callback. */
  event(e: ContextEvent): void {
    const cb = this.runs.get(e.run);
    if (e.stream === 'stdout') cb?.onStdout?.(e.text);
    else cb?.onStderr?.(e.text);
  }

  /** The runner died: pending replies fail on their own (the link rejects them); no event can follow. */
  clear(): void {
    this.runs.clear();
  }
}
