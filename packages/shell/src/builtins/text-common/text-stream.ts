/**
 * Streaming text plumbing shared by the text builtins: a string-batching output writer (strings are joined
 * and encoded once per flush, which costs far less than encoding each line), a line reader that hands out
 * whole batches of lines per input chunk, and opening a file operand (`-` is stdin) as a byte source.
 * Invariant: a reader never splits a line across batches; the final line is reported without a newline only
 * when the input did not end with one (`missingNewline`).
 */
import { Errno, errnoMessage, isKernelError } from '@burrow/protocol';
import type { ByteSink, ByteSource, FileHandle, Sys } from '../../sys.js';
import { resolvePath } from '../io.js';

const FLUSH_CHARS = 64 * 1024;
const READ_BYTES = 64 * 1024;
const encoder = new TextEncoder();

export class TextOut {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly sink: ByteSink) {}

  put(s: string): void {
    this.parts.push(s);
    this.size += s.length;
  }

  /** Write out once enough has gathered; call it after each input batch. */
  async maybeFlush(): Promise<void> {
    if (this.size >= FLUSH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0 && this.parts.length === 0) return;
    const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (text.length > 0) await this.sink.write(encoder.encode(text));
  }

  async bytes(b: Uint8Array): Promise<void> {
    await this.flush();
    if (b.length > 0) await this.sink.write(b);
  }
}

export class LineReader {
  private readonly dec = new TextDecoder();
  private pending = '';
  private done = false;
  /** The last line handed out had no terminating newline. */
  missingNewline = false;

  constructor(
    private readonly source: ByteSource,
    private readonly separator = '\n',
  ) {}

  /** The next batch of complete lines (never empty), or null at end of input. */
  async next(): Promise<string[] | null> {
    const text = await this.nextText();
    return text === null ? null : text.split(this.separator);
  }

  /** Like `next`, as one text: the lines joined by the separator, without a final one. */
  async nextText(): Promise<string | null> {
    for (;;) {
      if (this.done) return null;
      const chunk = await this.source.read();
      if (chunk === null) {
        this.done = true;
        const rest = this.pending + this.dec.decode();
        this.pending = '';
        if (rest === '') return null;
        this.missingNewline = true;
        return rest;
      }
      const text = this.pending + this.dec.decode(chunk, { stream: true });
      const cut = text.lastIndexOf(this.separator);
      if (cut === -1) {
        this.pending = text;
        continue;
      }
      this.pending = text.slice(cut + 1);
      return text.slice(0, cut);
    }
  }
}

/** A whole source as text. */
export async function readText(source: ByteSource): Promise<string> {
  const dec = new TextDecoder();
  const parts: string[] = [];
  for (let c = await source.read(); c !== null; c = await source.read()) parts.push(dec.decode(c, { stream: true }));
  parts.push(dec.decode());
  return parts.join('');
}

export interface OpenedInput {
  source: ByteSource;
  close(): Promise<void>;
}

/** Open an operand for reading: `-` is `stdin`. Throws the KernelError of a failed open. */
export async function openInput(sys: Sys, cwd: string, operand: string, stdin: ByteSource): Promise<OpenedInput> {
  if (operand === '-') return { source: stdin, close: async () => undefined };
  const handle = await sys.open(resolvePath(cwd, operand), { read: true });
  return { source: handleSource(handle), close: () => handle.close() };
}

export function handleSource(handle: FileHandle): ByteSource {
  let ended = false;
  return {
    read: async () => {
      if (ended) return null;
      const b = await handle.read(READ_BYTES);
      if (b.length === 0) {
        ended = true;
        return null;
      }
      return b;
    },
  };
}

/** Split text into lines the way line tools see them: a trailing newline does not start another line. */
export function splitLines(text: string, separator = '\n'): string[] {
  if (text === '') return [];
  const lines = text.split(separator);
  if (text.endsWith(separator)) lines.pop();
  return lines;
}

export type InputFailure = 'open' | 'read';

/**
 * Run `body` over each operand in turn (stdin when there are none), closing each file after. A failure to open
 * or read one is reported through `report` and the others still run; broken pipes and aborts pass through.
 * Resolves to false when any input failed.
 */
export async function eachInput(
  ctx: { sys: Sys; cwd: string; stdin: ByteSource },
  operands: readonly string[],
  report: (operand: string, err: unknown, phase: InputFailure) => Promise<void>,
  body: (source: ByteSource, operand: string) => Promise<void>,
): Promise<boolean> {
  let ok = true;
  for (const operand of operands.length === 0 ? ['-'] : operands) {
    let input: OpenedInput;
    try {
      input = await openInput(ctx.sys, ctx.cwd, operand, ctx.stdin);
    } catch (err) {
      if (!isKernelError(err)) throw err;
      ok = false;
      await report(operand, err, 'open');
      continue;
    }
    try {
      await body(input.source, operand);
    } catch (err) {
      if (!isKernelError(err) || err.errno === Errno.PIPE) throw err;
      ok = false;
      await report(operand, err, 'read');
    } finally {
      await input.close().catch(() => undefined);
    }
  }
  return ok;
}

/** The conventional text of a failure: the errno's description for kernel errors. */
export function strerror(err: unknown): string {
  return isKernelError(err) ? errnoMessage(err.errno) : err instanceof Error ? err.message : String(err);
}

const SIZE_SUFFIXES: Record<string, number> = {
  b: 512,
  K: 1024,
  k: 1024,
  M: 1024 ** 2,
  G: 1024 ** 3,
  T: 1024 ** 4,
  KB: 1000,
  kB: 1000,
  MB: 1000 ** 2,
  GB: 1000 ** 3,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
};

/** A count with GNU's multiplier suffixes (`2K`, `1MiB`, `3b`), or null when malformed. */
export function parseCount(text: string): number | null {
  const m = /^(\d+)([A-Za-z]*)$/.exec(text);
  if (m === null) return null;
  const mult = m[2] === '' ? 1 : SIZE_SUFFIXES[m[2] ?? ''];
  if (mult === undefined) return null;
  return Number(m[1]) * mult;
}
