import { Errno } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { enc, errnoOf, newVfs, readText } from './testing/vfs-fixtures.js';
import { ROOT_INO } from './types.js';

const R = ROOT_INO;

describe('hard links', () => {
  it('share one inode and count links', () => {
    const vfs = newVfs();
    vfs.writeFile('/a', enc('one'));
    vfs.mkdir(R, 'd');
    vfs.link(R, '/a', R, '/d/b', { follow: false });
    const a = vfs.statAt(R, '/a', { follow: false });
    const b = vfs.statAt(R, '/d/b', { follow: false });
    expect(b.ino).toBe(a.ino);
    expect(a.nlink).toBe(2);
    vfs.writeFile('/d/b', enc('two'));
    expect(readText(vfs, '/a')).toBe('two');
  });

  it('unlinking one name keeps the data under the other', () => {
    const vfs = newVfs();
    vfs.writeFile('/a', enc('keep'));
    vfs.link(R, '/a', R, '/b', { follow: false });
    vfs.unlink(R, '/a');
    expect(readText(vfs, '/b')).toBe('keep');
    expect(vfs.statAt(R, '/b', { follow: false }).nlink).toBe(1);
    vfs.unlink(R, '/b');
    expect(vfs.usage()).toEqual({ bytes: 0, inodes: 0 });
  });

  it('refuses directories with EPERM and existing names with EEXIST', () => {
    const vfs = newVfs();
    vfs.mkdir(R, 'd');
    vfs.writeFile('/f', enc(''));
    vfs.writeFile('/g', enc(''));
    expect(errnoOf(() => vfs.link(R, '/d', R, '/d2', { follow: false }))).toBe(Errno.PERM);
    expect(errnoOf(() => vfs.link(R, '/f', R, '/g', { follow: false }))).toBe(Errno.EXIST);
    expect(errnoOf(() => vfs.link(R, '/missing', R, '/h', { follow: false }))).toBe(Errno.NOENT);
    expect(errnoOf(() => vfs.link(R, '/f', R, '/nodir/h', { follow: false }))).toBe(Errno.NOENT);
  });

  it('links a symlink itself or its target depending on follow', () => {
    const vfs = newVfs();
    vfs.writeFile('/t', enc('t'));
    vfs.symlink('t', R, 'l');
    vfs.link(R, 'l', R, 'l2', { follow: false });
    vfs.link(R, 'l', R, 't2', { follow: true });
    expect(vfs.statAt(R, 'l2', { follow: false }).kind).toBe('symlink');
    expect(vfs.statAt(R, 'l', { follow: false }).nlink).toBe(2);
    expect(vfs.lookup(R, 't2', { follow: false })).toBe(vfs.lookup(R, 't', { follow: false }));
  });

  it('a hard link made through an open file keeps the unlinked inode reachable', () => {
    const vfs = newVfs();
    vfs.writeFile('/a', enc('x'));
    vfs.link(R, '/a', R, '/b', { follow: false });
    const f = vfs.open(R, '/a', { read: true });
    vfs.unlink(R, '/a');
    vfs.unlink(R, '/b');
    expect(f.stat().nlink).toBe(0);
    expect(f.read(1)).toEqual(enc('x'));
    f.close();
    expect(vfs.usage().inodes).toBe(0);
  });
});
