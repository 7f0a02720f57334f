import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import type { FsUsage, Sys } from '../../sys.js';
import { df } from './df.js';

/** A memory sys whose statfs reports `usage` (GNU df's table was laid out for the same numbers). */
function withUsage(usage: FsUsage): Sys {
  const sys = createMemorySys({ '/f': 'x' });
  return { ...sys, statfs: async () => usage };
}

const GIB = 1024 ** 3;

describe('df', () => {
  it('lays out 1K blocks as GNU df does', async () => {
    const sys = withUsage({ bytesTotal: 2 * GIB, bytesUsed: 12 * 1024 + 1, inodesTotal: 200_000, inodesUsed: 7 });
    const r = await runBuiltin(df, ['df'], { sys });
    expect(r).toEqual({
      exitCode: 0,
      stdout: 'Filesystem     1K-blocks  Used Available Use% Mounted on\nburrow           2097152    13   2097139   1% /\n',
      stderr: '',
    });
  });
  it('prints human sizes with -h, and a row per operand', async () => {
    const sys = withUsage({ bytesTotal: 2 * GIB, bytesUsed: 1536 * 1024 * 1024, inodesTotal: 200_000, inodesUsed: 7 });
    const r = await runBuiltin(df, ['df', '-h', '/', '/f'], { sys });
    expect(r.stdout).toBe(
      'Filesystem      Size  Used Avail Use% Mounted on\n' +
        'burrow          2.0G  1.5G  512M  75% /\n' +
        'burrow          2.0G  1.5G  512M  75% /\n',
    );
  });
  it('counts inodes with -i', async () => {
    const sys = withUsage({ bytesTotal: GIB, bytesUsed: 0, inodesTotal: 200_000, inodesUsed: 7 });
    const r = await runBuiltin(df, ['df', '-i'], { sys });
    expect(r.stdout).toBe('Filesystem     Inodes IUsed  IFree IUse% Mounted on\nburrow         200000     7 199993    1% /\n');
  });
  it('reports the memory filesystem through statfs', async () => {
    const sys = createMemorySys({ '/a': 'x'.repeat(3000) });
    const r = await runBuiltin(df, ['df', '-k'], { sys });
    expect(r.stdout.split('\n')[1]).toBe('burrow           1048576     3   1048573   1% /');
  });
  it('reports a missing operand', async () => {
    const r = await runBuiltin(df, ['df', 'nope']);
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: 'df: nope: No such file or directory\n' });
  });
});
