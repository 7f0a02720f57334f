/**
 * A runCode call as an ordered event stream (stdout/stderr chunks as the code writes them, then one `result`
 * event), for streamed HTTP responses and the embedded client. Output waits in a queue between the kernel's
 * callbacks and the consumer; it holds no more than the cell's output, which the result carries anyway.
 * A failure of the call (no such context, runner gone) ends the stream by throwing it.
 */
import type { RunCodeEvent, RunCodeRequest } from '@burrow/protocol';
import type { CodeContexts, RunCodeHooks } from './code-contexts.js';

export async function* runCodeEvents(contexts: CodeContexts, req: RunCodeRequest, signal?: AbortSignal): AsyncGenerator<RunCodeEvent> {
  const queue: RunCodeEvent[] = [];
  const state: { failed: { error: unknown } | null } = { failed: null };
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const hooks: RunCodeHooks = {
    onStdout: (data) => {
      queue.push({ type: 'stdout', data });
      notify();
    },
    onStderr: (data) => {
      queue.push({ type: 'stderr', data });
      notify();
    },
    ...(signal === undefined ? {} : { signal }),
  };
  void contexts.run(req, hooks).then(
    (result) => {
      queue.push({ type: 'result', result });
      notify();
    },
    (error: unknown) => {
      state.failed = { error };
      notify();
    },
  );
  for (;;) {
    const e = queue.shift();
    if (e !== undefined) {
      yield e;
      if (e.type === 'result') return;
      continue;
    }
    if (state.failed !== null) throw state.failed.error;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

/**
 * Waits for the first event before handing the stream on, so that a call failing at once (an unknown
 * context, a bad language) can still be answered with an error status instead of a broken stream.
 */
export async function primed<T>(events: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const it = events[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done === true) return;
      yield first.value;
      for (;;) {
        const r = await it.next();
        if (r.done === true) return;
        yield r.value;
      }
    },
  };
}
