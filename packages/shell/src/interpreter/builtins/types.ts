/**
 * Shell builtins: commands that need the interpreter's state (cd, set, read, …) or its control flow
 * (return, break, exec). They write through the fd table they are given.
 */
import type { Word } from '../../ast/types.js';
import { writeText } from '../../builtins/io.js';
import { ShellError } from '../control.js';
import type { Fds, Interpreter } from '../interpreter.js';

export type ShellBuiltin = (it: Interpreter, argv: string[], fds: Fds, words: Word[]) => Promise<number>;

export async function out(fds: Fds, text: string): Promise<void> {
  const sink = fds[1]?.sink;
  if (sink === undefined) throw new ShellError('write error: Bad file descriptor', 1);
  await writeText(sink, text);
}

/** `bash: name: message` on stderr; returns `status`. */
export async function fail(it: Interpreter, fds: Fds, msg: string, status = 1): Promise<number> {
  await it.err(msg, fds);
  return status;
}
