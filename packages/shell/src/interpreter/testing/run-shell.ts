/**
 * Test harness: runs a command string in a Shell over the in-memory Sys with the full builtin registry and
 * collects stdout, stderr and the exit status. `close` runs the EXIT trap as a shell exit would.
 */
import { builtins } from '../../builtins/index.js';
import { createMemorySys, type MemorySys } from '../../testing/memory-sys.js';
import type { ByteSink } from '../../sys.js';
import { type ExecOptions, Shell, type ShellOptions } from '../shell.js';

export class Collect implements ByteSink {
  chunks: Uint8Array[] = [];
  async write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(chunk.slice());
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function makeShell(opts: Partial<ShellOptions> & { files?: Record<string, string> } = {}): { shell: Shell; sys: MemorySys } {
  const sys = (opts.sys as MemorySys | undefined) ?? createMemorySys(opts.files ?? {});
  const shell = new Shell({
    builtins,
    cwd: '/',
    env: { PATH: '/bin:/usr/bin', HOME: '/root', USER: 'root', LC_ALL: 'C' },
    ...opts,
    sys,
  });
  return { shell, sys };
}

export async function exec(shell: Shell, command: string, opts: Partial<ExecOptions> & { close?: boolean } = {}): Promise<RunResult> {
  const out = new Collect();
  const err = new Collect();
  const r = await shell.exec(command, { stdout: out, stderr: err, ...opts });
  let exitCode = r.exitCode;
  if (opts.close) exitCode = await shell.close({ stdout: out, stderr: err });
  return { stdout: out.text(), stderr: err.text(), exitCode };
}

/** Run one command string in a fresh shell. */
export async function run(command: string, files: Record<string, string> = {}, stdin?: string): Promise<RunResult> {
  const { shell } = makeShell({ files });
  return exec(shell, command, stdin === undefined ? {} : { stdin });
}
