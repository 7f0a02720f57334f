/**
 * zip: add files to a zip archive as Info-ZIP's zip does: `zip [-rqjy0-9] ARCHIVE[.zip] FILE…`. An existing
 * archive is updated (entries of the same name replaced in place, new ones appended). Directories are stored as
 * `dir/` entries and recursed into with -r; symlinks are followed unless -y stores them as links. Each entry is
 * deflated at the chosen level (6 by default) or stored when deflating does not make it smaller. Messages
 * (`  adding: NAME (deflated N%)`, `zip warning: name not matched`, `Nothing to do!`) and statuses (12 for
 * nothing to do, 15 for an unwritable archive, 16 for bad options) are Info-ZIP's.
 */
import { type DeflateOptions, deflateSync } from 'fflate';
import type { FileStat } from '../../sys.js';
import { absolute, type Io, runCommand } from '../fs-shared/command.js';
import { parseOptions } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';
import { errnoText } from '../tar/tar-run.js';
import {
  entryData,
  type NewEntry,
  readEntries,
  S_IFDIR,
  S_IFLNK,
  S_IFREG,
  savedPercent,
  writeArchive,
  ZipFormatError,
} from './zip-format.js';

interface ZipRun {
  io: Io;
  recursive: boolean;
  quiet: boolean;
  junkPaths: boolean;
  symlinks: boolean;
  level: number;
  entries: NewEntry[];
  /** Names present before this run, to say `updating:` rather than `adding:`. */
  existing: Set<string>;
  archivePath: string;
}

const EXIT_NOTHING = 12;
const EXIT_WRITE = 15;
const EXIT_USAGE = 16;
const EXIT_OPEN = 18;

export const zip: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = parseOptions(ctx.argv.slice(1), {
      short: 'rqjy0123456789',
      long: {
        recurse: { key: 'r' },
        'recurse-paths': { key: 'r' },
        quiet: { key: 'q' },
        'junk-paths': { key: 'j' },
        symlinks: { key: 'y' },
      },
    });
    if (!parsed.ok) {
      await io.ctx.stderr.write(new TextEncoder().encode(`zip error: Invalid command arguments (${parsed.error})\n`));
      return EXIT_USAGE;
    }
    const [archiveName, ...names] = parsed.operands;
    if (archiveName === undefined) {
      await io.ctx.stderr.write(new TextEncoder().encode('zip error: Invalid command arguments (nothing to select from)\n'));
      return EXIT_USAGE;
    }
    const archive = /\.[^/]*$/u.test(archiveName) ? archiveName : `${archiveName}.zip`;
    const run: ZipRun = {
      io,
      recursive: false,
      quiet: false,
      junkPaths: false,
      symlinks: false,
      level: 6,
      entries: [],
      existing: new Set(),
      archivePath: resolvePath(ctx.cwd, archive),
    };
    for (const { key } of parsed.options) {
      if (key === 'r') run.recursive = true;
      else if (key === 'q') run.quiet = true;
      else if (key === 'j') run.junkPaths = true;
      else if (key === 'y') run.symlinks = true;
      else run.level = Number(key);
    }
    try {
      const old = await ctx.sys.readFile(run.archivePath);
      for (const e of readEntries(old)) {
        run.entries.push({ name: e.name, data: entryData(old, e), unixMode: e.unixMode, mtimeMs: e.mtimeMs, level: e.method === 0 ? 0 : 6 });
        run.existing.add(e.name);
      }
    } catch (e) {
      if (e instanceof ZipFormatError) {
        await io.ctx.stderr.write(new TextEncoder().encode(`\nzip error: Zip file structure invalid (${archive})\n`));
        return 3;
      }
    }
    let matched = 0;
    for (const name of names) {
      io.checkAbort();
      if (await addPath(run, name, absolute(ctx.cwd, name), true)) matched++;
    }
    if (matched === 0) {
      await io.ctx.stderr.write(new TextEncoder().encode(`\nzip error: Nothing to do! (${archive})\n`));
      return EXIT_NOTHING;
    }
    try {
      await ctx.sys.writeFile(run.archivePath, writeArchive(run.entries));
    } catch (e) {
      await io.ctx.stderr.write(
        new TextEncoder().encode(`zip I/O error: ${errnoText(e)}\n\nzip error: Could not create output file (${archive})\n`),
      );
      return EXIT_WRITE;
    }
    return matched === names.length ? 0 : EXIT_OPEN;
  });

async function warn(run: ZipRun, message: string): Promise<void> {
  await run.io.ctx.stderr.write(new TextEncoder().encode(`\tzip warning: ${message}\n`));
}

/** Add one path (recursing with -r); false when it does not exist. */
async function addPath(run: ZipRun, name: string, path: string, topLevel: boolean): Promise<boolean> {
  const { sys } = run.io.ctx;
  let st: FileStat;
  try {
    st = await sys.stat(path, { follow: !run.symlinks });
  } catch {
    if (topLevel) await warn(run, `name not matched: ${name}`);
    else await warn(run, `could not open for reading: ${name}`);
    return false;
  }
  if (path === run.archivePath) return true;
  let entryName = name.replace(/^(\.\/)+/u, '').replace(/^\/+/u, '');
  if (run.junkPaths) entryName = entryName.slice(entryName.lastIndexOf('/') + 1);
  if (st.type === 'dir') {
    if (!run.junkPaths) await addEntry(run, `${entryName.replace(/\/+$/u, '')}/`, new Uint8Array(0), S_IFDIR | st.mode, st, 0);
    if (!run.recursive) return true;
    for (const entry of await sys.readdir(path)) {
      run.io.checkAbort();
      const childName = name.endsWith('/') ? `${name}${entry.name}` : `${name}/${entry.name}`;
      await addPath(run, childName, `${path === '/' ? '' : path}/${entry.name}`, false);
    }
    return true;
  }
  if (st.type === 'symlink') {
    const target = new TextEncoder().encode(await sys.readlink(path));
    await addEntry(run, entryName, target, S_IFLNK | 0o777, st, 0);
    return true;
  }
  let data: Uint8Array;
  try {
    data = await sys.readFile(path);
  } catch (e) {
    await warn(run, `could not open for reading: ${name}: ${errnoText(e)}`);
    return false;
  }
  await addEntry(run, entryName, data, S_IFREG | st.mode, st, run.level);
  return true;
}

async function addEntry(run: ZipRun, name: string, data: Uint8Array, unixMode: number, st: FileStat, level: number): Promise<void> {
  let stored = level === 0 || data.length === 0;
  let percent = 0;
  if (!stored) {
    const deflated = deflateSync(data, { level: Math.min(9, Math.max(1, level)) as DeflateOptions['level'] });
    percent = savedPercent(data.length, deflated.length);
    stored = deflated.length >= data.length;
  }
  const entry: NewEntry = { name, data, unixMode, mtimeMs: st.mtimeMs, level: stored ? 0 : level };
  const at = run.entries.findIndex((e) => e.name === name);
  if (at === -1) run.entries.push(entry);
  else run.entries[at] = entry;
  if (run.quiet) return;
  const verb = run.existing.has(name) ? 'updating' : '  adding';
  await run.io.out.text(`${verb}: ${name} (${stored ? 'stored 0' : `deflated ${percent}`}%)\n`);
}
