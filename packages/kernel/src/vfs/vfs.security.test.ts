import { Errno } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { catchErrno, enc, errnoOf, newVfs, readText } from './testing/vfs-fixtures.js';
import { ROOT_INO } from './types.js';

const R = ROOT_INO;

describe('vfs security', () => {
  it('path traversal: .. at / stays at /', () => {
    const vfs = newVfs();
    vfs.mkdir(R, 'etc');
    vfs.writeFile('/etc/passwd', enc('sandbox passwd'));
    expect(vfs.lookup(R, '/..', { follow: true })).toBe(R);
    expect(vfs.lookup(R, '../../../..', { follow: true })).toBe(R);
    expect(readText(vfs, '/../../etc/../../etc/passwd')).toBe('sandbox passwd');
    expect(vfs.realpath(R, '/../../..')).toBe('/');
  });

  it('symlink escape: absolute target resolves inside the sandbox', () => {
    const vfs = newVfs();
    vfs.mkdir(R, 'etc');
    vfs.writeFile('/etc/passwd', enc('sandbox passwd'));
    vfs.mkdir(R, 'tmp');
    vfs.symlink('/etc/passwd', R, '/tmp/pw');
    vfs.symlink('/../../../etc', R, '/tmp/up');
    expect(readText(vfs, '/tmp/pw')).toBe('sandbox passwd');
    expect(readText(vfs, '/tmp/up/passwd')).toBe('sandbox passwd');
    vfs.symlink('/host-only', R, '/tmp/h');
    expect(errnoOf(() => vfs.readFile('/tmp/h'))).toBe(Errno.NOENT);
  });

  it('symlink escape: relative target', () => {
    const vfs = newVfs();
    vfs.mkdirp('/a/b');
    vfs.writeFile('/secret', enc('top'));
    vfs.symlink('../../../../../../secret', R, '/a/b/l');
    expect(readText(vfs, '/a/b/l')).toBe('top');
    expect(vfs.realpath(R, '/a/b/l')).toBe('/secret');
  });

  it('beneath: escape gives NOTCAPABLE', () => {
    const vfs = newVfs();
    const dir = vfs.mkdirp('/work/dir');
    vfs.mkdir(dir, 'sub');
    vfs.writeFile('/work/dir/sub/f', enc('inside'));
    vfs.writeFile('/work/out', enc('outside'));
    vfs.symlink('/work/out', dir, 'abs');
    vfs.symlink('../out', dir, 'rel-out');
    vfs.symlink('sub/../sub/f', dir, 'rel-in');
    vfs.symlink('sub/../../dir/sub/f', dir, 'rel-out-and-back');
    const B = { follow: true, beneath: true };
    expect(errnoOf(() => vfs.lookup(dir, '..', B))).toBe(Errno.NOTCAPABLE);
    expect(errnoOf(() => vfs.lookup(dir, 'sub/../..', B))).toBe(Errno.NOTCAPABLE);
    expect(errnoOf(() => vfs.lookup(dir, '/work/out', B))).toBe(Errno.NOTCAPABLE);
    expect(errnoOf(() => vfs.lookup(dir, 'abs', B))).toBe(Errno.NOTCAPABLE);
    expect(errnoOf(() => vfs.lookup(dir, 'rel-out', B))).toBe(Errno.NOTCAPABLE);
    expect(errnoOf(() => vfs.lookup(dir, 'rel-out-and-back', B))).toBe(Errno.NOTCAPABLE);
    expect(errnoOf(() => vfs.open(dir, '../out', { read: true, beneath: true }))).toBe(Errno.NOTCAPABLE);
    expect(errnoOf(() => vfs.mkdir(dir, '../new', 0o755, true))).toBe(Errno.NOTCAPABLE);
    expect(errnoOf(() => vfs.rename(dir, 'sub/f', dir, '../stolen', true))).toBe(Errno.NOTCAPABLE);
    expect(errnoOf(() => vfs.link(dir, '../out', dir, 'x', B))).toBe(Errno.NOTCAPABLE);
    // Inside the start directory everything still works, including a relative symlink that stays inside.
    expect(vfs.lookup(dir, 'rel-in', B)).toBe(vfs.lookup(R, '/work/dir/sub/f', { follow: true }));
    expect(vfs.lookup(dir, 'sub/..', B)).toBe(dir);
    expect(vfs.lookup(dir, 'abs', { follow: false, beneath: true })).toBe(vfs.lookup(dir, 'abs', { follow: false }));
    // Without beneath the same symlinks resolve from the sandbox root.
    expect(readText(vfs, '/work/dir/abs')).toBe('outside');
  });

  it('symlink loop gives ELOOP', () => {
    const vfs = newVfs();
    vfs.symlink('b', R, 'a');
    vfs.symlink('a', R, 'b');
    vfs.symlink('self/x', R, 'self');
    expect(errnoOf(() => vfs.lookup(R, 'a', { follow: true }))).toBe(Errno.LOOP);
    expect(errnoOf(() => vfs.lookup(R, 'self', { follow: true }))).toBe(Errno.LOOP);
    expect(errnoOf(() => vfs.open(R, 'a', { write: true, create: true }))).toBe(Errno.LOOP);
    expect(vfs.lookup(R, 'a', { follow: false })).toBeGreaterThan(R);
  });

  it('NUL byte in path', () => {
    const vfs = newVfs();
    vfs.writeFile('/f', enc('x'));
    expect(errnoOf(() => vfs.lookup(R, '/f\0/../etc', { follow: true }))).toBe(Errno.INVAL);
    expect(errnoOf(() => vfs.open(R, 'g\0', { write: true, create: true }))).toBe(Errno.INVAL);
    expect(errnoOf(() => vfs.mkdir(R, 'd\0x'))).toBe(Errno.INVAL);
    expect(vfs.readdirNames('/')).toEqual(['f']);
  });

  it('over-long path and name', () => {
    const vfs = newVfs({ limits: { pathBytesMax: 100, nameBytesMax: 10 } });
    expect(errnoOf(() => vfs.mkdir(R, 'a'.repeat(11)))).toBe(Errno.NAMETOOLONG);
    vfs.mkdir(R, 'a'.repeat(10));
    // Multi-byte characters count as their UTF-8 bytes: 4 × 3 bytes = 12.
    expect(errnoOf(() => vfs.mkdir(R, '€€€€'))).toBe(Errno.NAMETOOLONG);
    expect(errnoOf(() => vfs.lookup(R, `/${'b/'.repeat(50)}`, { follow: true }))).toBe(Errno.NAMETOOLONG);
    expect(errnoOf(() => vfs.lookup(R, 'x'.repeat(11), { follow: true }))).toBe(Errno.NAMETOOLONG);
  });

  it('filesystem bytes bomb', () => {
    const vfs = newVfs({ limits: { fsBytesMax: 64 * 1024, fileBytesMax: 1 << 30 } });
    const chunk = new Uint8Array(4096).fill(7);
    let errno: Errno | undefined;
    for (let i = 0; i < 1000 && errno === undefined; i++) {
      const f = vfs.open(R, `f${i % 5}`, { write: true, create: true, append: true });
      errno = catchErrno(() => f.write(chunk));
      f.close();
    }
    expect(errno).toBe(Errno.NOSPC);
    expect(vfs.usage().bytes).toBeLessThanOrEqual(64 * 1024);
    // A sparse write far past the end is charged for its whole size, not just the bytes written.
    const s = newVfs({ limits: { fsBytesMax: 1000 } }).open(R, 'sparse', { write: true, create: true });
    expect(errnoOf(() => s.pwrite(enc('x'), 5000))).toBe(Errno.NOSPC);
  });

  it('inode bomb', () => {
    const vfs = newVfs({ limits: { fsInodesMax: 50 } });
    let made = 0;
    let errno: Errno | undefined;
    while (errno === undefined && made < 1000) {
      errno = made % 2 === 0 ? catchErrno(() => vfs.mkdir(R, `d${made}`)) : catchErrno(() => vfs.symlink('x', R, `s${made}`));
      if (errno === undefined) made++;
    }
    expect(errno).toBe(Errno.NOSPC);
    expect(made).toBe(50);
    expect(vfs.usage().inodes).toBe(50);
  });

  it('open-file exhaustion', () => {
    const vfs = newVfs({ limits: { openFilesMax: 16 } });
    vfs.writeFile('/f', enc('x'));
    const open = [];
    for (let i = 0; i < 16; i++) open.push(vfs.open(R, 'f', { read: true }));
    expect(errnoOf(() => vfs.open(R, 'f', { read: true }))).toBe(Errno.NFILE);
    for (const f of open) f.close();
    expect(vfs.openFileCount()).toBe(0);
    vfs.open(R, 'f', { read: true }).close();
  });
});
