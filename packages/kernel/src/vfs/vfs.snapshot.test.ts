import { Errno } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { LowerLayer } from './lower-layer.js';
import { dec, enc, errnoOf, limitsWith, manualClock, readText } from './testing/vfs-fixtures.js';
import { ROOT_INO, type Stat } from './types.js';
import { Vfs } from './vfs.js';

const R = ROOT_INO;

function lowerLayer(): LowerLayer {
  return LowerLayer.fromEntries([
    { path: '/usr/bin/tool', kind: 'file', data: enc('tool') },
    { path: '/usr/bin/gone', kind: 'file', data: enc('gone') },
  ]);
}

/** Every path's stat, walking the tree. */
function tree(vfs: Vfs): Record<string, Stat> {
  const out: Record<string, Stat> = {};
  const walk = (path: string) => {
    const st = vfs.statAt(R, path, { follow: false });
    out[path] = st;
    if (st.kind !== 'dir') return;
    for (const name of vfs.readdirNames(path)) walk(path === '/' ? `/${name}` : `${path}/${name}`);
  };
  walk('/');
  return out;
}

function populated(clockStart = 1_000n) {
  const clock = manualClock(clockStart);
  const lower = lowerLayer();
  const vfs = Vfs.create({ lower, clock: clock.clock, limits: limitsWith({ fsBytesMax: 10_000 }) });
  vfs.mkdirp('/home/u');
  clock.advance();
  vfs.writeFile('/home/u/a.txt', enc('alpha'), 0o600);
  vfs.link(R, '/home/u/a.txt', R, '/home/hard', { follow: false });
  vfs.symlink('../usr/bin/tool', R, '/home/tool');
  vfs.unlink(R, '/usr/bin/gone');
  const tool = vfs.open(R, '/usr/bin/tool', { read: true, write: true, append: true });
  tool.write(enc('+'));
  const orphan = vfs.open(R, '/home/u/tmp', { read: true, write: true, create: true });
  orphan.write(enc('orphaned data'));
  orphan.seek(3, 0);
  vfs.unlink(R, '/home/u/tmp');
  clock.advance();
  return { vfs, lower, clock, tool, orphan };
}

