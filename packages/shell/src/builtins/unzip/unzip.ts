/**
 * unzip: list (-l), extract (into -d DIR, or the cwd) or print (-p) the entries of a zip archive, optionally only
 * those matching the operands (shell wildcards). An existing file is replaced with -o, kept with -n, and otherwise
 * asked about on stderr with Info-ZIP's prompt, reading the answer from stdin (end of input means "None"). Modes
 * and times are restored from Unix archives; -j drops directory parts. Entry names never leave the target
 * directory: leading `/` and `..` components are removed. Output lines and statuses (1 warning, 9 no archive,
 * 11 nothing matched) are Info-ZIP unzip 6.0's.
 */
import { Errno } from '@burrow/protocol';
import type { FileStat } from '../../sys.js';
import { fnmatch } from '../../pattern/fnmatch.js';
import { type Io, isErrno, runCommand } from '../fs-shared/command.js';
import { has, last, parseOptions } from '../fs-shared/parse-options.js';
import { strftime } from '../fs-shared/format.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';
import { errnoText } from '../tar/tar-run.js';
import { entryData, entryKind, readEntries, type ZipEntry, ZipFormatError } from '../zip/zip-format.js';

interface UnzipRun {
  io: Io;
  archive: Uint8Array;
  quiet: boolean;
  junkPaths: boolean;
  overwrite: 'always' | 'never' | 'ask';
  directory: string;
  warned: boolean;
}

const EXIT_WARNING = 1;
const EXIT_NO_ARCHIVE = 9;
const EXIT_USAGE = 10;
const EXIT_NO_MATCH = 11;
const encoder = new TextEncoder();

export const unzip: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = parseOptions(ctx.argv.slice(1), { short: 'lonqd:pj' });
    if (!parsed.ok) {
      await stderr(io, `unzip:  ${parsed.error}\n`);
      return EXIT_USAGE;
    }
    const o = parsed.options;
    const [name, ...patterns] = parsed.operands;
    if (name === undefined) {
      await stderr(io, 'UnZip 6.00: usage: unzip [-Z] [-opts[modifiers]] file[.zip] [list] [-x xlist] [-d exdir]\n');
      return 0;
    }
    const loaded = await load(io, name);
    if (typeof loaded === 'number') return loaded;
    const quiet = has(o, 'q') || has(o, 'p');
    if (!quiet) await io.out.text(`Archive:  ${name}\n`);
    if (loaded.entries === undefined) return EXIT_NO_ARCHIVE;
    const matched = new Set<string>();
    const chosen = loaded.entries.filter((e) => {
      if (patterns.length === 0) return true;
      const hit = patterns.find((p) => fnmatch(p, e.name));
      if (hit !== undefined) matched.add(hit);
      return hit !== undefined;
    });
    const run: UnzipRun = {
      io,
      archive: loaded.bytes,
      quiet,
      junkPaths: has(o, 'j'),
      overwrite: has(o, 'o') ? 'always' : has(o, 'n') ? 'never' : 'ask',
      directory: resolvePath(ctx.cwd, last(o, 'd') ?? '.'),
      warned: false,
    };
    if (has(o, 'l')) await list(io, chosen);
    else if (has(o, 'p')) {
      for (const e of chosen) if (entryKind(e) === 'file') await io.out.bytes(entryData(run.archive, e));
    } else {
      for (const e of chosen) {
        io.checkAbort();
        if (!(await extract(run, e))) break;
      }
    }
    const unmatched = patterns.filter((p) => !matched.has(p));
    if (unmatched.length > 0) {
      await io.out.flush();
      for (const p of unmatched) await stderr(io, `caution: filename not matched:  ${p}\n`);
      return EXIT_NO_MATCH;
    }
    return run.warned ? EXIT_WARNING : 0;
  });

function stderr(io: Io, text: string): Promise<void> {
  return io.ctx.stderr.write(encoder.encode(text)).catch(() => undefined);
}

/** The archive's bytes and entries (entries undefined after the "not a zipfile" message), or an exit status. */
async function load(io: Io, name: string): Promise<{ bytes: Uint8Array; entries: ZipEntry[] | undefined } | number> {
  let bytes: Uint8Array | undefined;
  for (const candidate of [name, `${name}.zip`]) {
    try {
      bytes = await io.ctx.sys.readFile(resolvePath(io.ctx.cwd, candidate));
      break;
    } catch {
      // Info-ZIP tries NAME, then NAME.zip.
    }
  }
  if (bytes === undefined) {
    await stderr(io, `unzip:  cannot find or open ${name}, ${name}.zip or ${name}.ZIP.\n`);
    return EXIT_NO_ARCHIVE;
  }
  try {
    return { bytes, entries: readEntries(bytes) };
  } catch (e) {
    if (!(e instanceof ZipFormatError)) throw e;
    await io.out.flush();
    await stderr(
      io,
      '  End-of-central-directory signature not found.  Either this file is not\n' +
        '  a zipfile, or it constitutes one disk of a multi-part archive.  In the\n' +
        '  latter case the central directory and zipfile comment will be found on\n' +
        '  the last disk(s) of this archive.\n' +
        `unzip:  cannot find zipfile directory in one of ${name} or\n` +
        `        ${name}.zip, and cannot find ${name}.ZIP, period.\n`,
    );
    return { bytes, entries: undefined };
  }
}

