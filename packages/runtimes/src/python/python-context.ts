/**
 * A code-interpreter context inside a Python worker: an interpreter whose variables persist across cells.
 * It answers messages from the kernel one at a time (the kernel queues them): a cell's output streams back
 * as messages, and its result is the JSON that `_burrow_context.run` returns. An image is taken only
 * between cells, so it never lands on a cell's hot path.
 *
 * In:  { type: 'python-run-code', id, code }  → { type: 'python-output', id, stream, text }*
 *                                               then { type: 'python-code-done', id, json }
 *      { type: 'python-image', id }           → { type: 'python-image-done', id, bytes } or { ..., error }
 * Out at start: { type: 'python-context-ready' }
 */
import type { PyodideAPI } from 'pyodide';
import type { PortLike } from './python-worker.js';

export interface ContextMessage {
  type: string;
  id?: number;
  code?: string;
}

export function serveContext(py: PyodideAPI, port: PortLike): (msg: ContextMessage) => void {
  let current = -1;
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  const sink = (stream: 'stdout' | 'stderr') => (buf: Uint8Array): number => {
    const text = decoders[stream].decode(buf, { stream: true });
    if (text.length > 0) port.postMessage({ type: 'python-output', id: current, stream, text });
    return buf.length;
  };
  py.setStdout({ write: sink('stdout'), isatty: false });
  py.setStderr({ write: sink('stderr'), isatty: false });
  py.setStdin({ read: () => 0, isatty: false });
  port.postMessage({ type: 'python-context-ready' });
  return (msg) => {
    const id = msg.id ?? -1;
    if (msg.type === 'python-run-code') {
      current = id;
      const code = Buffer.from(msg.code ?? '').toString('base64');
      let json: string;
      try {
        json = py.runPython(`import _burrow_context, base64\n_burrow_context.run(base64.b64decode('${code}').decode())`) as string;
      } catch (e) {
        const value = e instanceof Error ? e.message : String(e);
        json = JSON.stringify({ results: [], error: { name: 'FatalError', value, traceback: value } });
      }
      port.postMessage({ type: 'python-code-done', id, json });
    } else if (msg.type === 'python-image') {
      try {
        const bytes = py.makeMemorySnapshot();
        port.postMessage({ type: 'python-image-done', id, bytes }, [bytes.buffer as ArrayBuffer]);
      } catch (e) {
        port.postMessage({ type: 'python-image-done', id, error: e instanceof Error ? e.message : String(e) });
      }
    }
  };
}
