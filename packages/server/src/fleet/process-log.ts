/**
 * The bounded output log of one background process: ordered stdout/stderr chunks (text, decoded per stream so
 * a character split across chunks stays whole) and, at the end, its exit. Past SERVICE_LIMITS.processLogBytesMax
 * the oldest chunks are dropped. Readers hold a cursor (a chunk number), never a reference into the array, so
 * a slow follower costs nothing: it is told how many bytes it missed (a `gap` event) and continues.
 *
 * Invariants: `base` is the number of the first kept chunk; chunk numbers only grow; `keptBytes` is the byte
 * count of the kept chunks; the exit, once set, never changes.
 */
import { type ExecEvent, SERVICE_LIMITS } from '@burrow/protocol';

interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
  bytes: number;
  /** Byte offset of this chunk in the whole output. */
  offset: number;
}

export interface ExitInfo {
  exitCode: number;
  reason?: string;
}

const COMPACT_AT = 1024;

export class ProcessLog {
  private chunks: Chunk[] = [];
  /** Index in `chunks` of the first kept chunk (dropped ones are spliced off in batches). */
  private head = 0;
  private base = 0;
  private keptBytes = 0;
  private totalBytes = 0;
  private exitInfo: ExitInfo | null = null;
  private wakers: Array<() => void> = [];
  private readonly decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };

  constructor(private readonly limitBytes: number = SERVICE_LIMITS.processLogBytesMax) {}

  get exit(): ExitInfo | null {
    return this.exitInfo;
  }

  get outputBytes(): number {
    return this.totalBytes;
  }

  get droppedBytes(): number {
    return this.totalBytes - this.keptBytes;
  }

  append(stream: 'stdout' | 'stderr', data: Uint8Array): void {
    if (this.exitInfo !== null || data.length === 0) return;
    const text = this.decoders[stream].decode(data, { stream: true });
    this.chunks.push({ stream, text, bytes: data.length, offset: this.totalBytes });
    this.totalBytes += data.length;
    this.keptBytes += data.length;
    while (this.keptBytes > this.limitBytes && this.chunks.length - this.head > 1) {
      const old = this.chunks[this.head];
      if (old === undefined) break;
      this.keptBytes -= old.bytes;
      this.head++;
      this.base++;
    }
    if (this.head >= COMPACT_AT) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
    this.wake();
  }

  finish(exit: ExitInfo): void {
    if (this.exitInfo !== null) return;
    this.exitInfo = exit;
    this.wake();
  }

  /** The kept output as two strings. */
  text(): { stdout: string; stderr: string; droppedBytes: number } {
    let stdout = '';
    let stderr = '';
    for (let i = this.head; i < this.chunks.length; i++) {
      const c = this.chunks[i];
      if (c === undefined) continue;
      if (c.stream === 'stdout') stdout += c.text;
      else stderr += c.text;
    }
    return { stdout, stderr, droppedBytes: this.droppedBytes };
  }

  /** Resolves at the next append or at the exit (at once if the log has already ended). */
  changed(): Promise<void> {
    if (this.exitInfo !== null) return Promise.resolve();
    return new Promise((resolve) => this.wakers.push(resolve));
  }

  /**
   * The kept output, then live output, then the exit event. Ends early (without an exit event) when
   * `signal` aborts.
   */
  async *follow(signal?: AbortSignal): AsyncGenerator<ExecEvent> {
    let next = this.base;
    let offset = this.chunks[this.head]?.offset ?? this.totalBytes;
    if (offset > 0) yield { type: 'gap', bytes: offset };
    for (;;) {
      if (signal?.aborted === true) return;
      if (next < this.base) {
        const first = this.chunks[this.head];
        const skippedTo = first?.offset ?? this.totalBytes;
        yield { type: 'gap', bytes: skippedTo - offset };
        offset = skippedTo;
        next = this.base;
      }
      const end = this.base + (this.chunks.length - this.head);
      while (next < end) {
        const c = this.chunks[this.head + (next - this.base)];
        next++;
        if (c === undefined) continue;
        offset = c.offset + c.bytes;
        yield c.stream === 'stdout' ? { type: 'stdout', data: c.text } : { type: 'stderr', data: c.text };
        if (next < this.base) break;
      }
      if (next >= this.base + (this.chunks.length - this.head) && this.exitInfo !== null) {
        const e = this.exitInfo;
        yield { type: 'exit', exitCode: e.exitCode, ...(e.reason === undefined ? {} : { reason: e.reason }) };
        return;
      }
      if (next >= this.base + (this.chunks.length - this.head)) await raceAbort(this.changed(), signal);
    }
  }

  private wake(): void {
    const ws = this.wakers;
    if (ws.length === 0) return;
    this.wakers = [];
    for (const w of ws) w();
  }
}

/** Resolves when `p` does or when `signal` aborts, whichever comes first. */
export function raceAbort(p: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (signal === undefined) return p;
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    void p.then(done);
  });
}
