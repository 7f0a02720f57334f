/**
 * bc's arbitrary-precision decimal numbers: a BigInt of units of 10^-scale. The operations compute the result
 * scales bc defines (multiplication keeps min(a+b, max(scale, a, b)) digits, division and remainder use the
 * `scale` variable, and so on) and truncate, never round, as bc does.
 */

export interface Num {
  v: bigint;
  scale: number;
}

export class BcError extends Error {}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

export function num(v: bigint, scale: number): Num {
  return { v, scale };
}

export const ZERO: Num = { v: 0n, scale: 0 };

export function rescale(a: Num, scale: number): Num {
  if (scale === a.scale) return a;
  if (scale > a.scale) return { v: a.v * pow10(scale - a.scale), scale };
  return { v: a.v / pow10(a.scale - scale), scale };
}

export function parseNum(text: string, ibase = 10): Num {
  const [int = '', frac = ''] = text.split('.');
  if (ibase === 10 && /^[0-9]*$/.test(int + frac)) return { v: BigInt(`${int || '0'}${frac}`), scale: frac.length };
  const digit = (c: string): number => {
    const d = Number.parseInt(c, 36);
    return Math.min(d, ibase - 1);
  };
  let v = 0n;
  for (const c of int) v = v * BigInt(ibase) + BigInt(digit(c));
  if (frac === '') return { v, scale: 0 };
  // A fraction in another base keeps as many decimal digits as it has digits.
  let f: Num = { v: 0n, scale: frac.length };
  let weight: Num = { v: pow10(frac.length), scale: frac.length };
  for (const c of frac) {
    weight = div(weight, { v: BigInt(ibase), scale: 0 }, frac.length);
    f = add(f, mul(weight, { v: BigInt(digit(c)), scale: 0 }, frac.length));
  }
  return add({ v, scale: 0 }, f);
}

export function add(a: Num, b: Num): Num {
  const s = Math.max(a.scale, b.scale);
  return { v: rescale(a, s).v + rescale(b, s).v, scale: s };
}

export function sub(a: Num, b: Num): Num {
  return add(a, { v: -b.v, scale: b.scale });
}

export function mul(a: Num, b: Num, scale: number): Num {
  const full = { v: a.v * b.v, scale: a.scale + b.scale };
  return rescale(full, Math.min(a.scale + b.scale, Math.max(scale, a.scale, b.scale)));
}

export function div(a: Num, b: Num, scale: number): Num {
  if (b.v === 0n) throw new BcError('Divide by zero');
  // a/b at `scale` digits: (a.v * 10^(scale + b.scale - a.scale)) / b.v, with the shift kept non-negative.
  const shift = scale + b.scale - a.scale;
  const v = shift >= 0 ? (a.v * pow10(shift)) / b.v : a.v / (b.v * pow10(-shift));
  return { v, scale };
}

export function mod(a: Num, b: Num, scale: number): Num {
  if (b.v === 0n) throw new BcError('Modulo by zero');
  const q = div(a, b, scale);
  return sub(a, mul(q, b, Math.max(scale + b.scale, a.scale)));
}

export function power(a: Num, b: Num, scale: number): Num {
  const e = rescale(b, 0).v;
  const n = e < 0n ? -e : e;
  let result: Num = { v: 1n, scale: 0 };
  let base = a;
  let k = n;
  const workScale = Math.max(scale, a.scale);
  while (k > 0n) {
    if (k & 1n) result = { v: result.v * base.v, scale: result.scale + base.scale };
    base = { v: base.v * base.v, scale: base.scale * 2 };
    k >>= 1n;
    // Keep intermediate precision bounded.
    if (base.scale > workScale * 2 + 10) base = rescale(base, workScale * 2 + 10);
    if (result.scale > workScale * 2 + 10) result = rescale(result, workScale * 2 + 10);
  }
  if (e < 0n) return div({ v: 1n, scale: 0 }, result, scale);
  return rescale(result, Math.min(a.scale * Number(n), workScale));
}

export function sqrt(a: Num, scale: number): Num {
  if (a.v < 0n) throw new BcError('Square root of a negative number');
  const s = Math.max(scale, a.scale);
  // isqrt(a * 10^(2s)) in units of 10^-s.
  const target = rescale(a, 2 * s).v;
  if (target === 0n) return { v: 0n, scale: s };
  let x = BigInt(Math.floor(Math.sqrt(Number(target)))) || 1n;
  for (;;) {
    const y = (x + target / x) / 2n;
    if (y >= x - 1n && y <= x + 1n) {
      let r = y;
      while (r * r > target) r--;
      while ((r + 1n) * (r + 1n) <= target) r++;
      return { v: r, scale: s };
    }
    x = y;
  }
}

export function compareNum(a: Num, b: Num): number {
  const s = Math.max(a.scale, b.scale);
  const x = rescale(a, s).v;
  const y = rescale(b, s).v;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZero(a: Num): boolean {
  return a.v === 0n;
}

export function fromNumber(x: number, scale: number): Num {
  if (!Number.isFinite(x)) throw new BcError('result out of range');
  const n = rescale(parseNum(Math.abs(x).toFixed(Math.min(scale, 20))), scale);
  return x < 0 ? { v: -n.v, scale } : n;
}

export function toNumber(a: Num): number {
  return Number(a.v) / 10 ** a.scale;
}

/** bc's output form: no leading zero before the point, digits in `obase`, lines broken at 70 columns. */
export function formatNum(a: Num, obase = 10): string {
  const neg = a.v < 0n;
  const abs = neg ? -a.v : a.v;
  let text: string;
  if (obase === 10) {
    const digits = abs.toString().padStart(a.scale + 1, '0');
    const int = digits.slice(0, digits.length - a.scale).replace(/^0+(?=\d)/, '');
    const frac = a.scale > 0 ? digits.slice(digits.length - a.scale) : '';
    text = `${int === '0' && frac !== '' ? '' : int}${frac === '' ? '' : `.${frac}`}`;
  } else {
    const intPart = abs / pow10(a.scale);
    const digit = (d: bigint): string =>
      obase <= 16 ? d.toString(16).toUpperCase() : ` ${d.toString().padStart(String(obase - 1).length, '0')}`;
    let int = '';
    for (let n = intPart; n > 0n; n /= BigInt(obase)) int = digit(n % BigInt(obase)) + int;
    if (int === '') int = '0';
    text = int;
    if (a.scale > 0) {
      let frac = abs - intPart * pow10(a.scale);
      let out = '';
      let precision = 1n;
      while (precision < pow10(a.scale)) {
        frac *= BigInt(obase);
        out += digit(frac / pow10(a.scale));
        frac %= pow10(a.scale);
        precision *= BigInt(obase);
      }
      text = `${int === '0' ? '' : int}.${out}`;
    }
  }
  if (neg && abs !== 0n) text = `-${text}`;
  return wrap(text);
}

function wrap(text: string): string {
  if (text.length <= 70) return text;
  let out = '';
  let i = 0;
  while (text.length - i > 69) {
    out += `${text.slice(i, i + 68)}\\\n`;
    i += 68;
  }
  return out + text.slice(i);
}
