/**
 * Test helper for the text builtins: runs a builtin on a memory filesystem (files under /w, the cwd) and
 * compares stdout, stderr and the status with what the GNU tool printed for the same command, recorded by
 * hand on a Debian 12 machine in the C.UTF-8 locale.
 */
import { expect } from 'vitest';
import type { Builtin } from '../../types.js';
import { createMemorySys } from '../../../testing/memory-sys.js';
import { runBuiltin } from '../../../testing/run-builtin.js';

/** The environment the outputs were recorded in: a UTF-8 locale, so GNU quotes names as ‘name’. */
const RECORDED_ENV = { PATH: '/bin:/usr/bin', HOME: '/root', LANG: 'C.UTF-8' };

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
  const r = await runBuiltin(builtin, c.argv, { stdin: c.stdin ?? '', sys, cwd: '/w', env: RECORDED_ENV });
  expect({ stdout: r.stdout, stderr: r.stderr, status: r.exitCode }).toEqual({
    stdout: c.stdout,
    stderr: c.stderr,
    status: c.status,
  });
}
