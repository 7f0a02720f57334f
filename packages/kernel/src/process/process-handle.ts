/**
 * A host's handle on a process of a kernel in the same thread: its stdin is the write end of a pipe, its
 * stdout and stderr the read ends of two more, pumped with backpressure (a host that stops reading
 * stops the process at its next write once the pipe is full, as with a real pipe).
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { ProcessHandle, ProcessStdin, Signal } from '../api.js';
import { BLOCKED, type Descriptor } from '../fd/descriptor.js';
import type { Kernel, KernelSpawnOptions } from '../kernel.js';
import type { ExitStatus, Process } from './process.js';

const encoder = new TextEncoder();
const READ_CHUNK_BYTES = 64 * 1024;

export async function* drain(end: Descriptor): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      const r = end.read(READ_CHUNK_BYTES);
      if (r === BLOCKED) {
        await new Promise<void>((resolve) => end.onReady(resolve));
        continue;
      }
      if (r.length === 0) return;
      yield r;
    }
  } finally {
    end.close();
  }
}

export function stdinWriter(end: Descriptor): ProcessStdin {
  let closed = false;
  return {
    async write(data) {
      if (closed) throw new KernelError(Errno.PIPE, 'stdin already ended');
      let rest = typeof data === 'string' ? encoder.encode(data) : data;
      while (rest.length > 0) {
        const n = end.write(rest);
        if (n === BLOCKED) {
          await new Promise<void>((resolve) => end.onReady(resolve));
          continue;
        }
        rest = rest.subarray(n);
      }
    },
    async end() {
      if (closed) return;
      closed = true;
      end.close();
    },
  };
}

function failedIterable(): AsyncIterable<Uint8Array> {
  return { [Symbol.asyncIterator]: async function* () {} };
}

/** Spawns `argv` on `kernel` with fresh pipes for its stdio. Never throws: a failure rejects `wait()`. */
export function spawnWithPipes(kernel: Kernel, argv: string[], opts: KernelSpawnOptions): ProcessHandle {
  const stdin = kernel.pipePair();
  const stdout = kernel.pipePair();
  const stderr = kernel.pipePair();
  let proc: Process;
  try {
    proc = kernel.spawn(argv, { stdin: stdin.read, stdout: stdout.write, stderr: stderr.write }, opts);
  } catch (e) {
    for (const end of [stdin.read, stdin.write, stdout.read, stdout.write, stderr.read, stderr.write]) end.close();
    const failure = Promise.reject(e);
    failure.catch(() => {});
    return {
      pid: failure as Promise<number>,
      stdin: { write: () => failure as Promise<void>, end: async () => {} },
      stdout: failedIterable(),
      stderr: failedIterable(),
      wait: () => failure as Promise<ExitStatus>,
      kill: async () => {},
    };
  }
  const p = proc;
  return {
    pid: Promise.resolve(p.pid),
    stdin: stdinWriter(stdin.write),
    stdout: drain(stdout.read),
    stderr: drain(stderr.read),
    wait: () => p.wait(),
    kill: async (signal: Signal = 'SIGTERM') => kernel.signal(p.pid, signal),
  };
}
