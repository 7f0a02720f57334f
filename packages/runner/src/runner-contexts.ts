/**
 * The runner's side of the code-interpreter requests (ipc-contexts.ts): `context` calls map one to one onto
 * the sandbox kernel's KernelContexts; `run-code` runs a cell, forwarding its output as `code-output` events
 * when the parent asked for them. Errors propagate as they are (KernelError keeps its errno on the wire).
 */
import type { KernelApi, RunCodeResult } from '@burrow/kernel';
import type { ContextCall, ContextEvent, ContextRequest } from './ipc-contexts.js';

export function runContextCall(kernel: KernelApi, c: ContextCall): Promise<unknown> {
  switch (c.call) {
    case 'create':
      return kernel.contexts.create({
        ...(c.id === undefined ? {} : { id: c.id }),
        ...(c.language === undefined ? {} : { language: c.language }),
        ...(c.cwd === undefined ? {} : { cwd: c.cwd }),
        ...(c.env === undefined ? {} : { env: c.env }),
        ...(c.image === undefined ? {} : { image: c.image }),
      });
    case 'list':
      return kernel.contexts.list();
    case 'delete':
      return kernel.contexts.delete(c.id);
    case 'interrupt':
      return kernel.contexts.interrupt(c.id);
    case 'image':
      return kernel.contexts.image(c.id);
  }
}

/** Runs one cell; `send` takes its output events (only when the request asked for a stream). */
export function runCodeRequest(
  kernel: KernelApi,
  req: Extract<ContextRequest, { op: 'run-code' }>,
  send: (e: ContextEvent) => void,
): Promise<RunCodeResult> {
  const { sandbox, run } = req;
  const forward = (stream: 'stdout' | 'stderr') => (text: string) => send({ t: 'code-output', sandbox, run, stream, text });
  return kernel.runCode(req.code, {
    ...(req.opts.context === undefined ? {} : { context: req.opts.context }),
    ...(req.opts.language === undefined ? {} : { language: req.opts.language }),
    ...(req.opts.timeoutMs === undefined ? {} : { timeoutMs: req.opts.timeoutMs }),
    ...(req.stream ? { onStdout: forward('stdout'), onStderr: forward('stderr') } : {}),
  });
}
