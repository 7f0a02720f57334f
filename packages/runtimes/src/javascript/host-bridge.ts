/**
 * The one door between guest JavaScript and the outside world: every read (clock, random, files, stdin, child
 * output) and every effect (writes, spawns, exit) is one `handle(op, args, bytes)` call, so a journal hook here
 * sees all of an interpreter's nondeterministic inputs. Replies are `{ ok }`, `{ err }` (a KernelError as a
 * Node-style code) or raw bytes. Nothing here throws to the guest except bugs.
 */
import { createHash, createHmac, randomFillSync } from 'node:crypto';
import { Errno, errnoMessage, errnoName, KernelError } from '@burrow/protocol';
import type { JsSys, SysStat } from './js-sys.js';
import type { ModuleResolver, ResolveMode } from './module-resolver.js';
import { isTypeScript, stripTypes } from './transpile.js';

export type HostReply = { ok: unknown } | { err: { code?: string; errno?: number; message: string } } | Uint8Array;

export interface JournalEntry {
  op: string;
  args: unknown[];
  reply: HostReply;
}

export interface HostBridgeOptions {
  pid: number;
  /** Bytes the interpreter's heap holds now, and the most it may hold. */
  memoryBytes: () => number;
  memoryLimitBytes: number;
  /** Asked to stop the guest: process.exit(code) was called. */
  onExit: (code: number) => void;
}

/** Linux errno numbers for Node's negative `err.errno`, for the codes programs commonly branch on. */
const LINUX_ERRNO: Partial<Record<Errno, number>> = {
  [Errno.PERM]: 1,
  [Errno.NOENT]: 2,
  [Errno.SRCH]: 3,
  [Errno.IO]: 5,
  [Errno.BADF]: 9,
  [Errno.CHILD]: 10,
  [Errno.AGAIN]: 11,
  [Errno.NOMEM]: 12,
  [Errno.ACCES]: 13,
  [Errno.EXIST]: 17,
  [Errno.NOTDIR]: 20,
  [Errno.ISDIR]: 21,
  [Errno.INVAL]: 22,
  [Errno.MFILE]: 24,
  [Errno.NOSPC]: 28,
  [Errno.PIPE]: 32,
  [Errno.NAMETOOLONG]: 36,
  [Errno.NOSYS]: 38,
  [Errno.NOTEMPTY]: 39,
  [Errno.LOOP]: 40,
};

const decoder = new TextDecoder();

function str(v: unknown): string {
  if (typeof v !== 'string') throw new KernelError(Errno.INVAL, 'expected a string');
  return v;
}
function num(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new KernelError(Errno.INVAL, 'expected a number');
  return v;
}

export function errorReply(e: KernelError): HostReply {
  return {
    err: {
      code: errnoName(e.errno),
      errno: LINUX_ERRNO[e.errno] ?? e.errno,
      message: errnoMessage(e.errno).toLowerCase(),
    },
  };
}

interface SpawnRequest {
  cwd: string;
  env: Record<string, string>;
  stdio: Array<string | number>;
  hasInput: boolean;
}

export class HostBridge {
  /** Receives every call and its reply, in order, when set (the replay journal of an interpreter). */
  journal: ((entry: JournalEntry) => void) | null = null;
  /** Takes writes to stdout (1) and stderr (2) instead of the fds when set (code-interpreter cells). */
  captureOutput: ((fd: 1 | 2, bytes: Uint8Array) => void) | null = null;
  private tmpSeq = 0;

  constructor(
    private readonly sys: JsSys,
    private readonly resolver: ModuleResolver,
    private readonly opts: HostBridgeOptions,
  ) {}

  handle(op: string, args: unknown[], bytes: Uint8Array | null): HostReply {
    let reply: HostReply;
    try {
      reply = this.dispatch(op, args, bytes);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      reply = op === 'resolve' ? { err: { code: 'MODULE_NOT_FOUND', message: e.message } } : errorReply(e);
    }
    this.journal?.({ op, args, reply });
    return reply;
  }

