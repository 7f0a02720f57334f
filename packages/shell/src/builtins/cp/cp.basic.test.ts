import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { mv } from '../mv/mv.js';
import { cp } from './cp.js';

const text = async (sys: ReturnType<typeof createMemorySys>, p: string) => new TextDecoder().decode(await sys.readFile(p));

describe('cp', () => {
  it('copies a file, into a directory, and reports with -v', async () => {
    const sys = createMemorySys({ '/f': 'x\n', '/d/': '' });
    const r = await runBuiltin(cp, ['cp', '-v', 'f', 'g'], { sys });
    expect(r).toEqual({ exitCode: 0, stdout: "'f' -> 'g'\n", stderr: '' });
    await runBuiltin(cp, ['cp', 'f', 'g', 'd'], { sys });
    expect(await text(sys, '/d/g')).toBe('x\n');
  });
  it('refuses directories without -r and copies trees with -r, links as links', async () => {
    const sys = createMemorySys({ '/s/a/y': '2', '/s/x': '1' });
    await sys.symlink('x', '/s/lx');
    const no = await runBuiltin(cp, ['cp', 's', 't'], { sys });
    expect(no).toEqual({ exitCode: 1, stdout: '', stderr: "cp: -r not specified; omitting directory 's'\n" });
    expect((await runBuiltin(cp, ['cp', '-r', 's', 't'], { sys })).exitCode).toBe(0);
    expect(await text(sys, '/t/a/y')).toBe('2');
    expect(await sys.readlink('/t/lx')).toBe('x');
  });
  it('keeps modes and times with -p and -a', async () => {
    const sys = createMemorySys({ '/f': 'x' });
    await sys.chmod('/f', 0o700);
    await sys.utimes('/f', 1000, 2000);
    await runBuiltin(cp, ['cp', '-p', 'f', 'g'], { sys });
    await runBuiltin(cp, ['cp', 'f', 'h'], { sys });
    expect((await sys.stat('/g')).mtimeMs).toBe(2000);
    expect((await sys.stat('/g')).mode).toBe(0o700);
    expect((await sys.stat('/h')).mtimeMs).not.toBe(2000);
  });
  it('does not overwrite with -n', async () => {
    const sys = createMemorySys({ '/f': 'new', '/g': 'old' });
    await runBuiltin(cp, ['cp', '-n', 'f', 'g'], { sys });
    expect(await text(sys, '/g')).toBe('old');
  });
  it('prints GNU errors', async () => {
    const sys = createMemorySys({ '/f': 'x', '/d/': '' });
    expect((await runBuiltin(cp, ['cp', 'nope', 'e'], { sys })).stderr).toBe(
      "cp: cannot stat 'nope': No such file or directory\n",
    );
    expect((await runBuiltin(cp, ['cp', 'f', 'f'], { sys })).stderr).toBe("cp: 'f' and 'f' are the same file\n");
    expect((await runBuiltin(cp, ['cp', '-r', 'd', 'd/x'], { sys })).stderr).toBe(
      "cp: cannot copy a directory, 'd', into itself, 'd/x'\n",
    );
    expect((await runBuiltin(cp, ['cp', 'f'], { sys })).stderr).toBe(
      "cp: missing destination file operand after 'f'\nTry 'cp --help' for more information.\n",
    );
  });
});

describe('mv', () => {
  it('renames and moves into directories', async () => {
    const sys = createMemorySys({ '/g': 'x', '/d/': '' });
    expect((await runBuiltin(mv, ['mv', '-v', 'g', 'h'], { sys })).stdout).toBe("renamed 'g' -> 'h'\n");
    await runBuiltin(mv, ['mv', 'h', 'd'], { sys });
    expect(await text(sys, '/d/h')).toBe('x');
  });
  it('refuses to move a directory into itself and reports missing sources', async () => {
    const sys = createMemorySys({ '/d/x/': '' });
    expect((await runBuiltin(mv, ['mv', 'd', 'd/x'], { sys })).stderr).toBe(
      "mv: cannot move 'd' to a subdirectory of itself, 'd/x/d'\n",
    );
    expect((await runBuiltin(mv, ['mv', 'nope', 'x'], { sys })).stderr).toBe(
      "mv: cannot stat 'nope': No such file or directory\n",
    );
  });
  it('keeps the destination with -n', async () => {
    const sys = createMemorySys({ '/a': 'A', '/b': 'B' });
    await runBuiltin(mv, ['mv', '-n', 'a', 'b'], { sys });
    expect(await text(sys, '/b')).toBe('B');
    expect(await text(sys, '/a')).toBe('A');
  });
});
