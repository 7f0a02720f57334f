import { Errno } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { enc, errnoOf, manualClock, newVfs, readText } from './testing/vfs-fixtures.js';
import { ROOT_INO } from './types.js';

const R = ROOT_INO;

describe('rename', () => {
  it('moves a file and keeps its inode', () => {
    const vfs = newVfs();
    vfs.writeFile('/a', enc('data'));
    const ino = vfs.lookup(R, '/a', { follow: false });
    vfs.mkdir(R, 'd');
    vfs.rename(R, '/a', R, '/d/b');
    expect(vfs.lookup(R, '/d/b', { follow: false })).toBe(ino);
    expect(errnoOf(() => vfs.lookup(R, '/a', { follow: false }))).toBe(Errno.NOENT);
    expect(readText(vfs, '/d/b')).toBe('data');
  });

  it('replaces an existing file atomically and frees the old one', () => {
    const vfs = newVfs();
    vfs.writeFile('/new', enc('new'));
    vfs.writeFile('/old', enc('old content'));
    const before = vfs.usage();
    vfs.rename(R, '/new', R, '/old');
    expect(readText(vfs, '/old')).toBe('new');
    expect(vfs.readdirNames('/')).toEqual(['old']);
    expect(vfs.usage()).toEqual({ bytes: before.bytes - 'old content'.length - 'new'.length, inodes: 1 });
  });

  it('keeps a replaced file alive while it is open', () => {
    const vfs = newVfs();
    vfs.writeFile('/a', enc('A'));
    vfs.writeFile('/b', enc('B'));
    const f = vfs.open(R, '/b', { read: true });
    vfs.rename(R, '/a', R, '/b');
    expect(f.stat().nlink).toBe(0);
    expect(f.read(10)).toEqual(enc('B'));
    f.close();
    expect(vfs.usage().inodes).toBe(1);
  });

  it('renames a directory with its contents and updates nlink and ..', () => {
    const vfs = newVfs();
    vfs.mkdirp('/a/sub');
    vfs.mkdir(R, 'b');
    vfs.writeFile('/a/sub/f', enc('x'));
    vfs.rename(R, '/a/sub', R, '/b/moved');
    expect(readText(vfs, '/b/moved/f')).toBe('x');
    expect(vfs.statAt(R, '/a', { follow: true }).nlink).toBe(2);
    expect(vfs.statAt(R, '/b', { follow: true }).nlink).toBe(3);
    const moved = vfs.lookup(R, '/b/moved', { follow: true });
    expect(vfs.lookup(moved, '..', { follow: true })).toBe(vfs.lookup(R, '/b', { follow: true }));
    expect(vfs.dirPath(moved)).toBe('/b/moved');
  });

  it('moves a directory over an empty directory', () => {
    const vfs = newVfs();
    vfs.mkdirp('/src/inner');
    vfs.mkdir(R, 'dst');
    vfs.rename(R, '/src', R, '/dst');
    expect(vfs.readdirNames('/')).toEqual(['dst']);
    expect(vfs.readdirNames('/dst')).toEqual(['inner']);
    expect(vfs.stat(R).nlink).toBe(3);
    expect(vfs.usage().inodes).toBe(2);
  });

  it('refuses a directory over a non-empty directory with ENOTEMPTY', () => {
    const vfs = newVfs();
    vfs.mkdir(R, 'src');
    vfs.mkdirp('/dst/x');
    expect(errnoOf(() => vfs.rename(R, '/src', R, '/dst'))).toBe(Errno.NOTEMPTY);
  });

  it('refuses a file over a directory with EISDIR and a directory over a file with ENOTDIR', () => {
    const vfs = newVfs();
    vfs.writeFile('/f', enc(''));
    vfs.mkdir(R, 'd');
    expect(errnoOf(() => vfs.rename(R, '/f', R, '/d'))).toBe(Errno.ISDIR);
    expect(errnoOf(() => vfs.rename(R, '/d', R, '/f'))).toBe(Errno.NOTDIR);
    expect(errnoOf(() => vfs.rename(R, '/f', R, '/g/'))).toBe(Errno.NOTDIR);
  });

  it('refuses to move a directory into its own subtree with EINVAL', () => {
    const vfs = newVfs();
    vfs.mkdirp('/a/b/c');
    expect(errnoOf(() => vfs.rename(R, '/a', R, '/a/b/c/a'))).toBe(Errno.INVAL);
    expect(errnoOf(() => vfs.rename(R, '/a', R, '/a/b/c'))).toBe(Errno.INVAL);
    expect(vfs.readdirNames('/a/b/c')).toEqual([]);
  });

  it('renaming onto a hard link of the same inode is a no-op', () => {
    const clock = manualClock();
    const vfs = newVfs({ clock });
    vfs.writeFile('/a', enc('x'));
    vfs.link(R, '/a', R, '/b', { follow: false });
    const before = vfs.statAt(R, '/a', { follow: false });
    clock.advance(50n);
    vfs.rename(R, '/a', R, '/b');
    expect(vfs.readdirNames('/')).toEqual(['a', 'b']);
    expect(vfs.statAt(R, '/a', { follow: false })).toEqual(before);
    vfs.rename(R, '/a', R, '/a');
    expect(vfs.readdirNames('/')).toEqual(['a', 'b']);
  });

  it('a missing source gives ENOENT; dot names give EBUSY', () => {
    const vfs = newVfs();
    vfs.mkdir(R, 'd');
    expect(errnoOf(() => vfs.rename(R, '/nope', R, '/x'))).toBe(Errno.NOENT);
    expect(errnoOf(() => vfs.rename(R, '/d/.', R, '/x'))).toBe(Errno.BUSY);
    expect(errnoOf(() => vfs.rename(R, '/d', R, '/..'))).toBe(Errno.BUSY);
    expect(errnoOf(() => vfs.rename(R, '/d', R, '/missing/x'))).toBe(Errno.NOENT);
  });

  it('a symlink is renamed itself, not its target', () => {
    const vfs = newVfs();
    vfs.writeFile('/t', enc('t'));
    vfs.symlink('t', R, 'l');
    vfs.rename(R, 'l', R, 'm');
    expect(vfs.readlink(R, 'm')).toBe('t');
    expect(readText(vfs, '/t')).toBe('t');
  });

  it('updates times of both parents and the moved inode', () => {
    const clock = manualClock(100n);
    const vfs = newVfs({ clock });
    vfs.mkdir(R, 'a');
    vfs.mkdir(R, 'b');
    vfs.writeFile('/a/f', enc(''));
    clock.advance(900n);
    vfs.rename(R, '/a/f', R, '/b/f');
    expect(vfs.statAt(R, '/a', { follow: true }).mtimeNs).toBe(1000n);
    expect(vfs.statAt(R, '/b', { follow: true }).mtimeNs).toBe(1000n);
    expect(vfs.statAt(R, '/b/f', { follow: true })).toMatchObject({ mtimeNs: 100n, ctimeNs: 1000n });
  });
});
