/**
 * Wire layout of the syscall channel: one SharedArrayBuffer per process, shared by the process's worker
 * (which puts a request and blocks) and its kernel (which answers). Both sides read this file only.
 *
 *   bytes 0..127    Int32 header: state word, opcode, errno, lengths, and I32_ARGS small argument/result slots
 *   bytes 128..255  BigInt64 slots: 64-bit arguments and results (rights, offsets, timestamps)
 *   bytes 256..     payload: request bytes in, reply bytes out (CHANNEL_LIMITS.dataBytes)
 *
 * Protocol: the worker writes op, arguments and payload, sets STATE to REQUEST, bumps the kernel's
 * doorbell and waits on STATE. The kernel answers by writing results, ERRNO and OUT_LEN, then sets STATE to
 * REPLY and notifies. The worker reads the reply and sets STATE back to IDLE. Nothing else writes the buffer.
 */
import { CHANNEL_LIMITS } from './limits.js';

export const HEADER_BYTES = 128;
export const I64_OFFSET = 128;
export const I64_SLOTS = 16;
export const DATA_OFFSET = 256;
export const CHANNEL_BYTES = DATA_OFFSET + CHANNEL_LIMITS.dataBytes;

/** Indices into the Int32 header. */
export const H = Object.freeze({
  STATE: 0,
  OP: 1,
  ERRNO: 2,
  IN_LEN: 3,
  OUT_LEN: 4,
  /** Pages of the guest's linear memory, refreshed by the worker at every call (for accounting). */
  MEM_PAGES: 5,
  /** Set to 1 by the worker just before it enters the guest's code: CPU time is charged from then on. */
  STARTED: 6,
  /** First of the small argument/result slots. */
  ARGS: 8,
});
export const I32_ARGS = 24;

export const State = Object.freeze({ IDLE: 0, REQUEST: 1, REPLY: 2 });

/** Doorbell buffer of a kernel: one counter every worker bumps after posting a request. */
export const DOORBELL_BYTES = 8;

/**
 * Opcodes. WASI preview1 calls keep the spec's names verbatim; Burrow's own calls follow.
 */
export enum Op {
  fd_advise = 1,
  fd_allocate,
  fd_close,
  fd_datasync,
  fd_fdstat_get,
  fd_fdstat_set_flags,
  fd_fdstat_set_rights,
  fd_filestat_get,
  fd_filestat_set_size,
  fd_filestat_set_times,
  fd_pread,
  fd_prestat_get,
  fd_prestat_dir_name,
  fd_pwrite,
  fd_read,
  fd_readdir,
  fd_renumber,
  fd_seek,
  fd_sync,
  fd_tell,
  fd_write,
  path_create_directory,
  path_filestat_get,
  path_filestat_set_times,
  path_link,
  path_open,
  path_readlink,
  path_remove_directory,
  path_rename,
  path_symlink,
  path_unlink_file,
  poll_oneoff,
  proc_exit,
  proc_raise,
  sched_yield,
  clock_time_get,
  clock_res_get,
  sock_accept,
  sock_recv,
  sock_send,
  sock_shutdown,
  /** Burrow: spawn a child process. */
  burrow_spawn = 100,
  burrow_wait,
  burrow_kill,
  burrow_pipe,
  burrow_getpid,
  /** Whole-path system calls of shell sessions: v8-serialized [method, ...args] in, value out. */
  burrow_sys,
}

/** Views over one channel buffer, the same on both sides. */
export interface ChannelViews {
  readonly header: Int32Array;
  /** Small argument/result slots (header[H.ARGS ..]). */
  readonly i32: Int32Array;
  readonly i64: BigInt64Array;
  readonly data: Uint8Array;
}

export function channelViews(sab: SharedArrayBuffer): ChannelViews {
  return {
    header: new Int32Array(sab, 0, HEADER_BYTES / 4),
    i32: new Int32Array(sab, H.ARGS * 4, I32_ARGS),
    i64: new BigInt64Array(sab, I64_OFFSET, I64_SLOTS),
    data: new Uint8Array(sab, DATA_OFFSET, sab.byteLength - DATA_OFFSET),
  };
}
