import { Errno } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { dec, enc, errnoOf, newVfs, readText } from './testing/vfs-fixtures.js';
import { ROOT_INO } from './types.js';

describe('open file descriptions', () => {
  it('reads and writes advance a shared offset', () => {
    const vfs = newVfs();
    const f = vfs.open(ROOT_INO, 'f', { read: true, write: true, create: true });
    expect(f.write(enc('hello world'))).toBe(11);
    expect(f.offset).toBe(11);
    expect(f.seek(0, 0)).toBe(0);
    expect(dec(f.read(5))).toBe('hello');
    expect(dec(f.read(100))).toBe(' world');
    expect(f.read(100).length).toBe(0);
    expect(f.seek(-5, 2)).toBe(6);
    expect(f.seek(2, 1)).toBe(8);
    expect(dec(f.read(10))).toBe('rld');
    expect(errnoOf(() => f.seek(-100, 1))).toBe(Errno.INVAL);
  });

  it('O_APPEND writes go to the end whatever the offset', () => {
    const vfs = newVfs();
    vfs.writeFile('/log', enc('a'));
    const w1 = vfs.open(ROOT_INO, 'log', { write: true, append: true });
    const w2 = vfs.open(ROOT_INO, 'log', { write: true, append: true });
    w1.write(enc('b'));
    w2.write(enc('c'));
    w1.seek(0, 0);
    w1.write(enc('d'));
    expect(w1.offset).toBe(4);
    expect(readText(vfs, '/log')).toBe('abcd');
    w1.pwrite(enc('e'), 0);
    expect(readText(vfs, '/log')).toBe('abcde');
    w1.setFlags({ append: false });
    w1.seek(0, 0);
    w1.write(enc('X'));
    expect(readText(vfs, '/log')).toBe('Xbcde');
  });

  it('writes past the end zero-fill the gap', () => {
    const vfs = newVfs();
    const f = vfs.open(ROOT_INO, 'f', { read: true, write: true, create: true });
    f.write(enc('ab'));
    f.seek(6, 0);
    f.write(enc('z'));
    expect(f.pread(100, 0)).toEqual(new Uint8Array([97, 98, 0, 0, 0, 0, 122]));
    expect(f.stat().size).toBe(7);
  });

  it('a shrink then regrow reads zeros, not stale bytes', () => {
    const vfs = newVfs();
    const f = vfs.open(ROOT_INO, 'f', { read: true, write: true, create: true });
    f.write(enc('abcdefgh'));
    f.truncate(2);
    f.truncate(6);
    expect(f.pread(100, 0)).toEqual(new Uint8Array([97, 98, 0, 0, 0, 0]));
    f.pwrite(enc('Z'), 7);
    expect(f.pread(100, 0)).toEqual(new Uint8Array([97, 98, 0, 0, 0, 0, 0, 90]));
  });

  it('many small writes keep every byte (capacity growth)', () => {
    const vfs = newVfs();
    const f = vfs.open(ROOT_INO, 'f', { read: true, write: true, create: true });
    const expected: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const chunk = new Uint8Array([i & 0xff, (i * 7) & 0xff, (i >> 8) & 0xff]);
      f.write(chunk);
      expected.push(...chunk);
    }
    expect(f.pread(1 << 20, 0)).toEqual(new Uint8Array(expected));
    expect(vfs.usage().bytes).toBe(expected.length + 1);
  });

  it('readInto and preadInto fill a caller buffer', () => {
    const vfs = newVfs();
    const f = vfs.open(ROOT_INO, 'f', { read: true, write: true, create: true });
    f.write(enc('abcdefg'));
    f.seek(2, 0);
    const buf = new Uint8Array(4);
    expect(f.readInto(buf)).toBe(4);
    expect(dec(buf)).toBe('cdef');
    expect(f.offset).toBe(6);
    expect(f.readInto(buf)).toBe(1);
    expect(f.readInto(buf)).toBe(0);
    expect(f.preadInto(buf, 0)).toBe(4);
    expect(dec(buf)).toBe('abcd');
    expect(f.offset).toBe(7);
  });

  it('reads return copies that later writes do not change', () => {
    const vfs = newVfs();
    const f = vfs.open(ROOT_INO, 'f', { read: true, write: true, create: true });
    f.write(enc('aaaa'));
    const got = f.pread(4, 0);
    f.pwrite(enc('bbbb'), 0);
    expect(dec(got)).toBe('aaaa');
  });

  it('access mode is enforced with EBADF', () => {
    const vfs = newVfs();
    vfs.writeFile('/f', enc('x'));
    const r = vfs.open(ROOT_INO, 'f', { read: true });
    expect(errnoOf(() => r.write(enc('y')))).toBe(Errno.BADF);
    expect(errnoOf(() => r.truncate(0))).toBe(Errno.BADF);
    const w = vfs.open(ROOT_INO, 'f', { write: true });
    expect(errnoOf(() => w.read(1))).toBe(Errno.BADF);
    expect(errnoOf(() => w.pread(1, -1))).toBe(Errno.BADF);
    const rw = vfs.open(ROOT_INO, 'f', { read: true, write: true });
    expect(errnoOf(() => rw.pread(1, -1))).toBe(Errno.INVAL);
  });

  it('retain and close count references; a closed description gives EBADF', () => {
    const vfs = newVfs();
    const f = vfs.open(ROOT_INO, 'f', { write: true, create: true });
    f.retain();
    f.close();
    expect(f.closed).toBe(false);
    f.write(enc('still open'));
    f.close();
    expect(f.closed).toBe(true);
    expect(errnoOf(() => f.write(enc('x')))).toBe(Errno.BADF);
    expect(errnoOf(() => f.close())).toBe(Errno.BADF);
    expect(errnoOf(() => vfs.openFile(f.id))).toBe(Errno.BADF);
    expect(vfs.openFileCount()).toBe(0);
  });

  it('openFile(id) returns the handle of a live description', () => {
    const vfs = newVfs();
    const f = vfs.open(ROOT_INO, 'f', { read: true, write: true, create: true });
    f.write(enc('abc'));
    const same = vfs.openFile(f.id);
    expect(same.offset).toBe(3);
    expect(same.ino).toBe(f.ino);
  });

  it('openIno opens a directory in hand and refuses writes to it', () => {
    const vfs = newVfs();
    const ino = vfs.mkdir(ROOT_INO, 'd');
    const d = vfs.openIno(ino, { read: true, directory: true });
    expect(d.readdir(0n).map((e) => e.name)).toEqual(['.', '..']);
    expect(errnoOf(() => vfs.openIno(ino, { write: true }))).toBe(Errno.ISDIR);
    vfs.writeFile('/f', enc(''));
    const fino = vfs.lookup(ROOT_INO, 'f', { follow: true });
    expect(errnoOf(() => vfs.openIno(fino, { read: true, directory: true }))).toBe(Errno.NOTDIR);
  });

  it('opening a symlink with noFollow gives ELOOP', () => {
    const vfs = newVfs();
    vfs.writeFile('/f', enc(''));
    vfs.symlink('f', ROOT_INO, 'l');
    expect(errnoOf(() => vfs.open(ROOT_INO, 'l', { read: true, noFollow: true }))).toBe(Errno.LOOP);
    expect(vfs.open(ROOT_INO, 'l', { read: true }).ino).toBe(vfs.lookup(ROOT_INO, 'f', { follow: false }));
  });
});
