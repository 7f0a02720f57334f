/**
 * A stand-in for a process worker, for kernel-level syscall tests: a real Kernel and ChannelHost, a process
 * spawned with a launcher that starts no thread, and `call()` that plays the worker's side of the channel
 * (slots, payload, doorbell, wait for the reply) from the test's own thread. Nothing guards the slots, so a
 * test can send any request a hostile worker could.
 *
 * Invariants: one call in flight at a time; stdout and stderr are files of the VFS (writes never block), stdin
 * is a pipe whose write end the test holds.
 */
import { type ChannelViews, channelViews, H, type Op, State } from '@burrow/protocol';
import type { PipeWriteEnd } from '../fd/pipe.js';
import { VfsDescriptor } from '../fd/vfs-descriptor.js';
import { Kernel, type LaunchSpec } from '../kernel.js';
import { ModuleCache } from '../process/module-cache.js';
import type { Process } from '../process/process.js';
import type { Vfs } from '../vfs/index.js';

/** The smallest WASI command: exports `memory` (one page) and an empty `_start`. */
const MINIMAL_WASM = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x05,
  0x03, 0x01, 0x00, 0x01, 0x07, 0x13, 0x02, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x06, 0x5f, 0x73,
  0x74, 0x61, 0x72, 0x74, 0x00, 0x00, 0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b,
]);

export interface TestGuestOptions {
  preopens?: Array<{ path: string; guestPath?: string }>;
  fdsMax?: number;
  /** Runs on the new kernel's VFS before the process is spawned (directories to preopen, files). */
  prepare?: (vfs: Vfs) => void;
}

export class TestGuest {
  readonly views: ChannelViews;
  private readonly bell: Int32Array;

  private constructor(
    readonly kernel: Kernel,
    readonly process: Process,
    readonly stdin: PipeWriteEnd,
    spec: LaunchSpec,
  ) {
    this.views = channelViews(spec.channels[0] as SharedArrayBuffer);
    this.bell = new Int32Array(spec.doorbell);
  }

  static start(opts: TestGuestOptions = {}): TestGuest {
    let launched: LaunchSpec | null = null;
    const kernel = new Kernel({
      launcher: {
        launch: (spec) => {
          launched = spec;
          return { terminate: () => {}, post: () => {} };
        },
      },
      modules: new ModuleCache(),
      ...(opts.fdsMax === undefined ? {} : { processLimits: { fdsMax: opts.fdsMax } }),
    });
    kernel.vfs.writeFile('/guest.wasm', MINIMAL_WASM);
    opts.prepare?.(kernel.vfs);
    const out = (path: string): VfsDescriptor =>
      new VfsDescriptor(kernel.vfs, kernel.vfs.open(kernel.vfs.rootIno, path, { write: true, create: true }));
    const stdin = kernel.pipePair();
    const p = kernel.spawn(['/guest.wasm'], { stdin: stdin.read, stdout: out('/stdout'), stderr: out('/stderr') }, {
      ...(opts.preopens === undefined ? {} : { preopens: opts.preopens }),
    });
    if (launched === null) throw new Error('the kernel launched nothing');
    return new TestGuest(kernel, p, stdin.write, launched);
  }

  /** Posts a request (slots already set by `setup`) and rings the doorbell; resolves with the errno. */
  async call(op: Op | number, setup: (v: ChannelViews) => void = () => {}, payload?: Uint8Array): Promise<number> {
    const h = this.views.header;
    this.views.i32.fill(0);
    this.views.i64.fill(0n);
    h[H.IN_LEN] = payload?.length ?? 0;
    if (payload !== undefined) this.views.data.set(payload, 0);
    setup(this.views);
    h[H.OP] = op;
    Atomics.store(h, H.STATE, State.REQUEST);
    Atomics.add(this.bell, 0, 1);
    Atomics.notify(this.bell, 0);
    while (Atomics.load(h, H.STATE) !== State.REPLY) {
      const w = Atomics.waitAsync(h, H.STATE, State.REQUEST);
      if (w.async) await w.value;
    }
    Atomics.store(h, H.STATE, State.IDLE);
    return h[H.ERRNO] as number;
  }

  get replied(): boolean {
    return Atomics.load(this.views.header, H.STATE) === State.REPLY;
  }

  close(): void {
    this.kernel.close();
  }
}

/** A request's slots: i32 values from slot 0, then i64 values from slot 0. */
export function slots(i32: readonly number[], i64: readonly bigint[] = []): (v: ChannelViews) => void {
  return (v) => {
    i32.forEach((x, i) => {
      v.i32[i] = x;
    });
    i64.forEach((x, i) => {
      v.i64[i] = x;
    });
  };
}

/** Encodes a path payload. */
export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
