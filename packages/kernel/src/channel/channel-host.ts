/**
 * The kernel's side of the syscall channels: it notices requests from process workers and answers them.
 *
 * Workers bump one doorbell per kernel after posting a request. The host sleeps on the doorbell through
 * Atomics.waitAsync (so the thread's event loop keeps running timers and messages), and once woken it serves
 * requests in a tight loop, polling for more for CHANNEL_LIMITS.kernelSpinMicros before it sleeps again: a
 * process that makes many syscalls is answered in about a microsecond instead of an event-loop turn. A slice
 * never runs longer than kernelSliceMs without yielding to the event loop.
 *
 * An endpoint whose call blocked stays in REQUEST state and is skipped until the kernel re-dispatches it.
 */
import { CHANNEL_LIMITS, type ChannelViews, H, State } from '@burrow/protocol';

export interface Endpoint {
  readonly views: ChannelViews;
  /** True while a request of this endpoint is parked (blocked) in the kernel. */
  parked: boolean;
}

export class ChannelHost {
  readonly doorbell: SharedArrayBuffer;
  private readonly bell: Int32Array;
  private readonly endpoints: Endpoint[] = [];
  private running = false;
  private stopped = false;

  constructor(private readonly dispatch: (e: Endpoint) => void) {
    this.doorbell = new SharedArrayBuffer(8);
    this.bell = new Int32Array(this.doorbell);
  }

  attach(e: Endpoint): void {
    this.endpoints.push(e);
    this.start();
  }

  detach(e: Endpoint): void {
    const i = this.endpoints.indexOf(e);
    if (i !== -1) this.endpoints.splice(i, 1);
  }

  stop(): void {
    this.stopped = true;
    Atomics.add(this.bell, 0, 1);
    Atomics.notify(this.bell, 0);
  }

  private start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    while (!this.stopped && this.endpoints.length > 0) {
      const seen = Atomics.load(this.bell, 0);
      const yielded = this.serve();
      if (yielded) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      const w = Atomics.waitAsync(this.bell, 0, seen);
      if (w.async) await w.value;
    }
    this.running = false;
  }

  /** Serves until quiet; returns true when it stopped only because its time slice ran out. */
  private serve(): boolean {
    const sliceEnd = performance.now() + CHANNEL_LIMITS.kernelSliceMs;
    const spinMs = CHANNEL_LIMITS.kernelSpinMicros / 1000;
    let quietSince = performance.now();
    for (;;) {
      let served = false;
      const eps = this.endpoints;
      for (let i = 0; i < eps.length; i++) {
        const e = eps[i] as Endpoint;
        if (!e.parked && Atomics.load(e.views.header, H.STATE) === State.REQUEST) {
          this.dispatch(e);
          served = true;
        }
      }
      const now = performance.now();
      if (served) {
        quietSince = now;
        if (now > sliceEnd) return true;
      } else if (now - quietSince > spinMs) {
        return false;
      }
    }
  }

  /** Sends the reply that the dispatcher has written into the endpoint's slots. */
  static reply(e: Endpoint, errno: number): void {
    const h = e.views.header;
    h[H.ERRNO] = errno;
    e.parked = false;
    Atomics.store(h, H.STATE, State.REPLY);
    Atomics.notify(h, H.STATE);
  }
}
