/**
 * df: size and usage of the sandbox's filesystem, one row per operand (or one for `/`), laid out as GNU df lays
 * out its table: the name column at least 14 wide, numbers right-aligned to the widest cell. The sandbox has one
 * filesystem, `burrow` mounted on `/`; its size is the sandbox's filesystem limit and its usage what is stored
 * (Sys.statfs). Options -h (powers of 1024), -k (1K blocks, the default), -i (inodes), -T (type column).
 */
import type { FsUsage } from '../../sys.js';
import { absolute, options, runCommand } from '../fs-shared/command.js';
import { humanSize } from '../fs-shared/format.js';
import { has } from '../fs-shared/parse-options.js';
import type { Builtin } from '../types.js';

const FS_NAME = 'burrow';
const FS_TYPE = 'burrowfs';
const MOUNT_POINT = '/';

export const df: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'hkiTaPl',
      long: {
        'human-readable': { key: 'h' },
        inodes: { key: 'i' },
        'print-type': { key: 'T' },
        all: { key: 'a' },
        portability: { key: 'P' },
        local: { key: 'l' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    let human = false;
    for (const { key } of o) {
      if (key === 'h') human = true;
      if (key === 'k') human = false;
    }
    const inodes = has(o, 'i');
    const showType = has(o, 'T');
    const statfs = ctx.sys.statfs?.bind(ctx.sys);
    if (statfs === undefined) {
      await io.warn('cannot read table of mounted file systems: Function not implemented');
      return 1;
    }
    let status = 0;
    const rows: string[][] = [];
    for (const name of parsed.operands.length === 0 ? [MOUNT_POINT] : parsed.operands) {
      io.checkAbort();
      let usage: FsUsage;
      try {
        await ctx.sys.stat(absolute(ctx.cwd, name));
        usage = await statfs(absolute(ctx.cwd, name));
      } catch (e) {
        await io.fail(name, e);
        status = 1;
        continue;
      }
      rows.push(row(usage, inodes, human, showType));
    }
    if (rows.length === 0) return status;
    const header = [
      'Filesystem',
      ...(showType ? ['Type'] : []),
      ...(inodes ? ['Inodes', 'IUsed', 'IFree', 'IUse%'] : [human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%']),
      'Mounted on',
    ];
    await io.out.text(table([header, ...rows], showType));
    return status;
  });

function row(u: FsUsage, inodes: boolean, human: boolean, showType: boolean): string[] {
  const total = inodes ? u.inodesTotal : u.bytesTotal;
  const used = Math.min(total, inodes ? u.inodesUsed : u.bytesUsed);
  const free = total - used;
  const percent = total === 0 ? '-' : `${Math.ceil((used * 100) / total)}%`;
  const show = (n: number, roundUp: boolean): string => {
    if (inodes) return String(n);
    if (human) return humanSize(n);
    return String(roundUp ? Math.ceil(n / 1024) : Math.floor(n / 1024));
  };
  return [FS_NAME, ...(showType ? [FS_TYPE] : []), show(total, false), show(used, true), show(free, false), percent, MOUNT_POINT];
}

/** GNU df's layout: first column left-aligned (at least 14 wide), numbers right-aligned, the mount point last. */
function table(rows: readonly string[][], showType: boolean): string {
  const columns = rows[0]?.length ?? 0;
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) {
    const min = c === 0 ? 14 : c === 1 && showType ? 4 : c === columns - 2 ? 4 : 5;
    widths.push(Math.max(min, ...rows.map((r) => (r[c] ?? '').length)));
  }
  return rows
    .map((r) =>
      r
        .map((cell, c) => {
          if (c === columns - 1) return cell;
          if (c === 0 || (showType && c === 1)) return cell.padEnd(widths[c] ?? 0);
          return cell.padStart(widths[c] ?? 0);
        })
        .join(' '),
    )
    .join('\n')
    .concat('\n');
}
