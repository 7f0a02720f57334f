import { Errno } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { enc, errnoOf, newVfs, readText } from './testing/vfs-fixtures.js';
import { ROOT_INO } from './types.js';

const R = ROOT_INO;

describe('symlinks', () => {
  it('are read with readlink and followed by lookups that follow', () => {
    const vfs = newVfs();
    vfs.mkdirp('/a/b');
    vfs.writeFile('/a/b/f', enc('content'));
    vfs.symlink('b/f', R, '/a/l');
    expect(vfs.readlink(R, '/a/l')).toBe('b/f');
    expect(readText(vfs, '/a/l')).toBe('content');
    expect(vfs.statAt(R, '/a/l', { follow: false })).toMatchObject({ kind: 'symlink', size: 3, mode: 0o777 });
    expect(vfs.statAt(R, '/a/l', { follow: true }).kind).toBe('file');
    expect(errnoOf(() => vfs.readlink(R, '/a/b/f'))).toBe(Errno.INVAL);
  });

  it('resolve intermediate components, chains, and .. physically', () => {
    const vfs = newVfs();
    vfs.mkdirp('/x/y/z');
    vfs.writeFile('/x/y/z/f', enc('deep'));
    vfs.symlink('/x/y', R, '/l1');
    vfs.symlink('l1/z', R, '/l2');
    expect(readText(vfs, '/l2/f')).toBe('deep');
    // `..` after a symlink goes to the parent of the target, as in the kernel, not lexically.
    expect(vfs.lookup(R, '/l1/..', { follow: true })).toBe(vfs.lookup(R, '/x', { follow: true }));
  });

  it('a trailing slash follows a final symlink to a directory', () => {
    const vfs = newVfs();
    vfs.mkdir(R, 'd');
    vfs.symlink('d', R, 'ld');
    vfs.writeFile('/f', enc(''));
    vfs.symlink('f', R, 'lf');
    expect(vfs.lookup(R, 'ld/', { follow: false })).toBe(vfs.lookup(R, 'd', { follow: false }));
    expect(errnoOf(() => vfs.lookup(R, 'lf/', { follow: false }))).toBe(Errno.NOTDIR);
  });

  it('O_CREAT through a dangling symlink creates the target; O_EXCL refuses it', () => {
    const vfs = newVfs();
    vfs.mkdir(R, 'd');
    vfs.symlink('d/new', R, 'dangling');
    expect(errnoOf(() => vfs.open(R, 'dangling', { write: true, create: true, exclusive: true }))).toBe(Errno.EXIST);
    const f = vfs.open(R, 'dangling', { write: true, create: true });
    f.write(enc('made'));
    f.close();
    expect(readText(vfs, '/d/new')).toBe('made');
    expect(errnoOf(() => vfs.open(R, 'dangling', { write: true, create: true, noFollow: true }))).toBe(Errno.LOOP);
  });

  it('mkdir, symlink and unlink act on the link, not its target', () => {
    const vfs = newVfs();
    vfs.symlink('nowhere', R, 'l');
    expect(errnoOf(() => vfs.mkdir(R, 'l'))).toBe(Errno.EXIST);
    expect(errnoOf(() => vfs.symlink('x', R, 'l'))).toBe(Errno.EXIST);
    vfs.unlink(R, 'l');
    expect(vfs.readdirNames('/')).toEqual([]);
  });

  it('empty and over-long targets are refused', () => {
    const vfs = newVfs({ limits: { pathBytesMax: 64 } });
    expect(errnoOf(() => vfs.symlink('', R, 'l'))).toBe(Errno.NOENT);
    expect(errnoOf(() => vfs.symlink('a'.repeat(65), R, 'l'))).toBe(Errno.NAMETOOLONG);
    expect(errnoOf(() => vfs.symlink('a\0b', R, 'l'))).toBe(Errno.INVAL);
    vfs.symlink('a'.repeat(64), R, 'l');
  });

  it('a symlink to / resolves to the root', () => {
    const vfs = newVfs();
    vfs.writeFile('/f', enc('root file'));
    vfs.symlink('/', R, 'r');
    expect(vfs.lookup(R, 'r', { follow: true })).toBe(R);
    expect(readText(vfs, '/r/r/f')).toBe('root file');
  });

  it('the hop limit counts every symlink expanded in one resolution', () => {
    const vfs = newVfs({ limits: { symlinkHopsMax: 3 } });
    vfs.writeFile('/f', enc('end'));
    vfs.symlink('f', R, 'l1');
    vfs.symlink('l1', R, 'l2');
    vfs.symlink('l2', R, 'l3');
    vfs.symlink('l3', R, 'l4');
    expect(readText(vfs, '/l3')).toBe('end');
    expect(errnoOf(() => vfs.readFile('/l4'))).toBe(Errno.LOOP);
  });
});
