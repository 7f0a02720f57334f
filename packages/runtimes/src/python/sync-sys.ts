/**
 * The blocking side of Burrow's sys calls, for code that must answer synchronously (Emscripten's filesystem
 * callbacks, Python's stdio): each call puts one request on the process's channel and waits for the reply.
 * Errors come back as KernelError with the kernel's errno; nothing here interprets messages. Every reply
 * passes through externalInputs (the journal's tap).
 */
import { deserialize, serialize } from 'node:v8';
import { Errno, H, KernelError, Op } from '@burrow/protocol';
import type { ChannelClient } from '../wasi/channel-client.js';
import { externalInputs } from './external-inputs.js';

export class SyncSys {
  /** Wasm pages of the interpreter's memory, reported to the kernel at every call for accounting. */
  memoryPages = 0;

  constructor(private readonly client: ChannelClient) {}

  get payloadBytes(): number {
    return this.client.views.data.length;
  }

  private call0(op: Op, inLen = 0): void {
    this.client.views.header[H.MEM_PAGES] = this.memoryPages;
    const errno = this.client.call(op, inLen);
    if (errno !== Errno.SUCCESS) throw new KernelError(errno);
  }

  /** One Op.burrow_sys call: `[method, ...args]` in, the method's value out. */
  call<T>(method: string, ...args: unknown[]): T {
    const v = this.client.views;
    const req = serialize([method, ...args]);
    if (req.length > v.data.length) throw new KernelError(Errno.NAMETOOLONG);
    v.data.set(req, 0);
    this.call0(Op.burrow_sys, req.length);
    return externalInputs.pass('sys', deserialize(v.data.slice(0, this.client.outLen)) as T);
  }

  /** Reads up to `max` bytes (at most one payload) into `into` at `at`; 0 at end of file. Blocks on pipes. */
  read(fd: number, into: Uint8Array, at: number, max: number): number {
    const v = this.client.views;
    v.i32[0] = fd;
    v.i32[1] = Math.min(max, v.data.length);
    v.i32[2] = 0;
    this.call0(Op.fd_read);
    const n = this.client.outLen;
    into.set(externalInputs.pass('sys', v.data.slice(0, n)), at);
    return n;
  }

  /** Reads at an offset without moving the fd's own offset. */
  pread(fd: number, into: Uint8Array, at: number, max: number, offset: number): number {
    const v = this.client.views;
    v.i32[0] = fd;
    v.i32[1] = Math.min(max, v.data.length);
    v.i64[0] = BigInt(offset);
    this.call0(Op.fd_pread);
    const n = this.client.outLen;
    into.set(externalInputs.pass('sys', v.data.slice(0, n)), at);
    return n;
  }

  /** Writes all of `bytes` (several calls when larger than a payload or when a pipe takes part). */
  write(fd: number, bytes: Uint8Array): number {
    const v = this.client.views;
    let done = 0;
    while (done < bytes.length) {
      const k = Math.min(bytes.length - done, v.data.length);
      v.data.set(bytes.subarray(done, done + k), 0);
      v.i32[0] = fd;
      this.call0(Op.fd_write, k);
      done += v.i32[0] as number;
    }
    return done;
  }

  /** Writes all of `bytes` at an offset. */
  pwrite(fd: number, bytes: Uint8Array, offset: number): number {
    const v = this.client.views;
    let done = 0;
    while (done < bytes.length) {
      const k = Math.min(bytes.length - done, v.data.length);
      v.data.set(bytes.subarray(done, done + k), 0);
      v.i32[0] = fd;
      v.i64[0] = BigInt(offset + done);
      this.call0(Op.fd_pwrite, k);
      const n = v.i32[0] as number;
      if (n <= 0) break;
      done += n;
    }
    return done;
  }

  /** Ends the process with `code` (the kernel records it, closes the fds and wakes waiters). */
  exit(code: number): void {
    const v = this.client.views;
    v.i32[0] = code;
    v.i32[1] = 0;
    this.client.call(Op.proc_exit);
  }

  /** Marks the start of guest code: CPU time is charged from here on. */
  markStarted(): void {
    Atomics.store(this.client.views.header, H.STARTED, 1);
  }
}
