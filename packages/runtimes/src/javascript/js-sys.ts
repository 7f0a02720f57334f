/**
 * Blocking sys calls of a JavaScript process: QuickJS host functions are synchronous. The shared blocking
 * client, with reads that return their bytes.
 */
import { SyncSys } from '../sys/sync-sys.js';
import { ChannelClient } from '../wasi/channel-client.js';

export type { SysStat } from '../sys/sync-sys.js';

export class JsSys extends SyncSys {
  constructor(channel: SharedArrayBuffer, doorbell: SharedArrayBuffer) {
    super(new ChannelClient(channel, doorbell));
  }

  /** Reads up to one payload from `fd`; an empty result is end of file. Blocks on pipes. */
  read(fd: number, max: number): Uint8Array {
    return this.readChunk(fd, max);
  }

  /** Reads at an offset without moving the fd's own offset. */
  pread(fd: number, max: number, offset: number): Uint8Array {
    return this.preadChunk(fd, max, offset);
  }
}
