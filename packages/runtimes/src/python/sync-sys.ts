/**
 * Blocking sys calls of a Python process (Emscripten's filesystem callbacks and Python's stdio answer
 * synchronously): the shared blocking client, with reads into a caller's buffer as Emscripten wants them,
 * and every value from outside passed through externalInputs (the journal's tap).
 */
import { SyncSys as BaseSyncSys } from '../sys/sync-sys.js';
import type { ChannelClient } from '../wasi/channel-client.js';
import { externalInputs } from './external-inputs.js';

export class SyncSys extends BaseSyncSys {
  /** Wasm pages of the interpreter's memory, reported to the kernel at every call. */
  pages = 0;

  constructor(client: ChannelClient) {
    super(client, (v) => externalInputs.pass('sys', v));
    this.memoryPages = () => this.pages;
  }

  /** Reads up to `max` bytes (at most one payload) into `into` at `at`; 0 at end of file. Blocks on pipes. */
  read(fd: number, into: Uint8Array, at: number, max: number): number {
    const chunk = this.readChunk(fd, max);
    into.set(chunk, at);
    return chunk.length;
  }

  /** Reads at an offset without moving the fd's own offset. */
  pread(fd: number, into: Uint8Array, at: number, max: number, offset: number): number {
    const chunk = this.preadChunk(fd, max, offset);
    into.set(chunk, at);
    return chunk.length;
  }
}
