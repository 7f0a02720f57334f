/**
 * Output forms of ls: the long format with aligned columns, GNU's column layout (-C/-x, tab-padded to
 * tabsize 8, widest column count that fits the line), and the -F/-p indicators. Everything here is pure:
 * it takes the listed entries and returns text.
 */
import type { FileStat } from '../../sys.js';
import { fullTime, humanSize, lsTime, modeString } from '../fs-shared/format.js';
import { SYSTEM_IDENTITY } from '../fs-shared/system-identity.js';

export interface Listed {
  /** The name as shown (an operand as given, or an entry's name). */
  name: string;
  stat: FileStat;
  /** A symlink's target, for the long format. */
  target?: string;
  /** The target's stat, for the indicator after a symlink's target in the long format. */
  targetStat?: FileStat;
}

export interface FormatOptions {
  long: boolean;
  human: boolean;
  inode: boolean;
  blocks: boolean;
  numeric: boolean;
  showOwner: boolean;
  showGroup: boolean;
  fullTime: boolean;
  indicator: 'none' | 'slash' | 'classify';
  nowMs: number;
}

/** 1 KiB blocks a file occupies, assuming 4 KiB allocation units (symlinks store their target inline). */
export function blocksOf(st: FileStat): number {
  if (st.type === 'symlink') return 0;
  return Math.ceil(st.size / 4096) * 4;
}

export function indicatorOf(st: FileStat, kind: FormatOptions['indicator']): string {
  if (kind === 'none') return '';
  if (st.type === 'dir') return '/';
  if (kind === 'slash') return '';
  if (st.type === 'symlink') return '@';
  if (st.type === 'pipe') return '|';
  if (st.type === 'file' && (st.mode & 0o111) !== 0) return '*';
  return '';
}

function prefix(e: Listed, o: FormatOptions, widths: { ino: number; blocks: number }): string {
  let out = '';
  if (o.inode) out += `${String(e.stat.ino).padStart(widths.ino)} `;
  if (o.blocks) out += `${sizeText(blocksOf(e.stat) * 1024, o.human, true).padStart(widths.blocks)} `;
  return out;
}

function sizeText(bytes: number, human: boolean, asBlocks = false): string {
  if (human) return humanSize(bytes);
  return String(asBlocks ? bytes / 1024 : bytes);
}

function prefixWidths(entries: readonly Listed[], o: FormatOptions): { ino: number; blocks: number } {
  let ino = 0;
  let blocks = 0;
  for (const e of entries) {
    ino = Math.max(ino, String(e.stat.ino).length);
    blocks = Math.max(blocks, sizeText(blocksOf(e.stat) * 1024, o.human, true).length);
  }
  return { ino, blocks };
}

export function formatLong(entries: readonly Listed[], o: FormatOptions): string {
  const owner = o.numeric ? String(SYSTEM_IDENTITY.uid) : SYSTEM_IDENTITY.user;
  const group = o.numeric ? String(SYSTEM_IDENTITY.gid) : SYSTEM_IDENTITY.group;
  const rows = entries.map((e) => ({
    e,
    mode: modeString(e.stat.type, e.stat.mode),
    links: String(e.stat.nlink),
    size: sizeText(e.stat.size, o.human),
    time: o.fullTime ? fullTime(e.stat.mtimeMs) : lsTime(e.stat.mtimeMs, o.nowMs),
  }));
  const w = {
    links: Math.max(0, ...rows.map((r) => r.links.length)),
    size: Math.max(0, ...rows.map((r) => r.size.length)),
  };
  const widths = prefixWidths(entries, o);
  let out = '';
  for (const r of rows) {
    let line = `${prefix(r.e, o, widths)}${r.mode} ${r.links.padStart(w.links)} `;
    if (o.showOwner) line += `${owner} `;
    if (o.showGroup) line += `${group} `;
    line += `${r.size.padStart(w.size)} ${r.time} ${r.e.name}`;
    if (r.e.stat.type === 'symlink' && r.e.target !== undefined) {
      line += ` -> ${r.e.target}`;
      if (r.e.targetStat !== undefined) line += indicatorOf(r.e.targetStat, o.indicator);
    } else line += indicatorOf(r.e.stat, o.indicator);
    out += `${line}\n`;
  }
  return out;
}

export function formatOnePerLine(entries: readonly Listed[], o: FormatOptions): string {
  const widths = prefixWidths(entries, o);
  return entries.map((e) => `${prefix(e, o, widths)}${e.name}${indicatorOf(e.stat, o.indicator)}\n`).join('');
}

const MIN_COLUMN_WIDTH = 3;
const TAB_SIZE = 8;

/** GNU's multi-column layout: `byColumns` fills down then across (-C), else across then down (-x). */
export function formatColumns(entries: readonly Listed[], o: FormatOptions, lineWidth: number, byColumns: boolean): string {
  const widths = prefixWidths(entries, o);
  const cells = entries.map((e) => `${prefix(e, o, widths)}${e.name}${indicatorOf(e.stat, o.indicator)}`);
  const n = cells.length;
  if (n === 0) return '';
  const maxCols = Math.max(1, Math.min(n, Math.floor(lineWidth / MIN_COLUMN_WIDTH)));
  const plans = Array.from({ length: maxCols }, (_, i) => ({
    valid: true,
    lineLen: (i + 1) * MIN_COLUMN_WIDTH,
    cols: new Array<number>(i + 1).fill(MIN_COLUMN_WIDTH),
  }));
  cells.forEach((cell, k) => {
    const len = displayWidth(cell);
    plans.forEach((plan, i) => {
      if (!plan.valid) return;
      const idx = byColumns ? Math.floor(k / Math.floor((n + i) / (i + 1))) : k % (i + 1);
      const real = len + (idx === i ? 0 : 2);
      const have = plan.cols[idx] ?? 0;
      if (have < real) {
        plan.lineLen += real - have;
        plan.cols[idx] = real;
        plan.valid = plan.lineLen < lineWidth;
      }
    });
  });
  let chosen = 1;
  for (let i = maxCols; i >= 1; i--) {
    if (plans[i - 1]?.valid) {
      chosen = i;
      break;
    }
  }
  const colWidths = plans[chosen - 1]?.cols ?? [];
  const rows = byColumns ? Math.ceil(n / chosen) : Math.ceil(n / chosen);
  let out = '';
  for (let row = 0; row < rows; row++) {
    let pos = 0;
    let line = '';
    for (let col = 0; col < chosen; col++) {
      const k = byColumns ? row + col * rows : row * chosen + col;
      const cell = cells[k];
      if (cell === undefined) break;
      line += cell;
      const next = byColumns ? row + (col + 1) * rows : row * chosen + col + 1;
      if (col === chosen - 1 || next >= n) break;
      const target = pos + (colWidths[col] ?? 0);
      pos += displayWidth(cell);
      while (pos < target) {
        const tabStop = Math.floor(target / TAB_SIZE) > Math.floor((pos + 1) / TAB_SIZE);
        if (tabStop) {
          line += '\t';
          pos += TAB_SIZE - (pos % TAB_SIZE);
        } else {
          line += ' ';
          pos++;
        }
      }
    }
    out += `${line}\n`;
  }
  return out;
}

function displayWidth(s: string): number {
  return Array.from(s).length;
}
