/**
 * `burrow wasm run`: runs one wasm32-wasi program in a throwaway sandbox in a hardened runner, locally, as
 * `wasmtime run` would: each --dir tree is copied in and preopened under its guest name, the program file is
 * copied in and run with argv[0] = FILE as given, the terminal's stdio is attached, and the exit status is the
 * program's. Nothing but the program's output reaches stdout and stderr, except burrow's own failures (255,
 * one line on stderr) and usage errors (2). Runner warnings appear only with BURROW_VERBOSE=1.
 *
 * Layout inside the sandbox: --dir number i lives at /.burrow-dirs/i (the guest sees only its preopen name);
 * the program lives where the kernel finds it from argv[0] with cwd `/`: a name without a slash in /bin (or the
 * first directory of a given PATH), a path at its normalized absolute form.
 */
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import type { ExitStatus, ProcessHandle, Signal } from '@burrow/kernel';
import { RunnerProcess } from '@burrow/runner';
import { copyIn } from './copy-in.js';
import { parseWasmRunArgs, UsageError, WASM_RUN_USAGE, type WasmRunArgs } from './wasm-run-args.js';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** Status of a usage error, and of burrow's own failures (as ssh's). */
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 255;
/** 128 + SIGPIPE: the program's reader went away. */
const EXIT_BROKEN_PIPE = 141;

const FORWARDED_SIGNALS: readonly Signal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

class CliFailure extends Error {}

export function sandboxDirOf(index: number): string {
  return `/.burrow-dirs/${index}`;
}

/** Where the program file goes so that the kernel resolves `file` (argv[0]) to it from cwd `/`. */
export function programPathOf(file: string, env: ReadonlyMap<string, string>): string {
  if (!file.includes('/')) {
    const dir = (env.get('PATH') ?? '/bin').split(':').find((d) => d.startsWith('/')) ?? '/bin';
    return posix.join(dir, file);
  }
  return posix.normalize(file.startsWith('/') ? file : `/${file}`);
}

async function write(out: NodeJS.WritableStream, chunk: Uint8Array): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Runs `burrow wasm run ARGS…` and returns the exit status. */
export async function wasmRun(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseWasmRunArgs>;
  try {
    parsed = parseWasmRunArgs(argv, io.env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`burrow wasm run: ${e.message}\nTry 'burrow wasm run --help'.\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout.write(WASM_RUN_USAGE);
    return 0;
  }
  const verbose = io.env.BURROW_VERBOSE === '1';
  // The runner starts while the host files are read: its start-up is most of the command's overhead.
  const runnerStart = RunnerProcess.start({
    restart: false,
    onWarning: (m) => {
      if (verbose) io.stderr.write(`${m}\n`);
    },
  });
  runnerStart.catch(() => {});
  const program = readFile(parsed.file);
  program.catch(() => {});
  let runner: RunnerProcess | null = null;
  try {
    const bytes = await program.catch((e: unknown) => {
      throw new CliFailure(`cannot read ${parsed.file}: ${messageOf(e)}`);
    });
    runner = await runnerStart.catch((e: unknown) => {
      throw new CliFailure(`cannot start a runner: ${messageOf(e)}`);
    });
    return await runInRunner(runner, parsed, bytes, io);
  } catch (e) {
    io.stderr.write(`burrow: ${messageOf(e)}\n`);
    return EXIT_FAILURE;
  } finally {
    if (runner !== null) runner.terminate();
    else void runnerStart.then((r) => r.terminate(), () => {});
  }
}

async function runInRunner(runner: RunnerProcess, a: WasmRunArgs, bytes: Uint8Array, io: CliIo): Promise<number> {
  const kernel = await runner.createKernel('wasm-run', { snapshots: false });
  await Promise.all(
    a.dirs.map((d, i) =>
      copyIn(kernel.fs, d.host, sandboxDirOf(i)).catch((e: unknown) => {
        throw new CliFailure(`--dir ${d.host}: ${messageOf(e)}`);
      }),
    ),
  );
  const env = new Map(a.env);
  const programPath = programPathOf(a.file, env);
  try {
    await kernel.fs.mkdir(posix.dirname(programPath), { recursive: true });
    await kernel.fs.writeFile(programPath, bytes, { mode: 0o755 });
  } catch (e) {
    throw new CliFailure(`cannot copy ${a.file} into the sandbox: ${messageOf(e)}`);
  }
  const handle = kernel.spawn([a.file, ...a.args], {
    env: Object.fromEntries(env),
    cwd: '/',
    preopens: a.dirs.map((d, i) => ({ path: sandboxDirOf(i), guestPath: d.guest })),
  });
  try {
    await handle.pid;
  } catch (e) {
    throw new CliFailure(`cannot run ${a.file}: ${messageOf(e)}`);
  }
  return attach(handle, io);
}

/** Connects the terminal to the process until it ends; returns its exit status. */
async function attach(handle: ProcessHandle, io: CliIo): Promise<number> {
  let brokenPipe = false;
  const onSignal = (signal: Signal) => () => void handle.kill(signal).catch(() => {});
  const handlers = FORWARDED_SIGNALS.map((s) => [s, onSignal(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  const pump = async (from: AsyncIterable<Uint8Array>, to: NodeJS.WritableStream): Promise<void> => {
    const onError = (): void => {
      brokenPipe = true;
      void handle.kill('SIGKILL').catch(() => {});
    };
    to.on('error', onError);
    try {
      for await (const chunk of from) if (!brokenPipe) await write(to, chunk);
    } finally {
      to.off('error', onError);
    }
  };
  const stdinDone = forwardStdin(handle, io.stdin);
  let status: ExitStatus;
  try {
    [, , status] = await Promise.all([pump(handle.stdout, io.stdout), pump(handle.stderr, io.stderr), handle.wait()]);
  } finally {
    for (const [s, h] of handlers) process.off(s, h);
    stopReading(io.stdin);
  }
  await stdinDone;
  return brokenPipe ? EXIT_BROKEN_PIPE : status.exitCode;
}

async function forwardStdin(handle: ProcessHandle, stdin: NodeJS.ReadableStream): Promise<void> {
  try {
    for await (const chunk of stdin) {
      await handle.stdin.write(typeof chunk === 'string' ? chunk : new Uint8Array(chunk));
    }
    await handle.stdin.end();
  } catch {
    // The process ended (EPIPE) or stdin failed: either way nothing more goes in.
  }
}

function stopReading(stdin: NodeJS.ReadableStream): void {
  const s = stdin as NodeJS.ReadableStream & { destroy?: () => void };
  if (typeof s.destroy === 'function') s.destroy();
  else stdin.pause();
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
