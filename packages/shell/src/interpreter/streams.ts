/**
 * In-memory byte streams of the interpreter: the bounded pipe between pipeline stages (a writer waits while
 * the buffer is full and fails with EPIPE once the reader is gone), an input buffer that lets `read` put back
 * what it over-read, sinks over open files, a collecting sink for command substitution, and null streams.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { ByteSink, ByteSource, FileHandle } from '../sys.js';

export const EMPTY_SOURCE: ByteSource = { read: async () => null };
export const NULL_SINK: ByteSink = { write: async () => {} };

export class Pipe {
  private chunks: Uint8Array[] = [];
  private bytes = 0;
  private writerClosed = false;
  private readerClosed = false;
  private wakeReader: (() => void) | null = null;
  private wakeWriters: (() => void)[] = [];
  /** Called once when the reader goes away (the writer's stage is then stopped, as by SIGPIPE). */
  onReaderClosed: (() => void) | null = null;

  constructor(private readonly capacity: number) {}

  readonly sink: ByteSink = {
    write: async (chunk: Uint8Array) => {
      if (this.readerClosed) throw new KernelError(Errno.PIPE);
      if (chunk.length === 0) return;
      this.chunks.push(chunk);
      this.bytes += chunk.length;
      this.notifyReader();
      while (this.bytes > this.capacity && !this.readerClosed) {
        await new Promise<void>((resolve) => this.wakeWriters.push(resolve));
      }
      if (this.readerClosed && this.bytes > 0) throw new KernelError(Errno.PIPE);
    },
  };

  readonly source: ByteSource = {
    read: async () => {
      for (;;) {
        const c = this.chunks.shift();
        if (c !== undefined) {
          this.bytes -= c.length;
          this.notifyWriters();
          return c;
        }
        if (this.writerClosed || this.readerClosed) return null;
        await new Promise<void>((resolve) => {
          this.wakeReader = resolve;
        });
      }
    },
  };

  closeWriter(): void {
    this.writerClosed = true;
    this.notifyReader();
  }

  closeReader(): void {
    if (this.readerClosed) return;
    this.readerClosed = true;
    this.chunks = [];
    this.notifyWriters();
    this.onReaderClosed?.();
  }

  private notifyReader(): void {
    const w = this.wakeReader;
    this.wakeReader = null;
    w?.();
  }

  private notifyWriters(): void {
    const ws = this.wakeWriters;
    this.wakeWriters = [];
    for (const w of ws) w();
  }
}

/** A source that can take back bytes read past what a consumer needed (`read` stops at its delimiter). */
export class InputBuffer implements ByteSource {
  private pending: Uint8Array[] = [];

  constructor(private readonly inner: ByteSource) {}

  async read(): Promise<Uint8Array | null> {
    const p = this.pending.pop();
    if (p !== undefined) return p;
    return this.inner.read();
  }

  unread(bytes: Uint8Array): void {
    if (bytes.length > 0) this.pending.push(bytes);
  }
}

export function bufferedSource(src: ByteSource): InputBuffer {
  return src instanceof InputBuffer ? src : new InputBuffer(src);
}

export function handleSink(h: FileHandle): ByteSink {
  return {
    write: async (chunk: Uint8Array) => {
      let off = 0;
      while (off < chunk.length) off += await h.write(off === 0 ? chunk : chunk.subarray(off));
    },
  };
}

export function handleSource(h: FileHandle): ByteSource {
  return {
    read: async () => {
      const b = await h.read(64 * 1024);
      return b.length === 0 ? null : b;
    },
  };
}

export class CollectSink implements ByteSink {
  private chunks: Uint8Array[] = [];
  size = 0;

  constructor(private readonly maxBytes: number) {}

  async write(chunk: Uint8Array): Promise<void> {
    this.size += chunk.length;
    if (this.size > this.maxBytes) throw new KernelError(Errno.FBIG);
    this.chunks.push(chunk);
  }

  text(): string {
    if (this.chunks.length === 1 && this.chunks[0] !== undefined) return decoder.decode(this.chunks[0]);
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return decoder.decode(out);
  }
}

const decoder = new TextDecoder();
