/**
 * Bounds-checked access to a guest's linear memory. Every pointer and length a guest passes is checked here
 * before use; a violation throws Fault, which the import wrapper turns into EFAULT for the guest. The views
 * are refreshed when the memory grows (its buffer is replaced).
 */
export class Fault extends Error {
  constructor() {
    super('guest pointer out of range');
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export class GuestMemory {
  private memory: WebAssembly.Memory | null = null;
  private buffer: ArrayBuffer | null = null;
  private u8v = new Uint8Array(0);
  private dv = new DataView(new ArrayBuffer(0));

  attach(memory: WebAssembly.Memory): void {
    this.memory = memory;
    this.buffer = null;
  }

  private sync(): void {
    const m = this.memory;
    if (m === null) throw new Fault();
    if (m.buffer !== this.buffer) {
      this.buffer = m.buffer;
      this.u8v = new Uint8Array(m.buffer);
      this.dv = new DataView(m.buffer);
    }
  }

  get byteLength(): number {
    this.sync();
    return this.u8v.length;
  }

  /** A live view of [ptr, ptr+len). */
  bytes(ptr: number, len: number): Uint8Array {
    this.sync();
    const p = ptr >>> 0;
    const n = len >>> 0;
    if (p + n > this.u8v.length) throw new Fault();
    return this.u8v.subarray(p, p + n);
  }

  check(ptr: number, len: number): void {
    this.sync();
    if ((ptr >>> 0) + (len >>> 0) > this.u8v.length) throw new Fault();
  }

  u8(ptr: number): number {
    this.check(ptr, 1);
    return this.dv.getUint8(ptr >>> 0);
  }
  u16(ptr: number): number {
    this.check(ptr, 2);
    return this.dv.getUint16(ptr >>> 0, true);
  }
  u32(ptr: number): number {
    this.check(ptr, 4);
    return this.dv.getUint32(ptr >>> 0, true);
  }
  u64(ptr: number): bigint {
    this.check(ptr, 8);
    return this.dv.getBigUint64(ptr >>> 0, true);
  }
  setU8(ptr: number, v: number): void {
    this.check(ptr, 1);
    this.dv.setUint8(ptr >>> 0, v);
  }
  setU16(ptr: number, v: number): void {
    this.check(ptr, 2);
    this.dv.setUint16(ptr >>> 0, v, true);
  }
  setU32(ptr: number, v: number): void {
    this.check(ptr, 4);
    this.dv.setUint32(ptr >>> 0, v >>> 0, true);
  }
  setU64(ptr: number, v: bigint): void {
    this.check(ptr, 8);
    this.dv.setBigUint64(ptr >>> 0, BigInt.asUintN(64, v), true);
  }

  /** A UTF-8 string at [ptr, ptr+len). */
  string(ptr: number, len: number): string {
    return decoder.decode(this.bytes(ptr, len));
  }

  /** The iovec/ciovec array at `ptr` as [buf, len] pairs, checked. */
  iovecs(ptr: number, count: number): Array<[number, number]> {
    const n = count >>> 0;
    this.check(ptr, n * 8);
    const out: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      const buf = this.u32(ptr + i * 8);
      const len = this.u32(ptr + i * 8 + 4);
      this.check(buf, len);
      out.push([buf, len]);
    }
    return out;
  }
}
