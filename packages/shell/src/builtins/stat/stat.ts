/**
 * stat: show file metadata, in GNU's default layout or a -c/--printf format (%n %N %s %b %B %o %a %A %f %F %i
 * %h %u %U %g %G %x %X %y %Y %z %Z %w %W %d %D %t %T %m and printf-style flags and widths). -L follows
 * symlinks; -t is the terse form. Owners are root; device numbers are 0; birth times are unknown (`-`).
 */
import type { FileStat } from '../../sys.js';
import { absolute, options, qa, runCommand } from '../fs-shared/command.js';
import { fullTime, modeString } from '../fs-shared/format.js';
import { has, last } from '../fs-shared/parse-options.js';
import { blocksOf } from '../ls/ls-format.js';
import type { Builtin } from '../types.js';

const TYPE_NAMES: Record<FileStat['type'], string> = {
  file: 'regular file',
  dir: 'directory',
  symlink: 'symbolic link',
  pipe: 'fifo',
  chardev: 'character special file',
  other: 'weird file',
};
const TYPE_BITS: Record<FileStat['type'], number> = {
  file: 0o100000,
  dir: 0o040000,
  symlink: 0o120000,
  pipe: 0o010000,
  chardev: 0o020000,
  other: 0,
};

const DEFAULT_FORMAT =
  '  File: %n\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Hd,%Ld\tInode: %-11i Links: %h\n' +
  'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n';
const TERSE_FORMAT = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n';

export const stat: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'c:Lft',
      long: {
        format: { key: 'c', arg: 'required' },
        printf: { key: 'printf', arg: 'required' },
        dereference: { key: 'L' },
        terse: { key: 't' },
        'file-system': { key: 'f' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    if (parsed.operands.length === 0) return io.usage('missing operand');
    const printf = last(o, 'printf');
    const custom = last(o, 'c');
    let status = 0;
    for (const name of parsed.operands) {
      const path = absolute(ctx.cwd, name);
      let st: FileStat;
      let target: string | undefined;
      try {
        st = await ctx.sys.stat(path, { follow: has(o, 'L') });
        if (st.type === 'symlink') target = await ctx.sys.readlink(path);
      } catch (e) {
        await io.fail(`cannot statx ${qa(name)}`, e);
        status = 1;
        continue;
      }
      let format: string;
      if (printf !== undefined) format = unescapeC(printf);
      else if (custom !== undefined) format = `${custom}\n`;
      else if (has(o, 't')) format = TERSE_FORMAT;
      else format = st.type === 'symlink' ? DEFAULT_FORMAT.replace('%n', '%N') : DEFAULT_FORMAT;
      await io.out.text(render(format, name, st, target));
    }
    return status;
  });

function render(format: string, name: string, st: FileStat, target: string | undefined): string {
  return format.replace(/%([-#0 +']*)(\d*)(?:\.(\d+))?([HL]?[a-zA-Z%])/gu, (whole, flags: string, width: string, precision: string | undefined, spec: string) => {
    const value = directive(spec, name, st, target);
    if (value === undefined) return whole;
    let text = value.text;
    if (precision !== undefined && !value.numeric) text = text.slice(0, Number(precision));
    const w = Number(width || 0);
    if (text.length >= w) return text;
    if (flags.includes('-')) return text.padEnd(w);
    if (flags.includes('0') && value.numeric) return text.padStart(w, '0');
    return text.padStart(w);
  });
}

function directive(
  spec: string,
  name: string,
  st: FileStat,
  target: string | undefined,
): { text: string; numeric: boolean } | undefined {
  const n = (v: number): { text: string; numeric: boolean } => ({ text: String(v), numeric: true });
  const t = (v: string): { text: string; numeric: boolean } => ({ text: v, numeric: false });
  const seconds = (ms: number): number => Math.floor(ms / 1000);
  switch (spec) {
    case '%': return t('%');
    case 'n': return t(name);
    case 'N': return t(target === undefined ? qa(name) : `${qa(name)} -> ${qa(target)}`);
    case 's': return n(st.size);
    case 'b': return n(blocksOf(st) * 2);
    case 'B': return n(512);
    case 'o': return n(4096);
    case 'a': return { text: (st.mode & 0o7777).toString(8), numeric: true };
    case 'A': return t(modeString(st.type, st.mode));
    case 'f': return t((TYPE_BITS[st.type] | (st.mode & 0o7777)).toString(16));
    case 'F': return t(TYPE_NAMES[st.type]);
    case 'i': return n(st.ino);
    case 'h': return n(st.nlink);
    case 'u':
    case 'g': return n(0);
    case 'U':
    case 'G': return t('root');
    case 'x': return t(fullTime(st.atimeMs));
    case 'y': return t(fullTime(st.mtimeMs));
    case 'z': return t(fullTime(st.ctimeMs));
    case 'w': return t('-');
    case 'X': return n(seconds(st.atimeMs));
    case 'Y': return n(seconds(st.mtimeMs));
    case 'Z': return n(seconds(st.ctimeMs));
    case 'W': return n(0);
    case 'd':
    case 'Hd':
    case 'Ld':
    case 'D':
    case 't':
    case 'T': return n(0);
    case 'm': return t('/');
    default: return undefined;
  }
}

function unescapeC(s: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', a: '\x07', r: '\r', v: '\v', f: '\f', e: '\x1b' };
  return s.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)/gu, (_, c: string) => {
    if (c.startsWith('0')) return String.fromCharCode(Number.parseInt(c, 8));
    if (c.startsWith('x')) return String.fromCharCode(Number.parseInt(c.slice(1), 16));
    return map[c] ?? `\\${c}`;
  });
}


