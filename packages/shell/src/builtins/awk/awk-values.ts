/**
 * awk's values and their conversions: numbers, strings, "strnums" (input data that compares as a number when
 * it looks like one) and the uninitialized value (both "" and 0); number-to-string by CONVFMT/OFMT with
 * integers printed whole; comparisons by awk's string/number rules; and printf-style formatting.
 */

export class StrNum {
  private n: number | null | undefined;
  constructor(readonly s: string) {}

  /** The number this text denotes when it looks numeric as a whole, else null. */
  get numeric(): number | null {
    if (this.n === undefined) this.n = looksNumeric(this.s) ? strtod(this.s) : null;
    return this.n;
  }
}

/** undefined is the uninitialized value. */
export type Value = number | string | StrNum | undefined;

const NUMERIC_RE = /^[ \t\n\r\f\v]*[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)[ \t\n\r\f\v]*$/;

export function looksNumeric(s: string): boolean {
  return NUMERIC_RE.test(s);
}

const PREFIX_RE = /^[ \t\n\r\f\v]*([-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?))/;

/** The leading number of a string, as C's strtod reads decimal text (0 when there is none). */
export function strtod(s: string): number {
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57 && s.length < 16 && /^\d+$/.test(s)) return Number(s);
  const m = PREFIX_RE.exec(s);
  if (m === null) {
    const special = /^[ \t]*([-+])(inf|infinity|nan)\b/i.exec(s);
    if (special === null) return 0;
    const v = (special[2] ?? '').toLowerCase().startsWith('inf') ? Infinity : Number.NaN;
    return special[1] === '-' ? -v : v;
  }
  return Number(m[1]);
}

export function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (v === undefined) return 0;
  if (typeof v === 'string') return strtod(v);
  return v.numeric ?? strtod(v.s);
}

export function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n)) {
    if (Math.abs(n) < 1e16) return String(n);
    return BigInt(n).toString();
  }
  // gawk's spellings; a NaN's sign is not visible here, and the usual sources (log(-1), sqrt(-1)) are negative.
  if (Number.isNaN(n)) return '-nan';
  if (!Number.isFinite(n)) return n > 0 ? '+inf' : '-inf';
  return formatAwk(fmt, [n]);
}

export function toStr(v: Value, convfmt: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numToStr(v, convfmt);
  if (v === undefined) return '';
  return v.s;
}

export function toBool(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (v === undefined) return false;
  const n = v.numeric;
  return n !== null ? n !== 0 : v.s !== '';
}

function isNumLike(v: Value): boolean {
  return typeof v === 'number' || v === undefined || (v instanceof StrNum && v.numeric !== null);
}

