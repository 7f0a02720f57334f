/**
 * poll_oneoff and blocking reads at the kernel level: sleeping parks on one timer (the handler runs a handful
 * of times, never in a loop), fd readiness wakes a parked poll, every ready subscription is answered, a blocked
 * call changes nothing until it completes, and NONBLOCK answers EAGAIN.
 */
import { Errno, H, Op } from '@burrow/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { syscallCount } from './dispatch.js';
import { pollClockNs } from './poll.js';
import { slots, TestGuest } from './test-guest.js';

const SUB = 48;
const EV = 32;
let g: TestGuest;

afterEach(() => g?.close());

type Sub = { userdata: bigint; clockNs?: bigint; clockId?: number; fd?: number; write?: boolean };

function subs(list: Sub[]): Uint8Array {
  const buf = new Uint8Array(list.length * SUB);
  const dv = new DataView(buf.buffer);
  list.forEach((s, i) => {
    const at = i * SUB;
    dv.setBigUint64(at, s.userdata, true);
    if (s.clockNs !== undefined) {
      dv.setUint8(at + 8, 0);
      dv.setUint32(at + 16, s.clockId ?? 1, true);
      dv.setBigUint64(at + 24, s.clockNs, true);
      dv.setUint16(at + 40, 1, true);
    } else {
      dv.setUint8(at + 8, s.write === true ? 2 : 1);
      dv.setUint32(at + 16, s.fd ?? 0, true);
    }
  });
  return buf;
}

function events(n: number): Array<{ userdata: bigint; error: number; type: number; nbytes: bigint; flags: number }> {
  const dv = new DataView(g.views.data.buffer, g.views.data.byteOffset, n * EV);
  return Array.from({ length: n }, (_, i) => ({
    userdata: dv.getBigUint64(i * EV, true),
    error: dv.getUint16(i * EV + 8, true),
    type: dv.getUint8(i * EV + 10),
    nbytes: dv.getBigUint64(i * EV + 16, true),
    flags: dv.getUint16(i * EV + 24, true),
  }));
}

function poll(list: Sub[]): Promise<number> {
  return g.call(Op.poll_oneoff, (v) => (v.i32[0] = list.length), subs(list));
}

describe('poll_oneoff', () => {
  it('sleeps 200 ms on one timer: the handler runs a few times, not in a loop', async () => {
    g = TestGuest.start();
    const before = syscallCount(g.process);
    const t0 = performance.now();
    expect(await poll([{ userdata: 9n, clockNs: pollClockNs() + 200_000_000n }])).toBe(Errno.SUCCESS);
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(199);
    expect(syscallCount(g.process) - before).toBeLessThanOrEqual(4);
    expect(g.views.i32[0]).toBe(1);
    expect(events(1)[0]).toMatchObject({ userdata: 9n, error: 0, type: 0 });
  });

  it('wakes on fd readiness before a later deadline, with the bytes available', async () => {
    g = TestGuest.start();
    const pending = poll([{ userdata: 1n, fd: 0 }, { userdata: 2n, clockNs: pollClockNs() + 5_000_000_000n }]);
    await new Promise((r) => setTimeout(r, 30));
    expect(g.replied).toBe(false);
    g.stdin.write(new TextEncoder().encode('abc'));
    expect(await pending).toBe(Errno.SUCCESS);
    expect(g.views.i32[0]).toBe(1);
    expect(events(1)[0]).toMatchObject({ userdata: 1n, type: 1, nbytes: 3n, flags: 0 });
  });

  it('answers every ready subscription at once, hangup included', async () => {
    g = TestGuest.start();
    g.stdin.close();
    expect(await poll([{ userdata: 1n, fd: 0 }, { userdata: 2n, fd: 1, write: true }, { userdata: 3n, clockNs: 0n }])).toBe(0);
    const ev = events(g.views.i32[0] as number);
    expect(ev.map((e) => e.userdata).sort()).toEqual([1n, 2n, 3n]);
    expect(ev.find((e) => e.userdata === 1n)?.flags).toBe(1);
  });

  it('rejects zero subscriptions, forged fds, unknown clocks and oversized counts', async () => {
    g = TestGuest.start();
    expect(await poll([])).toBe(Errno.INVAL);
    expect(await poll([{ userdata: 1n, fd: 999 }])).toBe(Errno.BADF);
    expect(await poll([{ userdata: 1n, fd: 0xffffffff }])).toBe(Errno.BADF);
    expect(await poll([{ userdata: 1n, clockNs: 0n, clockId: 7 }])).toBe(Errno.INVAL);
    expect(await g.call(Op.poll_oneoff, (v) => (v.i32[0] = 0x7fffffff), subs([{ userdata: 1n, clockNs: 0n }]))).toBe(
      Errno.FAULT,
    );
    expect(g.kernel.bugs).toEqual([]);
  });
});

describe('blocking reads', () => {
  it('a blocked fd_read consumes nothing until data arrives (restartable)', async () => {
    g = TestGuest.start();
    const pending = g.call(Op.fd_read, (v) => {
      v.i32[0] = 0;
      v.i32[1] = 100;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(g.replied).toBe(false);
    expect(g.stdin.pipe.bytes).toBe(0);
    g.stdin.write(new TextEncoder().encode('hello'));
    expect(await pending).toBe(Errno.SUCCESS);
    expect(new TextDecoder().decode(g.views.data.subarray(0, g.views.header[H.OUT_LEN] as number))).toBe('hello');
  });

  it('NONBLOCK answers EAGAIN; a continuation read answers 0 bytes; neither parks', async () => {
    g = TestGuest.start();
    expect(await g.call(Op.fd_read, slots([0, 10, 1]))).toBe(Errno.SUCCESS);
    expect(g.views.header[H.OUT_LEN]).toBe(0);
    expect(await g.call(Op.fd_fdstat_set_flags, (v) => (v.i32[1] = 4))).toBe(Errno.SUCCESS);
    expect(await g.call(Op.fd_read, (v) => (v.i32[1] = 10))).toBe(Errno.AGAIN);
    expect(await g.call(Op.fd_fdstat_get)).toBe(Errno.SUCCESS);
    expect(g.views.i32[1]).toBe(4);
  });
});
