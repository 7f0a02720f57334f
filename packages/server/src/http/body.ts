/**
 * Reading request bodies: JSON validated by a zod schema (compiled once, at import of the schemas), and raw
 * bytes streamed chunk by chunk under a size limit, so an oversized upload is refused as soon as it passes
 * the limit rather than after it has been received whole.
 */
import type { IncomingMessage } from 'node:http';
import { burrowError, SERVICE_LIMITS } from '@burrow/protocol';
import type { z } from 'zod';
import { parseWith } from '../errors.js';

/** The raw body as chunks; fails with payload_too_large past `limitBytes`. */
export async function readBytes(req: IncomingMessage, limitBytes: number): Promise<Uint8Array[]> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk);
  }
  return chunks;
}

export async function readJson<T extends z.ZodType>(req: IncomingMessage, schema: T, what: string): Promise<z.infer<T>> {
  const chunks = await readBytes(req, SERVICE_LIMITS.jsonBodyBytesMax);
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      throw burrowError('bad_request', `the ${what} body is not valid JSON`);
    }
  }
  return parseWith(schema, value, what);
}

function tooLarge(limitBytes: number) {
  return burrowError('payload_too_large', `request body is larger than ${limitBytes} bytes`, { limit: limitBytes });
}
