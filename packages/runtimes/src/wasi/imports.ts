/**
 * The `wasi_snapshot_preview1` import object of one process: every preview1 function, each wrapped so a bad
 * guest pointer answers EFAULT. Functions not implemented by a family answer ENOSYS.
 */
import { Errno } from '@burrow/protocol';
import { argsImports } from './args.js';
import { clockImports } from './clock.js';
import { fdImports } from './fd.js';
import { fdMetaImports } from './fd-meta.js';
import { Fault } from './guest-memory.js';
import { pathImports } from './path.js';
import { pollImports } from './poll.js';
import { procImports } from './proc.js';
import { procRaiseImports } from './proc-raise.js';
import type { ImportFn, ShimContext } from './shim-context.js';
import { sockImports } from './sock.js';

export const PREVIEW1_FUNCTIONS = [
  'args_get', 'args_sizes_get', 'environ_get', 'environ_sizes_get', 'clock_res_get', 'clock_time_get',
  'fd_advise', 'fd_allocate', 'fd_close', 'fd_datasync', 'fd_fdstat_get', 'fd_fdstat_set_flags',
  'fd_fdstat_set_rights', 'fd_filestat_get', 'fd_filestat_set_size', 'fd_filestat_set_times', 'fd_pread',
  'fd_prestat_get', 'fd_prestat_dir_name', 'fd_pwrite', 'fd_read', 'fd_readdir', 'fd_renumber', 'fd_seek',
  'fd_sync', 'fd_tell', 'fd_write', 'path_create_directory', 'path_filestat_get', 'path_filestat_set_times',
  'path_link', 'path_open', 'path_readlink', 'path_remove_directory', 'path_rename', 'path_symlink',
  'path_unlink_file', 'poll_oneoff', 'proc_exit', 'proc_raise', 'sched_yield', 'random_get', 'sock_accept',
  'sock_recv', 'sock_send', 'sock_shutdown',
] as const;

type Family = (ctx: ShimContext) => Record<string, ImportFn>;
const families: Family[] = [
  argsImports,
  clockImports,
  fdImports,
  fdMetaImports,
  pathImports,
  pollImports,
  procImports,
  procRaiseImports,
  sockImports,
];

/** Adds a family of shims (written in its own file). */
export function registerFamily(family: Family): void {
  families.push(family);
}

export function wasiImports(ctx: ShimContext): Record<string, (...args: never[]) => unknown> {
  const impl: Record<string, ImportFn> = {};
  for (const f of families) Object.assign(impl, f(ctx));
  const out: Record<string, (...args: never[]) => unknown> = {};
  for (const name of PREVIEW1_FUNCTIONS) {
    const fn = impl[name];
    if (fn === undefined) {
      out[name] = () => Errno.NOSYS;
      continue;
    }
    out[name] = (...args: never[]) => {
      try {
        return fn(...args);
      } catch (e) {
        if (e instanceof Fault) return Errno.FAULT;
        throw e;
      }
    };
  }
  return out;
}
