/**
 * tar -t and -x over a whole archive in memory. Members are selected by the operands (a name selects itself and
 * everything below it), filtered by --exclude, renamed by --strip-components (extraction only, as GNU does), and
 * written below -C. Extraction never leaves that directory through a member name: leading `/` is removed and
 * names with a `..` component are refused. Files replace what is in their way (unlinked first, so a symlink is
 * never written through) unless -k; directory modes and times are set after all members, so a read-only or
 * time-stamped directory can still be filled first.
 */
import { Errno } from '@burrow/protocol';
import type { FileStat } from '../../sys.js';
import { isErrno } from '../fs-shared/command.js';
import { modeString, strftime } from '../fs-shared/format.js';
import { verboseLine } from './tar-create.js';
import { type ReadMember, readMembers, type TarMember } from './tar-header.js';
import { isExcluded, relativeName, type TarRun, tarError, tarFail } from './tar-run.js';

interface ExtractState {
  run: TarRun;
  archive: Uint8Array;
  selected: readonly string[];
  found: Set<string>;
  /** Directories whose mode and time are applied at the end, deepest last-created first. */
  delayed: Array<{ path: string; mode: number; mtimeMs: number }>;
  /** Width of GNU's owner/group/size column, which only grows. */
  ugsWidth: number;
}

/** List or extract every selected member of an uncompressed archive. */
export async function readArchive(run: TarRun, archive: Uint8Array, selected: readonly string[]): Promise<void> {
  const state: ExtractState = { run, archive, selected, found: new Set(), delayed: [], ugsWidth: 19 };
  for (const entry of readMembers(archive)) {
    run.io.checkAbort();
    const match = selectedBy(selected, entry.member.name);
    if (selected.length > 0 && match === undefined) continue;
    if (match !== undefined) state.found.add(match);
    if (isExcluded(run, entry.member.name)) continue;
    if (run.mode === 'list') await listMember(state, entry.member);
    else await extractMember(state, entry);
  }
  for (const d of state.delayed.reverse()) {
    const { sys } = run.io.ctx;
    await sys.chmod(d.path, d.mode).catch(() => undefined);
    if (!run.touch) await sys.utimes(d.path, d.mtimeMs, d.mtimeMs).catch(() => undefined);
  }
  for (const name of selected) {
    if (!state.found.has(name)) await tarError(run, `${name}: Not found in archive`);
  }
}

function selectedBy(selected: readonly string[], name: string): string | undefined {
  const clean = name.replace(/\/+$/u, '');
  return selected.find((s) => {
    const want = s.replace(/\/+$/u, '');
    return clean === want || clean.startsWith(`${want}/`);
  });
}

async function listMember(state: ExtractState, m: TarMember): Promise<void> {
  const { run } = state;
  if (!run.verbose) {
    await run.io.out.text(`${m.name}\n`);
    return;
  }
  const ug = `${m.uname === '' ? m.uid : m.uname}/${m.gname === '' ? m.gid : m.gname}`;
  const size = String(m.type === 'file' ? m.size : 0);
  state.ugsWidth = Math.max(state.ugsWidth, ug.length + 1 + size.length);
  const ugs = `${ug} ${size.padStart(state.ugsWidth - ug.length - 1)}`;
  const type = m.type === 'hardlink' ? 'h' : m.type === 'symlink' ? 'l' : m.type === 'dir' ? 'd' : '-';
  const mode = type + modeString('file', m.mode).slice(1);
  const suffix = m.type === 'symlink' ? ` -> ${m.linkName}` : m.type === 'hardlink' ? ` link to ${m.linkName}` : '';
  await run.io.out.text(`${mode} ${ugs} ${strftime('%Y-%m-%d %H:%M', m.mtimeMs)} ${m.name}${suffix}\n`);
}

/** The member name after `/` removal and --strip-components; undefined when nothing is left or it is unsafe. */
async function targetName(state: ExtractState, name: string): Promise<string | undefined> {
  const { run } = state;
  const relative = await relativeName(run, name);
  const parts = relative.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) {
    await tarError(run, `${name}: Member name contains '..'`);
    return undefined;
  }
  const kept = parts.slice(run.stripComponents);
  return kept.length === 0 ? undefined : kept.join('/');
}

