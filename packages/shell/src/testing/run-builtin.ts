/**
 * Test harness for builtins: runs one builtin against a memory sys with a given stdin and collects its output.
 * `ctx.run` resolves a name first in the given registry, then through `sys.spawn`, as the interpreter does; an
 * unknown name prints `NAME: command not found` and gives 127. Also in-memory streams: a collecting sink and
 * a bounded pipe with backpressure whose sink fails with EPIPE once its reader is closed.
 */
import { Errno, isKernelError, KernelError } from '@burrow/protocol';
import type { Builtin, CommandContext } from '../builtins/types.js';
import type { ByteSink, ByteSource, Sys } from '../sys.js';
import { createMemorySys } from './memory-sys.js';

export interface RunOptions {
  stdin?: string | Uint8Array | ByteSource;
  sys?: Sys;
  cwd?: string;
  env?: Record<string, string>;
  /** Names `ctx.run` resolves to builtins (xargs, find -exec, timeout, env). */
  registry?: Record<string, Builtin>;
  signal?: AbortSignal;
  /** Where stdout goes; by default it is collected and returned. */
  stdout?: ByteSink;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const encoder = new TextEncoder();

export async function runBuiltin(builtin: Builtin, argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  const out = collectingSink();
  const err = collectingSink();
  const stdin = toSource(opts.stdin);
  const ctx = makeContext({
    argv,
    stdin,
    stdout: opts.stdout ?? out,
    stderr: err,
    env: opts.env ?? { PATH: '/bin:/usr/bin', HOME: '/root' },
    cwd: opts.cwd ?? '/',
    sys: opts.sys ?? createMemorySys(),
    signal: opts.signal ?? new AbortController().signal,
    registry: opts.registry ?? {},
  });
  const exitCode = await builtin(ctx);
  return { exitCode, stdout: out.text(), stderr: err.text() };
}

/**
 * What `ctx.run` accepts here: the declared io plus `env` (env's modified environment) and `signal` (timeout's
 * deadline), which the file builtins pass for runners that support them.
 */
export type ChildIo = NonNullable<Parameters<CommandContext['run']>[1]> & {
  env?: Record<string, string>;
  signal?: AbortSignal;
};

interface ContextParts extends Omit<CommandContext, 'run'> {
  registry: Record<string, Builtin>;
}

/** A CommandContext whose `run` resolves names from `registry`, then `sys.spawn`. */
export function makeContext(parts: ContextParts): CommandContext {
  const { registry, ...base } = parts;
  const ctx: CommandContext = {
    ...base,
    run: async (argv, runIo) => {
      const io: ChildIo | undefined = runIo;
      const name = argv[0] ?? '';
      const child = {
        stdin: io?.stdin ?? base.stdin,
        stdout: io?.stdout ?? base.stdout,
        stderr: io?.stderr ?? base.stderr,
        cwd: io?.cwd ?? base.cwd,
        env: io?.env ?? { ...base.env },
        signal: io?.signal ?? base.signal,
      };
      const builtin = Object.hasOwn(registry, name) ? registry[name] : undefined;
      if (builtin !== undefined) return builtin(makeContext({ ...base, ...child, argv, registry }));
      try {
        return await base.sys.spawn(argv, child);
      } catch (e) {
        if (isKernelError(e) && e.errno === Errno.NOENT) {
          await child.stderr.write(encoder.encode(`${name}: command not found\n`));
          return 127;
        }
        if (isKernelError(e) && (e.errno === Errno.ACCES || e.errno === Errno.NOEXEC)) {
          await child.stderr.write(encoder.encode(`${name}: Permission denied\n`));
          return 126;
        }
        throw e;
      }
    },
  };
  return ctx;
}

export function toSource(input: string | Uint8Array | ByteSource | undefined): ByteSource {
  if (input === undefined) return { read: async () => null };
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) return input;
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  let done = false;
  return {
    read: async () => {
      if (done || bytes.length === 0) return null;
      done = true;
      return bytes;
    },
  };
}

export interface CollectingSink extends ByteSink {
  bytes(): Uint8Array;
  text(): string;
  /** How many `write` calls arrived. */
  writes(): number;
}

export function collectingSink(): CollectingSink {
  const chunks: Uint8Array[] = [];
  return {
    write: async (chunk) => {
      chunks.push(chunk.slice());
    },
    bytes: () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
    text() {
      return new TextDecoder().decode(this.bytes());
    },
    writes: () => chunks.length,
  };
}

export interface MemoryPipe {
  source: ByteSource;
  sink: ByteSink;
  /** End of stream for the reader once buffered data is read. */
  closeWriter(): void;
  /** The reader is gone: pending and later writes reject with EPIPE. */
  closeReader(): void;
}

/** A pipe holding at most `capacityBytes` (a single larger chunk is accepted when the pipe is empty). */
export function memoryPipe(capacityBytes = 65536): MemoryPipe {
  const queue: Uint8Array[] = [];
  let buffered = 0;
  let writerClosed = false;
  let readerClosed = false;
  let wakeReader: (() => void) | undefined;
  let wakeWriters: Array<() => void> = [];

  const notifyWriters = (): void => {
    const waiting = wakeWriters;
    wakeWriters = [];
    for (const w of waiting) w();
  };

  return {
    source: {
      read: async () => {
        while (queue.length === 0) {
          if (writerClosed || readerClosed) return null;
          await new Promise<void>((resolve) => {
            wakeReader = resolve;
          });
        }
        const chunk = queue.shift() ?? new Uint8Array(0);
        buffered -= chunk.length;
        notifyWriters();
        return chunk;
      },
    },
    sink: {
      write: async (chunk) => {
        while (!readerClosed && buffered > 0 && buffered + chunk.length > capacityBytes) {
          await new Promise<void>((resolve) => wakeWriters.push(resolve));
        }
        if (readerClosed) throw new KernelError(Errno.PIPE);
        if (writerClosed) throw new KernelError(Errno.BADF);
        queue.push(chunk.slice());
        buffered += chunk.length;
        wakeReader?.();
        wakeReader = undefined;
      },
    },
    closeWriter: () => {
      writerClosed = true;
      wakeReader?.();
      wakeReader = undefined;
    },
    closeReader: () => {
      readerClosed = true;
      queue.length = 0;
      buffered = 0;
      notifyWriters();
      wakeReader?.();
      wakeReader = undefined;
    },
  };
}
