/**
 * tar: create (-c), list (-t) and extract (-x) ustar/pax archives, gzip-compressed with -z (and recognised by
 * their magic when read). Options -f -C -v -z -k -m -O -P -h --strip-components --exclude, in GNU's three styles:
 * bundled first word (`tar czf a.tgz d`), short (`-czf`) and long (`--create --file=a.tgz`). Without -f the
 * archive is stdin/stdout. Messages and statuses are GNU tar's: 2 after any error, 64 for a bad option.
 */
import { gunzipSync } from 'node:zlib';
import { type Io, isErrno, runCommand } from '../fs-shared/command.js';
import { parseOptions } from '../fs-shared/parse-options.js';
import { readAll, resolvePath } from '../io.js';
import type { Builtin } from '../types.js';
import { createArchive } from './tar-create.js';
import { readArchive } from './tar-extract.js';
import { TarFormatError } from './tar-header.js';
import { errnoText, type TarRun } from './tar-run.js';
import { Errno } from '@burrow/protocol';

const SPEC = {
  short: 'cxtf:zvC:kmOPhpoj',
  long: {
    create: { key: 'c' },
    extract: { key: 'x' },
    get: { key: 'x' },
    list: { key: 't' },
    file: { key: 'f', arg: 'required' as const },
    gzip: { key: 'z' },
    gunzip: { key: 'z' },
    ungzip: { key: 'z' },
    verbose: { key: 'v' },
    directory: { key: 'C', arg: 'required' as const },
    'keep-old-files': { key: 'k' },
    touch: { key: 'm' },
    'to-stdout': { key: 'O' },
    'absolute-names': { key: 'P' },
    dereference: { key: 'h' },
    'preserve-permissions': { key: 'p' },
    'same-permissions': { key: 'p' },
    'no-same-owner': { key: 'o' },
    'same-owner': { key: 'same-owner' },
    overwrite: { key: 'overwrite' },
    'strip-components': { key: 'strip', arg: 'required' as const },
    exclude: { key: 'exclude', arg: 'required' as const },
    bzip2: { key: 'j' },
  },
};

/** Letters of the bundled first word that take the next word as their argument. */
const BUNDLED_ARGS = 'fC';
const EXIT_FAILURE = 2;
const EXIT_USAGE = 64;

export const tar: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = parseOptions(expandBundled(ctx.argv.slice(1)), SPEC);
    if (!parsed.ok) return usage(io, parsed.error, EXIT_USAGE);
    const modes = new Set<TarRun['mode']>();
    const run: TarRun = {
      io,
      mode: 'list',
      archive: '-',
      gzip: false,
      verbose: false,
      directory: ctx.cwd,
      stripComponents: 0,
      excludes: [],
      keepOld: false,
      toStdout: false,
      absoluteNames: false,
      dereference: false,
      touch: false,
      failed: false,
      warnedLeadingSlash: false,
    };
    for (const { key, value = '' } of parsed.options) {
      switch (key) {
        case 'c': modes.add('create'); break;
        case 'x': modes.add('extract'); break;
        case 't': modes.add('list'); break;
        case 'f': run.archive = value; break;
        case 'z': run.gzip = true; break;
        case 'v': run.verbose = true; break;
        case 'C': run.directory = resolvePath(run.directory, value); break;
        case 'k': run.keepOld = true; break;
        case 'overwrite': run.keepOld = false; break;
        case 'm': run.touch = true; break;
        case 'O': run.toStdout = true; break;
        case 'P': run.absoluteNames = true; break;
        case 'h': run.dereference = true; break;
        case 'exclude': run.excludes.push(value); break;
        case 'j': {
          await io.warn('bzip2 compression is not available in this sandbox');
          return EXIT_FAILURE;
        }
        case 'strip': {
          if (!/^\d+$/u.test(value)) return usage(io, `Invalid number of elements: \u2018${value}\u2019`, EXIT_USAGE);
          run.stripComponents = Number(value);
          break;
        }
      }
    }
    if (modes.size === 0) {
      return usage(io, "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options", EXIT_FAILURE);
    }
    if (modes.size > 1) return usage(io, "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option", EXIT_FAILURE);
    run.mode = [...modes][0] ?? 'list';
    const status = run.mode === 'create' ? await create(run, parsed.operands) : await read(run, parsed.operands);
    if (status !== 0) return status;
    if (run.failed) {
      await io.warn('Exiting with failure status due to previous errors');
      return EXIT_FAILURE;
    }
    return 0;
  });

