/**
 * `printf` formatting as bash does it: the format is reused until the arguments are used up; conversions
 * %s %b %q %c %d %i %u %o %x %X %f %F %e %E %g %G %% with flags, width and precision (also `*`); numeric
 * arguments accept C constants and 'c (a character code). Bad numbers are reported and count as 0.
 */
import { strftime } from '../builtins/fs-shared/format.js';
import { quoteBackslash } from './quote.js';

export interface PrintfResult {
  text: string;
  errors: string[];
  /** `\c` in a %b argument stops all output. */
  stopped: boolean;
}

/** Backslash escapes of echo -e and %b (`\0nnn` octal) or of a printf format (`\nnn` octal). */
export function escapes(s: string, format: boolean): { text: string; stopped: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s.charAt(++i);
    switch (n) {
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'e':
      case 'E': out += '\x1b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '"': out += format ? '"' : '\\"'; break;
      case "'": out += format ? "'" : "\\'"; break;
      case 'c':
        if (!format) return { text: out, stopped: true };
        out += '\\c';
        break;
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) {
          out += String.fromCharCode(Number.parseInt(m[0], 16));
          i += m[0].length;
        } else out += '\\x';
        break;
      }
      case 'u':
      case 'U': {
        const m = (n === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(s.slice(i + 1));
        if (m) {
          out += String.fromCodePoint(Number.parseInt(m[0], 16));
          i += m[0].length;
        } else out += `\\${n}`;
        break;
      }
      default: {
        const octal = format ? /^[0-7]{1,3}/.exec(s.slice(i)) : n === '0' ? /^[0-7]{0,3}/.exec(s.slice(i + 1)) : null;
        if (octal) {
          out += String.fromCharCode(Number.parseInt(octal[0] || '0', 8) & 0xff);
          i += format ? octal[0].length - 1 : octal[0].length;
        } else out += `\\${n}`;
      }
    }
  }
  return { text: out, stopped: false };
}

