/**
 * Worker-side entry of JavaScript processes (LaunchSpec kind 'javascript'): runs `node` to its exit and tells
 * the launcher. Loaded by process-worker.ts with a dynamic import, so other workers never load QuickJS.
 */
import { JS_LIMITS } from './js-limits.js';
import { type JsRunSpec, runNode } from './node-main.js';

interface LaunchedSpec {
  pid: number;
  channels: SharedArrayBuffer[];
  doorbell: SharedArrayBuffer;
  argv: string[];
  env: string[];
  javascript?: { cwd: string; ppid: number; memoryBytesMax: number };
}

export interface WorkerPort {
  postMessage(message: unknown): void;
}

/** The QuickJS heap cap for a process memory limit: the interpreter's own overhead stays inside the limit. */
export function heapBytesFor(memoryBytesMax: number): number {
  return Math.max(16 * 1024 * 1024, Math.min(JS_LIMITS.heapBytesMax, Math.floor(memoryBytesMax * 0.75)));
}

export async function runJavascript(raw: unknown, port: WorkerPort): Promise<void> {
  const spec = raw as LaunchedSpec;
  const js = spec.javascript;
  const run: JsRunSpec = {
    kind: 'javascript',
    pid: spec.pid,
    channels: spec.channels,
    doorbell: spec.doorbell,
    argv: spec.argv,
    env: spec.env,
    javascript: {
      cwd: js?.cwd ?? '/',
      ppid: js?.ppid ?? 0,
      heapBytesMax: heapBytesFor(js?.memoryBytesMax ?? JS_LIMITS.heapBytesMax),
    },
  };
  try {
    await runNode(run);
    port.postMessage({ type: 'done' });
  } catch (e) {
    port.postMessage({ type: 'crash', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

interface ContextRequest {
  type: string;
  id?: number;
  code?: string;
  language?: 'javascript' | 'typescript';
}

export interface ContextPort extends WorkerPort {
  on(event: 'message', listener: (m: unknown) => void): void;
}

/**
 * Serves a JavaScript code-interpreter context until the kernel ends the process. Messages in:
 * `js-run-code { id, code, language }`, `js-image { id }`. Out: `js-context-ready`, `js-output { id, stream,
 * text }`, `js-code-done { id, json }` (a CellResult without the output), `js-image-done { id, bytes | error }`.
 */
export async function runJavascriptContext(raw: unknown, port: ContextPort): Promise<void> {
  const spec = raw as LaunchedSpec & { javascript?: { image?: Uint8Array } };
  const channel = spec.channels[0];
  if (channel === undefined) throw new Error('a JavaScript context needs a channel');
  const env: Record<string, string> = {};
  for (const kv of spec.env) {
    const eq = kv.indexOf('=');
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  const { JsContext } = await import('./js-context.js');
  let cellId = 0;
  const ctx = await JsContext.create({
    channel,
    doorbell: spec.doorbell,
    pid: spec.pid,
    cwd: spec.javascript?.cwd ?? '/root',
    env,
    heapBytesMax: heapBytesFor(spec.javascript?.memoryBytesMax ?? JS_LIMITS.heapBytesMax),
    ...(spec.javascript?.image === undefined ? {} : { image: spec.javascript.image }),
    onOutput: (stream, text) => port.postMessage({ type: 'js-output', id: cellId, stream, text }),
  });
  port.on('message', (m) => {
    const req = m as ContextRequest;
    if (req.type === 'js-run-code' && req.id !== undefined) {
      cellId = req.id;
      const { stdout: _o, stderr: _e, ...rest } = ctx.runCode(req.code ?? '', req.language ?? 'javascript');
      port.postMessage({ type: 'js-code-done', id: req.id, json: JSON.stringify(rest) });
    } else if (req.type === 'js-image' && req.id !== undefined) {
      port.postMessage({ type: 'js-image-done', id: req.id, bytes: ctx.image() });
    }
  });
  port.postMessage({ type: 'js-context-ready' });
}