/** `tar czf a.tgz d` → `-c -z -f a.tgz d`: a first word without a dash is a bundle of option letters. */
function expandBundled(args: string[]): string[] {
  const first = args[0];
  if (first === undefined || first.startsWith('-') || first === '') return args;
  const out: string[] = [];
  let next = 1;
  for (const letter of first) {
    out.push(`-${letter}`);
    if (BUNDLED_ARGS.includes(letter) && next < args.length) out.push(args[next++] ?? '');
  }
  return [...out, ...args.slice(next)];
}

async function usage(io: Io, message: string, status: number): Promise<number> {
  await io.warn(message);
  await io.ctx.stderr.write(new TextEncoder().encode("Try 'tar --help' or 'tar --usage' for more information.\n"));
  return status;
}

/** `tar: message` and GNU's "not recoverable" line: the end of a run that cannot go on. */
async function fatal(io: Io, message: string): Promise<number> {
  await io.warn(message);
  await io.warn('Error is not recoverable: exiting now');
  return EXIT_FAILURE;
}

async function create(run: TarRun, operands: readonly string[]): Promise<number> {
  const { io } = run;
  const { sys } = io.ctx;
  if (operands.length === 0) return usage(io, 'Cowardly refusing to create an empty archive', EXIT_FAILURE);
  try {
    const st = await sys.stat(run.directory);
    if (st.type !== 'dir') return fatal(io, `${run.directory}: Cannot open: Not a directory`);
  } catch (e) {
    return fatal(io, `${run.directory}: Cannot open: ${errnoText(e)}`);
  }
  if (run.archive === '-') {
    const bytes = await createArchive(run, operands, undefined);
    await io.out.bytes(bytes);
    return 0;
  }
  const path = resolvePath(io.ctx.cwd, run.archive);
  let handle: Awaited<ReturnType<typeof sys.open>>;
  try {
    handle = await sys.open(path, { write: true, create: true, truncate: true, mode: 0o644 });
  } catch (e) {
    return fatal(io, `${run.archive}: Cannot open: ${errnoText(e)}`);
  }
  try {
    const ino = (await handle.stat()).ino;
    const bytes = await createArchive(run, operands, ino);
    await handle.write(bytes);
  } catch (e) {
    if (isErrno(e, Errno.PIPE)) throw e;
    return fatal(io, `${run.archive}: Cannot write: ${errnoText(e)}`);
  } finally {
    await handle.close().catch(() => undefined);
  }
  return 0;
}

async function read(run: TarRun, operands: readonly string[]): Promise<number> {
  const { io } = run;
  let bytes: Uint8Array;
  if (run.archive === '-') bytes = await readAll(io.ctx.stdin);
  else {
    try {
      bytes = await io.ctx.sys.readFile(resolvePath(io.ctx.cwd, run.archive));
    } catch (e) {
      return fatal(io, `${run.archive}: Cannot open: ${errnoText(e)}`);
    }
  }
  if (run.mode === 'extract' && !run.toStdout) {
    try {
      const st = await io.ctx.sys.stat(run.directory);
      if (st.type !== 'dir') return fatal(io, `${run.directory}: Cannot open: Not a directory`);
    } catch (e) {
      return fatal(io, `${run.directory}: Cannot open: ${errnoText(e)}`);
    }
  }
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (gzipped || run.gzip) {
    try {
      bytes = new Uint8Array(gunzipSync(bytes));
    } catch {
      await io.ctx.stderr.write(new TextEncoder().encode('\ngzip: stdin: not in gzip format\n'));
      await io.warn('Child returned status 1');
      await io.warn('Error is not recoverable: exiting now');
      return EXIT_FAILURE;
    }
  }
  try {
    await readArchive(run, bytes, operands);
  } catch (e) {
    if (!(e instanceof TarFormatError)) throw e;
    await io.warn(e.message);
    run.failed = true;
  }
  return 0;
}
