/**
 * du: disk usage of each operand (default `.`), a directory after its contents, as GNU du does. Options -a (files
 * too), -s (operands only), -d N / --max-depth, -c (a total line), -h, -k, -b (apparent bytes) and
 * --apparent-size. Usage is counted as GNU du on ext4 reports it for small files: a regular file takes its size
 * rounded up to whole 4 KiB blocks, a directory one block, a symlink none; sizes print in 1 KiB units unless
 * -b/-h. Each inode counts once (hard links and repeated operands), as GNU du does. Symlinks are not followed.
 */
import type { FileStat } from '../../sys.js';
import { absolute, type Io, options, qa, runCommand } from '../fs-shared/command.js';
import { humanSize } from '../fs-shared/format.js';
import type { Builtin } from '../types.js';

const BLOCK_BYTES = 4096;

interface DuRun {
  io: Io;
  all: boolean;
  maxDepth: number;
  apparent: boolean;
  /** Bytes per printed unit: 1 for -b, 1024 otherwise; undefined for -h. */
  unit: number | undefined;
  seen: Set<number>;
  failed: boolean;
}

export const du: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'ashcd:kbmx',
      long: {
        all: { key: 'a' },
        summarize: { key: 's' },
        'human-readable': { key: 'h' },
        total: { key: 'c' },
        'max-depth': { key: 'd', arg: 'required' },
        bytes: { key: 'b' },
        'apparent-size': { key: 'apparent' },
        'one-file-system': { key: 'x' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const run: DuRun = { io, all: false, maxDepth: Infinity, apparent: false, unit: 1024, seen: new Set(), failed: false };
    let summarize = false;
    let total = false;
    for (const { key, value } of parsed.options) {
      switch (key) {
        case 'a': run.all = true; break;
        case 's': summarize = true; break;
        case 'c': total = true; break;
        case 'h': run.unit = undefined; break;
        case 'k': run.unit = 1024; break;
        case 'm': run.unit = 1024 * 1024; break;
        case 'b': run.unit = 1; run.apparent = true; break;
        case 'apparent': run.apparent = true; break;
        case 'd': {
          if (!/^\d+$/u.test(value ?? '')) {
            await io.warn(`invalid maximum depth ${qa(value ?? '')}`);
            return io.usage('');
          }
          run.maxDepth = Number(value);
          break;
        }
      }
    }
    if (summarize && run.all) return io.usage('cannot both summarize and show all entries');
    if (summarize) run.maxDepth = 0;
    let grand = 0;
    for (const name of parsed.operands.length === 0 ? ['.'] : parsed.operands) {
      io.checkAbort();
      grand += await walk(run, name, absolute(ctx.cwd, name), 0, true);
    }
    if (total) await io.out.text(`${size(run, grand)}\ttotal\n`);
    return run.failed ? 1 : 0;
  });

function usageOf(run: DuRun, st: FileStat): number {
  if (run.apparent) return st.type === 'dir' || st.type === 'file' || st.type === 'symlink' ? st.size : 0;
  if (st.type === 'dir') return BLOCK_BYTES;
  if (st.type === 'file') return Math.ceil(st.size / BLOCK_BYTES) * BLOCK_BYTES;
  return 0;
}

function size(run: DuRun, bytes: number): string {
  if (run.unit === undefined) return humanSize(bytes);
  return String(Math.ceil(bytes / run.unit));
}

/** Usage of `path` and below, printing lines as it goes; 0 for an inode already counted. */
async function walk(run: DuRun, name: string, path: string, depth: number, topLevel: boolean): Promise<number> {
  const { sys } = run.io.ctx;
  let st: FileStat;
  try {
    st = await sys.stat(path, { follow: false });
  } catch (e) {
    run.failed = true;
    await run.io.fail(topLevel ? `cannot access ${qa(name)}` : qa(name), e);
    return 0;
  }
  if (run.seen.has(st.ino)) return 0;
  run.seen.add(st.ino);
  let bytes = usageOf(run, st);
  if (st.type === 'dir') {
    let entries: Awaited<ReturnType<typeof sys.readdir>> = [];
    try {
      entries = await sys.readdir(path);
    } catch (e) {
      run.failed = true;
      await run.io.fail(`cannot read directory ${qa(name)}`, e);
    }
    for (const entry of entries) {
      run.io.checkAbort();
      const childName = name.endsWith('/') ? `${name}${entry.name}` : `${name}/${entry.name}`;
      bytes += await walk(run, childName, `${path === '/' ? '' : path}/${entry.name}`, depth + 1, false);
    }
  }
  if (depth <= run.maxDepth && (topLevel || st.type === 'dir' || run.all)) {
    await run.io.out.text(`${size(run, bytes)}\t${name}\n`);
  }
  return bytes;
}