  private dispatch(op: string, a: unknown[], bytes: Uint8Array | null): HostReply {
    const sys = this.sys;
    const data = bytes ?? new Uint8Array(0);
    switch (op) {
      case 'now':
        return { ok: Date.now() };
      case 'hrtime':
        return { ok: performance.now() };
      case 'random': {
        const n = Math.min(num(a[0]), 65536);
        return randomFillSync(new Uint8Array(n));
      }
      case 'memory':
        return { ok: this.opts.memoryBytes() };
      case 'memoryLimit':
        return { ok: this.opts.memoryLimitBytes };
      case 'write': {
        const fd = num(a[0]);
        if (this.captureOutput !== null && (fd === 1 || fd === 2)) {
          this.captureOutput(fd, data.slice());
          return { ok: data.length };
        }
        return { ok: sys.write(fd, data) };
      }
      case 'read':
        return sys.read(num(a[0]), num(a[1]));
      case 'readFd':
        return sys.readAll(num(a[0]));
      case 'sleepUntil':
        sys.call('sleepUntil', num(a[0]));
        return { ok: null };
      case 'exit':
        this.opts.onExit(num(a[0]));
        return { ok: null };
      case 'kill':
        sys.call('kill', num(a[0]), str(a[1]));
        return { ok: null };
      case 'readFile':
        return sys.readFile(str(a[0]));
      case 'writeFile': {
        const o = (a[1] ?? {}) as { append?: boolean; exclusive?: boolean; mode?: number };
        sys.writeFile(str(a[0]), data, {
          append: o.append === true,
          exclusive: o.exclusive === true,
          ...(typeof o.mode === 'number' ? { mode: o.mode } : {}),
        });
        return { ok: null };
      }
      case 'stat':
        return { ok: sys.call<SysStat>('stat', str(a[0]), a[1] !== false) };
      case 'fstat':
        return { ok: sys.call<SysStat>('fstat', num(a[0])) };
      case 'readdir':
      case 'rmdir':
      case 'unlink':
      case 'readlink':
      case 'realpath':
        return { ok: sys.call(op, str(a[0])) };
      case 'mkdir':
      case 'chmod':
      case 'truncate':
        return { ok: sys.call(op, str(a[0]), num(a[1])) };
      case 'rename':
      case 'symlink':
      case 'link':
        return { ok: sys.call(op, str(a[0]), str(a[1])) };
      case 'utimes':
        return { ok: sys.call('utimes', str(a[0]), num(a[1]), num(a[2])) };
      case 'ftruncate':
        return { ok: sys.call('ftruncate', num(a[0]), num(a[1])) };
      case 'open':
        return { ok: sys.call('open', str(a[0]), a[1]) };
      case 'close':
        return { ok: sys.call('close', num(a[0])) };
      case 'fread':
        return a[2] === null ? sys.read(num(a[0]), num(a[1])) : sys.pread(num(a[0]), num(a[1]), num(a[2]));
      case 'fwrite':
        return { ok: a[1] === null ? sys.write(num(a[0]), data) : sys.pwrite(num(a[0]), data, num(a[1])) };
      case 'hash':
        return new Uint8Array(createHash(str(a[0])).update(data).digest());
      case 'hmac':
        return new Uint8Array(createHmac(str(a[0]), Buffer.from(str(a[1]), 'base64')).update(data).digest());
      case 'resolve':
        return { ok: this.resolver.resolve(str(a[0]), str(a[1]), str(a[2]) as ResolveMode) };
      case 'source':
        return { ok: this.source(str(a[0]), str(a[1])) };
      case 'spawnSync':
        return { ok: this.spawnSync(a[0], a[1] as SpawnRequest, bytes) };
      default:
        throw new KernelError(Errno.NOSYS, `unknown host call ${op}`);
    }
  }

  /** A module's source text, types stripped when it is TypeScript (to CommonJS for `require`). */
  source(path: string, format: string): string {
    const text = decoder.decode(this.sys.readFile(path));
    if (!isTypeScript(path)) return text;
    return stripTypes(text, path, format === 'cjs');
  }

  /**
   * Runs a child to completion. Captured output goes through temporary files rather than pipes, so a child
   * that fills one stream while the parent waits on the other cannot deadlock.
   */
  private spawnSync(argvRaw: unknown, req: SpawnRequest, input: Uint8Array | null): unknown {
    if (!Array.isArray(argvRaw) || !argvRaw.every((s) => typeof s === 'string')) throw new KernelError(Errno.INVAL);
    const argv = argvRaw as string[];
    const owned: number[] = [];
    const temps: string[] = [];
    const captured: Array<string | null> = [null, null];
    const tmp = (): string => {
      const p = `/tmp/.burrow-node-${this.opts.pid}-${this.tmpSeq++}`;
      temps.push(p);
      return p;
    };
    try {
      const fds: number[] = [];
      const in0 = req.stdio[0];
      if (input !== null || in0 === 'pipe' || in0 === 'ignore') {
        const p = tmp();
        this.sys.writeFile(p, input ?? new Uint8Array(0), {});
        const fd = this.sys.call<number>('open', p, { read: true });
        owned.push(fd);
        fds.push(fd);
      } else fds.push(typeof in0 === 'number' ? in0 : 0);
      for (const i of [1, 2] as const) {
        const s = req.stdio[i];
        if (s === 'inherit') fds.push(i);
        else if (typeof s === 'number') fds.push(s);
        else {
          const p = tmp();
          captured[i - 1] = s === 'ignore' ? null : p;
          const fd = this.sys.call<number>('open', p, { write: true, create: true, truncate: true });
          owned.push(fd);
          fds.push(fd);
        }
      }
      let pid: number;
      try {
        pid = this.sys.call<number>('spawn', argv, { cwd: req.cwd, env: req.env, stdio: fds });
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        const r = errorReply(e) as { err: unknown };
        return { pid: 0, status: null, signal: null, stdout: '', stderr: '', error: r.err };
      } finally {
        for (const fd of owned) this.sys.call('close', fd);
      }
      const status = this.sys.call<{ exitCode: number; signal: string | null }>('wait', pid);
      const read = (p: string | null): string =>
        p === null ? '' : Buffer.from(this.sys.readFile(p)).toString('base64');
      return {
        pid,
        status: status.signal === null ? status.exitCode : null,
        signal: status.signal,
        stdout: read(captured[0] ?? null),
        stderr: read(captured[1] ?? null),
      };
    } finally {
      for (const p of temps) {
        try {
          this.sys.call('unlink', p);
        } catch {
          // already gone
        }
      }
    }
  }
}
