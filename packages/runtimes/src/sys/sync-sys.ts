/**
 * The blocking side of Burrow's sys calls, for interpreters whose host callbacks must answer synchronously
 * (Emscripten's filesystem, QuickJS host functions): each call puts one request on the process's channel and
 * waits for the reply. Errors come back as KernelError with the kernel's errno; nothing here interprets
 * messages. Every value read from outside passes through `tap` (the journal's hook). Paths are absolute.
 */
import { deserialize, serialize } from 'node:v8';
import { Errno, H, KernelError, Op, type SysFileStat } from '@burrow/protocol';
import type { ChannelClient } from '../wasi/channel-client.js';

export type SysStat = SysFileStat;

export type InputTap = <T>(value: T) => T;

export class SyncSys {
  /** Wasm pages of the interpreter's memory, reported to the kernel at every call for accounting. */
  memoryPages: () => number = () => 0;

  constructor(
    protected readonly client: ChannelClient,
    private readonly tap: InputTap = (v) => v,
  ) {}

  get payloadBytes(): number {
    return this.client.views.data.length;
  }

  private call0(op: Op, inLen = 0): void {
    this.client.views.header[H.MEM_PAGES] = this.memoryPages();
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
    return this.tap(deserialize(v.data.slice(0, this.client.outLen)) as T);
  }

  /** Reads up to one payload from `fd`; an empty result is end of file. Blocks on pipes. */
  readChunk(fd: number, max: number): Uint8Array {
    const v = this.client.views;
    v.i32[0] = fd;
    v.i32[1] = Math.min(max, v.data.length);
    v.i32[2] = 0;
    this.call0(Op.fd_read);
    return this.tap(v.data.slice(0, this.client.outLen));
  }

  /** Reads at an offset without moving the fd's own offset. */
  preadChunk(fd: number, max: number, offset: number): Uint8Array {
    const v = this.client.views;
    v.i32[0] = fd;
    v.i32[1] = Math.min(max, v.data.length);
    v.i64[0] = BigInt(offset);
    this.call0(Op.fd_pread);
    return this.tap(v.data.slice(0, this.client.outLen));
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

  /** Reads all of `fd` to its end. */
  readAll(fd: number): Uint8Array {
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = this.readChunk(fd, this.client.views.data.length);
      if (chunk.length === 0) break;
      parts.push(chunk);
      total += chunk.length;
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /** Reads a whole file by path. */
  readFile(path: string): Uint8Array {
    const fd = this.call<number>('open', path, { read: true });
    try {
      return this.readAll(fd);
    } finally {
      this.call('close', fd);
    }
  }

  /** Writes a whole file by path (created or truncated, or appended to). */
  writeFile(path: string, bytes: Uint8Array, opts: { append?: boolean; mode?: number; exclusive?: boolean } = {}): void {
    const fd = this.call<number>('open', path, {
      write: true,
      create: true,
      truncate: opts.append !== true,
      append: opts.append === true,
      exclusive: opts.exclusive === true,
      mode: opts.mode ?? 0o644,
    });
    try {
      this.write(fd, bytes);
    } finally {
      this.call('close', fd);
    }
  }

  stat(path: string, follow = true): SysStat {
    return this.call<SysStat>('stat', path, follow);
  }

  /** The stat of `path`, or null when it does not exist. */
  statOrNull(path: string): SysStat | null {
    try {
      return this.stat(path);
    } catch (e) {
      if (e instanceof KernelError && (e.errno === Errno.NOENT || e.errno === Errno.NOTDIR)) return null;
      throw e;
    }
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
