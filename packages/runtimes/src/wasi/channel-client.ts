/**
 * The worker's side of the syscall channel: put a request, ring the kernel's doorbell, then spin briefly and
 * sleep in Atomics.wait until the reply. Blocking is the point: a wasm guest's import must return a value
 * synchronously. The spin keeps a busy guest's round trip near a microsecond when the kernel is polling too.
 */
import { CHANNEL_LIMITS, type ChannelViews, channelViews, H, State } from '@burrow/protocol';

export class ChannelClient {
  readonly views: ChannelViews;
  private readonly header: Int32Array;
  private readonly bell: Int32Array;

  constructor(channel: SharedArrayBuffer, doorbell: SharedArrayBuffer) {
    this.views = channelViews(channel);
    this.header = this.views.header;
    this.bell = new Int32Array(doorbell);
  }

  /** Sends the request whose arguments and payload are already in place; returns the errno. */
  call(op: number, inLen = 0): number {
    const h = this.header;
    h[H.OP] = op;
    h[H.IN_LEN] = inLen;
    Atomics.store(h, H.STATE, State.REQUEST);
    Atomics.add(this.bell, 0, 1);
    Atomics.notify(this.bell, 0);
    let spins = CHANNEL_LIMITS.workerSpinIterations;
    while (Atomics.load(h, H.STATE) !== State.REPLY) {
      if (spins > 0) {
        spins--;
      } else {
        Atomics.wait(h, H.STATE, State.REQUEST);
      }
    }
    Atomics.store(h, H.STATE, State.IDLE);
    return h[H.ERRNO] as number;
  }

  get outLen(): number {
    return this.header[H.OUT_LEN] as number;
  }
}