/** awk comparison: numeric when both sides are numbers (or numeric input), else by string. */
export function compareValues(a: Value, b: Value, convfmt: string): number {
  if (isNumLike(a) && isNumLike(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
  }
  const s = toStr(a, convfmt);
  const t = toStr(b, convfmt);
  return s < t ? -1 : s > t ? 1 : 0;
}

export class AwkRuntimeError extends Error {
  constructor(
    message: string,
    /** The failure concerns the command line rather than a place in the program (gawk omits the source). */
    readonly global = false,
    /** gawk reports it as an `error:` with status 1 rather than a `fatal:` with status 2. */
    readonly plainError = false,
  ) {
    super(message);
  }
}

/** printf/sprintf formatting with awk's conversions (%c %d %i %o %x %X %u %e %E %f %F %g %G %s %%). */
export function formatAwk(fmt: string, args: readonly Value[], convfmt = '%.6g'): string {
  let out = '';
  let argi = 0;
  let specStart = 0;
  const next = (): Value => {
    if (argi >= args.length) {
      throw new AwkRuntimeError(
        `not enough arguments to satisfy format string\n\t\`${fmt}'\n\t${' '.repeat(specStart + 1)}^ ran out for this one`,
      );
    }
    return args[argi++];
  };
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct === -1) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    specStart = pct;
    i = pct + 1;
    const m = /^([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([hlLqjzt]*)([a-zA-Z%])?/.exec(fmt.slice(i));
    if (m === null || m[5] === undefined) {
      out += '%';
      continue;
    }
    i += m[0].length;
    const flags = m[1] ?? '';
    let width = m[2] === '*' ? Math.trunc(toNum(next())) : m[2] === undefined ? 0 : Number(m[2]);
    let left = flags.includes('-');
    if (width < 0) {
      left = true;
      width = -width;
    }
    let prec: number | undefined = m[3] === undefined ? undefined : m[3] === '*' ? Math.trunc(toNum(next())) : Number(m[3] || '0');
    if (prec !== undefined && prec < 0) prec = undefined;
    const conv = m[5];
    let body: string;
    switch (conv) {
      case '%':
        out += '%';
        continue;
      case 'c': {
        const v = next();
        if (typeof v === 'number' || (v instanceof StrNum && v.numeric !== null)) {
          const code = Math.trunc(toNum(v));
          body = String.fromCodePoint(code >= 0 && code < 0x110000 ? code : 0);
        } else body = [...toStr(v, convfmt)][0] ?? '';
        break;
      }
      case 's': {
        const s = toStr(next(), convfmt);
        body = prec !== undefined ? [...s].slice(0, prec).join('') : s;
        break;
      }
      case 'd':
      case 'i':
      case 'o':
      case 'x':
      case 'X':
      case 'u': {
        const n = toNum(next());
        if (!Number.isFinite(n)) {
          body = Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
          break;
        }
        const t = Math.trunc(n);
        const unsigned = conv !== 'd' && conv !== 'i';
        const neg = t < 0 && !unsigned;
        const mag = t < 0 && unsigned ? BigInt.asUintN(64, BigInt(t)) : BigInt(Math.abs(t));
        let digits =
          conv === 'o' ? mag.toString(8) : conv === 'x' ? mag.toString(16) : conv === 'X' ? mag.toString(16).toUpperCase() : mag.toString();
        if (prec !== undefined) digits = prec === 0 && mag === 0n ? '' : digits.padStart(prec, '0');
        if (flags.includes('#') && mag !== 0n) {
          if (conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
          if (conv === 'x') digits = `0x${digits}`;
          if (conv === 'X') digits = `0X${digits}`;
        }
        const sign = neg ? '-' : conv === 'd' || conv === 'i' ? (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') : '';
        body = pad0(sign, digits, width, flags.includes('0') && !left && prec === undefined);
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
      case 'a':
      case 'A': {
        const n = toNum(next());
        body = formatFloat(n, conv, prec ?? 6, flags, width, left);
        break;
      }
      default:
        out += `%${m[0]}`;
        continue;
    }
    if (body.length < width) body = left ? body.padEnd(width) : body.padStart(width);
    out += body;
  }
  return out;
}

function pad0(sign: string, digits: string, width: number, zero: boolean): string {
  if (zero && sign.length + digits.length < width) return sign + digits.padStart(width - sign.length, '0');
  return sign + digits;
}

function formatFloat(n: number, conv: string, prec: number, flags: string, width: number, left: boolean): string {
  const upper = conv === 'E' || conv === 'G' || conv === 'F' || conv === 'A';
  let sign = n < 0 || Object.is(n, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const a = Math.abs(n);
  let digits: string;
  if (!Number.isFinite(a)) {
    digits = Number.isNaN(a) ? 'nan' : 'inf';
    if (Number.isNaN(n)) sign = flags.includes('+') ? '+' : '';
    if (upper) digits = digits.toUpperCase();
    return sign + digits;
  }
  const lower = conv.toLowerCase();
  if (lower === 'f') digits = a.toFixed(Math.min(prec, 100));
  else if (lower === 'e') digits = expForm(a, prec);
  else if (lower === 'a') digits = a.toString(16);
  else {
    const p = prec === 0 ? 1 : prec;
    const exp = a === 0 ? 0 : Math.floor(Math.log10(a));
    const e2 = a === 0 ? 0 : Number(a.toExponential(p - 1).split('e')[1]);
    const x = Number.isFinite(e2) ? e2 : exp;
    if (x < -4 || x >= p) digits = expForm(a, p - 1);
    else digits = a.toFixed(Math.max(0, p - 1 - x));
    if (!flags.includes('#')) {
      if (digits.includes('e')) digits = digits.replace(/\.?0+e/, 'e');
      else if (digits.includes('.')) digits = digits.replace(/\.?0+$/, '');
    }
  }
  if (upper) digits = digits.toUpperCase();
  if (flags.includes('0') && !left && sign.length + digits.length < width) {
    digits = digits.padStart(width - sign.length, '0');
  }
  return sign + digits;
}

function expForm(a: number, prec: number): string {
  const s = a.toExponential(Math.min(prec, 100));
  const [mant, exp] = s.split('e');
  const e = Number(exp);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}
