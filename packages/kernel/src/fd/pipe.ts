/**
 * A pipe: a bounded byte queue with a read end and a write end. A writer blocks while the queue is full
 * (backpressure), a reader while it is empty and a writer remains; reading after the last writer closed gives
 * end of file, writing after the last reader closed gives EPIPE. The queue is plain data (chunks) so a checkpoint
 * can save it.
 */
import { DEFAULT_SANDBOX_LIMITS, Errno, KernelError } from '@burrow/protocol';
import { BLOCKED, type Blocked, Descriptor, FileType, type Wake } from './descriptor.js';

export class Pipe {
  readonly id: number;
  private chunks: Uint8Array[] = [];
  private head = 0;
  bytes = 0;
  readers = 0;
  writers = 0;
  private wakers = new Set<Wake>();

  constructor(
    id: number,
    readonly capacity: number = DEFAULT_SANDBOX_LIMITS.pipeBytesMax,
  ) {
    this.id = id;
  }

  read(maxBytes: number): Uint8Array | Blocked {
    if (this.bytes === 0) {
      return this.writers > 0 ? BLOCKED : new Uint8Array(0);
    }
    const first = this.chunks[0] as Uint8Array;
    const available = first.length - this.head;
    let out: Uint8Array;
    if (available <= maxBytes && this.chunks.length === 1) {
      out = this.head === 0 ? first : first.slice(this.head);
      this.chunks = [];
      this.head = 0;
    } else {
      out = new Uint8Array(Math.min(maxBytes, this.bytes));
      let at = 0;
      while (at < out.length) {
        const c = this.chunks[0] as Uint8Array;
        const n = Math.min(c.length - this.head, out.length - at);
        out.set(c.subarray(this.head, this.head + n), at);
        at += n;
        this.head += n;
        if (this.head === c.length) {
          this.chunks.shift();
          this.head = 0;
        }
      }
    }
    this.bytes -= out.length;
    this.notify();
    return out;
  }

  /** Writes as much as fits; blocks only when nothing fits. A write of at most PIPE_BUF (4 KiB) is atomic. */
  write(data: Uint8Array): number | Blocked {
    if (this.readers === 0) throw new KernelError(Errno.PIPE);
    if (data.length === 0) return 0;
    const room = this.capacity - this.bytes;
    if (room <= 0 || (data.length <= 4096 && room < data.length)) return BLOCKED;
    const n = Math.min(room, data.length);
    this.chunks.push(data.slice(0, n));
    this.bytes += n;
    this.notify();
    return n;
  }

  readReady(): boolean {
    return this.bytes > 0 || this.writers === 0;
  }
  writeReady(): boolean {
    return this.readers === 0 || this.bytes < this.capacity;
  }

  onReady(wake: Wake): void {
    this.wakers.add(wake);
  }
  offReady(wake: Wake): void {
    this.wakers.delete(wake);
  }

  notify(): void {
    if (this.wakers.size === 0) return;
    const wakers = [...this.wakers];
    this.wakers.clear();
    for (const w of wakers) w();
  }

  snapshot(): { id: number; data: Uint8Array; readers: number; writers: number; capacity: number } {
    const data = new Uint8Array(this.bytes);
    let at = 0;
    this.chunks.forEach((c, i) => {
      const part = i === 0 ? c.subarray(this.head) : c;
      data.set(part, at);
      at += part.length;
    });
    return { id: this.id, data, readers: this.readers, writers: this.writers, capacity: this.capacity };
  }
}

export class PipeReadEnd extends Descriptor {
  readonly filetype = FileType.UNKNOWN;
  constructor(readonly pipe: Pipe) {
    super();
    pipe.readers++;
  }
  override read(maxBytes: number): Uint8Array | Blocked {
    return this.pipe.read(maxBytes);
  }
  override readReady(): boolean {
    return this.pipe.readReady();
  }
  override writeReady(): boolean {
    return false;
  }
  override onReady(wake: Wake): void {
    this.pipe.onReady(wake);
  }
  override offReady(wake: Wake): void {
    this.pipe.offReady(wake);
  }
  override close(): void {
    this.pipe.readers--;
    this.pipe.notify();
  }
  describe(): { kind: string; pipe: number; end: string } {
    return { kind: 'pipe', pipe: this.pipe.id, end: 'read' };
  }
}

export class PipeWriteEnd extends Descriptor {
  readonly filetype = FileType.UNKNOWN;
  constructor(readonly pipe: Pipe) {
    super();
    pipe.writers++;
  }
  override write(data: Uint8Array): number | Blocked {
    return this.pipe.write(data);
  }
  override readReady(): boolean {
    return false;
  }
  override writeReady(): boolean {
    return this.pipe.writeReady();
  }
  override onReady(wake: Wake): void {
    this.pipe.onReady(wake);
  }
  override offReady(wake: Wake): void {
    this.pipe.offReady(wake);
  }
  override close(): void {
    this.pipe.writers--;
    this.pipe.notify();
  }
  describe(): { kind: string; pipe: number; end: string } {
    return { kind: 'pipe', pipe: this.pipe.id, end: 'write' };
  }
}
