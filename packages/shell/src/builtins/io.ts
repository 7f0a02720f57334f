/**
 * Small stream and path helpers shared by builtins: reading a source whole or by lines, writing text, and
 * the conventional `cmd: path: No such file or directory` message.
 */
import { errnoMessage, isKernelError } from '@burrow/protocol';
import type { ByteSink, ByteSource } from '../sys.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

export function decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export async function readAll(source: ByteSource): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let c = await source.read(); c !== null; c = await source.read()) {
    chunks.push(c);
    total += c.length;
  }
  return concat(chunks, total);
}

export function concat(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const size = total ?? chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Lines of a source as they arrive, without their trailing "\n"; a final line without one is yielded too. */
export async function* lines(source: ByteSource): AsyncGenerator<string> {
  let pending = '';
  const dec = new TextDecoder();
  for (let c = await source.read(); c !== null; c = await source.read()) {
    pending += dec.decode(c, { stream: true });
    let nl = pending.indexOf('\n');
    while (nl !== -1) {
      yield pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  }
  pending += dec.decode();
  if (pending.length > 0) yield pending;
}

export function writeText(sink: ByteSink, text: string): Promise<void> {
  return sink.write(encoder.encode(text));
}

/** A source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  let done = false;
  return {
    read: async () => {
      if (done || bytes.length === 0) return null;
      done = true;
      return bytes;
    },
  };
}

/** Join `path` onto `cwd` and normalise `.` and `..` lexically (`..` at `/` stays at `/`). */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

/** `cmd: subject: Reason` for a failure, with the errno's conventional text for kernel errors. */
export function errorLine(cmd: string, subject: string, err: unknown): string {
  const reason = isKernelError(err) ? errnoMessage(err.errno) : err instanceof Error ? err.message : String(err);
  return subject === '' ? `${cmd}: ${reason}\n` : `${cmd}: ${subject}: ${reason}\n`;
}
