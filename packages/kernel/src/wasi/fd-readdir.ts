/**
 * fd_readdir: directory entries in WASI's layout, resumable by cookie.
 *
 *   in   i32[0] fd, i32[1] buffer length (at most the payload), i64[0] cookie
 *   out  data: dirents packed back to back, the last one possibly cut short when the buffer is full (as the
 *        spec asks: a full buffer tells the guest to call again); OUT_LEN bytes used;
 *        i32[0] bytes of whole entries, i64[0] the cookie after the last whole entry (the shim continues
 *        from it when the guest's buffer is larger than one payload).
 *
 * A dirent is d_next u64 @0, d_ino u64 @8, d_namlen u32 @16, d_type u8 @20, then the name at 24. Listings
 * start with "." and ".."; cookies are the Vfs's, stable while entries come and go.
 */
import { Errno, H, Op } from '@burrow/protocol';
import { filetypeOf } from '../fd/vfs-descriptor.js';
import { vfsDescriptor } from './common.js';
import type { Handler } from './context.js';

const DIRENT_BYTES = 24;
const encoder = new TextEncoder();

const fd_readdir: Handler = (_env, p) => {
  const v = p.views;
  const desc = vfsDescriptor(p, v.i32[0] as number);
  if (!desc.isDirectory) return Errno.NOTDIR;
  const bufLen = v.i32[1] as number;
  if (bufLen < 0) return Errno.INVAL;
  const cap = Math.min(bufLen, v.data.length);
  let cookie = BigInt.asUintN(64, v.i64[0] as bigint);
  // Every dirent takes at least DIRENT_BYTES + 1 bytes, so this many entries always fill the buffer.
  const entries = desc.vfs.readdir(desc.ino, cookie, Math.floor(cap / (DIRENT_BYTES + 1)) + 1);
  const header = new Uint8Array(DIRENT_BYTES);
  const hv = new DataView(header.buffer);
  let used = 0;
  let whole = 0;
  for (const e of entries) {
    if (used >= cap) break;
    const name = encoder.encode(e.name);
    hv.setBigUint64(0, e.cookie, true);
    hv.setBigUint64(8, BigInt(e.ino), true);
    hv.setUint32(16, name.length, true);
    hv.setUint8(20, filetypeOf(e.kind));
    const room = cap - used;
    v.data.set(header.subarray(0, Math.min(DIRENT_BYTES, room)), used);
    if (room > DIRENT_BYTES) v.data.set(name.subarray(0, Math.min(name.length, room - DIRENT_BYTES)), used + DIRENT_BYTES);
    const size = DIRENT_BYTES + name.length;
    used += Math.min(size, room);
    if (size <= room) {
      whole = used;
      cookie = e.cookie;
    }
  }
  v.header[H.OUT_LEN] = used;
  v.i32[0] = whole;
  v.i64[0] = cookie;
  return Errno.SUCCESS;
};

export const fdReaddirHandlers: ReadonlyArray<readonly [Op, Handler]> = [[Op.fd_readdir, fd_readdir]];
