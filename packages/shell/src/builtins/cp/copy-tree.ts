/**
 * The copying engine of cp (and of mv across devices): files stream through handles in chunks; directories
 * recurse; symlinks are copied as links or followed as told; -p/-a carry modes and times across. Messages
 * are GNU cp's.
 */
import { Errno } from '@burrow/protocol';
import type { FileStat } from '../../sys.js';
import { type Io, isErrno, qa } from '../fs-shared/command.js';

const CHUNK_BYTES = 64 * 1024;

export interface CopyOptions {
  recursive: boolean;
  /** Copy symlinks as symlinks (inside trees, and on the command line when `derefArgs` is false). */
  noDereference: boolean;
  preserve: boolean;
  noClobber: boolean;
  force: boolean;
  verbose: boolean;
}

/** Copy `src` to `dst` (both absolute; names as the user wrote them for messages). */
export async function copyPath(
  io: Io,
  src: { name: string; path: string },
  dst: { name: string; path: string },
  o: CopyOptions,
  topLevel: boolean,
): Promise<boolean> {
  const { sys } = io.ctx;
  io.checkAbort();
  let st: FileStat;
  try {
    st = await sys.stat(src.path, { follow: !(o.noDereference && (o.recursive || !topLevel)) });
  } catch (e) {
    await io.fail(`cannot stat ${qa(src.name)}`, e);
    return false;
  }
  let existing: FileStat | undefined;
  try {
    existing = await sys.stat(dst.path, { follow: false });
  } catch (e) {
    if (!isErrno(e, Errno.NOENT)) throw e;
  }
  if (existing !== undefined && existing.ino === st.ino && st.type !== 'dir') {
    await io.warn(`${qa(src.name)} and ${qa(dst.name)} are the same file`);
    return false;
  }
  if (st.type === 'dir') {
    if (!o.recursive) {
      await io.warn(`-r not specified; omitting directory ${qa(src.name)}`);
      return false;
    }
    if (dst.path === src.path || dst.path.startsWith(`${src.path === '/' ? '' : src.path}/`)) {
      await io.warn(`cannot copy a directory, ${qa(src.name)}, into itself, ${qa(dst.name)}`);
      return false;
    }
    if (existing !== undefined && existing.type !== 'dir') {
      await io.warn(`cannot overwrite non-directory ${qa(dst.name)} with directory ${qa(src.name)}`);
      return false;
    }
    if (existing === undefined) {
      try {
        await sys.mkdir(dst.path, { mode: st.mode | 0o700 });
      } catch (e) {
        await io.fail(`cannot create directory ${qa(dst.name)}`, e);
        return false;
      }
      if (o.verbose) await io.out.text(`${qa(src.name)} -> ${qa(dst.name)}\n`);
    }
    let ok = true;
    for (const entry of await sys.readdir(src.path)) {
      const child = (p: { name: string; path: string }) => ({
        name: p.name.endsWith('/') ? `${p.name}${entry.name}` : `${p.name}/${entry.name}`,
        path: `${p.path === '/' ? '' : p.path}/${entry.name}`,
      });
      if (!(await copyPath(io, child(src), child(dst), o, false))) ok = false;
    }
    await sys.chmod(dst.path, o.preserve || existing === undefined ? st.mode : existing.mode);
    if (o.preserve) await sys.utimes(dst.path, st.atimeMs, st.mtimeMs);
    return ok;
  }
  if (existing !== undefined) {
    if (o.noClobber) return true;
    if (existing.type === 'dir') {
      await io.warn(`cannot overwrite directory ${qa(dst.name)} with non-directory`);
      return false;
    }
  }
  try {
    if (st.type === 'symlink') {
      const target = await sys.readlink(src.path);
      if (existing !== undefined) await sys.unlink(dst.path);
      await sys.symlink(target, dst.path);
    } else {
      await copyFile(io, src.path, dst.path, st, o, existing !== undefined);
    }
  } catch (e) {
    await io.fail(`cannot create regular file ${qa(dst.name)}`, e);
    return false;
  }
  if (o.verbose) await io.out.text(`${qa(src.name)} -> ${qa(dst.name)}\n`);
  return true;
}

async function copyFile(
  io: Io,
  from: string,
  to: string,
  st: FileStat,
  o: CopyOptions,
  exists: boolean,
): Promise<void> {
  const { sys } = io.ctx;
  const input = await sys.open(from, { read: true });
  try {
    let output: Awaited<ReturnType<typeof sys.open>>;
    try {
      output = await sys.open(to, { write: true, create: true, truncate: true, mode: st.mode & 0o777 });
    } catch (e) {
      // -f: an existing destination that cannot be opened is removed and created anew.
      if (!(o.force && exists)) throw e;
      await sys.unlink(to);
      output = await sys.open(to, { write: true, create: true, truncate: true, mode: st.mode & 0o777 });
    }
    try {
      for (let chunk = await input.read(CHUNK_BYTES); chunk.length > 0; chunk = await input.read(CHUNK_BYTES)) {
        io.checkAbort();
        await output.write(chunk);
      }
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
  if (o.preserve) {
    await sys.chmod(to, st.mode);
    await sys.utimes(to, st.atimeMs, st.mtimeMs);
  }
}
