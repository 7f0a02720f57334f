import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { readlink } from '../readlink/readlink.js';
import { realpath } from './realpath.js';

async function tree() {
  const sys = createMemorySys({ '/d/f': 'x', '/d/sub/': '' });
  await sys.symlink('f', '/d/lf');
  await sys.symlink('/d/sub', '/ls');
  await sys.symlink('nowhere', '/dangling');
  return sys;
}

describe('realpath', () => {
  it('resolves symlinks and dots', async () => {
    const sys = await tree();
    const r = await runBuiltin(realpath, ['realpath', 'd/lf', '/ls/../f', '/ls/new', '.'], { sys, cwd: '/' });
    expect(r).toEqual({ exitCode: 0, stdout: '/d/f\n/d/f\n/d/sub/new\n/\n', stderr: '' });
  });
  it('needs all but the last component by default, all with -e, none with -m', async () => {
    const sys = await tree();
    const r = await runBuiltin(realpath, ['realpath', '/nope/x'], { sys });
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: 'realpath: /nope/x: No such file or directory\n' });
    const e = await runBuiltin(realpath, ['realpath', '-e', '/d/none'], { sys });
    expect(e.stderr).toBe('realpath: /d/none: No such file or directory\n');
    expect((await runBuiltin(realpath, ['realpath', '-m', '/a/../b/c'], { sys })).stdout).toBe('/b/c\n');
    expect((await runBuiltin(realpath, ['realpath', '-s', '/ls/x'], { sys })).stdout).toBe('/ls/x\n');
  });
  it('prints relative names with --relative-to', async () => {
    const sys = await tree();
    const r = await runBuiltin(realpath, ['realpath', '--relative-to=/d/sub', '/d/f', '/d/sub'], { sys });
    expect(r.stdout).toBe('../f\n.\n');
  });
});

describe('readlink', () => {
  it('prints targets, silently fails on non-links', async () => {
    const sys = await tree();
    expect((await runBuiltin(readlink, ['readlink', '/d/lf'], { sys })).stdout).toBe('f\n');
    expect(await runBuiltin(readlink, ['readlink', '/d/f'], { sys })).toEqual({ exitCode: 1, stdout: '', stderr: '' });
  });
  it('canonicalizes with -f, -e and -m', async () => {
    const sys = await tree();
    expect((await runBuiltin(readlink, ['readlink', '-f', '/d/lf'], { sys })).stdout).toBe('/d/f\n');
    expect((await runBuiltin(readlink, ['readlink', '-f', '/dangling'], { sys })).stdout).toBe('/nowhere\n');
    expect((await runBuiltin(readlink, ['readlink', '-e', '/dangling'], { sys })).exitCode).toBe(1);
    expect((await runBuiltin(readlink, ['readlink', '-f', '/nope/x'], { sys })).exitCode).toBe(1);
    expect((await runBuiltin(readlink, ['readlink', '-m', '/nope/x'], { sys })).stdout).toBe('/nope/x\n');
    expect((await runBuiltin(readlink, ['readlink', '-n', '/d/lf'], { sys })).stdout).toBe('f');
  });
  it('detects symlink loops', async () => {
    const sys = createMemorySys();
    await sys.symlink('/b', '/a');
    await sys.symlink('/a', '/b');
    const r = await runBuiltin(readlink, ['readlink', '-v', '-f', '/a'], { sys });
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: 'readlink: /a: Too many levels of symbolic links\n' });
  });
});
