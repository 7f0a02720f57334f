/**
 * `burrow cp SRC DST`: copies files and directories (recursively) between the host and sandboxes, or between
 * sandboxes; either side may be `ID:/abs/path`. Files stream in both directions; parents are created. A
 * destination that is an existing directory (or ends with `/`) receives the source under its own name. Large
 * files show a progress bar on a terminal's stderr.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, posix } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Burrow, Sandbox } from '@burrow/sdk';
import { ID_RE, UsageError } from './cli-args.js';
import { ProgressBar } from './progress-bar.js';

interface Place {
  sandbox: Sandbox | null;
  path: string;
}

export interface CopyResult {
  files: number;
  bytes: number;
}

/** `ID:/path` is a sandbox path; anything else is a host path. */
function parsePlace(word: string): { id: string | null; path: string } {
  const colon = word.indexOf(':');
  if (colon > 0 && ID_RE.test(word.slice(0, colon))) {
    const path = word.slice(colon + 1);
    if (!path.startsWith('/')) throw new UsageError(`'${word}': a path inside a sandbox is absolute (ID:/abs/path)`);
    return { id: word.slice(0, colon), path };
  }
  return { id: null, path: word };
}

async function kindOf(p: Place): Promise<'file' | 'dir' | 'none'> {
  try {
    if (p.sandbox !== null) return (await p.sandbox.files.stat(p.path)).kind === 'dir' ? 'dir' : 'file';
    return (await stat(p.path)).isDirectory() ? 'dir' : 'file';
  } catch (e) {
    if ((e as { code?: string }).code === 'file_not_found' || (e as { code?: string }).code === 'ENOENT') return 'none';
    throw e;
  }
}

async function listFiles(p: Place): Promise<Array<{ rel: string; dir: boolean }>> {
  if (p.sandbox !== null) {
    const base = p.path.endsWith('/') ? p.path : `${p.path}/`;
    return (await p.sandbox.files.list(p.path, { recursive: true })).map((e) => ({ rel: e.path.slice(base.length), dir: e.kind === 'dir' }));
  }
  const out: Array<{ rel: string; dir: boolean }> = [];
  for (const e of await readdir(p.path, { recursive: true, withFileTypes: true })) {
    const rel = join((e as { parentPath?: string; path?: string }).parentPath ?? e.path, e.name).slice(p.path.replace(/\/+$/, '').length + 1);
    out.push({ rel, dir: e.isDirectory() });
  }
  return out;
}

const joinPath = (p: Place, rel: string): Place => ({ sandbox: p.sandbox, path: p.sandbox === null ? join(p.path, rel) : posix.join(p.path, rel) });

async function copyFile(from: Place, to: Place, bar: ProgressBar | null): Promise<number> {
  let bytes = 0;
  const progress = (done: number, total: number | undefined): void => {
    bytes = done;
    bar?.update(basename(from.path), done, total);
  };
  if (to.sandbox === null) await mkdir(dirname(to.path), { recursive: true });
  let source: AsyncIterable<Uint8Array>;
  let size: number | undefined;
  if (from.sandbox !== null) source = from.sandbox.files.download(from.path, { onProgress: progress });
  else {
    size = (await stat(from.path)).size;
    source = createReadStream(from.path);
  }
  if (to.sandbox !== null) {
    await to.sandbox.files.upload(to.path, source, { ...(size === undefined ? {} : { size }), onProgress: from.sandbox === null ? progress : undefined });
  } else {
    await pipeline(source, createWriteStream(to.path) as Writable);
  }
  bar?.done();
  return bytes;
}

export async function copy(burrow: Burrow, srcWord: string, dstWord: string, progressTo: NodeJS.WritableStream | null): Promise<CopyResult> {
  const s = parsePlace(srcWord);
  const d = parsePlace(dstWord);
  const src: Place = { sandbox: s.id === null ? null : await burrow.get(s.id), path: s.path };
  let dst: Place = { sandbox: d.id === null ? null : s.id === d.id ? src.sandbox : await burrow.get(d.id), path: d.path };
  const srcKind = await kindOf(src);
  if (srcKind === 'none') throw new UsageError(`${srcWord}: no such file or directory`);
  if (d.path.endsWith('/') || (await kindOf(dst)) === 'dir') dst = joinPath(dst, basename(src.path.replace(/\/+$/, '')));
  const bar = progressTo === null ? null : new ProgressBar(progressTo);
  if (srcKind === 'file') return { files: 1, bytes: await copyFile(src, dst, bar) };
  const result: CopyResult = { files: 0, bytes: 0 };
  if (dst.sandbox !== null) await dst.sandbox.files.mkdir(dst.path, { recursive: true });
  else await mkdir(dst.path, { recursive: true });
  for (const e of await listFiles(src)) {
    const to = joinPath(dst, e.rel);
    if (e.dir) {
      if (to.sandbox !== null) await to.sandbox.files.mkdir(to.path, { recursive: true });
      else await mkdir(to.path, { recursive: true });
      continue;
    }
    result.bytes += await copyFile(joinPath(src, e.rel), to, bar);
    result.files++;
  }
  return result;
}
