/**
 * Text forms of file metadata shared by ls, stat, du, df and date: `ls -l` mode strings, GNU human sizes,
 * and strftime over UTC (sandboxes keep UTC; TZ is not consulted).
 */
import type { FileType } from '../../sys.js';

const TYPE_CHAR: Record<FileType, string> = { file: '-', dir: 'd', symlink: 'l', pipe: 'p', chardev: 'c', other: '?' };

export function modeString(type: FileType, mode: number): string {
  const bit = (mask: number, ch: string): string => (mode & mask ? ch : '-');
  const special = (exec: number, flag: number, on: string): string => {
    const x = (mode & exec) !== 0;
    if (mode & flag) return x ? on : on.toUpperCase();
    return x ? 'x' : '-';
  };
  return (
    TYPE_CHAR[type] +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(0o100, 0o4000, 's') +
    bit(0o040, 'r') +
    bit(0o020, 'w') +
    special(0o010, 0o2000, 's') +
    bit(0o004, 'r') +
    bit(0o002, 'w') +
    special(0o001, 0o1000, 't')
  );
}

/** `ls -h` / `du -h` sizes: powers of 1024, one decimal below 10, always rounded up (GNU's default). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  let value = bytes;
  let unit = '';
  for (const u of units) {
    value /= 1024;
    unit = u;
    if (value < 1024) break;
  }
  if (value < 10) {
    const tenths = Math.ceil(value * 10 - 1e-9) / 10;
    if (tenths < 10) return `${tenths.toFixed(1)}${unit}`;
    return `10${unit}`;
  }
  const whole = Math.ceil(value - 1e-9);
  if (whole >= 1024 && unit !== 'E') return `1.0${units[units.indexOf(unit) + 1] ?? unit}`;
  return `${whole}${unit}`;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill);

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** ISO 8601 week-numbering year and week of `d`. */
function isoWeek(d: Date): { year: number; week: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { year, week };
}

/** strftime(3) in UTC, with GNU's `-`, `_`, `0` and `^` flags and `%N`. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    i++;
    let flag = '';
    while ('-_0^#'.includes(format[i] ?? 'x')) flag += format[i++];
    let width = '';
    while (/[0-9]/u.test(format[i] ?? '')) width += format[i++];
    let colons = '';
    while (format[i] === ':') colons += format[i++];
    const spec = format[i] ?? '';
    const num = (n: number, w: number, fill = '0'): string => {
      if (flag.includes('-')) return String(n);
      const f = flag.includes('_') ? ' ' : flag.includes('0') ? '0' : fill;
      return String(n).padStart(width === '' ? w : Number(width), f);
    };
    const txt = (s: string): string => (flag.includes('^') ? s.toUpperCase() : s);
    const y = d.getUTCFullYear();
    const hour = d.getUTCHours();
    switch (spec) {
      case '%': out += '%'; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'Y': out += num(y, 1); break;
      case 'C': out += num(Math.floor(y / 100), 2); break;
      case 'y': out += num(y % 100, 2); break;
      case 'm': out += num(d.getUTCMonth() + 1, 2); break;
      case 'd': out += num(d.getUTCDate(), 2); break;
      case 'e': out += num(d.getUTCDate(), 2, ' '); break;
      case 'H': out += num(hour, 2); break;
      case 'k': out += num(hour, 2, ' '); break;
      case 'I': out += num(hour % 12 || 12, 2); break;
      case 'l': out += num(hour % 12 || 12, 2, ' '); break;
      case 'M': out += num(d.getUTCMinutes(), 2); break;
      case 'S': out += num(d.getUTCSeconds(), 2); break;
      case 'N': {
        const nanos = pad(d.getUTCMilliseconds(), 3) + '000000';
        out += width === '' ? nanos : nanos.slice(0, Number(width));
        break;
      }
      case 'j': out += num(dayOfYear(d), 3); break;
      case 'p': out += hour < 12 ? 'AM' : 'PM'; break;
      case 'P': out += hour < 12 ? 'am' : 'pm'; break;
      case 'a': out += txt((DAYS[d.getUTCDay()] ?? '').slice(0, 3)); break;
      case 'A': out += txt(DAYS[d.getUTCDay()] ?? ''); break;
      case 'b':
      case 'h': out += txt((MONTHS[d.getUTCMonth()] ?? '').slice(0, 3)); break;
      case 'B': out += txt(MONTHS[d.getUTCMonth()] ?? ''); break;
      case 'u': out += String(d.getUTCDay() || 7); break;
      case 'w': out += String(d.getUTCDay()); break;
      case 'U': out += num(Math.floor((dayOfYear(d) - 1 + 7 - d.getUTCDay()) / 7), 2); break;
      case 'W': out += num(Math.floor((dayOfYear(d) - 1 + 7 - ((d.getUTCDay() + 6) % 7)) / 7), 2); break;
      case 'V': out += num(isoWeek(d).week, 2); break;
      case 'G': out += num(isoWeek(d).year, 1); break;
      case 'g': out += num(isoWeek(d).year % 100, 2); break;
      case 's': out += String(Math.floor(ms / 1000)); break;
      case 'z': out += colons === '' ? '+0000' : colons === ':' ? '+00:00' : '+00:00:00'; break;
      case 'Z': out += 'UTC'; break;
      case 'F': out += `${num(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`; break;
      case 'T': out += strftime('%H:%M:%S', ms); break;
      case 'R': out += strftime('%H:%M', ms); break;
      case 'D': out += strftime('%m/%d/%y', ms); break;
      case 'r': out += strftime('%I:%M:%S %p', ms); break;
      case 'c': out += strftime('%a %b %e %H:%M:%S %Y', ms); break;
      case 'x': out += strftime('%m/%d/%y', ms); break;
      case 'X': out += strftime('%H:%M:%S', ms); break;
      case 'q': out += String(Math.floor(d.getUTCMonth() / 3) + 1); break;
      default: out += `%${flag}${width}${colons}${spec}`;
    }
  }
  return out;
}

/** The time column of `ls -l`: `%b %e %H:%M` within six months of now, else `%b %e  %Y`. */
export function lsTime(ms: number, nowMs: number): string {
  const halfYearMs = (365.2425 * 24 * 3600 * 1000) / 2;
  const recent = ms <= nowMs && nowMs - ms < halfYearMs;
  return strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', ms);
}

/** `2024-01-15 12:00:00.000000000 +0000`, the form of stat's %y and ls --full-time. */
export function fullTime(ms: number): string {
  return strftime('%Y-%m-%d %H:%M:%S.%N %z', ms);
}
