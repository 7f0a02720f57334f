/**
 * The shell's `Sys` over the kernel's syscall channels. Whole-path calls are Op.burrow_sys requests
 * (v8-serialized `[method, ...args]`); file contents move through fds with fd_read/fd_write in payload-sized
 * pieces, so no file has to fit one message. External programs get kernel pipes for their stdio, pumped to and
 * from the shell's in-worker streams, unless a stream already is a kernel fd (then the fd is handed over).
 */
import { webcrypto } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { Errno, KernelError, Op } from '@burrow/protocol';
import type {
  ByteSink,
  ByteSource,
  DirEntry,
  FileHandle,
  FileStat,
  OpenOptions,
  SpawnOptions,
  Sys,
} from '@burrow/shell';
import type { AsyncChannelPool } from './async-channel.js';

const READ_BYTES = 64 * 1024;

/** A stream that is a kernel fd of this process (so it can be handed to a child as is). */
export interface FdStream {
  readonly fd: number;
}

export function isFdStream(s: unknown): s is FdStream {
  return typeof s === 'object' && s !== null && typeof (s as { fd?: unknown }).fd === 'number';
}

export class ChannelSys implements Sys {
  constructor(private readonly pool: AsyncChannelPool) {}

  /** One Op.burrow_sys call. */
  call<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.pool.with(async (c) => {
      const req = serialize([method, ...args]);
      if (req.length > c.views.data.length) throw new KernelError(Errno.NAMETOOLONG);
      c.views.data.set(req, 0);
      const errno = await c.call(Op.burrow_sys, req.length);
      if (errno !== Errno.SUCCESS) throw new KernelError(errno);
      return deserialize(c.views.data.slice(0, c.outLen)) as T;
    });
  }

  /** Reads up to `max` bytes from an fd; an empty array at end of file. */
  fdRead(fd: number, max = READ_BYTES): Promise<Uint8Array> {
    return this.pool.with(async (c) => {
      c.views.i32[0] = fd;
      c.views.i32[1] = Math.min(max, c.views.data.length);
      const errno = await c.call(Op.fd_read);
      if (errno !== Errno.SUCCESS) throw new KernelError(errno);
      return c.views.data.slice(0, c.outLen);
    });
  }

  /** Writes all of `data` to an fd (several calls when it is larger than a payload or the pipe is full). */
  async fdWrite(fd: number, data: Uint8Array): Promise<number> {
    let done = 0;
    while (done < data.length) {
      const n = await this.pool.with(async (c) => {
        const k = Math.min(data.length - done, c.views.data.length);
        c.views.data.set(data.subarray(done, done + k), 0);
        c.views.i32[0] = fd;
        const errno = await c.call(Op.fd_write, k);
        if (errno !== Errno.SUCCESS) throw new KernelError(errno);
        return c.views.i32[0] as number;
      });
      done += n;
    }
    return done;
  }

  fdClose(fd: number): Promise<void> {
    return this.call('close', fd);
  }

  fdSource(fd: number): ByteSource & FdStream {
    return {
      fd,
      read: async () => {
        const chunk = await this.fdRead(fd);
        return chunk.length === 0 ? null : chunk;
      },
    };
  }

  fdSink(fd: number): ByteSink & FdStream {
    return {
      fd,
      write: async (chunk) => {
        await this.fdWrite(fd, chunk);
      },
    };
  }

  stat(path: string, opts?: { follow?: boolean }): Promise<FileStat> {
    return this.call('stat', path, opts?.follow !== false);
  }
  readdir(path: string): Promise<DirEntry[]> {
    return this.call('readdir', path);
  }
  async open(path: string, opts: OpenOptions): Promise<FileHandle> {
    const fd = await this.call<number>('open', path, opts);
    return {
      read: (max) => this.fdRead(fd, max),
      write: (data) => this.fdWrite(fd, data),
      seek: (offset, whence) => this.call('seek', fd, offset, whence === 'set' ? 0 : whence === 'cur' ? 1 : 2),
      stat: () => this.call('fstat', fd),
      truncate: (size) => this.call('ftruncate', fd, size),
      close: () => this.fdClose(fd),
    };
  }
  async readFile(path: string): Promise<Uint8Array> {
    const fd = await this.call<number>('open', path, { read: true });
    try {
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const c = await this.fdRead(fd, 256 * 1024);
        if (c.length === 0) break;
        chunks.push(c);
        total += c.length;
      }
      if (chunks.length === 1) return chunks[0] as Uint8Array;
      const out = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    } finally {
      await this.fdClose(fd);
    }
  }
  async writeFile(path: string, data: Uint8Array, opts?: { append?: boolean; mode?: number }): Promise<void> {
    const fd = await this.call<number>('open', path, {
      write: true,
      create: true,
      truncate: opts?.append !== true,
      append: opts?.append === true,
      mode: opts?.mode ?? 0o644,
    });
    try {
      await this.fdWrite(fd, data);
    } finally {
      await this.fdClose(fd);
    }
  }
  mkdir(path: string, opts?: { mode?: number }): Promise<void> {
    return this.call('mkdir', path, opts?.mode ?? 0o755);
  }
  rmdir(path: string): Promise<void> {
    return this.call('rmdir', path);
  }
  unlink(path: string): Promise<void> {
    return this.call('unlink', path);
  }
  rename(from: string, to: string): Promise<void> {
    return this.call('rename', from, to);
  }
  symlink(target: string, path: string): Promise<void> {
    return this.call('symlink', target, path);
  }
  readlink(path: string): Promise<string> {
    return this.call('readlink', path);
  }
  link(existing: string, path: string): Promise<void> {
    return this.call('link', existing, path);
  }
  chmod(path: string, mode: number): Promise<void> {
    return this.call('chmod', path, mode);
  }
  utimes(path: string, atimeMs: number, mtimeMs: number): Promise<void> {
    return this.call('utimes', path, atimeMs, mtimeMs);
  }
  truncate(path: string, size: number): Promise<void> {
    return this.call('truncate', path, size);
  }
  realpath(path: string): Promise<string> {
    return this.call('realpath', path);
  }
  statfs(path: string): ReturnType<NonNullable<Sys['statfs']>> {
    return this.call('statfs', path);
  }

  async spawn(argv: string[], opts: SpawnOptions): Promise<number> {
    const owned: number[] = [];
    const pumps: Promise<void>[] = [];
    const stdinFd = await this.inputFd(opts.stdin, owned, pumps);
    const stdoutFd = await this.outputFd(opts.stdout, owned, pumps);
    const stderrFd = await this.outputFd(opts.stderr, owned, pumps);
    let pid: number;
    try {
      pid = await this.call<number>('spawn', argv, { cwd: opts.cwd, env: opts.env, stdio: [stdinFd, stdoutFd, stderrFd] });
    } finally {
      // The child holds its own references now (or there is no child): drop the shell's.
      await Promise.all(owned.map((fd) => this.fdClose(fd).catch(() => {})));
    }
    const onAbort = (): void => {
      void this.call('kill', pid, 'SIGTERM').catch(() => {});
    };
    opts.signal?.addEventListener('abort', onAbort);
    try {
      const status = await this.call<{ exitCode: number }>('wait', pid);
      await Promise.all(pumps);
      return status.exitCode;
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The fd a child reads as stdin: the source's own fd, or a pipe fed from the source. */
  private async inputFd(source: ByteSource, owned: number[], pumps: Promise<void>[]): Promise<number> {
    if (isFdStream(source)) return source.fd;
    const [r, w] = await this.call<[number, number]>('pipe');
    owned.push(r);
    pumps.push(
      (async () => {
        try {
          for (let c = await source.read(); c !== null; c = await source.read()) await this.fdWrite(w, c);
        } catch {
          // The child stopped reading (EPIPE) or the source failed: either way its stdin ends here.
        } finally {
          await this.fdClose(w).catch(() => {});
        }
      })(),
    );
    return r;
  }

  /** The fd a child writes to: the sink's own fd, or a pipe drained into the sink. */
  private async outputFd(sink: ByteSink, owned: number[], pumps: Promise<void>[]): Promise<number> {
    if (isFdStream(sink)) return sink.fd;
    const [r, w] = await this.call<[number, number]>('pipe');
    owned.push(w);
    pumps.push(
      (async () => {
        try {
          for (;;) {
            const c = await this.fdRead(r);
            if (c.length === 0) break;
            await sink.write(c);
          }
        } catch {
          // The reader of the sink is gone: the child gets EPIPE on its next write once the pipe closes.
        } finally {
          await this.fdClose(r).catch(() => {});
        }
      })(),
    );
    return w;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new KernelError(Errno.INTR);
    const until = Date.now() + ms;
    if (signal === undefined) {
      await this.call('sleepUntil', until);
      return;
    }
    // A parked sleep cannot be cancelled from here; sleep in short steps so an abort is seen promptly.
    while (Date.now() < until) {
      if (signal.aborted) throw new KernelError(Errno.INTR);
      await this.call('sleepUntil', Math.min(until, Date.now() + 50));
    }
  }

  now(): number {
    return Date.now();
  }

  randomBytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let at = 0; at < n; at += 65536) webcrypto.getRandomValues(out.subarray(at, Math.min(n, at + 65536)));
    return out;
  }
}
