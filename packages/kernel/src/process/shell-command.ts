/**
 * `sh -c COMMAND [NAME ARGS…]` and `sh FILE [ARGS…]` as processes of their own (/bin/sh is a marker file):
 * a shell worker runs the one command line on the process's own stdio (fds 0–2) and the process ends with
 * its status. This is what a program's system(), popen() or subprocess(shell=True) reaches.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { Process } from './process.js';

export const SH_MARKER = '#!burrow:sh\n';

/** Single-quotes a word for the shell. */
function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command line a `sh` argv runs. `-c` takes the command from the next argument (with $0, $1… from the
 * rest); a file operand is read with `readScript` and its arguments become $1….
 */
export function shellCommandOf(argv: readonly string[], readScript: (path: string) => string): string {
  let i = 1;
  while (i < argv.length && /^-[eux]+$/.test(argv[i] as string)) i++;
  const opts = argv.slice(1, i).join(' ');
  const prefix = opts === '' ? '' : `set ${opts}\n`;
  if (argv[i] === '-c') {
    const command = argv[i + 1];
    if (command === undefined) throw new KernelError(Errno.INVAL, 'sh: -c: option requires an argument');
    const params = argv.slice(i + 3);
    return `${prefix}${params.length > 0 ? `set -- ${params.map(quote).join(' ')}\n` : ''}${command}`;
  }
  const script = argv[i];
  if (script === undefined) throw new KernelError(Errno.INVAL, 'sh: reading commands from stdin is not supported');
  const params = argv.slice(i + 1);
  return `${prefix}${params.length > 0 ? `set -- ${params.map(quote).join(' ')}\n` : ''}${readScript(script)}`;
}

/** The command line that runs a shell builtin's marker file (`/usr/bin/ls`) as a program with `argv`. */
export function builtinCommandOf(argv: readonly string[]): string {
  return argv.map(quote).join(' ');
}

/** What running a shell command needs of the kernel. */
export interface ShellCommandKernel {
  onWorkerMessage(pid: number, handler: ((message: unknown) => void) | null): void;
  exit(p: Process, status: { exitCode: number }): void;
}

/** Sends the command to the process's shell worker and ends the process with the command's status. */
export function runShellCommand(k: ShellCommandKernel, p: Process, command: string, cwd: string): void {
  k.onWorkerMessage(p.pid, (raw) => {
    const msg = raw as { type?: string; exitCode?: number };
    if (msg.type !== 'exec-done') return;
    k.onWorkerMessage(p.pid, null);
    p.worker?.post({ type: 'stop' });
    k.exit(p, { exitCode: msg.exitCode ?? 1 });
  });
  void p.wait().then(() => k.onWorkerMessage(p.pid, null));
  p.worker?.post({ type: 'exec', id: 1, command, fds: { stdin: 0, stdout: 1, stderr: 2 }, cwd });
}
