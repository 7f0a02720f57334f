/**
 * Process substitution. `<(cmd)` runs cmd to completion with its stdout going into a temporary file under
 * /tmp and expands to that file's path; `>(cmd)` expands to the path of an empty temporary file and, once the
 * command that received the path has finished, runs cmd with that file as its stdin. The files are removed
 * when the command that expanded them ends.
 *
 * Why files rather than /dev/fd/N pipes: the Sys interface has no pipes that a path can name, and a real file
 * works unchanged for every consumer — builtins reading through `Sys.open`/`readFile`, redirections, and
 * external programs spawned in the kernel, which see the same filesystem. The cost is that `<(cmd)` is not
 * streamed (cmd finishes before the reader starts) and `>(cmd)` runs after its writer, not beside it.
 * Invariant: every pending substitution belongs to exactly one `execCommand` frame, which finishes it.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import type { Script } from '../ast/types.js';
import type { Fds, Interpreter } from './interpreter.js';
import { EMPTY_SOURCE, handleSink, handleSource } from './streams.js';

export interface PendingProc {
  path: string;
  /** For `>(…)`: the command to run on the file once the writer is done. */
  reader: Script | null;
}

const DIR = '/tmp';
let sequence = 0;

async function ensureTmp(it: Interpreter): Promise<void> {
  try {
    await it.sys.mkdir(DIR, { mode: 0o1777 });
  } catch (e) {
    if (!isKernelError(e) || e.errno !== Errno.EXIST) throw e;
  }
}

/** Expand one `<(…)` or `>(…)`: returns the path and records the substitution as pending on `it`. */
export async function startProcSubst(it: Interpreter, body: Script, dir: '<' | '>', fds: Fds): Promise<string> {
  await ensureTmp(it);
  const path = `${DIR}/.burrow-procsub-${it.st.pid}-${++sequence}`;
  const handle = await it.sys.open(path, { write: true, create: true, truncate: true, mode: 0o600 });
  if (dir === '>') {
    await handle.close();
    it.procs.push({ path, reader: body });
    return path;
  }
  it.procs.push({ path, reader: null });
  try {
    await it.observe('procsub', async () => {
      const child = it.fork();
      child.traceDepth++;
      return child.runSubshell(body, [{ src: EMPTY_SOURCE }, { sink: handleSink(handle) }, fds[2]]);
    });
  } finally {
    await handle.close();
  }
  return path;
}

/** Finish the substitutions recorded since `mark`: run the `>(…)` readers, then remove the files. */
export async function finishProcSubsts(it: Interpreter, mark: number, fds: Fds): Promise<void> {
  const done = it.procs.splice(mark);
  for (const p of done) {
    if (p.reader !== null) {
      const reader = p.reader;
      try {
        const handle = await it.sys.open(p.path, { read: true });
        try {
          await it.observe('procsub', () => it.fork().runSubshell(reader, [{ src: handleSource(handle) }, fds[1], fds[2]]));
        } finally {
          await handle.close();
        }
      } catch (e) {
        if (!isKernelError(e)) throw e;
      }
    }
    await it.sys.unlink(p.path).catch(() => {});
  }
}
