import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { rmdir } from '../rmdir/rmdir.js';
import { rm } from './rm.js';

async function exists(sys: ReturnType<typeof createMemorySys>, path: string): Promise<boolean> {
  return sys.stat(path, { follow: false }).then(
    () => true,
    () => false,
  );
}

describe('rm', () => {
  it('removes files and reports with -v', async () => {
    const sys = createMemorySys({ '/f': 'x', '/g': 'y' });
    const r = await runBuiltin(rm, ['rm', '-v', 'f', 'g'], { sys });
    expect(r).toEqual({ exitCode: 0, stdout: "removed 'f'\nremoved 'g'\n", stderr: '' });
    expect(await exists(sys, '/f')).toBe(false);
  });
  it('refuses directories without -r or -d', async () => {
    const sys = createMemorySys({ '/a/': '', '/x/y': '' });
    const r = await runBuiltin(rm, ['rm', 'a'], { sys });
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: "rm: cannot remove 'a': Is a directory\n" });
    expect((await runBuiltin(rm, ['rm', '-dv', 'a'], { sys })).stdout).toBe("removed directory 'a'\n");
    const d = await runBuiltin(rm, ['rm', '-d', 'x'], { sys });
    expect(d.stderr).toBe("rm: cannot remove 'x': Directory not empty\n");
  });
  it('removes trees depth first with -r (GNU order of -v lines)', async () => {
    const sys = createMemorySys({ '/b/c/d/': '', '/b/f': '' });
    const r = await runBuiltin(rm, ['rm', '-rv', 'b'], { sys });
    expect(r.stdout).toBe(
      "removed directory 'b/c/d'\nremoved directory 'b/c'\nremoved 'b/f'\nremoved directory 'b'\n",
    );
    expect(await exists(sys, '/b')).toBe(false);
  });
  it('removes a symlink, not its target', async () => {
    const sys = createMemorySys({ '/d/keep': 'k' });
    await sys.symlink('/d', '/l');
    await runBuiltin(rm, ['rm', '-r', 'l'], { sys });
    expect(await exists(sys, '/l')).toBe(false);
    expect(await exists(sys, '/d/keep')).toBe(true);
  });
  it('handles missing files with and without -f', async () => {
    const r = await runBuiltin(rm, ['rm', 'nope']);
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: "rm: cannot remove 'nope': No such file or directory\n" });
    expect(await runBuiltin(rm, ['rm', '-f', 'nope'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect((await runBuiltin(rm, ['rm', '-f'])).exitCode).toBe(0);
    expect((await runBuiltin(rm, ['rm'])).stderr).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
  });
  it('refuses . and / as GNU does', async () => {
    const sys = createMemorySys({ '/keep': '' });
    const dot = await runBuiltin(rm, ['rm', '-r', '.'], { sys });
    expect(dot.stderr).toBe("rm: refusing to remove '.' or '..' directory: skipping '.'\n");
    const root = await runBuiltin(rm, ['rm', '-rf', '/'], { sys });
    expect(root.exitCode).toBe(1);
    expect(root.stderr).toBe(
      "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
    );
    expect(await exists(sys, '/keep')).toBe(true);
  });
});

describe('rmdir', () => {
  it('removes empty directories and parents with -p', async () => {
    const sys = createMemorySys({ '/x/y/': '', '/full/f': '', '/g': '' });
    const r = await runBuiltin(rmdir, ['rmdir', '-pv', 'x/y'], { sys });
    expect(r.stdout).toBe("rmdir: removing directory, 'x/y'\nrmdir: removing directory, 'x'\n");
    expect(await exists(sys, '/x')).toBe(false);
    const bad = await runBuiltin(rmdir, ['rmdir', 'full', 'nope', 'g'], { sys });
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toBe(
      "rmdir: failed to remove 'full': Directory not empty\n" +
        "rmdir: failed to remove 'nope': No such file or directory\n" +
        "rmdir: failed to remove 'g': Not a directory\n",
    );
    const quiet = await runBuiltin(rmdir, ['rmdir', '--ignore-fail-on-non-empty', 'full'], { sys });
    expect(quiet).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });
});
