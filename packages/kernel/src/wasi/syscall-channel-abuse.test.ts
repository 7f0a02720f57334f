/**
 * A hostile worker: requests the guest-side shims would never send, straight onto the channel. Each must be
 * answered with an errno (never a hang, never a kernel bug): forged fds give EBADF, lengths outside the payload
 * EFAULT, invalid UTF-8 EILSEQ, NUL bytes EINVAL, and random slots for every opcode leave kernel.bugs empty.
 */
import { Errno, H, Op } from '@burrow/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { bytes, slots, TestGuest } from './test-guest.js';

let g: TestGuest;
afterEach(() => g?.close());

/** Deterministic pseudo-random numbers (xorshift32), so a failure reproduces. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const PATH_OPS = [Op.path_create_directory, Op.path_remove_directory, Op.path_unlink_file, Op.path_readlink, Op.path_open];

describe('syscall-channel abuse', () => {
  it('forged fds give EBADF for every fd call', async () => {
    g = TestGuest.start();
    const fdOps = [
      Op.fd_read, Op.fd_write, Op.fd_close, Op.fd_seek, Op.fd_tell, Op.fd_pread, Op.fd_pwrite, Op.fd_fdstat_get,
      Op.fd_fdstat_set_flags, Op.fd_fdstat_set_rights, Op.fd_filestat_get, Op.fd_filestat_set_size,
      Op.fd_filestat_set_times, Op.fd_advise, Op.fd_allocate, Op.fd_sync, Op.fd_datasync, Op.fd_readdir,
      Op.fd_prestat_get, Op.fd_prestat_dir_name, Op.fd_renumber, Op.sock_accept, Op.sock_recv, Op.sock_send,
      Op.sock_shutdown,
    ];
    for (const fd of [-1, 999, 0x7fffffff, -0x80000000, 1024]) {
      for (const op of fdOps) {
        expect(await g.call(op, (v) => (v.i32[0] = fd)), `${Op[op]} fd ${fd}`).toBe(Errno.BADF);
      }
    }
    expect(g.kernel.bugs).toEqual([]);
  });

  it('payload lengths outside the channel give EFAULT', async () => {
    g = TestGuest.start({ preopens: [{ path: '/' }] });
    for (const len of [-1, -0x80000000, g.views.data.length + 1, 0x7fffffff]) {
      for (const op of [...PATH_OPS, Op.fd_write, Op.fd_pwrite]) {
        const errno = await g.call(op, (v) => {
          v.i32[0] = op === Op.fd_write || op === Op.fd_pwrite ? 1 : 3;
          v.header[H.IN_LEN] = len;
        });
        expect(errno, `${Op[op]} len ${len}`).toBe(Errno.FAULT);
      }
    }
    const twoPath = await g.call(Op.path_rename, slots([3, 3, 50]), bytes('a'));
    expect(twoPath).toBe(Errno.FAULT);
    expect(await g.call(Op.path_symlink, slots([3, -5]), bytes('ab'))).toBe(Errno.FAULT);
    expect(g.kernel.bugs).toEqual([]);
  });

  it('bad path bytes: invalid UTF-8 EILSEQ, NUL EINVAL, over-long ENAMETOOLONG, empty ENOENT', async () => {
    g = TestGuest.start({ preopens: [{ path: '/' }] });
    const open = (payload: Uint8Array): Promise<number> => g.call(Op.path_open, (v) => (v.i32[0] = 3), payload);
    expect(await open(new Uint8Array([0x66, 0xff, 0xfe]))).toBe(Errno.ILSEQ);
    expect(await open(bytes('a\0b'))).toBe(Errno.INVAL);
    expect(await open(bytes('x'.repeat(5000)))).toBe(Errno.NAMETOOLONG);
    expect(await open(bytes(`${'y'.repeat(300)}/z`))).toBe(Errno.NAMETOOLONG);
    expect(await open(new Uint8Array(0))).toBe(Errno.NOENT);
    expect(await g.call(Op.path_open, slots([3, 0, 0x100]), bytes('a'))).toBe(Errno.INVAL);
    expect(g.kernel.bugs).toEqual([]);
  });

  it('negative and huge sizes in slots fail cleanly', async () => {
    g = TestGuest.start({ preopens: [{ path: '/' }] });
    expect(await g.call(Op.fd_read, (v) => (v.i32[1] = -1))).toBe(Errno.INVAL);
    expect(await g.call(Op.fd_readdir, slots([3, -1]))).toBe(Errno.INVAL);
    expect(await g.call(Op.fd_readdir, slots([3, 0x7fffffff]))).toBe(Errno.SUCCESS);
    expect(g.views.header[H.OUT_LEN]).toBeLessThanOrEqual(g.views.data.length);
    expect(await g.call(Op.fd_seek, slots([3, 9]))).toBe(Errno.INVAL);
    expect(await g.call(Op.fd_allocate, slots([1], [-1n, -1n]))).toBe(Errno.FBIG);
    expect(await g.call(Op.fd_filestat_set_size, slots([1], [-1n]))).toBe(Errno.FBIG);
    expect(await g.call(Op.fd_pread, slots([1, 8], [-1n]))).toBe(Errno.INVAL);
    expect(await g.call(9999)).toBe(Errno.NOSYS);
    expect(await g.call(-3)).toBe(Errno.NOSYS);
    expect(g.kernel.bugs).toEqual([]);
  });

  it('random slots and payloads for every non-blocking opcode answer without a bug', async () => {
    g = TestGuest.start({ preopens: [{ path: '/' }] });
    g.stdin.close();
    const next = rng(12345);
    const skip = new Set<number>([Op.proc_exit, Op.poll_oneoff]);
    const ops = Object.values(Op).filter((o): o is number => typeof o === 'number' && !skip.has(o));
    for (let round = 0; round < 40; round++) {
      for (const op of ops) {
        const payload = new Uint8Array(next() % 64).map(() => next() & 0xff);
        const errno = await g.call(
          op,
          (v) => {
            for (let i = 0; i < 8; i++) v.i32[i] = i === 0 ? next() % 8 : next() | 0;
            for (let i = 0; i < 4; i++) v.i64[i] = BigInt.asIntN(64, (BigInt(next()) << 32n) | BigInt(next()));
            if (next() % 4 === 0) v.header[H.IN_LEN] = next() | 0;
          },
          payload,
        );
        expect(typeof errno).toBe('number');
        if (g.process.state !== 'running') break;
      }
    }
    expect(g.kernel.bugs).toEqual([]);
  });
});
