/**
 * A shell session inside a process worker: one Shell whose state persists between execs, driven by control
 * messages from the kernel. Execs run one at a time in arrival order (the kernel queues them too).
 *
 * In:  { type: 'exec', id, command, fds: { stdin, stdout, stderr }, cwd?, env? }
 *      { type: 'signal', id, signal }            (the foreground job of exec `id`)
 *      { type: 'stop' }                          (the session ends; the worker is reused if it is idle)
 * Out: { type: 'session-ready' }              (once, when it listens: signal grace periods start from here)
 *      { type: 'exec-done', id, exitCode, state, closeFds } (state: the shell's snapshot after the exec;
 *      closeFds: fds of this and earlier execs that nothing in the session uses any more)
 */
import { Errno, KernelError } from '@burrow/protocol';
import { builtins, type ByteSink, type ByteSource, Shell } from '@burrow/shell';
import { AsyncChannelPool } from './async-channel.js';
import { ChannelSys } from './channel-sys.js';

export interface SessionSpec {
  channels: SharedArrayBuffer[];
  doorbell: SharedArrayBuffer;
  env: string[];
  shell?: { session: string; cwd: string; state?: unknown };
}

interface ExecMessage {
  type: 'exec';
  id: number;
  command: string;
  fds: { stdin: number; stdout: number; stderr: number };
  cwd?: string;
  env?: Record<string, string>;
}

interface SignalMessage {
  type: 'signal';
  id: number;
  signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGKILL';
}

export interface MessagePortLike {
  on(event: 'message', listener: (msg: unknown) => void): void;
  off(event: 'message', listener: (msg: unknown) => void): void;
  postMessage(msg: unknown): void;
}

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

function envRecord(list: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return env;
}

/** A sink that ignores a reader that went away, so a closed exec stream never fails the shell. */
function tolerant(sink: ByteSink): ByteSink {
  return {
    ...sink,
    write: async (chunk) => {
      try {
        await sink.write(chunk);
      } catch (e) {
        if (e instanceof KernelError && (e.errno === Errno.BADF || e.errno === Errno.PIPE)) throw new KernelError(Errno.PIPE);
        throw e;
      }
    },
  };
}

export function startSession(spec: SessionSpec, port: MessagePortLike): void {
  const sys = new ChannelSys(new AsyncChannelPool(spec.channels, spec.doorbell));
  const shell = Shell.create({
    sys,
    builtins,
    cwd: spec.shell?.cwd ?? '/',
    env: envRecord(spec.env),
    ...(spec.shell?.state === undefined ? {} : { state: spec.shell.state }),
  });
  const running = new Map<number, AbortController>();
  /** Signals for execs that are queued and not running yet: applied when they start. */
  const signalled = new Map<number, string>();
  /** fds of finished execs still held by background jobs: closed once no job runs. */
  let lingering: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  /** The fds the kernel may close now: the exec's stdin, and output fds no background job can still use. */
  const releasable = (stdinFd: number): number[] => {
    if (shell.runningJobs() > 0) return [stdinFd];
    const fds = [stdinFd, ...lingering];
    lingering = [];
    return fds;
  };

  const runExec = async (msg: ExecMessage): Promise<void> => {
    const controller = new AbortController();
    running.set(msg.id, controller);
    const early = signalled.get(msg.id);
    if (early !== undefined) {
      // Signalled before it started: it never runs, and ends as a job killed by that signal would.
      signalled.delete(msg.id);
      running.delete(msg.id);
      const closeFds = releasable(msg.fds.stdin).concat(msg.fds.stdout, msg.fds.stderr);
      lingering = lingering.filter((fd) => !closeFds.includes(fd));
      port.postMessage({ type: 'exec-done', id: msg.id, exitCode: 128 + (SIGNAL_NUMBERS[early] ?? 15), state: shell.snapshot(), closeFds });
      return;
    }
    const stdin: ByteSource = sys.fdSource(msg.fds.stdin);
    let exitCode: number;
    try {
      const r = await shell.exec(msg.command, {
        stdin,
        stdout: tolerant(sys.fdSink(msg.fds.stdout)),
        stderr: tolerant(sys.fdSink(msg.fds.stderr)),
        signal: controller.signal,
        ...(msg.cwd === undefined ? {} : { cwd: msg.cwd }),
        ...(msg.env === undefined ? {} : { env: msg.env }),
      });
      exitCode = r.exitCode;
    } catch (e) {
      exitCode = 2;
      const text = `burrow: shell failed: ${e instanceof Error ? e.message : String(e)}\n`;
      await sys.fdWrite(msg.fds.stderr, new TextEncoder().encode(text)).catch(() => {});
    }
    running.delete(msg.id);
    lingering.push(msg.fds.stdout, msg.fds.stderr);
    // The kernel closes the released fds itself: no extra round trips on the way out of every exec.
    port.postMessage({ type: 'exec-done', id: msg.id, exitCode, state: shell.snapshot(), closeFds: releasable(msg.fds.stdin) });
  };

  const listener = (raw: unknown): void => {
    const msg = raw as ExecMessage | SignalMessage | { type: 'stop' };
    if (msg.type === 'stop') {
      port.off('message', listener);
      // A worker is reusable only if nothing of this session can run in it any more.
      if (running.size === 0 && shell.runningJobs() === 0) port.postMessage({ type: 'done' });
      else process.exit(0);
    } else if (msg.type === 'exec') {
      queue = queue.then(() => runExec(msg));
    } else if (msg.type === 'signal') {
      const controller = running.get(msg.id);
      if (controller !== undefined) controller.abort(msg.signal);
      else signalled.set(msg.id, msg.signal);
    }
  };
  port.on('message', listener);
  port.postMessage({ type: 'session-ready' });
}
