/**
 * ls: list files and directories as GNU ls does with a non-terminal stdout: one name per line unless -C/-x
 * ask for columns (width $COLUMNS or 80). Operands that are not directories are listed first, then each
 * directory with a `name:` header when there is more than one operand or -R. Names sort by code point (the
 * C.UTF-8 collation). Exit 2 when an operand cannot be accessed, 1 when a directory inside cannot be read.
 */
import type { FileStat } from '../../sys.js';
import { absolute, type Io, options, qa, runCommand } from '../fs-shared/command.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';
import {
  blocksOf,
  type FormatOptions,
  formatColumns,
  formatLong,
  formatOnePerLine,
  type Listed,
} from './ls-format.js';

type Layout = 'long' | 'single' | 'columns' | 'across' | 'commas';
type Sort = 'name' | 'time' | 'size' | 'none' | 'extension';

interface LsOptions {
  all: boolean;
  almostAll: boolean;
  recursive: boolean;
  directory: boolean;
  reverse: boolean;
  sort: Sort;
  layout: Layout;
  dereference: boolean;
  format: FormatOptions;
}

const SPEC = {
  short: 'aAlRhtSrdF1pCxmignoUsLHXf',
  long: {
    all: { key: 'a' },
    'almost-all': { key: 'A' },
    recursive: { key: 'R' },
    'human-readable': { key: 'h' },
    reverse: { key: 'r' },
    directory: { key: 'd' },
    classify: { key: 'F', arg: 'optional' as const },
    inode: { key: 'i' },
    size: { key: 's' },
    'numeric-uid-gid': { key: 'n' },
    dereference: { key: 'L' },
    'full-time': { key: 'full-time' },
    color: { key: 'color', arg: 'optional' as const },
    'group-directories-first': { key: 'gdf' },
    sort: { key: 'sort', arg: 'required' as const },
  },
};

export const ls: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, SPEC, 2);
    if (typeof parsed === 'number') return parsed;
    const o: LsOptions = {
      all: false,
      almostAll: false,
      recursive: false,
      directory: false,
      reverse: false,
      sort: 'name',
      layout: 'single',
      dereference: false,
      format: {
        long: false,
        human: false,
        inode: false,
        blocks: false,
        numeric: false,
        showOwner: true,
        showGroup: true,
        fullTime: false,
        indicator: 'none',
        nowMs: ctx.sys.now(),
      },
    };
    const f = o.format;
    for (const { key, value } of parsed.options) {
      switch (key) {
        case 'a': o.all = true; break;
        case 'A': o.almostAll = true; break;
        case 'R': o.recursive = true; break;
        case 'h': f.human = true; break;
        case 'r': o.reverse = true; break;
        case 'd': o.directory = true; break;
        case 'F': f.indicator = 'classify'; break;
        case 'p': f.indicator = 'slash'; break;
        case 'i': f.inode = true; break;
        case 's': f.blocks = true; break;
        case 'L': o.dereference = true; break;
        case 't': o.sort = 'time'; break;
        case 'S': o.sort = 'size'; break;
        case 'X': o.sort = 'extension'; break;
        case 'U': o.sort = 'none'; break;
        case 'sort': o.sort = value === 'time' ? 'time' : value === 'size' ? 'size' : value === 'none' ? 'none' : 'name'; break;
        case 'f': o.sort = 'none'; o.all = true; break;
        case 'l': o.layout = 'long'; break;
        case 'n': o.layout = 'long'; f.numeric = true; break;
        case 'g': o.layout = 'long'; f.showOwner = false; break;
        case 'o': o.layout = 'long'; f.showGroup = false; break;
        case 'full-time': o.layout = 'long'; f.fullTime = true; break;
        case '1': if (o.layout !== 'long') o.layout = 'single'; break;
        case 'C': o.layout = 'columns'; break;
        case 'x': o.layout = 'across'; break;
        case 'm': o.layout = 'commas'; break;
      }
    }
    f.long = o.layout === 'long';
    const width = Number.parseInt(ctx.env.COLUMNS ?? '', 10) > 0 ? Number.parseInt(ctx.env.COLUMNS ?? '', 10) : 80;
    const operands = parsed.operands.length === 0 ? ['.'] : parsed.operands;
    let status = 0;
    const files: Listed[] = [];
    const dirs: Listed[] = [];
    for (const name of operands) {
      const path = resolvePath(ctx.cwd, name);
      // Command-line symlinks are followed unless the long format, -d or -F shows the link itself.
      const follow = o.dereference || !(f.long || o.directory || f.indicator === 'classify');
      let st: FileStat;
      try {
        st = await statFor(io, absolute(ctx.cwd, name), follow);
      } catch (e) {
        await io.fail(`cannot access ${qa(name)}`, e);
        status = 2;
        continue;
      }
      const entry = await listed(io, name, path, st, o);
      if (st.type === 'dir' && !o.directory) dirs.push(entry);
      else files.push(entry);
    }
    let first = true;
    if (files.length > 0) {
      await io.out.text(render(sortEntries(files, o), o, width));
      first = false;
    }
    const headers = operands.length > 1 || o.recursive;
    for (const dir of sortEntries(dirs, o)) {
      const s = await listDir(io, dir.name, resolvePath(ctx.cwd, dir.name), o, width, headers, first);
      first = false;
      status = Math.max(status, s);
    }
    return status;
  });

