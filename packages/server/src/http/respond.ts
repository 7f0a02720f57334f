/**
 * Writing responses: JSON bodies, the one error format `{ error: { code, message, details } }`, and event
 * streams (SSE or NDJSON, chosen by the request's Accept header) written with backpressure: a slow reader
 * slows the producer instead of growing a buffer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type BurrowError, ERROR_STATUS, type ExecEvent } from '@burrow/protocol';

export type StreamFormat = 'sse' | 'ndjson';

export function streamFormat(req: IncomingMessage): StreamFormat | null {
  const accept = req.headers.accept;
  if (accept === undefined) return null;
  if (accept.includes('text/event-stream')) return 'sse';
  if (accept.includes('application/x-ndjson')) return 'ndjson';
  return null;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status = 204): void {
  res.writeHead(status);
  res.end();
}

export function sendError(res: ServerResponse, e: BurrowError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, ERROR_STATUS[e.code], { error: { code: e.code, message: e.message, details: e.details } });
}

/** Resolves once `res` can take more (at once if it can), or when the connection is gone. */
export function drained(res: ServerResponse): Promise<void> {
  if (!res.writableNeedDrain || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Streams events in the chosen format; stops when the client goes away. */
export async function sendEvents<E extends { type: string } = ExecEvent>(
  res: ServerResponse,
  format: StreamFormat,
  events: AsyncIterable<E>,
): Promise<void> {
  res.writeHead(200, {
    'content-type': format === 'sse' ? 'text/event-stream' : 'application/x-ndjson',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  for await (const e of events) {
    if (res.destroyed) break;
    const json = JSON.stringify(e);
    const ok = res.write(format === 'sse' ? `event: ${e.type}\ndata: ${json}\n\n` : `${json}\n`);
    if (!ok) await drained(res);
  }
  res.end();
}
