import { Errno } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { LowerLayer } from './lower-layer.js';
import { dec, enc, errnoOf, newVfs, readText } from './testing/vfs-fixtures.js';
import { LOWER_INO_BASE, ROOT_INO } from './types.js';

const R = ROOT_INO;

function runtimeLayer(): LowerLayer {
  return LowerLayer.fromEntries([
    { path: '/usr/bin/tool', kind: 'file', data: enc('#!tool'), mode: 0o755 },
    { path: '/usr/bin/other', kind: 'file', data: enc('other') },
    { path: '/usr/lib/libx', kind: 'file', data: enc('lib') },
    { path: '/bin', kind: 'symlink', target: 'usr/bin' },
    { path: '/etc', kind: 'dir', mode: 0o700 },
  ]);
}

describe('lower and upper layers', () => {
  it('shows lower files through the sandbox with stable inode numbers', () => {
    const vfs = newVfs({ lower: runtimeLayer() });
    expect(readText(vfs, '/bin/tool')).toBe('#!tool');
    expect(vfs.readdirNames('/')).toEqual(['bin', 'etc', 'usr']);
    expect(vfs.statAt(R, '/etc', { follow: true })).toMatchObject({ kind: 'dir', mode: 0o700 });
    expect(vfs.statAt(R, '/usr', { follow: true }).nlink).toBe(4);
    expect(vfs.lookup(R, '/usr/bin/tool', { follow: true })).toBeGreaterThanOrEqual(LOWER_INO_BASE);
    expect(vfs.usage()).toEqual({ bytes: 0, inodes: 0 });
  });

  it('gives the same numbers for the same entries in any order', () => {
    const a = runtimeLayer();
    const b = LowerLayer.fromEntries([
      { path: '/etc', kind: 'dir', mode: 0o700 },
      { path: '/usr/lib/libx', kind: 'file', data: enc('lib') },
      { path: '/bin', kind: 'symlink', target: 'usr/bin' },
      { path: '/usr/bin/other', kind: 'file', data: enc('other') },
      { path: '/usr/bin/tool', kind: 'file', data: enc('#!tool'), mode: 0o755 },
    ]);
    expect(b.id).toBe(a.id);
    const ia = newVfs({ lower: a }).lookup(R, '/usr/lib/libx', { follow: true });
    expect(newVfs({ lower: b }).lookup(R, '/usr/lib/libx', { follow: true })).toBe(ia);
    expect(LowerLayer.fromEntries([{ path: '/x', kind: 'file' }]).id).not.toBe(a.id);
  });

  it('copies a file up on first write and leaves the shared layer untouched', () => {
    const lower = runtimeLayer();
    const one = newVfs({ lower });
    const two = newVfs({ lower });
    const ino = one.lookup(R, '/usr/bin/tool', { follow: true });
    const f = one.open(R, '/usr/bin/tool', { read: true, write: true });
    f.pwrite(enc('X'), 0);
    expect(dec(f.pread(100, 0))).toBe('X!tool');
    expect(readText(two, '/usr/bin/tool')).toBe('#!tool');
    expect(one.lookup(R, '/usr/bin/tool', { follow: true })).toBe(ino);
    expect(one.usage()).toEqual({ bytes: 6, inodes: 0 });
    expect(readText(newVfs({ lower }), '/usr/bin/tool')).toBe('#!tool');
  });

  it('copies up metadata on chmod, utimes and link without copying data', () => {
    const lower = runtimeLayer();
    const vfs = newVfs({ lower });
    const ino = vfs.lookup(R, '/usr/lib/libx', { follow: true });
    vfs.chmod(ino, 0o600);
    vfs.setTimes(ino, 1n, 2n);
    vfs.link(R, '/usr/lib/libx', R, '/libx', { follow: false });
    expect(vfs.stat(ino)).toMatchObject({ mode: 0o600, atimeNs: 1n, mtimeNs: 2n, nlink: 2 });
    expect(readText(vfs, '/libx')).toBe('lib');
    expect(vfs.usage()).toEqual({ bytes: 'libx'.length, inodes: 0 });
    expect(newVfs({ lower }).stat(ino)).toMatchObject({ mode: 0o644, nlink: 1 });
  });

  it('truncate copies up only what remains', () => {
    const vfs = newVfs({ lower: runtimeLayer() });
    const ino = vfs.lookup(R, '/usr/bin/other', { follow: true });
    vfs.truncate(ino, 2);
    expect(readText(vfs, '/usr/bin/other')).toBe('ot');
    expect(vfs.usage().bytes).toBe(2);
    vfs.open(R, '/usr/bin/tool', { write: true, truncate: true }).close();
    expect(vfs.statAt(R, '/usr/bin/tool', { follow: true }).size).toBe(0);
  });

  it('hides deleted lower entries with whiteouts and allows re-creating them', () => {
    const vfs = newVfs({ lower: runtimeLayer() });
    vfs.unlink(R, '/usr/bin/tool');
    expect(errnoOf(() => vfs.readFile('/usr/bin/tool'))).toBe(Errno.NOENT);
    expect(vfs.readdirNames('/usr/bin')).toEqual(['other']);
    vfs.writeFile('/usr/bin/tool', enc('mine'));
    expect(readText(vfs, '/usr/bin/tool')).toBe('mine');
    expect(vfs.readdirNames('/usr/bin')).toEqual(['other', 'tool']);
  });

  it('merges upper entries into lower directories', () => {
    const vfs = newVfs({ lower: runtimeLayer() });
    vfs.writeFile('/usr/bin/mine', enc('m'));
    vfs.mkdir(R, '/usr/local');
    expect(vfs.readdirNames('/usr/bin')).toEqual(['other', 'tool', 'mine']);
    expect(vfs.readdirNames('/usr')).toEqual(['bin', 'lib', 'local']);
    expect(vfs.statAt(R, '/usr', { follow: true }).nlink).toBe(5);
  });

  it('removes a lower directory only when it is empty through both layers', () => {
    const vfs = newVfs({ lower: runtimeLayer() });
    expect(errnoOf(() => vfs.rmdir(R, '/usr/lib'))).toBe(Errno.NOTEMPTY);
    vfs.unlink(R, '/usr/lib/libx');
    vfs.rmdir(R, '/usr/lib');
    expect(vfs.readdirNames('/usr')).toEqual(['bin']);
    vfs.mkdir(R, '/usr/lib');
    expect(vfs.readdirNames('/usr/lib')).toEqual([]);
  });

  it('renames lower files and directories, carrying merged contents', () => {
    const vfs = newVfs({ lower: runtimeLayer() });
    vfs.writeFile('/usr/bin/mine', enc('m'));
    vfs.unlink(R, '/usr/bin/other');
    vfs.rename(R, '/usr/bin', R, '/tools');
    expect(vfs.readdirNames('/tools')).toEqual(['tool', 'mine']);
    expect(readText(vfs, '/tools/tool')).toBe('#!tool');
    expect(vfs.readdirNames('/usr')).toEqual(['lib']);
    expect(vfs.dirPath(vfs.lookup(R, '/tools', { follow: true }))).toBe('/tools');
    vfs.rename(R, '/usr/lib/libx', R, '/libx');
    expect(vfs.readdirNames('/usr/lib')).toEqual([]);
    expect(readText(vfs, '/libx')).toBe('lib');
  });

  it('a lower file unlinked while open stays readable until closed', () => {
    const vfs = newVfs({ lower: runtimeLayer() });
    const f = vfs.open(R, '/usr/lib/libx', { read: true });
    const ino = f.ino;
    vfs.unlink(R, '/usr/lib/libx');
    expect(dec(f.read(10))).toBe('lib');
    expect(f.stat().nlink).toBe(0);
    f.close();
    expect(errnoOf(() => vfs.stat(ino))).toBe(Errno.NOENT);
  });

  it('refuses malformed or duplicate lower entries', () => {
    expect(() => LowerLayer.fromEntries([{ path: 'rel', kind: 'file' }])).toThrow();
    expect(() => LowerLayer.fromEntries([{ path: '/a/../b', kind: 'file' }])).toThrow();
    expect(() =>
      LowerLayer.fromEntries([
        { path: '/a', kind: 'file' },
        { path: '/a', kind: 'file' },
      ]),
    ).toThrow();
    expect(() =>
      LowerLayer.fromEntries([
        { path: '/a', kind: 'file' },
        { path: '/a/b', kind: 'file' },
      ]),
    ).toThrow();
  });
});
