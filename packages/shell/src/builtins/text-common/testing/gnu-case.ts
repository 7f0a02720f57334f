/**
 * Test helper for the text builtins: runs a builtin on a memory filesystem (files under /w, the cwd) and
 * compares stdout, stderr and the status with what the GNU tool printed for the same command, recorded by
 * hand on a Debian 12 machine (coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2).
 */
import { expect } from 'vitest';
import type { Builtin } from '../../types.js';
import { createMemorySys } from '../../../testing/memory-sys.js';
import { runBuiltin } from '../../../testing/run-builtin.js';

export interface GnuCase {
  argv: string[];
  stdin?: string | null;
  stdout: string;
  stderr: string;
  status: number;
}

export async function expectGnu(builtin: Builtin, files: Record<string, string>, c: GnuCase): Promise<void> {
  const tree: Record<string, string> = {};
  for (const [p, d] of Object.entries(files)) tree[`/w/${p}`] = d;
  const sys = createMemorySys(tree);
  const r = await runBuiltin(builtin, c.argv, { stdin: c.stdin ?? '', sys, cwd: '/w' });
  expect({ stdout: r.stdout, stderr: r.stderr, status: r.exitCode }).toEqual({
    stdout: c.stdout,
    stderr: c.stderr,
    status: c.status,
  });
}
