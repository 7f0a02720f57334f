/**
 * /dev/null as a descriptor: reads end at once, writes vanish. The stdio of processes nobody listens to.
 */
import { Descriptor, FileType } from './descriptor.js';

export class NullDescriptor extends Descriptor {
  readonly filetype = FileType.CHARACTER_DEVICE;
  override read(_maxBytes: number): Uint8Array {
    return new Uint8Array(0);
  }
  override write(data: Uint8Array): number {
    return data.length;
  }
  describe(): { kind: string } {
    return { kind: 'null' };
  }
}
