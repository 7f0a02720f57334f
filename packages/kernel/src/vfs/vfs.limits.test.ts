import { Errno } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { LowerLayer } from './lower-layer.js';
import { enc, errnoOf, newVfs, readText } from './testing/vfs-fixtures.js';
import { ROOT_INO } from './types.js';

const R = ROOT_INO;

describe('limits', () => {
  it('fileBytesMax: a write that starts past it gives EFBIG; one that crosses it is cut short', () => {
    const vfs = newVfs({ limits: { fileBytesMax: 10 } });
    const f = vfs.open(R, 'f', { read: true, write: true, create: true });
    expect(f.write(new Uint8Array(8))).toBe(8);
    expect(f.write(new Uint8Array(8))).toBe(2);
    expect(errnoOf(() => f.write(new Uint8Array(1)))).toBe(Errno.FBIG);
    expect(f.stat().size).toBe(10);
    expect(errnoOf(() => f.truncate(11))).toBe(Errno.FBIG);
    expect(errnoOf(() => f.pwrite(enc('x'), 10))).toBe(Errno.FBIG);
  });

  it('fsBytesMax: writes stop with ENOSPC and a failed write changes nothing', () => {
    const vfs = newVfs({ limits: { fsBytesMax: 20 } });
    const f = vfs.open(R, 'f', { read: true, write: true, create: true });
    expect(f.write(new Uint8Array(15))).toBe(15);
    expect(f.write(new Uint8Array(15))).toBe(4);
    expect(vfs.usage().bytes).toBe(20);
    const before = vfs.snapshot();
    expect(errnoOf(() => f.write(new Uint8Array(1)))).toBe(Errno.NOSPC);
    expect(errnoOf(() => f.truncate(30))).toBe(Errno.NOSPC);
    expect(errnoOf(() => vfs.mkdir(R, 'd'))).toBe(Errno.NOSPC);
    expect(errnoOf(() => vfs.link(R, 'f', R, 'g', { follow: false }))).toBe(Errno.NOSPC);
    expect(vfs.snapshot()).toEqual(before);
    expect(f.offset).toBe(19);
  });

  it('removal always works at the quota and frees space', () => {
    const lower = LowerLayer.fromEntries([{ path: '/lib/big', kind: 'file', data: new Uint8Array(50) }]);
    const vfs = newVfs({ lower, limits: { fsBytesMax: 10, fsInodesMax: 1 } });
    vfs.writeFile('/f', new Uint8Array(9));
    expect(vfs.usage()).toEqual({ bytes: 10, inodes: 1 });
    vfs.unlink(R, '/lib/big');
    vfs.rmdir(R, '/lib');
    vfs.unlink(R, '/f');
    expect(vfs.usage().inodes).toBe(0);
    vfs.writeFile('/g', new Uint8Array(5));
    expect(readText(vfs, '/g').length).toBe(5);
  });

  it('copy-up of a lower file counts its data and fails whole when it does not fit', () => {
    const lower = LowerLayer.fromEntries([{ path: '/big', kind: 'file', data: new Uint8Array(50) }]);
    const vfs = newVfs({ lower, limits: { fsBytesMax: 40 } });
    const f = vfs.open(R, '/big', { write: true });
    expect(errnoOf(() => f.pwrite(enc('x'), 0))).toBe(Errno.NOSPC);
    expect(vfs.usage().bytes).toBe(0);
    f.truncate(30);
    expect(vfs.usage().bytes).toBe(30);
  });

  it('fsInodesMax: creating past it gives ENOSPC; metadata copy-ups do not count', () => {
    const lower = LowerLayer.fromEntries([{ path: '/x', kind: 'file' }]);
    const vfs = newVfs({ lower, limits: { fsInodesMax: 2 } });
    vfs.mkdir(R, 'a');
    vfs.symlink('a', R, 'b');
    expect(errnoOf(() => vfs.open(R, 'c', { write: true, create: true }))).toBe(Errno.NOSPC);
    expect(errnoOf(() => vfs.mkdir(R, 'c'))).toBe(Errno.NOSPC);
    vfs.chmod(vfs.lookup(R, '/x', { follow: true }), 0o600);
    expect(vfs.usage().inodes).toBe(2);
    expect(vfs.readdirNames('/')).toEqual(['x', 'a', 'b']);
  });

  it('openFilesMax: opening past it gives ENFILE and creates nothing', () => {
    const vfs = newVfs({ limits: { openFilesMax: 2 } });
    const a = vfs.open(R, 'a', { write: true, create: true });
    vfs.open(R, 'b', { write: true, create: true });
    expect(errnoOf(() => vfs.open(R, 'c', { write: true, create: true }))).toBe(Errno.NFILE);
    expect(vfs.readdirNames('/')).toEqual(['a', 'b']);
    a.retain();
    a.close();
    expect(errnoOf(() => vfs.openIno(R, { read: true }))).toBe(Errno.NFILE);
    a.close();
    vfs.open(R, 'c', { write: true, create: true });
  });

  it('names count against the byte quota, so links cannot grow without bound', () => {
    const vfs = newVfs({ limits: { fsBytesMax: 30 } });
    vfs.writeFile('/f', new Uint8Array(0));
    let made = 0;
    for (let i = 0; i < 100; i++) {
      try {
        vfs.link(R, '/f', R, `/link-${i}`, { follow: false });
        made++;
      } catch {
        break;
      }
    }
    expect(made).toBe(4);
    expect(vfs.usage().bytes).toBeLessThanOrEqual(30);
  });
});