function destination(run: TarRun, name: string): string {
  return `${run.directory === '/' ? '' : run.directory}/${name}`;
}

async function extractMember(state: ExtractState, entry: ReadMember): Promise<void> {
  const { run } = state;
  const m = entry.member;
  const data = state.archive.subarray(entry.dataOffset, entry.dataOffset + (m.type === 'file' ? m.size : 0));
  if (run.toStdout) {
    if (m.type !== 'file') return;
    if (run.verbose) await verboseLine(run, m.name);
    await run.io.out.bytes(data);
    return;
  }
  const name = await targetName(state, m.name);
  if (name === undefined) return;
  if (run.verbose) await verboseLine(run, m.name);
  const path = destination(run, name);
  const { sys } = run.io.ctx;
  if (!(await makeParents(state, path, name))) return;
  if (m.type === 'dir') {
    let existing: FileStat | undefined;
    try {
      existing = await sys.stat(path);
    } catch (e) {
      if (!isErrno(e, Errno.NOENT)) throw e;
    }
    if (existing === undefined) {
      try {
        await sys.mkdir(path, { mode: 0o700 | m.mode });
      } catch (e) {
        await tarFail(run, name, 'Cannot mkdir', e);
        return;
      }
    } else if (existing.type !== 'dir') {
      await tarFail(run, name, 'Cannot mkdir', new Error('File exists'));
      return;
    }
    state.delayed.push({ path, mode: m.mode, mtimeMs: m.mtimeMs });
    return;
  }
  if (!(await clearWay(state, path, name))) return;
  try {
    if (m.type === 'symlink') await sys.symlink(m.linkName, path);
    else if (m.type === 'hardlink') {
      const target = await targetName(state, m.linkName);
      if (target === undefined) return;
      await sys.link(destination(run, target), path);
    } else {
      if (m.type === 'other') await run.io.warn(`${name}: Unknown file type '${m.typeflag}', extracted as normal file`);
      await sys.writeFile(path, data, { mode: m.mode });
      await sys.chmod(path, m.mode);
      if (!run.touch) await sys.utimes(path, m.mtimeMs, m.mtimeMs);
    }
  } catch (e) {
    const what =
      m.type === 'symlink'
        ? `Cannot create symlink to \u2018${m.linkName}\u2019`
        : m.type === 'hardlink'
          ? `Cannot hard link to \u2018${m.linkName}\u2019`
          : 'Cannot open';
    await tarFail(run, name, what, e);
  }
}

/** Remove what stands at `path` so a member can take its place; false when -k keeps it or it cannot go. */
async function clearWay(state: ExtractState, path: string, name: string): Promise<boolean> {
  const { run } = state;
  const { sys } = run.io.ctx;
  let existing: FileStat;
  try {
    existing = await sys.stat(path, { follow: false });
  } catch (e) {
    if (isErrno(e, Errno.NOENT)) return true;
    throw e;
  }
  if (run.keepOld) {
    await tarFail(run, name, 'Cannot open', new Error('File exists'));
    return false;
  }
  try {
    if (existing.type === 'dir') await sys.rmdir(path);
    else await sys.unlink(path);
    return true;
  } catch (e) {
    await tarFail(run, name, 'Cannot unlink', e);
    return false;
  }
}

/** Create missing parent directories of `path` below -C (GNU creates them with default modes). */
async function makeParents(state: ExtractState, path: string, name: string): Promise<boolean> {
  const { run } = state;
  const { sys } = run.io.ctx;
  const parts = name.split('/').slice(0, -1);
  let dir = run.directory === '/' ? '' : run.directory;
  for (const part of parts) {
    dir = `${dir}/${part}`;
    try {
      const st = await sys.stat(dir);
      if (st.type === 'dir') continue;
      await tarFail(run, name, 'Cannot open', new Error('Not a directory'));
      return false;
    } catch (e) {
      if (!isErrno(e, Errno.NOENT)) {
        await tarFail(run, name, 'Cannot open', e);
        return false;
      }
    }
    try {
      await sys.mkdir(dir, { mode: 0o755 });
    } catch (e) {
      await tarFail(run, dir.slice(run.directory.length + 1), 'Cannot mkdir', e);
      return false;
    }
  }
  return path !== '';
}