describe('snapshot and restore', () => {
  it('round-trips the tree exactly through structured clone', () => {
    const { vfs, lower } = populated();
    const snap = structuredClone(vfs.snapshot());
    const back = Vfs.fromSnapshot(snap, { lower, limits: vfs.limits });
    expect(tree(back)).toEqual(tree(vfs));
    expect(back.usage()).toEqual(vfs.usage());
    expect(readText(back, '/home/hard')).toBe('alpha');
    expect(readText(back, '/home/tool')).toBe('tool+');
    expect(errnoOf(() => back.readFile('/usr/bin/gone'))).toBe(Errno.NOENT);
  });

  it('restores open descriptions, offsets and orphaned inodes', () => {
    const { vfs, lower, orphan, tool } = populated();
    const back = Vfs.fromSnapshot(structuredClone(vfs.snapshot()), { lower });
    const o = back.openFile(orphan.id);
    expect(o.offset).toBe(3);
    expect(o.stat().nlink).toBe(0);
    expect(dec(o.read(100))).toBe('haned data');
    expect(back.openFile(tool.id).flags).toEqual({ read: true, write: true, append: true });
    const before = back.usage();
    o.close();
    expect(back.usage().inodes).toBe(before.inodes - 1);
    expect(back.usage().bytes).toBe(before.bytes - 'orphaned data'.length);
  });

  it('continues counters: the next inode and open id match the original', () => {
    const { vfs, lower } = populated();
    const back = Vfs.fromSnapshot(vfs.snapshot(), { lower });
    const a = vfs.open(R, '/next', { write: true, create: true });
    const b = back.open(R, '/next', { write: true, create: true });
    expect(b.ino).toBe(a.ino);
    expect(b.id).toBe(a.id);
  });

  it('keeps readdir cookies valid across a restore', () => {
    const { vfs, lower } = populated();
    for (const n of ['p', 'q', 'r']) vfs.writeFile(`/home/${n}`, enc(''));
    const home = vfs.lookup(R, '/home', { follow: true });
    const page = vfs.readdir(home, 0n, 4);
    const cookie = page[page.length - 1]?.cookie ?? 0n;
    const back = Vfs.fromSnapshot(structuredClone(vfs.snapshot()), { lower });
    expect(back.readdir(home, cookie)).toEqual(vfs.readdir(home, cookie));
    vfs.writeFile('/home/s', enc(''));
    back.writeFile('/home/s', enc(''));
    expect(back.readdir(home, cookie)).toEqual(vfs.readdir(home, cookie));
  });

  it('is immutable once taken: later writes do not reach it', () => {
    const { vfs, lower } = populated();
    const snap = vfs.snapshot();
    const f = vfs.open(R, '/home/u/a.txt', { write: true });
    f.pwrite(enc('A'), 0);
    const back = Vfs.fromSnapshot(snap, { lower });
    expect(readText(back, '/home/u/a.txt')).toBe('alpha');
    f.pwrite(enc('ALPHA-CHANGED'), 0);
    vfs.truncate(f.ino, 2);
    expect(readText(Vfs.fromSnapshot(snap, { lower }), '/home/u/a.txt')).toBe('alpha');
    expect(readText(vfs, '/home/u/a.txt')).toBe('AL');
    // A restored state shares the snapshot's buffers the same way.
    back.open(R, '/home/u/a.txt', { write: true }).pwrite(enc('B'), 0);
    expect(readText(back, '/home/u/a.txt')).toBe('Blpha');
    expect(readText(Vfs.fromSnapshot(snap, { lower }), '/home/u/a.txt')).toBe('alpha');
  });

  it('two restores of one snapshot are independent', () => {
    const { vfs, lower } = populated();
    const snap = vfs.snapshot();
    const one = Vfs.fromSnapshot(snap, { lower });
    const two = Vfs.fromSnapshot(snap, { lower });
    one.writeFile('/home/u/a.txt', enc('one'));
    const f = two.open(R, '/home/u/a.txt', { write: true, append: true });
    f.write(enc('+two'));
    expect(readText(one, '/home/u/a.txt')).toBe('one');
    expect(readText(two, '/home/u/a.txt')).toBe('alpha+two');
    expect(readText(Vfs.fromSnapshot(snap, { lower }), '/home/u/a.txt')).toBe('alpha');
  });

  it('holds plain data only', () => {
    const { vfs } = populated();
    const snap = vfs.snapshot();
    const check = (v: unknown, path: string): void => {
      if (v === null || ['number', 'string', 'bigint', 'boolean'].includes(typeof v)) return;
      if (v instanceof Uint8Array) return;
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) check(x, `${path}[${i}]`);
        return;
      }
      expect(Object.getPrototypeOf(v), path).toBe(Object.prototype);
      for (const [k, x] of Object.entries(v as object)) check(x, `${path}.${k}`);
    };
    check(snap, 'snap');
    expect(snap.nodes.length).toBeGreaterThan(3);
  });

  it('refuses a different lower layer', () => {
    const { vfs } = populated();
    const other = LowerLayer.fromEntries([{ path: '/x', kind: 'file' }]);
    expect(() => Vfs.fromSnapshot(vfs.snapshot(), { lower: other })).toThrow(/lower layer/);
  });

  it('keeps times, modes and nlink exactly', () => {
    const { vfs, lower, clock } = populated(123_456_789n);
    const ino = vfs.lookup(R, '/home/u/a.txt', { follow: true });
    vfs.setTimes(ino, 42n, 'now');
    const back = Vfs.fromSnapshot(structuredClone(vfs.snapshot()), { lower, clock: clock.clock });
    expect(back.stat(ino)).toEqual(vfs.stat(ino));
    expect(back.stat(ino)).toMatchObject({ atimeNs: 42n, mtimeNs: clock.now(), mode: 0o600, nlink: 2 });
  });
});
