import { Errno } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { enc, errnoOf, manualClock, newVfs, readText } from './testing/vfs-fixtures.js';
import { ROOT_INO } from './types.js';

describe('vfs basics', () => {
  it('writes and reads a file at the root', () => {
    const vfs = newVfs();
    vfs.writeFile('/hello.txt', enc('hi there'));
    expect(readText(vfs, '/hello.txt')).toBe('hi there');
    expect(vfs.readdirNames('/')).toEqual(['hello.txt']);
  });

  it('creates nested directories and resolves relative paths from a directory inode', () => {
    const vfs = newVfs();
    const d = vfs.mkdirp('/a/b/c');
    vfs.writeFile('/a/b/c/f', enc('x'));
    expect(vfs.lookup(d, 'f', { follow: true })).toBe(vfs.lookup(ROOT_INO, '/a/b/c/f', { follow: true }));
    expect(vfs.lookup(d, '../../b/./c/f', { follow: true })).toBe(vfs.lookup(ROOT_INO, 'a/b/c/f', { follow: true }));
    expect(vfs.dirPath(d)).toBe('/a/b/c');
  });

  it('stats files and directories with modes, sizes, nlink and clock times', () => {
    const clock = manualClock(5_000n);
    const vfs = newVfs({ clock });
    vfs.mkdir(ROOT_INO, 'd', 0o700);
    clock.advance(100n);
    vfs.writeFile('/d/f', enc('abc'), 0o600);
    const f = vfs.statAt(ROOT_INO, '/d/f', { follow: true });
    expect(f).toMatchObject({ kind: 'file', mode: 0o600, nlink: 1, size: 3, mtimeNs: 5_100n, ctimeNs: 5_100n });
    const d = vfs.statAt(ROOT_INO, '/d', { follow: true });
    expect(d).toMatchObject({ kind: 'dir', mode: 0o700, nlink: 2, mtimeNs: 5_100n });
    expect(vfs.stat(ROOT_INO).nlink).toBe(3);
  });

  it('gives deterministic inode numbers', () => {
    const build = () => {
      const vfs = newVfs();
      vfs.mkdirp('/x/y');
      vfs.writeFile('/x/y/z', enc('1'));
      return [vfs.lookup(ROOT_INO, '/x', { follow: true }), vfs.lookup(ROOT_INO, '/x/y/z', { follow: true })];
    };
    expect(build()).toEqual(build());
    expect(new Set(build()).size).toBe(2);
  });

  it('mkdir of an existing name gives EEXIST, of a missing parent ENOENT', () => {
    const vfs = newVfs();
    vfs.mkdir(ROOT_INO, 'a');
    expect(errnoOf(() => vfs.mkdir(ROOT_INO, 'a'))).toBe(Errno.EXIST);
    expect(errnoOf(() => vfs.mkdir(ROOT_INO, '/'))).toBe(Errno.EXIST);
    expect(errnoOf(() => vfs.mkdir(ROOT_INO, 'nope/b'))).toBe(Errno.NOENT);
    expect(vfs.mkdir(ROOT_INO, 'b/')).toBeGreaterThan(0);
  });

  it('rmdir removes only empty directories', () => {
    const vfs = newVfs();
    vfs.mkdirp('/a/b');
    expect(errnoOf(() => vfs.rmdir(ROOT_INO, '/a'))).toBe(Errno.NOTEMPTY);
    expect(errnoOf(() => vfs.rmdir(ROOT_INO, '/a/b/.'))).toBe(Errno.INVAL);
    expect(errnoOf(() => vfs.rmdir(ROOT_INO, '/'))).toBe(Errno.INVAL);
    vfs.writeFile('/f', enc(''));
    expect(errnoOf(() => vfs.rmdir(ROOT_INO, '/f'))).toBe(Errno.NOTDIR);
    vfs.rmdir(ROOT_INO, '/a/b');
    expect(vfs.stat(vfs.lookup(ROOT_INO, '/a', { follow: true })).nlink).toBe(2);
    vfs.rmdir(ROOT_INO, '/a/');
    expect(vfs.readdirNames('/')).toEqual(['f']);
  });

  it('unlink refuses directories and removes files', () => {
    const vfs = newVfs();
    vfs.mkdir(ROOT_INO, 'd');
    vfs.writeFile('/f', enc('x'));
    expect(errnoOf(() => vfs.unlink(ROOT_INO, 'd'))).toBe(Errno.ISDIR);
    expect(errnoOf(() => vfs.unlink(ROOT_INO, 'missing'))).toBe(Errno.NOENT);
    vfs.unlink(ROOT_INO, 'f');
    expect(errnoOf(() => vfs.readFile('/f'))).toBe(Errno.NOENT);
    expect(vfs.usage()).toEqual({ bytes: 1, inodes: 1 });
  });

  it('a trailing slash on a non-directory gives ENOTDIR', () => {
    const vfs = newVfs();
    vfs.writeFile('/f', enc('x'));
    expect(errnoOf(() => vfs.lookup(ROOT_INO, '/f/', { follow: false }))).toBe(Errno.NOTDIR);
    expect(errnoOf(() => vfs.unlink(ROOT_INO, '/f/'))).toBe(Errno.NOTDIR);
    expect(errnoOf(() => vfs.open(ROOT_INO, '/f/', { read: true }))).toBe(Errno.NOTDIR);
    expect(errnoOf(() => vfs.open(ROOT_INO, '/g/', { write: true, create: true }))).toBe(Errno.ISDIR);
    expect(errnoOf(() => vfs.lookup(ROOT_INO, '/f/x', { follow: false }))).toBe(Errno.NOTDIR);
  });

  it('open honours O_CREAT, O_EXCL, O_DIRECTORY and O_TRUNC', () => {
    const vfs = newVfs();
    expect(errnoOf(() => vfs.open(ROOT_INO, 'f', { read: true }))).toBe(Errno.NOENT);
    vfs.open(ROOT_INO, 'f', { write: true, create: true, exclusive: true }).close();
    expect(errnoOf(() => vfs.open(ROOT_INO, 'f', { write: true, create: true, exclusive: true }))).toBe(Errno.EXIST);
    expect(errnoOf(() => vfs.open(ROOT_INO, 'f', { read: true, directory: true }))).toBe(Errno.NOTDIR);
    vfs.writeFile('/f', enc('long content'));
    vfs.open(ROOT_INO, 'f', { write: true, truncate: true }).close();
    expect(vfs.statAt(ROOT_INO, 'f', { follow: true }).size).toBe(0);
    vfs.mkdir(ROOT_INO, 'd');
    expect(errnoOf(() => vfs.open(ROOT_INO, 'd', { write: true }))).toBe(Errno.ISDIR);
    const d = vfs.open(ROOT_INO, 'd', { read: true, directory: true });
    expect(d.stat().kind).toBe('dir');
    expect(errnoOf(() => d.read(10))).toBe(Errno.ISDIR);
  });

  it('unlink of an open file keeps its data until the last close', () => {
    const vfs = newVfs();
    vfs.writeFile('/f', enc('keep me'));
    const f = vfs.open(ROOT_INO, '/f', { read: true, write: true });
    vfs.unlink(ROOT_INO, '/f');
    expect(f.stat().nlink).toBe(0);
    expect(vfs.usage()).toEqual({ bytes: 7, inodes: 1 });
    f.write(enc('!'));
    expect(f.pread(100, 0)).toEqual(enc('!eep me'));
    const ino = f.ino;
    f.close();
    expect(vfs.usage()).toEqual({ bytes: 0, inodes: 0 });
    expect(errnoOf(() => vfs.stat(ino))).toBe(Errno.NOENT);
  });

  it('an open directory that is removed lists nothing and accepts no new entries', () => {
    const vfs = newVfs();
    vfs.mkdir(ROOT_INO, 'd');
    const d = vfs.open(ROOT_INO, 'd', { read: true, directory: true });
    vfs.rmdir(ROOT_INO, 'd');
    expect(d.readdir(0n)).toEqual([]);
    expect(errnoOf(() => vfs.open(d.ino, 'x', { write: true, create: true }))).toBe(Errno.NOENT);
    d.close();
    expect(vfs.usage().inodes).toBe(0);
  });

  it('truncate, chmod and setTimes update the inode', () => {
    const clock = manualClock(1_000n);
    const vfs = newVfs({ clock });
    vfs.writeFile('/f', enc('abcdef'));
    const ino = vfs.lookup(ROOT_INO, '/f', { follow: true });
    clock.advance(10n);
    vfs.truncate(ino, 3);
    expect(readText(vfs, '/f')).toBe('abc');
    vfs.truncate(ino, 5);
    expect(vfs.readFile('/f')).toEqual(new Uint8Array([97, 98, 99, 0, 0]));
    clock.advance(10n);
    vfs.chmod(ino, 0o4755);
    expect(vfs.stat(ino)).toMatchObject({ mode: 0o4755, mtimeNs: 1_010n, ctimeNs: 1_020n });
    vfs.setTimes(ino, 7n, null);
    expect(vfs.stat(ino)).toMatchObject({ atimeNs: 7n, mtimeNs: 1_010n });
    clock.advance(5n);
    vfs.setTimes(ino, null, 'now');
    expect(vfs.stat(ino)).toMatchObject({ atimeNs: 7n, mtimeNs: 1_025n, ctimeNs: 1_025n });
    expect(errnoOf(() => vfs.truncate(ino, -1))).toBe(Errno.INVAL);
    expect(errnoOf(() => vfs.truncate(ROOT_INO, 0))).toBe(Errno.ISDIR);
  });

  it('realpath resolves symlinks and dot-dot', () => {
    const vfs = newVfs();
    vfs.mkdirp('/a/b');
    vfs.writeFile('/a/b/f', enc(''));
    vfs.symlink('a/b', ROOT_INO, '/l');
    expect(vfs.realpath(ROOT_INO, '/l/../b/f')).toBe('/a/b/f');
    expect(vfs.realpath(ROOT_INO, '/l')).toBe('/a/b');
    expect(vfs.realpath(ROOT_INO, '/')).toBe('/');
  });
});