async function list(io: Io, entries: readonly ZipEntry[]): Promise<void> {
  await io.out.text('  Length      Date    Time    Name\n---------  ---------- -----   ----\n');
  let total = 0;
  for (const e of entries) {
    total += e.size;
    await io.out.text(`${String(e.size).padStart(9)}  ${strftime('%Y-%m-%d %H:%M', e.mtimeMs)}   ${e.name}\n`);
  }
  const count = `${entries.length} file${entries.length === 1 ? '' : 's'}`;
  await io.out.text(`---------                     -------\n${String(total).padStart(9)}                     ${count}\n`);
}

/** The entry's path below the target directory with `/` and `..` removed; undefined when nothing is left. */
function safeName(run: UnzipRun, name: string): string | undefined {
  let parts = name.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  if (run.junkPaths) parts = parts.slice(-1);
  return parts.length === 0 ? undefined : parts.join('/');
}

/** Extract one entry; false when the user answered "None" and extraction of existing files stops. */
async function extract(run: UnzipRun, e: ZipEntry): Promise<boolean> {
  const { io } = run;
  const { sys } = io.ctx;
  const kind = entryKind(e);
  if (kind === 'dir' && run.junkPaths) return true;
  const name = safeName(run, e.name);
  if (name === undefined) return true;
  const shown = run.directory === resolvePath(io.ctx.cwd, '.') ? name : `${relativeDir(run)}${name}`;
  const path = `${run.directory === '/' ? '' : run.directory}/${name}`;
  await makeDirs(run, path.slice(0, path.lastIndexOf('/')));
  const mode = e.unixMode & 0o7777;
  if (kind === 'dir') {
    try {
      await sys.mkdir(path, { mode: mode === 0 ? 0o755 : mode });
      if (!run.quiet) await io.out.text(`   creating: ${shown}/\n`);
    } catch (err) {
      if (!isErrno(err, Errno.EXIST)) await fail(run, shown, err);
    }
    return true;
  }
  let existing: FileStat | undefined;
  try {
    existing = await sys.stat(path, { follow: false });
  } catch (err) {
    if (!isErrno(err, Errno.NOENT)) throw err;
  }
  if (existing !== undefined) {
    if (run.overwrite === 'never') return true;
    if (run.overwrite === 'ask') {
      const answer = await ask(run, shown);
      if (answer === 'none') {
        run.overwrite = 'never';
        run.warned = true;
        return true;
      }
      if (answer === 'no') return true;
      if (answer === 'all') run.overwrite = 'always';
    }
  }
  let data: Uint8Array;
  try {
    data = entryData(run.archive, e);
  } catch (err) {
    if (!(err instanceof ZipFormatError)) throw err;
    await stderr(io, `  error:  invalid compressed data to inflate ${shown}\n`);
    run.warned = true;
    return true;
  }
  try {
    if (existing !== undefined) await sys.unlink(path);
    if (kind === 'symlink') {
      const target = new TextDecoder().decode(data);
      if (!run.quiet) await io.out.text(`    linking: ${shown.padEnd(22)}  -> ${target} \n`);
      await sys.symlink(target, path);
      return true;
    }
    if (!run.quiet) await io.out.text(`${e.method === 0 ? ' extracting' : '  inflating'}: ${shown.padEnd(22)}  \n`);
    await sys.writeFile(path, data, { mode: mode === 0 ? 0o644 : mode });
    if (mode !== 0) await sys.chmod(path, mode);
    await sys.utimes(path, e.mtimeMs, e.mtimeMs);
  } catch (err) {
    await fail(run, shown, err);
  }
  return true;
}

function relativeDir(run: UnzipRun): string {
  const cwd = resolvePath(run.io.ctx.cwd, '.');
  if (run.directory.startsWith(`${cwd === '/' ? '' : cwd}/`)) return `${run.directory.slice(cwd === '/' ? 1 : cwd.length + 1)}/`;
  return `${run.directory === '/' ? '' : run.directory}/`;
}

async function fail(run: UnzipRun, shown: string, err: unknown): Promise<void> {
  run.warned = true;
  await stderr(run.io, `${shown}:  cannot create (${errnoText(err)})\n`);
}

async function makeDirs(run: UnzipRun, dir: string): Promise<void> {
  if (dir === '') return;
  const { sys } = run.io.ctx;
  try {
    if ((await sys.stat(dir)).type === 'dir') return;
  } catch (err) {
    if (!isErrno(err, Errno.NOENT)) return;
  }
  await makeDirs(run, dir.slice(0, dir.lastIndexOf('/')));
  await sys.mkdir(dir, { mode: 0o755 }).catch(() => undefined);
}

/** Info-ZIP's replace prompt on stderr, answered by a line of stdin. */
async function ask(run: UnzipRun, shown: string): Promise<'yes' | 'no' | 'all' | 'none'> {
  const { io } = run;
  await io.out.flush();
  await stderr(io, `replace ${shown}? [y]es, [n]o, [A]ll, [N]one, [r]ename: `);
  const line = await readLine(io);
  if (line === undefined) {
    await stderr(io, ' NULL\n(EOF or read error, treating as "[N]one" ...)\n');
    return 'none';
  }
  const c = line.trim()[0] ?? '';
  if (c === 'y') return 'yes';
  if (c === 'A') return 'all';
  if (c === 'N') return 'none';
  return 'no';
}

/** One line of stdin (without its newline); undefined at end of input. Bytes after the newline are dropped. */
async function readLine(io: Io): Promise<string | undefined> {
  let text = '';
  const dec = new TextDecoder();
  for (let c = await io.ctx.stdin.read(); c !== null; c = await io.ctx.stdin.read()) {
    text += dec.decode(c, { stream: true });
    const nl = text.indexOf('\n');
    if (nl !== -1) return text.slice(0, nl);
  }
  return text === '' ? undefined : text;
}
