import { Errno } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { enc, errnoOf, newVfs } from './testing/vfs-fixtures.js';
import { LowerLayer } from './lower-layer.js';
import { type DirEntryWithCookie, ROOT_INO } from './types.js';
import type { Vfs } from './vfs.js';

const R = ROOT_INO;

function listAll(vfs: Vfs, ino: number, pageSize: number): DirEntryWithCookie[] {
  const out: DirEntryWithCookie[] = [];
  let cookie = 0n;
  for (;;) {
    const page = vfs.readdir(ino, cookie, pageSize);
    if (page.length === 0) return out;
    out.push(...page);
    cookie = page[page.length - 1]?.cookie ?? cookie;
  }
}

describe('readdir', () => {
  it('lists . and .. first, then entries with kinds and inodes', () => {
    const vfs = newVfs();
    const d = vfs.mkdir(R, 'd');
    vfs.writeFile('/d/f', enc(''));
    vfs.mkdir(d, 'sub');
    vfs.symlink('f', d, 'l');
    const entries = vfs.readdir(d, 0n);
    expect(entries.map((e) => [e.name, e.kind])).toEqual([
      ['.', 'dir'],
      ['..', 'dir'],
      ['f', 'file'],
      ['sub', 'dir'],
      ['l', 'symlink'],
    ]);
    expect(entries[0]?.ino).toBe(d);
    expect(entries[1]?.ino).toBe(R);
    expect(entries[2]?.ino).toBe(vfs.lookup(d, 'f', { follow: false }));
    expect(vfs.readdir(R, 0n)[1]?.ino).toBe(R);
  });

  it('pages through a directory with cookies', () => {
    const vfs = newVfs();
    for (let i = 0; i < 25; i++) vfs.writeFile(`/f${i}`, enc(''));
    const names = listAll(vfs, R, 4).map((e) => e.name);
    expect(names).toHaveLength(27);
    expect(new Set(names).size).toBe(27);
  });

  it('a cookie keeps its meaning while entries are added and removed', () => {
    const vfs = newVfs();
    for (const n of ['a', 'b', 'c', 'd']) vfs.writeFile(`/${n}`, enc(''));
    const first = vfs.readdir(R, 0n, 4);
    expect(first.map((e) => e.name)).toEqual(['.', '..', 'a', 'b']);
    const cookie = first[3]?.cookie ?? 0n;
    vfs.unlink(R, 'a');
    vfs.unlink(R, 'c');
    vfs.writeFile('/e', enc(''));
    expect(vfs.readdir(R, cookie).map((e) => e.name)).toEqual(['d', 'e']);
    // The same cookie again gives the same continuation.
    expect(vfs.readdir(R, cookie).map((e) => e.name)).toEqual(['d', 'e']);
  });

  it('an entry renamed in place gets a new position and is not listed twice', () => {
    const vfs = newVfs();
    for (const n of ['a', 'b', 'c']) vfs.writeFile(`/${n}`, enc(''));
    const page = vfs.readdir(R, 0n, 3);
    const cookie = page[2]?.cookie ?? 0n;
    vfs.rename(R, 'a', R, 'z');
    expect(vfs.readdir(R, cookie).map((e) => e.name)).toEqual(['b', 'c', 'z']);
  });

  it('merged directories keep cookies of lower entries stable across whiteouts and additions', () => {
    const lower = LowerLayer.fromEntries([
      { path: '/bin/a', kind: 'file' },
      { path: '/bin/b', kind: 'file' },
      { path: '/bin/c', kind: 'file' },
    ]);
    const vfs = newVfs({ lower });
    const bin = vfs.lookup(R, '/bin', { follow: true });
    const page = vfs.readdir(bin, 0n, 3);
    expect(page.map((e) => e.name)).toEqual(['.', '..', 'a']);
    const cookie = page[2]?.cookie ?? 0n;
    vfs.unlink(bin, 'b');
    vfs.writeFile('/bin/new', enc(''));
    vfs.writeFile('/bin/a', enc('copied up'));
    expect(vfs.readdir(bin, cookie).map((e) => e.name)).toEqual(['c', 'new']);
    expect(listAll(vfs, bin, 2).map((e) => e.name)).toEqual(['.', '..', 'a', 'c', 'new']);
  });

  it('a cookie past the end lists nothing; a file gives ENOTDIR', () => {
    const vfs = newVfs();
    vfs.writeFile('/f', enc(''));
    expect(vfs.readdir(R, 1n << 60n)).toEqual([]);
    expect(errnoOf(() => vfs.readdir(vfs.lookup(R, 'f', { follow: true }), 0n))).toBe(Errno.NOTDIR);
  });
});