async function statFor(io: Io, path: string, follow: boolean): Promise<FileStat> {
  const st = await io.ctx.sys.stat(path, { follow: false });
  if (st.type !== 'symlink' || !follow) return st;
  try {
    return await io.ctx.sys.stat(path, { follow: true });
  } catch {
    return st;
  }
}

async function listed(io: Io, name: string, path: string, st: FileStat, o: LsOptions): Promise<Listed> {
  const entry: Listed = { name, stat: st };
  if (st.type === 'symlink' && (o.format.long || o.format.indicator !== 'none')) {
    try {
      entry.target = await io.ctx.sys.readlink(path);
      if (o.format.indicator !== 'none') entry.targetStat = await io.ctx.sys.stat(path);
    } catch {
      // A dangling link is listed without a target indicator.
    }
  }
  return entry;
}

async function listDir(
  io: Io,
  name: string,
  path: string,
  o: LsOptions,
  width: number,
  header: boolean,
  first: boolean,
): Promise<number> {
  io.checkAbort();
  const { sys } = io.ctx;
  if (header) await io.out.text(`${first ? '' : '\n'}${name}:\n`);
  let names: string[];
  try {
    names = (await sys.readdir(path)).map((e) => e.name);
  } catch (e) {
    await io.out.flush();
    await io.fail(`cannot open directory ${qa(name)}`, e);
    return 2;
  }
  if (o.all) names.unshift('.', '..');
  else if (!o.almostAll) names = names.filter((n) => !n.startsWith('.'));
  const base = path === '/' ? '' : path;
  const entries: Listed[] = [];
  let status = 0;
  for (const n of names) {
    const childPath = n === '.' ? path : n === '..' ? resolvePath(path, '..') : `${base}/${n}`;
    try {
      const st = await statFor(io, childPath, o.dereference);
      entries.push(await listed(io, n, childPath, st, o));
    } catch (e) {
      await io.fail(`cannot access ${qa(`${name === '.' ? '.' : name}/${n}`)}`, e);
      status = 1;
    }
  }
  const sorted = sortEntries(entries, o);
  if (o.format.long || o.format.blocks) {
    const total = sorted.reduce((sum, e) => sum + blocksOf(e.stat), 0);
    await io.out.text(`total ${o.format.human ? humanTotal(total) : total}\n`);
  }
  await io.out.text(render(sorted, o, width));
  if (o.recursive) {
    for (const e of sorted) {
      if (e.stat.type !== 'dir' || e.name === '.' || e.name === '..') continue;
      const childName = name.endsWith('/') ? `${name}${e.name}` : `${name}/${e.name}`;
      status = Math.max(status, await listDir(io, childName, `${base}/${e.name}`, o, width, true, false));
    }
  }
  return status;
}

function humanTotal(kib: number): string {
  if (kib < 1024) return `${kib}K`;
  const mb = kib / 1024;
  return mb < 10 ? `${(Math.ceil(mb * 10) / 10).toFixed(1)}M` : `${Math.ceil(mb)}M`;
}

function render(entries: readonly Listed[], o: LsOptions, width: number): string {
  switch (o.layout) {
    case 'long':
      return formatLong(entries, o.format);
    case 'columns':
      return formatColumns(entries, o.format, width, true);
    case 'across':
      return formatColumns(entries, o.format, width, false);
    case 'commas':
      return entries.length === 0 ? '' : `${entries.map((e) => e.name).join(', ')}\n`;
    default:
      return formatOnePerLine(entries, o.format);
  }
}

function byName(a: Listed, b: Listed): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1);
}

function sortEntries(entries: readonly Listed[], o: LsOptions): Listed[] {
  if (o.sort === 'none') return o.reverse ? [...entries].reverse() : [...entries];
  const cmp = (a: Listed, b: Listed): number => {
    if (o.sort === 'time' && a.stat.mtimeMs !== b.stat.mtimeMs) return b.stat.mtimeMs - a.stat.mtimeMs;
    if (o.sort === 'size' && a.stat.size !== b.stat.size) return b.stat.size - a.stat.size;
    if (o.sort === 'extension') {
      const ea = extensionOf(a.name);
      const eb = extensionOf(b.name);
      if (ea !== eb) return ea < eb ? -1 : 1;
    }
    return byName(a, b);
  };
  const sorted = [...entries].sort(cmp);
  return o.reverse ? sorted.reverse() : sorted;
}
