/**
 * canonicalize_filename_mode as realpath and readlink use it: resolve symlinks, `.` and `..` component by
 * component through Sys. Modes: `existing` (every component exists), `allButLast` (the last may be missing),
 * `missing` (nothing need exist; missing parts are kept lexically). Paths given are absolute.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { Sys } from '../../sys.js';
import { isErrno } from './command.js';

export type CanonMode = 'existing' | 'allButLast' | 'missing';

const SYMLINK_HOPS_MAX = 40;

export async function canonicalize(sys: Sys, path: string, mode: CanonMode): Promise<string> {
  const pending = path.split('/').filter((p) => p !== '' && p !== '.');
  const done: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const name = pending.shift() ?? '';
    if (name === '..') {
      done.pop();
      continue;
    }
    const candidate = `/${[...done, name].join('/')}`;
    let type: string;
    try {
      type = (await sys.stat(candidate, { follow: false })).type;
    } catch (e) {
      if (!isErrno(e, Errno.NOENT)) throw e;
      if (mode === 'existing' || (mode === 'allButLast' && pending.length > 0)) throw e;
      done.push(name);
      continue;
    }
    if (type === 'symlink') {
      if (++hops > SYMLINK_HOPS_MAX) throw new KernelError(Errno.LOOP);
      const target = await sys.readlink(candidate);
      if (target.startsWith('/')) done.length = 0;
      pending.unshift(...target.split('/').filter((p) => p !== '' && p !== '.'));
      continue;
    }
    if (type !== 'dir' && pending.length > 0 && mode !== 'missing') throw new KernelError(Errno.NOTDIR);
    done.push(name);
  }
  return `/${done.join('/')}`;
}
