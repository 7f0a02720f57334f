import { describe, expect, it } from 'vitest';
import { createMemorySys, type MemorySys } from '../../testing/memory-sys.js';
import { collectingSink, runBuiltin } from '../../testing/run-builtin.js';
import { encodeHeader, padded } from './tar-header.js';
import { tar } from './tar.js';

const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

/** d/ with a.txt, link -> a.txt, sub/big: the tree the GNU outputs below were recorded from. */
async function tree(): Promise<MemorySys> {
  const sys = createMemorySys({ '/w/d/a.txt': 'hello\n', '/w/d/sub/big': 'x'.repeat(5000) });
  await sys.symlink('a.txt', '/w/d/link');
  return sys;
}

describe('tar create and extract', () => {
  it('prints names with -v while creating, and lists them back', async () => {
    const sys = await tree();
    const r = await runBuiltin(tar, ['tar', 'cvf', 't.tar', 'd'], { sys, cwd: '/w' });
    expect(r).toEqual({ exitCode: 0, stdout: 'd/\nd/a.txt\nd/sub/\nd/sub/big\nd/link\n', stderr: '' });
    expect((await runBuiltin(tar, ['tar', '-t', '-f', 't.tar'], { sys, cwd: '/w' })).stdout).toBe(r.stdout);
  });
  it('extracts with --strip-components, printing full member names (GNU)', async () => {
    const sys = await tree();
    await runBuiltin(tar, ['tar', 'cf', '/t.tar', '-C', '/w', 'd'], { sys });
    await sys.mkdir('/out');
    const r = await runBuiltin(tar, ['tar', 'xvf', '/t.tar', '-C', '/out', '--strip-components=1'], { sys });
    expect(r).toEqual({ exitCode: 0, stdout: 'd/a.txt\nd/sub/\nd/sub/big\nd/link\n', stderr: '' });
    expect((await sys.readdir('/out')).map((e) => e.name)).toEqual(['a.txt', 'sub', 'link']);
    expect(dec(await sys.readFile('/out/sub/big'))).toBe('x'.repeat(5000));
  });
  it('excludes by pattern at any depth, and a directory with its contents', async () => {
    const sys = await tree();
    await runBuiltin(tar, ['tar', 'cf', '/t.tar', '-C', '/w', 'd'], { sys });
    const txt = await runBuiltin(tar, ['tar', 'tf', '/t.tar', '--exclude=*.txt'], { sys });
    expect(txt.stdout).toBe('d/\nd/sub/\nd/sub/big\nd/link\n');
    const sub = await runBuiltin(tar, ['tar', '--exclude', 'sub', '-cf', '-', '-C', '/w', 'd'], { sys });
    const listed = await runBuiltin(tar, ['tar', 'tf', '-'], { sys, stdin: new TextEncoder().encode(sub.stdout) });
    expect(listed.stdout).toBe('d/\nd/a.txt\nd/link\n');
  });
  it('selects members by name, and reports names not found', async () => {
    const sys = await tree();
    await runBuiltin(tar, ['tar', 'cf', '/t.tar', '-C', '/w', 'd'], { sys });
    const r = await runBuiltin(tar, ['tar', 'tf', '/t.tar', 'd/sub', 'zz'], { sys });
    expect(r).toEqual({
      exitCode: 2,
      stdout: 'd/sub/\nd/sub/big\n',
      stderr: 'tar: zz: Not found in archive\ntar: Exiting with failure status due to previous errors\n',
    });
  });
  it('writes members to stdout with -O, names on stderr with -v', async () => {
    const sys = await tree();
    await runBuiltin(tar, ['tar', 'czf', '/t.tgz', '-C', '/w', 'd'], { sys });
    const r = await runBuiltin(tar, ['tar', 'xvOf', '/t.tgz', 'd/a.txt'], { sys });
    expect(r).toEqual({ exitCode: 0, stdout: 'hello\n', stderr: 'd/a.txt\n' });
  });
  it('pipes an archive through stdout and stdin', async () => {
    const sys = await tree();
    const out = collectingSink();
    const made = await runBuiltin(tar, ['tar', '-cz', '-C', '/w', 'd/a.txt'], { sys, stdout: out });
    expect(made.exitCode).toBe(0);
    const archive = out.bytes();
    expect([archive[0], archive[1]]).toEqual([0x1f, 0x8b]);
    await sys.mkdir('/in');
    const r = await runBuiltin(tar, ['tar', '-x', '-C', '/in'], { sys, stdin: archive });
    expect(r.exitCode).toBe(0);
    expect(dec(await sys.readFile('/in/d/a.txt'))).toBe('hello\n');
  });
  it('replaces existing files, but keeps them with -k', async () => {
    const sys = createMemorySys({ '/s/f': 'new\n', '/o/f': 'old\n' });
    await runBuiltin(tar, ['tar', 'cf', '/t.tar', '-C', '/s', 'f'], { sys });
    const kept = await runBuiltin(tar, ['tar', 'xkf', '/t.tar', '-C', '/o'], { sys });
    expect(kept.exitCode).toBe(2);
    expect(kept.stderr).toBe('tar: f: Cannot open: File exists\ntar: Exiting with failure status due to previous errors\n');
    expect(dec(await sys.readFile('/o/f'))).toBe('old\n');
    await sys.symlink('/elsewhere', '/o/g');
    expect((await runBuiltin(tar, ['tar', 'xf', '/t.tar', '-C', '/o'], { sys })).exitCode).toBe(0);
    expect(dec(await sys.readFile('/o/f'))).toBe('new\n');
  });
  it('never writes outside -C through a member name with ..', async () => {
    const header = encodeHeader({
      name: '../escape',
      type: 'file',
      mode: 0o644,
      uid: 0,
      gid: 0,
      uname: 'root',
      gname: 'root',
      size: 3,
      mtimeMs: 0,
      linkName: '',
      typeflag: '0',
    });
    const archive = new Uint8Array(header.length + padded(3) + 1024);
    archive.set(header);
    archive.set(new TextEncoder().encode('bad'), header.length);
    const sys = createMemorySys({ '/evil.tar': archive, '/box/keep': '' });
    const r = await runBuiltin(tar, ['tar', 'xf', '/evil.tar', '-C', '/box'], { sys });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("tar: ../escape: Member name contains '..'\n");
    await expect(sys.stat('/escape')).rejects.toThrow();
  });
  it('does not store the archive inside itself', async () => {
    const sys = createMemorySys({ '/w/a': 'a' });
    const r = await runBuiltin(tar, ['tar', 'cf', 'self.tar', '.'], { sys, cwd: '/w' });
    expect(r.stderr).toBe('tar: ./self.tar: file is the archive; not dumped\n');
    expect((await runBuiltin(tar, ['tar', 'tf', '/w/self.tar'], { sys })).stdout).toBe('./\n./a\n');
  });
});
