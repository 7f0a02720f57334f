/**
 * Key specifications and comparisons of sort: `-k POS1[,POS2]` with per-key ordering letters, field splitting
 * by `-t` or by blank runs (a field then includes its leading blanks, as in GNU sort), and the numeric,
 * general-numeric, human, version, month and text orders. Text comparisons are by UTF-16 code unit, which
 * is byte order for all text outside the astral planes (the C locale's order).
 */

export interface KeyOptions {
  blanks: boolean;
  dictionary: boolean;
  fold: boolean;
  ignoreNonPrinting: boolean;
  numeric: boolean;
  general: boolean;
  human: boolean;
  version: boolean;
  month: boolean;
  reverse: boolean;
}

export interface KeySpec {
  opts: KeyOptions;
  startField: number;
  startChar: number;
  /** Blanks are skipped before the start position (the `b` letter on POS1). */
  startBlanks: boolean;
  /** 0 means the end of the line. */
  endField: number;
  /** 0 means the end of the field. */
  endChar: number;
  endBlanks: boolean;
}

export function emptyOptions(): KeyOptions {
  return {
    blanks: false,
    dictionary: false,
    fold: false,
    ignoreNonPrinting: false,
    numeric: false,
    general: false,
    human: false,
    version: false,
    month: false,
    reverse: false,
  };
}

/** Apply ordering letters to `opts`; false when a letter is unknown. */
export function applyLetters(opts: KeyOptions, letters: string): boolean {
  for (const l of letters) {
    if (l === 'b') opts.blanks = true;
    else if (l === 'd') opts.dictionary = true;
    else if (l === 'f') opts.fold = true;
    else if (l === 'i') opts.ignoreNonPrinting = true;
    else if (l === 'n') opts.numeric = true;
    else if (l === 'g') opts.general = true;
    else if (l === 'h') opts.human = true;
    else if (l === 'V') opts.version = true;
    else if (l === 'M') opts.month = true;
    else if (l === 'r') opts.reverse = true;
    else if (l === 'R') continue;
    else return false;
  }
  return true;
}

export function hasOrdering(o: KeyOptions): boolean {
  return (
    o.blanks ||
    o.dictionary ||
    o.fold ||
    o.ignoreNonPrinting ||
    o.numeric ||
    o.general ||
    o.human ||
    o.version ||
    o.month ||
    o.reverse
  );
}

