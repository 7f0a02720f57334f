/**
 * poll_oneoff: waits for the first of several subscriptions (clock deadlines, fd readability or
 * writability) and answers every one that is ready.
 *
 *   in   i32[0] subscription count; data: that many 48-byte WASI subscriptions. The shim rewrites each clock
 *        subscription's timeout into an absolute deadline on the shared clock below (ns since the epoch,
 *        from performance.timeOrigin + performance.now(), which every thread of a process agrees on), so a
 *        re-run of the call after a wake-up waits for the same instant.
 *   out  data: 32-byte WASI events; i32[0] event count, OUT_LEN bytes.
 *
 * Nothing ready: the call parks on every descriptor's onReady and one timer for the earliest deadline; any of
 * them re-runs it from the start. Sleeping therefore costs a timer, never a spinning thread. A closed or
 * forged fd fails the whole call with EBADF and an unknown clock with EINVAL, as wasmtime does.
 */
import { Errno, H, KernelError, Op } from '@burrow/protocol';
import type { Descriptor } from '../fd/descriptor.js';
import { PipeReadEnd, PipeWriteEnd } from '../fd/pipe.js';
import { VfsDescriptor } from '../fd/vfs-descriptor.js';
import type { Handler } from './context.js';

export const SUBSCRIPTION_BYTES = 48;
export const EVENT_BYTES = 32;
const EVENTTYPE_CLOCK = 0;
const EVENTTYPE_FD_READ = 1;
const EVENTTYPE_FD_WRITE = 2;
const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const FDRW_HANGUP = 1;
const TIMER_MS_MAX = 2 ** 31 - 1;

/** Now on the clock poll deadlines use: ns since the epoch, sub-millisecond. */
export function pollClockNs(): bigint {
  return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
}

interface FdSub {
  userdata: bigint;
  type: number;
  desc: Descriptor;
}

interface Ready {
  userdata: bigint;
  type: number;
  nbytes: bigint;
  flags: number;
}

function readiness(s: FdSub): Ready | null {
  const d = s.desc;
  const read = s.type === EVENTTYPE_FD_READ;
  if (!(read ? d.readReady() : d.writeReady())) return null;
  let nbytes = 0n;
  let flags = 0;
  if (d instanceof PipeReadEnd) {
    nbytes = BigInt(d.pipe.bytes);
    if (d.pipe.writers === 0) flags = FDRW_HANGUP;
  } else if (d instanceof PipeWriteEnd) {
    nbytes = BigInt(Math.max(0, d.pipe.capacity - d.pipe.bytes));
    if (d.pipe.readers === 0) flags = FDRW_HANGUP;
  } else if (d instanceof VfsDescriptor && read) {
    nbytes = d.readableBytes();
  }
  return { userdata: s.userdata, type: s.type, nbytes, flags };
}

const poll_oneoff: Handler = (env, p) => {
  const v = p.views;
  const count = v.i32[0] as number;
  if (count <= 0) return Errno.INVAL;
  const inLen = v.header[H.IN_LEN] as number;
  if (count * SUBSCRIPTION_BYTES > Math.min(inLen, v.data.length)) return Errno.FAULT;
  const dv = new DataView(v.data.buffer, v.data.byteOffset, count * SUBSCRIPTION_BYTES);

  const fdSubs: FdSub[] = [];
  const clocks: Array<{ userdata: bigint; deadline: bigint }> = [];
  for (let i = 0; i < count; i++) {
    const at = i * SUBSCRIPTION_BYTES;
    const userdata = dv.getBigUint64(at, true);
    const tag = dv.getUint8(at + 8);
    if (tag === EVENTTYPE_CLOCK) {
      const id = dv.getUint32(at + 16, true);
      if (id !== CLOCK_REALTIME && id !== CLOCK_MONOTONIC) throw new KernelError(Errno.INVAL);
      clocks.push({ userdata, deadline: dv.getBigUint64(at + 24, true) });
    } else if (tag === EVENTTYPE_FD_READ || tag === EVENTTYPE_FD_WRITE) {
      const fd = dv.getUint32(at + 16, true);
      fdSubs.push({ userdata, type: tag, desc: p.fds.get(fd > 0x7fffffff ? -1 : fd).desc });
    } else {
      throw new KernelError(Errno.INVAL);
    }
  }

  const ready: Ready[] = [];
  for (const s of fdSubs) {
    const r = readiness(s);
    if (r !== null) ready.push(r);
  }
  const now = pollClockNs();
  let earliest: bigint | null = null;
  for (const c of clocks) {
    if (c.deadline <= now) ready.push({ userdata: c.userdata, type: EVENTTYPE_CLOCK, nbytes: 0n, flags: 0 });
    else if (earliest === null || c.deadline < earliest) earliest = c.deadline;
  }

  if (ready.length === 0) {
    const wakeAt = earliest;
    return env.park(p, (wake) => {
      for (const s of fdSubs) s.desc.onReady(wake);
      let timer: NodeJS.Timeout | null = null;
      if (wakeAt !== null) {
        // setTimeout takes at most 2^31-1 ms (a longer one fires at once); a later deadline re-arms on waking.
        const ms = Math.min(TIMER_MS_MAX, Math.max(1, Math.ceil(Number(wakeAt - pollClockNs()) / 1e6)));
        timer = setTimeout(wake, ms);
      }
      return () => {
        for (const s of fdSubs) s.desc.offReady(wake);
        if (timer !== null) clearTimeout(timer);
      };
    });
  }

  const out = new DataView(v.data.buffer, v.data.byteOffset, ready.length * EVENT_BYTES);
  ready.forEach((r, i) => {
    const at = i * EVENT_BYTES;
    for (let k = 0; k < EVENT_BYTES; k += 4) out.setUint32(at + k, 0);
    out.setBigUint64(at, r.userdata, true);
    out.setUint16(at + 8, Errno.SUCCESS, true);
    out.setUint8(at + 10, r.type);
    out.setBigUint64(at + 16, r.nbytes, true);
    out.setUint16(at + 24, r.flags, true);
  });
  v.i32[0] = ready.length;
  v.header[H.OUT_LEN] = ready.length * EVENT_BYTES;
  return Errno.SUCCESS;
};

export const pollHandlers: ReadonlyArray<readonly [Op, Handler]> = [[Op.poll_oneoff, poll_oneoff]];
