/**
 * The one place through which everything an interpreter reads from outside passes: the wall clock
 * (Date.now), the monotonic clock (performance.now), random bytes (node:crypto's randomFillSync, which
 * Emscripten's getrandom uses in Node) and the results of sys calls (file and pipe reads, stats, spawns).
 * A recorder attached here sees every value in order, which is what a journal needs to replay a run
 * from an idle image. It patches the thread it runs in, so it belongs in a worker dedicated to one
 * interpreter.
 */
import { createRequire } from 'node:module';

export type InputKind = 'realtime' | 'monotonic' | 'random' | 'sys';

export interface InputRecorder {
  record(kind: InputKind, value: unknown): void;
}

interface CryptoModule {
  randomFillSync<T extends ArrayBufferView>(buf: T, offset?: number, size?: number): T;
}

const require = createRequire(import.meta.url);

class ExternalInputs {
  recorder: InputRecorder | null = null;
  private installed = false;

  /** Routes this thread's clocks and random source through here (once per thread). */
  install(): void {
    if (this.installed) return;
    this.installed = true;
    const dateNow = Date.now.bind(Date);
    const perfNow = performance.now.bind(performance);
    const crypto = require('node:crypto') as CryptoModule;
    const fill = crypto.randomFillSync.bind(crypto);
    Date.now = () => this.pass('realtime', dateNow());
    performance.now = () => this.pass('monotonic', perfNow());
    crypto.randomFillSync = <T extends ArrayBufferView>(buf: T, offset?: number, size?: number): T => {
      fill(buf, offset, size);
      if (this.recorder !== null) {
        const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
        this.recorder.record('random', bytes.slice());
      }
      return buf;
    };
  }

  /** Hands a value read from outside to the recorder, and back to the reader. */
  pass<T>(kind: InputKind, value: T): T {
    this.recorder?.record(kind, value);
    return value;
  }
}

/** The thread's gate (one interpreter per worker thread). */
export const externalInputs: ExternalInputs = new ExternalInputs();
