/**
 * Minimal reading and rewriting of a wasm binary's section list: enough to cap a module's memory. The cap is
 * written into the module's own memory limits, so `memory.grow` past it fails inside the guest (malloc returns
 * NULL) instead of the kernel having to notice after the fact.
 */
import { Errno, KernelError } from '@burrow/protocol';

const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const SECTION_MEMORY = 5;
export const WASM_PAGE_BYTES = 65536;

function readU32(bytes: Uint8Array, at: number): [value: number, next: number] {
  let result = 0;
  let shift = 0;
  for (let i = 0; i < 5; i++) {
    const b = bytes[at + i];
    if (b === undefined) throw new KernelError(Errno.NOEXEC, 'truncated wasm module');
    result |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result >>> 0, at + i + 1];
    shift += 7;
  }
  throw new KernelError(Errno.NOEXEC, 'malformed LEB128 in wasm module');
}

function writeU32(value: number, out: number[]): void {
  let v = value >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
}

export function isWasm(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Returns the module with every defined 32-bit memory's maximum set to at most `maxPages`. Throws ENOMEM when
 * the module's initial memory alone is over the cap, NOEXEC when the binary is not wasm.
 */
export function capMemory(bytes: Uint8Array, maxPages: number): Uint8Array {
  if (!isWasm(bytes)) throw new KernelError(Errno.NOEXEC, 'not a wasm module');
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at] as number;
    const [size, bodyAt] = readU32(bytes, at + 1);
    const end = bodyAt + size;
    if (end > bytes.length) throw new KernelError(Errno.NOEXEC, 'truncated wasm section');
    if (id === SECTION_MEMORY) {
      const body: number[] = [];
      let [count, p] = readU32(bytes, bodyAt);
      writeU32(count, body);
      while (count-- > 0) {
        const flags = bytes[p++] as number;
        if (flags > 0x03) throw new KernelError(Errno.NOEXEC, 'memory64 modules are not supported');
        const [min, afterMin] = readU32(bytes, p);
        p = afterMin;
        let max = maxPages;
        if (flags & 1) {
          const [m, afterMax] = readU32(bytes, p);
          p = afterMax;
          max = Math.min(m, maxPages);
        }
        if (min > max) throw new KernelError(Errno.NOMEM, 'initial memory exceeds the memory limit');
        body.push(flags | 1);
        writeU32(min, body);
        writeU32(max, body);
      }
      const header: number[] = [SECTION_MEMORY];
      writeU32(body.length, header);
      const out = new Uint8Array(at + header.length + body.length + (bytes.length - end));
      out.set(bytes.subarray(0, at), 0);
      out.set(header, at);
      out.set(body, at + header.length);
      out.set(bytes.subarray(end), at + header.length + body.length);
      return out;
    }
    at = end;
  }
  return bytes;
}
