/**
 * tar -c: walk the operands (relative to -C) in readdir order, a directory before its contents as GNU tar does
 * with its default `--sort=none`, and append a header plus data for each file. Symlinks are stored as links
 * unless -h; a file whose link count is above one and whose inode was already stored becomes a hard-link member.
 * The archive being written is never stored into itself. The archive is assembled in memory and written once.
 */
import { gzipSync } from 'node:zlib';
import type { FileStat } from '../../sys.js';
import { resolvePath } from '../io.js';
import { SYSTEM_IDENTITY } from '../fs-shared/system-identity.js';
import { BLOCK_BYTES, encodeHeader, padded, RECORD_BYTES, type TarMember } from './tar-header.js';
import { isExcluded, relativeName, type TarRun, tarFail } from './tar-run.js';

interface CreateState {
  run: TarRun;
  chunks: Uint8Array[];
  size: number;
  /** Inode → first member name, for files with more than one link. */
  links: Map<number, string>;
  /** Inode of the archive file itself, when it is a file. */
  archiveIno: number | undefined;
}

/** Build the archive bytes (compressed with -z) of `operands`. */
export async function createArchive(
  run: TarRun,
  operands: readonly string[],
  archiveIno: number | undefined,
): Promise<Uint8Array> {
  const state: CreateState = { run, chunks: [], size: 0, links: new Map(), archiveIno };
  for (const operand of operands) {
    run.io.checkAbort();
    const member = await relativeName(run, normalizeOperand(operand));
    await addPath(state, resolvePath(run.directory, operand), member, true);
  }
  const end = padded(state.size + 2 * BLOCK_BYTES);
  const total = Math.ceil(end / RECORD_BYTES) * RECORD_BYTES;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of state.chunks) {
    out.set(c, at);
    at += c.length;
  }
  return run.gzip ? new Uint8Array(gzipSync(out)) : out;
}

/** `d//x/` → `d/x`: GNU collapses repeated slashes and drops a trailing one from operands. */
function normalizeOperand(operand: string): string {
  const collapsed = operand.replace(/\/{2,}/gu, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/u, '') : collapsed;
}

function push(state: CreateState, bytes: Uint8Array): void {
  state.chunks.push(bytes);
  state.size += bytes.length;
}

async function addPath(state: CreateState, path: string, name: string, topLevel: boolean): Promise<void> {
  const { run } = state;
  const { sys } = run.io.ctx;
  if (isExcluded(run, name)) return;
  let st: FileStat;
  try {
    st = await sys.stat(path, { follow: run.dereference });
  } catch (e) {
    await tarFail(run, name, topLevel ? 'Cannot stat' : 'Cannot stat', e);
    return;
  }
  if (state.archiveIno !== undefined && st.ino === state.archiveIno && st.type === 'file') {
    await run.io.warn(`${name}: file is the archive; not dumped`);
    return;
  }
  const base: TarMember = {
    name,
    type: 'file',
    mode: st.mode,
    uid: SYSTEM_IDENTITY.uid,
    gid: SYSTEM_IDENTITY.gid,
    uname: SYSTEM_IDENTITY.user,
    gname: SYSTEM_IDENTITY.group,
    size: 0,
    mtimeMs: st.mtimeMs,
    linkName: '',
    typeflag: '0',
  };
  if (st.type === 'dir') {
    const dirName = name.endsWith('/') ? name : `${name}/`;
    await emit(state, { ...base, name: dirName, type: 'dir' });
    let entries: Awaited<ReturnType<typeof sys.readdir>>;
    try {
      entries = await sys.readdir(path);
    } catch (e) {
      await tarFail(run, name, 'Cannot open', e);
      return;
    }
    for (const entry of entries) {
      run.io.checkAbort();
      const childName = name === '.' || name === './' ? `./${entry.name}` : `${dirName}${entry.name}`;
      await addPath(state, `${path === '/' ? '' : path}/${entry.name}`, childName, false);
    }
    return;
  }
  if (st.type === 'symlink') {
    let target: string;
    try {
      target = await sys.readlink(path);
    } catch (e) {
      await tarFail(run, name, 'Cannot readlink', e);
      return;
    }
    await emit(state, { ...base, type: 'symlink', linkName: target });
    return;
  }
  if (st.type !== 'file') {
    await run.io.warn(`${name}: socket ignored`);
    return;
  }
  if (st.nlink > 1) {
    const first = state.links.get(st.ino);
    if (first !== undefined) {
      await emit(state, { ...base, type: 'hardlink', linkName: first });
      return;
    }
    state.links.set(st.ino, name);
  }
  let data: Uint8Array;
  try {
    data = await sys.readFile(path);
  } catch (e) {
    await tarFail(run, name, 'Cannot open', e);
    return;
  }
  await emit(state, { ...base, size: data.length }, data);
}

async function emit(state: CreateState, member: TarMember, data?: Uint8Array): Promise<void> {
  push(state, encodeHeader(member));
  if (data !== undefined && data.length > 0) {
    const block = new Uint8Array(padded(data.length));
    block.set(data);
    push(state, block);
  }
  if (state.run.verbose) await verboseLine(state.run, member.name);
}

/** -v names go to stdout, or to stderr when the archive itself is written to stdout. */
export async function verboseLine(run: TarRun, line: string): Promise<void> {
  if (run.archive === '-' && run.mode === 'create') await run.io.ctx.stderr.write(new TextEncoder().encode(`${line}\n`));
  else if (run.toStdout) await run.io.ctx.stderr.write(new TextEncoder().encode(`${line}\n`));
  else await run.io.out.text(`${line}\n`);
}