function parseInteger(arg: string, errors: string[]): bigint {
  const s = arg.trim();
  if (s === '') return 0n;
  if (/^['"]/.test(s)) return BigInt(s.codePointAt(1) ?? 0);
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (m === null) {
    errors.push(`printf: ${arg}: invalid number`);
    return 0n;
  }
  const body = m[2] ?? '0';
  let v = /^0[xX]/.test(body) ? BigInt(body) : body.length > 1 && body.startsWith('0') ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  if (m[1] === '-') v = -v;
  if (m[0].length !== s.length) errors.push(`printf: ${arg}: invalid number`);
  return v;
}

function parseFloatArg(arg: string, errors: string[]): number {
  const s = arg.trim();
  if (s === '') return 0;
  if (/^['"]/.test(s)) return s.codePointAt(1) ?? 0;
  const v = Number(s);
  if (Number.isNaN(v) && !/^[+-]?nan$/i.test(s)) {
    const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s);
    errors.push(`printf: ${arg}: invalid number`);
    return m ? Number(m[0]) : 0;
  }
  return v;
}

/** toFixed with C's rounding of exact ties to even (1.25 → 1.2), as glibc's printf does. */
function fixed(v: number, p: number): string {
  const scaled = v * 10 ** p;
  if (Number.isFinite(scaled) && Math.abs(scaled) < 2 ** 52 && scaled % 1 !== 0 && (scaled * 2) % 1 === 0) {
    const down = Math.trunc(scaled);
    const even = down % 2 === 0 ? down : down + Math.sign(scaled);
    return (even / 10 ** p).toFixed(p);
  }
  return v.toFixed(p);
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) {
    const sign = /^[+\- ]/.test(s) ? s.charAt(0) : '';
    const prefix = /^[+\- ]?0[xX]/.test(s) ? s.slice(0, sign.length + 2) : sign;
    return prefix + s.slice(prefix.length).padStart(width - prefix.length, '0');
  }
  return s.padStart(width);
}

function expFormat(v: number, prec: number, upper: boolean): string {
  let s = v.toExponential(prec);
  s = s.replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

function gFormat(v: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (v === 0) return alt ? `0.${'0'.repeat(p - 1)}` : '0';
  const x = Number(v.toExponential(p - 1).split('e')[1]);
  let s = p > x && x >= -4 ? v.toFixed(Math.max(0, p - 1 - x)) : expFormat(v, p - 1, upper);
  if (!alt) {
    const cut = s.search(/[eE]/);
    let mant = cut < 0 ? s : s.slice(0, cut);
    const exp = cut < 0 ? '' : s.slice(cut);
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    s = mant + exp;
  }
  return s;
}

function fmtNonFinite(v: number, upper: boolean): string {
  const s = Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  return upper ? s.toUpperCase() : s;
}

/** `nowMs` is the time `%(fmt)T` shows for an argument of -1 or none. */
export function printf(format: string, args: string[], nowMs = 0): PrintfResult {
  const errors: string[] = [];
  let text = '';
  let ai = 0;
  const next = (): string | undefined => args[ai++];
  const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?(\([^)]*\)T|[diouxXfFeEgGcsbq%])|%|\\/g;
  for (;;) {
    const startArgs = ai;
    let last = 0;
    re.lastIndex = 0;
    let lit = '';
    for (let m = re.exec(format); m !== null; m = re.exec(format)) {
      lit += format.slice(last, m.index);
      last = re.lastIndex;
      if (m[0] === '\\') {
        const end = escapeEnd(format, m.index);
        lit += format.slice(m.index, end);
        last = end;
        re.lastIndex = end;
        continue;
      }
      text += escapes(lit, true).text;
      lit = '';
      if (m[0] === '%') {
        text += '%';
        continue;
      }
      const flags = m[1] ?? '';
      const conv = m[4] ?? 's';
      if (conv === '%') {
        text += '%';
        continue;
      }
      let width = 0;
      let left = flags.includes('-');
      if (m[2] === '*') {
        width = Number(parseInteger(next() ?? '0', errors));
        if (width < 0) {
          left = true;
          width = -width;
        }
      } else if (m[2] !== undefined) width = Number(m[2]);
      let prec: number | null = null;
      if (m[3] !== undefined) prec = m[3] === '*' ? Number(parseInteger(next() ?? '0', errors)) : Number(m[3] || '0');
      const zero = flags.includes('0') && !left;
      const arg = next();
      let s: string;
      switch (conv.endsWith('T') ? 'T' : conv) {
        case 'T': {
          const t = arg === undefined || arg === '' || arg === '-1' ? nowMs : arg === '-2' ? nowMs : Number(parseInteger(arg, errors)) * 1000;
          s = strftime(conv.slice(1, -2), t);
          if (prec !== null) s = s.slice(0, prec);
          break;
        }
        case 's':
          s = arg ?? '';
          if (prec !== null) s = s.slice(0, prec);
          break;
        case 'b': {
          const r = escapes(arg ?? '', false);
          s = prec !== null ? r.text.slice(0, prec) : r.text;
          if (r.stopped) return { text: text + pad(s, width, left, false), errors, stopped: true };
          break;
        }
        case 'q':
          s = arg === undefined ? "''" : quoteBackslash(arg);
          break;
        case 'c':
          s = (arg ?? '').charAt(0);
          break;
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
          let v = parseInteger(arg ?? '0', errors);
          if (conv === 'u' || conv === 'o' || conv === 'x' || conv === 'X') v = BigInt.asUintN(64, v);
          const neg = v < 0n;
          let digits = (neg ? -v : v).toString(conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10);
          if (conv === 'X') digits = digits.toUpperCase();
          if (prec !== null) digits = prec === 0 && v === 0n ? '' : digits.padStart(prec, '0');
          if (flags.includes('#') && v !== 0n) digits = conv === 'o' ? `0${digits}` : conv === 'x' ? `0x${digits}` : conv === 'X' ? `0X${digits}` : digits;
          const sign = neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          s = sign + digits;
          s = pad(s, width, left, zero && prec === null);
          text += s;
          continue;
        }
        default: {
          const v = parseFloatArg(arg ?? '0', errors);
          const p = prec ?? 6;
          if (!Number.isFinite(v)) s = fmtNonFinite(v, conv === 'F' || conv === 'E' || conv === 'G');
          else if (conv === 'f' || conv === 'F') s = fixed(v, p);
          else if (conv === 'e' || conv === 'E') s = expFormat(v, p, conv === 'E');
          else s = gFormat(v, p, flags.includes('#'), conv === 'G');
          if (v >= 0 && !s.startsWith('-')) s = (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          text += pad(s, width, left, zero && Number.isFinite(v));
          continue;
        }
      }
      text += pad(s, width, left, false);
    }
    text += escapes(lit + format.slice(last), true).text;
    if (ai >= args.length || ai === startArgs) break;
  }
  return { text, errors, stopped: false };
}

function escapeEnd(format: string, i: number): number {
  const n = format.charAt(i + 1);
  if (n === '') return i + 1;
  if (/[0-7]/.test(n)) return i + 1 + (/^[0-7]{1,3}/.exec(format.slice(i + 1))?.[0].length ?? 1);
  if (n === 'x') return i + 2 + (/^[0-9a-fA-F]{0,2}/.exec(format.slice(i + 2))?.[0].length ?? 0);
  if (n === 'u') return i + 2 + (/^[0-9a-fA-F]{0,4}/.exec(format.slice(i + 2))?.[0].length ?? 0);
  if (n === 'U') return i + 2 + (/^[0-9a-fA-F]{0,8}/.exec(format.slice(i + 2))?.[0].length ?? 0);
  return i + 2;
}
