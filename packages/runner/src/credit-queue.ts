/**
 * A one-consumer async iterable fed by IPC events: the parent's end of one output stream of a process (byte
 * chunks) or of an exec (events) in a runner. Taking an item returns its size as credit to the runner
 * (batched: granted once a quarter of the window has been consumed), so at most about one window of output
 * is ever in flight or queued. A consumer that stops early makes later items be dropped and granted back.
 */

export class CreditQueue<T> implements AsyncIterable<T> {
  private readonly chunks: T[] = [];
  private ended = false;
  private waiter: (() => void) | null = null;
  private ungranted = 0;
  private iterated = false;
  /** The consumer stopped reading early: later output is dropped (and granted back so the runner goes on). */
  private abandoned = false;

  constructor(
    private readonly windowBytes: number,
    private readonly grant: (bytes: number) => void,
    private readonly sizeOf: (item: T) => number,
  ) {}

  push(chunk: T): void {
    if (this.ended) return;
    if (this.abandoned) {
      const n = this.sizeOf(chunk);
      if (n > 0) this.grant(n);
      return;
    }
    this.chunks.push(chunk);
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  /** Size of what is queued here, not yet taken by the consumer. */
  get queuedBytes(): number {
    return this.chunks.reduce((n, c) => n + this.sizeOf(c), 0);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  private consumed(n: number): void {
    if (this.ended || n === 0) return;
    this.ungranted += n;
    if (this.ungranted >= this.windowBytes / 4) {
      const bytes = this.ungranted;
      this.ungranted = 0;
      this.grant(bytes);
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    if (this.iterated) throw new TypeError('an output stream can be read once');
    this.iterated = true;
    try {
      for (;;) {
        const chunk = this.chunks.shift();
        if (chunk !== undefined) {
          this.consumed(this.sizeOf(chunk));
          yield chunk;
          continue;
        }
        if (this.ended) return;
        await new Promise<void>((resolve) => {
          this.waiter = resolve;
        });
      }
    } finally {
      if (!this.ended) {
        this.abandoned = true;
        const bytes = this.chunks.reduce((n, c) => n + this.sizeOf(c), this.ungranted);
        this.chunks.length = 0;
        this.ungranted = 0;
        if (bytes > 0) this.grant(bytes);
      }
    }
  }
}

export const byteLength = (chunk: Uint8Array): number => chunk.length;
