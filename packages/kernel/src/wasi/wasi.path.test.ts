/**
 * path_* and fd_* semantics the C conformance program cannot reach easily: the root preopen resolves as `/`
 * (`..` stays at the root, absolute paths work) while other directory fds are confined (ENOTCAPABLE); calls
 * over two directory fds of different kinds; path_open access modes and rights; fd_readdir's layout, cookies
 * and truncated last entry; a directory fd reads and writes nothing (EBADF).
 */
import { Errno, H, Op } from '@burrow/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { bytes, slots, TestGuest } from './test-guest.js';

const ROOT = 3;
const SUB = 4;
let g: TestGuest;
afterEach(() => g?.close());

function start(): TestGuest {
  return TestGuest.start({
    preopens: [{ path: '/' }, { path: '/sub', guestPath: '/sub' }],
    prepare: (vfs) => vfs.mkdirp('/sub'),
  });
}

async function open(dirfd: number, path: string, oflags = 0, rights = 0x7fn | (1n << 14n), follow = true): Promise<[number, number]> {
  const errno = await g.call(
    Op.path_open,
    (v) => {
      v.i32[0] = dirfd;
      v.i32[1] = follow ? 1 : 0;
      v.i32[2] = oflags;
      v.i64[0] = rights;
      v.i64[1] = rights;
    },
    bytes(path),
  );
  return [errno, g.views.i32[0] as number];
}

describe('path resolution per directory fd', () => {
  it('the root preopen keeps `..` at / and takes absolute paths; a sub-directory fd is confined', async () => {
    g = start();
    g.kernel.vfs.mkdirp('/sub/inner');
    g.kernel.vfs.writeFile('/top.txt', bytes('top'));
    expect((await open(ROOT, '../../top.txt'))[0]).toBe(Errno.SUCCESS);
    expect((await open(ROOT, '/top.txt'))[0]).toBe(Errno.SUCCESS);
    expect((await open(SUB, '../top.txt'))[0]).toBe(Errno.NOTCAPABLE);
    expect((await open(SUB, '/top.txt'))[0]).toBe(Errno.NOTCAPABLE);
    expect((await open(SUB, 'inner/../inner', 2))[0]).toBe(Errno.SUCCESS);
  });

  it('rename between the root fd and a confined fd checks only the confined side', async () => {
    g = start();
    g.kernel.vfs.writeFile('/a.txt', bytes('A'));
    const rename = (from: number, a: string, to: number, b: string): Promise<number> =>
      g.call(Op.path_rename, slots([from, to, bytes(a).length]), bytes(a + b));
    expect(await rename(ROOT, 'a.txt', SUB, 'b.txt')).toBe(Errno.SUCCESS);
    expect(g.kernel.vfs.readFile('/sub/b.txt')).toEqual(bytes('A'));
    expect(await rename(SUB, 'b.txt', ROOT, '/c.txt')).toBe(Errno.SUCCESS);
    expect(await rename(ROOT, 'c.txt', SUB, '../d.txt')).toBe(Errno.NOTCAPABLE);
    expect(g.kernel.vfs.readFile('/c.txt')).toEqual(bytes('A'));
  });
});

describe('path_open access', () => {
  it('read-only rights give a descriptor that cannot write (EBADF); directories read nothing', async () => {
    g = start();
    g.kernel.vfs.writeFile('/f', bytes('data'));
    const [e1, ro] = await open(ROOT, 'f', 0, 1n << 1n);
    expect(e1).toBe(Errno.SUCCESS);
    expect(await g.call(Op.fd_write, (v) => (v.i32[0] = ro), bytes('x'))).toBe(Errno.BADF);
    expect(await g.call(Op.fd_read, slots([ro, 10]))).toBe(Errno.SUCCESS);
    expect(g.views.header[H.OUT_LEN]).toBe(4);
    const [e2, dir] = await open(ROOT, 'sub', 2);
    expect(e2).toBe(Errno.SUCCESS);
    expect(await g.call(Op.fd_read, slots([dir, 10]))).toBe(Errno.BADF);
    expect((await open(ROOT, 'sub', 0, 1n << 6n))[0]).toBe(Errno.ISDIR);
    expect(await g.call(Op.fd_fdstat_set_rights, slots([ro], [1n << 6n]))).toBe(Errno.NOTCAPABLE);
  });

  it('EMFILE past the fd limit leaves no open file behind', async () => {
    g = TestGuest.start({ fdsMax: 5 });
    g.kernel.vfs.writeFile('/f', bytes('x'));
    const before = g.kernel.vfs.openFileCount();
    expect((await open(ROOT, 'f'))[0]).toBe(Errno.SUCCESS);
    expect((await open(ROOT, 'f'))[0]).toBe(Errno.MFILE);
    expect(g.kernel.vfs.openFileCount()).toBe(before + 1);
  });
});

describe('fd_readdir', () => {
  async function readdir(fd: number, bufLen: number, cookie: bigint): Promise<Array<{ next: bigint; name: string; type: number }>> {
    expect(await g.call(Op.fd_readdir, slots([fd, bufLen], [cookie]))).toBe(0);
    const used = g.views.header[H.OUT_LEN] as number;
    expect(used).toBeLessThanOrEqual(bufLen);
    const dv = new DataView(g.views.data.buffer, g.views.data.byteOffset, used);
    const out: Array<{ next: bigint; name: string; type: number }> = [];
    for (let at = 0; at + 24 <= used; ) {
      const len = dv.getUint32(at + 16, true);
      if (at + 24 + len > used) break;
      const name = new TextDecoder().decode(g.views.data.slice(at + 24, at + 24 + len));
      out.push({ next: dv.getBigUint64(at, true), name, type: dv.getUint8(at + 20) });
      at += 24 + len;
    }
    return out;
  }

  it('lists . and .. then entries with types, resumes by cookie, and cuts the last entry short', async () => {
    g = start();
    g.kernel.vfs.writeFile('/sub/file', bytes('x'));
    g.kernel.vfs.mkdir(g.kernel.vfs.rootIno, '/sub/dir');
    const all = await readdir(SUB, 4096, 0n);
    expect(all.map((e) => [e.name, e.type])).toEqual([['.', 3], ['..', 3], ['file', 4], ['dir', 3]]);
    const rest = await readdir(SUB, 4096, all[1]?.next ?? 0n);
    expect(rest.map((e) => e.name)).toEqual(['file', 'dir']);
    expect(await g.call(Op.fd_readdir, slots([SUB, 30]))).toBe(0);
    expect(g.views.header[H.OUT_LEN]).toBe(30);
    expect(g.views.i32[0]).toBe(25);
  });
});
