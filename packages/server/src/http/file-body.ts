/**
 * File contents over HTTP without holding a file whole: a download streams the file's chunks into the
 * response under backpressure (a slow reader slows the reads from the kernel), an upload streams the request
 * body into the kernel through `uploadFile` (temporary file, then rename).
 *
 * Invariant: an upload whose body ends early (the client went away) fails and replaces nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KernelFs } from '@burrow/kernel';
import { type BurrowError, burrowError } from '@burrow/protocol';
import { openDownload, tooLarge, uploadFile } from '../fleet/file-transfer.js';
import { drained } from './respond.js';

/** Sends the file at `path` as the response body; errors before the first byte are answered as usual. */
export async function sendFile(fs: KernelFs, path: string, res: ServerResponse): Promise<void> {
  const download = await openDownload(fs, path);
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': download.size });
  for await (const chunk of download.chunks) {
    if (res.destroyed) break;
    if (!res.write(chunk)) await drained(res);
  }
  res.end();
}

/** Writes the request body to `path`; fails with payload_too_large past `limitBytes`. */
export async function receiveFile(fs: KernelFs, path: string, req: IncomingMessage, limitBytes: number): Promise<number> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limitBytes) throw tooLarge(limitBytes);
  return uploadFile(fs, path, wholeBody(req), { limitBytes });
}

/** The request body's chunks; throws when the body ends before it is complete. */
async function* wholeBody(req: IncomingMessage): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) yield chunk;
  } catch {
    throw incomplete();
  }
  if (!req.complete) throw incomplete();
}

function incomplete(): BurrowError {
  return burrowError('bad_request', 'the request body ended before it was complete');
}
