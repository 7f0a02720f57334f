/**
 * What a builtin command receives. A builtin is an async function that reads `stdin`, writes `stdout` and
 * `stderr` (streams with backpressure, so pipeline stages run concurrently), and resolves to its exit status.
 * Builtins never touch the interpreter's state; the few that must (cd, export, set, …) live in the
 * interpreter as special builtins.
 */
import type { ByteSink, ByteSource, Sys } from '../sys.js';

export interface CommandContext {
  /** argv[0] is the command name as invoked. */
  argv: string[];
  stdin: ByteSource;
  stdout: ByteSink;
  stderr: ByteSink;
  /** Exported environment of the command. */
  env: Readonly<Record<string, string>>;
  /** Absolute working directory; resolve relative paths against it. */
  cwd: string;
  sys: Sys;
  /** Aborted when the command is killed (SIGINT/SIGTERM/SIGKILL, timeout) or its stdout reader is gone. */
  signal: AbortSignal;
  /** Run a command line's words as a command (used by xargs, find -exec, timeout, env). */
  run(
    argv: string[],
    io?: {
      stdin?: ByteSource;
      stdout?: ByteSink;
      stderr?: ByteSink;
      cwd?: string;
      /** Extra environment for the command (env VAR=x cmd). */
      env?: Record<string, string>;
      /** Aborting stops the command (timeout). */
      signal?: AbortSignal;
    },
  ): Promise<number>;
}

export type Builtin = (ctx: CommandContext) => Promise<number>;
