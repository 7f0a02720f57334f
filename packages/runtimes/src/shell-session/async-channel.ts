/**
 * The asynchronous side of a process's syscall channels, for shell sessions: a call puts its request, rings
 * the doorbell and awaits the reply with Atomics.waitAsync, so the worker's event loop keeps running the
 * other stages of a pipeline meanwhile. A process has several channels; each call holds one until it has read
 * its reply, and calls beyond the number of channels wait their turn.
 */
import { type ChannelViews, channelViews, H, State } from '@burrow/protocol';

const SPIN_ITERATIONS = 200;

export class AsyncChannel {
  readonly views: ChannelViews;
  private readonly header: Int32Array;

  constructor(
    channel: SharedArrayBuffer,
    private readonly bell: Int32Array,
  ) {
    this.views = channelViews(channel);
    this.header = this.views.header;
  }

  async call(op: number, inLen = 0): Promise<number> {
    const h = this.header;
    h[H.OP] = op;
    h[H.IN_LEN] = inLen;
    Atomics.store(h, H.STATE, State.REQUEST);
    Atomics.add(this.bell, 0, 1);
    Atomics.notify(this.bell, 0);
    for (let i = 0; i < SPIN_ITERATIONS && Atomics.load(h, H.STATE) !== State.REPLY; i++) {
      // a short spin: most calls are answered within microseconds
    }
    while (Atomics.load(h, H.STATE) !== State.REPLY) {
      const w = Atomics.waitAsync(h, H.STATE, State.REQUEST);
      if (w.async) await w.value;
    }
    Atomics.store(h, H.STATE, State.IDLE);
    return h[H.ERRNO] as number;
  }

  get outLen(): number {
    return this.header[H.OUT_LEN] as number;
  }
}

export class AsyncChannelPool {
  private readonly free: AsyncChannel[];
  private readonly waiting: Array<(c: AsyncChannel) => void> = [];

  constructor(channels: readonly SharedArrayBuffer[], doorbell: SharedArrayBuffer) {
    const bell = new Int32Array(doorbell);
    this.free = channels.map((c) => new AsyncChannel(c, bell));
  }

  /** Runs `use` with a channel held for its whole duration. */
  async with<T>(use: (c: AsyncChannel) => Promise<T>): Promise<T> {
    const c = this.free.pop() ?? (await new Promise<AsyncChannel>((resolve) => this.waiting.push(resolve)));
    try {
      return await use(c);
    } finally {
      const next = this.waiting.shift();
      if (next !== undefined) next(c);
      else this.free.push(c);
    }
  }
}
