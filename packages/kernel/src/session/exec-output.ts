/**
 * The output of one exec as one ordered stream of events. Both pipes are read synchronously from their
 * wake-ups, which fire inside the writing syscall, so stdout and stderr chunks keep the order in which the
 * shell wrote them. Past EXEC_LIMITS.outputBytesMax per stream the rest is dropped and one marker says so.
 * A consumer that falls behind by more than `highWaterBytes` stops the reading (the writer then blocks on
 * the full pipe): backpressure end to end.
 */
import { EXEC_LIMITS } from '@burrow/protocol';
import { BLOCKED, type Descriptor } from '../fd/descriptor.js';

export type ExecEvent =
  | { type: 'stdout'; data: Uint8Array }
  | { type: 'stderr'; data: Uint8Array }
  | { type: 'exit'; exitCode: number; reason?: string };

const encoder = new TextEncoder();
const READ_BYTES = 64 * 1024;

export class ExecOutput implements AsyncIterable<ExecEvent> {
  private readonly queue: ExecEvent[] = [];
  private queuedBytes = 0;
  private waiter: (() => void) | null = null;
  private finished = false;
  private readonly counts = { stdout: 0, stderr: 0 };
  private readonly cut = { stdout: false, stderr: false };
  private readonly paused: Array<() => void> = [];
  /** Set once the exec is done: pumps then discard instead of queueing. */
  private discarding = false;
  /** Set while the exec finishes: what is already in the pipes is queued whatever the consumer's lag. */
  private flushing = false;

  constructor(
    private readonly limitBytes = EXEC_LIMITS.outputBytesMax,
    private readonly highWaterBytes = 1024 * 1024,
  ) {}

  attach(end: Descriptor, type: 'stdout' | 'stderr'): void {
    const pump = (): void => {
      for (;;) {
        if (!this.discarding && !this.flushing && this.queuedBytes > this.highWaterBytes) {
          this.paused.push(pump);
          return;
        }
        const r = end.read(READ_BYTES);
        if (r === BLOCKED) {
          end.onReady(pump);
          return;
        }
        if (r.length === 0) {
          end.close();
          return;
        }
        if (!this.discarding) this.push(type, r);
      }
    };
    pump();
  }

  private push(type: 'stdout' | 'stderr', data: Uint8Array): void {
    if (this.cut[type]) return;
    const room = this.limitBytes - this.counts[type];
    if (data.length > room) {
      if (room > 0) this.enqueue({ type, data: data.slice(0, room) });
      this.cut[type] = true;
      this.counts[type] = this.limitBytes;
      this.enqueue({ type, data: encoder.encode(`\n[burrow: ${type} cut at ${this.limitBytes} bytes]\n`) });
      return;
    }
    this.counts[type] += data.length;
    this.enqueue({ type, data });
  }

  private enqueue(e: ExecEvent): void {
    this.queue.push(e);
    if (e.type !== 'exit') this.queuedBytes += e.data.length;
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  /** Adds text of the kernel's own (an error report) to a stream. */
  attachText(type: 'stdout' | 'stderr', text: string): void {
    if (!this.finished) this.push(type, encoder.encode(text));
  }

  /** The exit event: the last one. Output written after it (background jobs) is read and dropped. */
  finish(exitCode: number, reason?: string): void {
    if (this.finished) return;
    this.finished = true;
    this.flushing = true;
    for (const p of this.paused.splice(0)) p();
    this.discarding = true;
    this.enqueue(reason === undefined ? { type: 'exit', exitCode } : { type: 'exit', exitCode, reason });
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ExecEvent> {
    for (;;) {
      const e = this.queue.shift();
      if (e === undefined) {
        await new Promise<void>((resolve) => {
          this.waiter = resolve;
        });
        continue;
      }
      if (e.type === 'exit') {
        yield e;
        return;
      }
      this.queuedBytes -= e.data.length;
      if (this.queuedBytes <= this.highWaterBytes) for (const p of this.paused.splice(0)) p();
      yield e;
    }
  }
}