/** Parse a `-k` argument; a string is the error message. */
export function parseKey(spec: string, global: KeyOptions): KeySpec | string {
  const m = /^(\d+)(?:\.(\d+))?([a-zA-Z]*)(?:,(\d+)(?:\.(\d+))?([a-zA-Z]*))?$/.exec(spec);
  if (m === null) return `invalid number at field start: invalid count at start of \u2018${spec}\u2019`;
  const startField = Number(m[1]);
  if (startField === 0) return `field number is zero: invalid field specification \u2018${spec}\u2019`;
  const startChar = m[2] === undefined ? 1 : Number(m[2]);
  if (startChar === 0) return `character offset is zero: invalid field specification \u2018${spec}\u2019`;
  const opts = emptyOptions();
  const l1 = m[3] ?? '';
  const l2 = m[6] ?? '';
  if (!applyLetters(opts, l1) || !applyLetters(opts, l2)) return `invalid option -- ...: ${spec}`;
  const own = l1 !== '' || l2 !== '';
  return {
    opts: own ? opts : { ...global },
    startField,
    startChar,
    startBlanks: own ? l1.includes('b') : global.blanks,
    endField: m[4] === undefined ? 0 : Number(m[4]),
    endChar: m[5] === undefined ? 0 : Number(m[5]),
    endBlanks: own ? l2.includes('b') : global.blanks,
  };
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Start index of each field (and one past the end) under blank-run or single-character separation. */
function fieldStarts(line: string, sep: string | null): number[] {
  const starts = [0];
  if (sep !== null) {
    for (let i = line.indexOf(sep); i !== -1; i = line.indexOf(sep, i + 1)) starts.push(i + 1);
    return starts;
  }
  let i = 0;
  const n = line.length;
  // Leading blanks belong to the first field.
  while (i < n && isBlank(line.charCodeAt(i))) i++;
  while (i < n) {
    while (i < n && !isBlank(line.charCodeAt(i))) i++;
    if (i >= n) break;
    starts.push(i);
    while (i < n && isBlank(line.charCodeAt(i))) i++;
  }
  return starts;
}

/** The text of a key in a line. */
export function extractKey(line: string, key: KeySpec, sep: string | null): string {
  const starts = fieldStarts(line, sep);
  const fieldEnd = (f: number): number => {
    const next = starts[f];
    if (next === undefined) return line.length;
    return sep === null ? next : next - 1;
  };
  let begin: number;
  const sf = key.startField - 1;
  if (sf >= starts.length) begin = line.length;
  else {
    begin = starts[sf] as number;
    const end = fieldEnd(sf + 1);
    if (key.startBlanks) while (begin < end && isBlank(line.charCodeAt(begin))) begin++;
    begin = Math.min(begin + key.startChar - 1, end);
  }
  let end: number;
  if (key.endField === 0) end = line.length;
  else {
    const ef = key.endField - 1;
    if (ef >= starts.length) end = line.length;
    else if (key.endChar === 0) end = fieldEnd(ef + 1);
    else {
      let s = starts[ef] as number;
      const fe = fieldEnd(ef + 1);
      if (key.endBlanks) while (s < fe && isBlank(line.charCodeAt(s))) s++;
      end = Math.min(s + key.endChar, fe);
    }
  }
  return end > begin ? line.slice(begin, end) : '';
}

const NUMERIC_PREFIX = /^[ \t]*(-?)(\d*)(?:\.(\d*))?/;

export interface NumericKey {
  neg: boolean;
  int: string;
  frac: string;
}

/** The leading number of a key as -n reads it (optional minus, digits, one decimal point). */
export function numericKey(s: string): NumericKey {
  return normalise(NUMERIC_PREFIX.exec(s));
}

/** GNU -n: compares the leading numbers exactly. */
export function compareNumeric(a: string, b: string): number {
  return compareNumericKeys(numericKey(a), numericKey(b));
}

export function compareNumericKeys(na: NumericKey, nb: NumericKey): number {
  if (na.neg !== nb.neg) return na.neg ? -1 : 1;
  const sign = na.neg ? -1 : 1;
  if (na.int.length !== nb.int.length) return sign * (na.int.length - nb.int.length);
  if (na.int !== nb.int) return sign * (na.int < nb.int ? -1 : 1);
  if (na.frac !== nb.frac) return sign * (na.frac < nb.frac ? -1 : 1);
  return 0;
}

function normalise(m: RegExpExecArray | null): NumericKey {
  const int = (m?.[2] ?? '').replace(/^0+/, '');
  const frac = (m?.[3] ?? '').replace(/0+$/, '');
  const zero = int === '' && frac === '';
  return { neg: m?.[1] === '-' && !zero, int, frac };
}

/** GNU -g: strtod's reading; what is not a number sorts first, NaN next. */
export function compareGeneral(a: string, b: string): number {
  const x = general(a);
  const y = general(b);
  if (x === null || y === null) return x === null ? (y === null ? 0 : -1) : 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function general(s: string): number | null {
  const m = /^\s*([-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|inf(?:inity)?|nan|0x[0-9a-f]+))/i.exec(s);
  if (m === null) return null;
  const t = (m[1] ?? '').toLowerCase();
  if (t.endsWith('inf') || t.endsWith('infinity')) return t.startsWith('-') ? -Infinity : Infinity;
  if (t.endsWith('nan')) return Number.NaN;
  return Number(t);
}

const HUMAN = 'KMGTPEZYRQ';

export function compareHuman(a: string, b: string): number {
  const ha = human(a);
  const hb = human(b);
  if (ha.sign !== hb.sign) return ha.sign - hb.sign;
  if (ha.rank !== hb.rank) return ha.sign * (ha.rank - hb.rank);
  return compareNumeric(a, b);
}

function human(s: string): { sign: number; rank: number } {
  const m = /^[ \t]*(-?)(\d*)(?:\.(\d*))?([KMGTPEZYRQk]?)/.exec(s);
  const digits = `${m?.[2] ?? ''}${m?.[3] ?? ''}`.replace(/0/g, '');
  const sign = digits === '' ? 0 : m?.[1] === '-' ? -1 : 1;
  const unit = (m?.[4] ?? '').toUpperCase();
  return { sign, rank: unit === '' ? 0 : HUMAN.indexOf(unit) + 1 };
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export function compareMonth(a: string, b: string): number {
  const ma = MONTHS.indexOf(a.trimStart().slice(0, 3).toUpperCase());
  const mb = MONTHS.indexOf(b.trimStart().slice(0, 3).toUpperCase());
  return ma - mb;
}

/** Debian's version order (as GNU's filevercmp): `~` first, then end, letters, other characters. */
export function compareVersion(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a, i)) || (j < b.length && !isDigit(b, j))) {
      const ac = order(a, i);
      const bc = order(b, j);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a, i) && isDigit(b, j)) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a, i)) return 1;
    if (isDigit(b, j)) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function order(s: string, i: number): number {
  if (i >= s.length || isDigit(s, i)) return 0;
  const c = s.charCodeAt(i);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return c;
  if (c === 126) return -1;
  return c + 256;
}

/** Text transformed for -d, -i and -f. */
export function textKey(s: string, o: KeyOptions): string {
  let t = s;
  if (o.dictionary) t = t.replace(/[^\p{L}\p{N} \t]/gu, '');
  else if (o.ignoreNonPrinting) t = t.replace(/[\x00-\x1f\x7f]/g, '');
  if (o.fold) t = t.toUpperCase();
  return t;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compare two extracted keys under their options (without the reversal). */
export function compareKeys(a: string, b: string, o: KeyOptions): number {
  let x = a;
  let y = b;
  if (o.blanks) {
    x = x.replace(/^[ \t]+/, '');
    y = y.replace(/^[ \t]+/, '');
  }
  if (o.numeric) return compareNumeric(x, y);
  if (o.general) return compareGeneral(x, y);
  if (o.human) return compareHuman(x, y);
  if (o.month) return compareMonth(x, y);
  if (o.version) return compareVersion(x, y);
  if (o.dictionary || o.ignoreNonPrinting || o.fold) return compareText(textKey(x, o), textKey(y, o));
  return compareText(x, y);
}
