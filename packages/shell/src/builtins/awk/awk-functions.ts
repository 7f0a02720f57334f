/**
 * awk's built-in functions that compute (string, regex, math and array functions; gawk's gensub, asort,
 * asorti, systime, strftime). The ones that wait (system, close, fflush) and all input and output are the
 * host's; this module only calls it for formatting and the clock.
 */
import type { Expr } from './awk-ast.js';
import type { AwkArray, AwkInterp } from './awk-interp.js';
import { AwkRuntimeError, compareValues, formatAwk, StrNum, toNum, type Value } from './awk-values.js';

export interface AwkHost {
  write(text: string, redir: { mode: '>' | '>>' | '|'; name: string } | null): void;
  format(fmt: string, args: readonly Value[]): string;
  ioCall(name: string, args: readonly string[]): Promise<Value>;
  nextMainRecord(): Promise<string | null>;
  readFrom(kind: 'file' | 'cmd', name: string): Promise<string | null | -1>;
  /** Move to the next input operand; false when there is none. */
  advanceInput(): Promise<boolean>;
  afterRecord(): Promise<void>;
  yieldPoint(): Promise<void>;
  now(): number;
}

interface RandState {
  seed: number;
  state: number;
}

const rand = new WeakMap<AwkInterp, RandState>();

function nextRandom(st: RandState): number {
  // mulberry32: small, fast and deterministic for a given seed, as awk's rand() must be.
  st.state = (st.state + 0x6d2b79f5) | 0;
  let t = st.state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function charLength(s: string): number {
  return /[\uD800-\uDFFF]/.test(s) ? [...s].length : s.length;
}

/** awk's substr as gawk computes it. */
function substr(s: string, m: number, n: number | undefined): string {
  const chars = /[\uD800-\uDFFF]/.test(s) ? [...s] : null;
  const len = chars === null ? s.length : chars.length;
  // gawk truncates the positions and takes a start before the string as its first character.
  let start = Math.trunc(m);
  if (Number.isNaN(start) || start < 1) start = 1;
  let end = n === undefined ? len + 1 : start + Math.trunc(n);
  if (end > len + 1) end = len + 1;
  if (end <= start) return '';
  return chars === null ? s.slice(start - 1, end - 1) : chars.slice(start - 1, end - 1).join('');
}

/** Expand a sub/gsub replacement: `&` is the match, `\&` a literal ampersand, `\\` a backslash. */
function expandRepl(repl: string, matched: string): string {
  if (!repl.includes('&') && !repl.includes('\\')) return repl;
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i] as string;
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) {
      out += repl[i + 1];
      i++;
    } else if (c === '&') out += matched;
    else out += c;
  }
  return out;
}

function substitute(interp: AwkInterp, args: readonly Expr[], global: boolean): Value {
  const re = interp.regexOf(args[0] as Expr);
  const repl = interp.str(interp.ev(args[1] as Expr));
  const target = args[2];
  const text = target === undefined ? interp.record : interp.str(interp.ev(target));
  let out = '';
  let copied = 0;
  let pos = 0;
  let count = 0;
  let prevEnd = -1;
  while (pos <= text.length) {
    const m = re.exec(text, pos);
    if (m === null) break;
    const s = m[0] as number;
    const e = m[1] as number;
    if (s === e && s === prevEnd) {
      pos = s + 1;
      continue;
    }
    out += text.slice(copied, s) + expandRepl(repl, text.slice(s, e));
    copied = e;
    prevEnd = e;
    count++;
    if (!global) break;
    pos = e === s ? e + 1 : e;
  }
  if (count === 0) return 0;
  out += text.slice(copied);
  if (target === undefined) interp.setField(0, out);
  else if (target.k === 'gvar' || target.k === 'lvar' || target.k === 'field' || target.k === 'index') interp.assign(target, out);
  return count;
}

function gensub(interp: AwkInterp, args: readonly Expr[]): Value {
  const re = interp.regexOf(args[0] as Expr);
  const repl = interp.str(interp.ev(args[1] as Expr));
  const howV = interp.ev(args[2] as Expr);
  const how = interp.str(howV);
  const text = args[3] === undefined ? interp.record : interp.str(interp.ev(args[3]));
  const global = how.startsWith('g') || how.startsWith('G');
  const which = global ? 0 : Math.max(1, Math.trunc(toNum(howV)));
  let out = '';
  let copied = 0;
  let pos = 0;
  let count = 0;
  let prevEnd = -1;
  while (pos <= text.length) {
    const m = re.exec(text, pos);
    if (m === null) break;
    const s = m[0] as number;
    const e = m[1] as number;
    if (s === e && s === prevEnd) {
      pos = s + 1;
      continue;
    }
    count++;
    if (global || count === which) {
      let r = '';
      for (let i = 0; i < repl.length; i++) {
        const c = repl[i] as string;
        const d = repl[i + 1];
        if (c === '\\' && d !== undefined && /[0-9]/.test(d)) {
          const g = Number(d);
          const gs = m[2 * g];
          if (gs !== undefined && gs >= 0) r += text.slice(gs, m[2 * g + 1]);
          i++;
        } else if (c === '\\' && (d === '&' || d === '\\')) {
          r += d;
          i++;
        } else if (c === '&') r += text.slice(s, e);
        else r += c;
      }
      out += text.slice(copied, s) + r;
      copied = e;
      if (!global) break;
    }
    prevEnd = e;
    pos = e === s ? e + 1 : e;
  }
  return out + text.slice(copied);
}

function arrayArg(interp: AwkInterp, e: Expr | undefined, fn: string): AwkArray {
  if (e === undefined || (e.k !== 'gvar' && e.k !== 'lvar')) throw new AwkRuntimeError(`${fn}: second argument is not an array`);
  return interp.arrayOf(e);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return fmt.replace(/%([a-zA-Z%])/g, (all, c: string) => {
    switch (c) {
      case 'Y':
        return String(d.getUTCFullYear());
      case 'm':
        return p2(d.getUTCMonth() + 1);
      case 'd':
        return p2(d.getUTCDate());
      case 'e':
        return String(d.getUTCDate()).padStart(2);
      case 'H':
        return p2(d.getUTCHours());
      case 'M':
        return p2(d.getUTCMinutes());
      case 'S':
        return p2(d.getUTCSeconds());
      case 'a':
        return DAYS[d.getUTCDay()] ?? '';
      case 'b':
        return MONTHS[d.getUTCMonth()] ?? '';
      case 'Z':
        return 'UTC';
      case 'j':
        return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1).padStart(3, '0');
      case 's':
        return String(Math.floor(ms / 1000));
      case '%':
        return '%';
      default:
        return all;
    }
  });
}

export function callBuiltin(interp: AwkInterp, name: string, args: readonly Expr[]): Value {
  const num = (i: number): number => toNum(interp.ev(args[i] as Expr));
  const str = (i: number): string => interp.str(interp.ev(args[i] as Expr));
  switch (name) {
    case 'length': {
      const a = args[0];
      if (a === undefined) return charLength(interp.record);
      if (a.k === 'gvar' || a.k === 'lvar') {
        const size = interp.arraySize(a);
        if (size !== null) return size;
      }
      return charLength(str(0));
    }
    case 'substr':
      return substr(str(0), num(1), args[2] === undefined ? undefined : num(2));
    case 'index': {
      const s = str(0);
      const t = str(1);
      const at = s.indexOf(t);
      return at < 0 ? 0 : charLength(s.slice(0, at)) + 1;
    }
    case 'split': {
      const s = str(0);
      const arr = arrayArg(interp, args[1], 'split');
      let parts: string[];
      const sepE = args[2];
      if (sepE === undefined) parts = interp.splitText(s, interp.fs);
      else if (sepE.k === 'regex') parts = s === '' ? [] : interp.regexSplit(s, interp.regex(sepE.src));
      else parts = interp.splitText(s, interp.str(interp.ev(sepE)));
      arr.clear();
      for (const [i, p] of parts.entries()) arr.set(String(i + 1), new StrNum(p));
      return parts.length;
    }
    case 'sub':
      return substitute(interp, args, false);
    case 'gsub':
      return substitute(interp, args, true);
    case 'gensub':
      return gensub(interp, args);
    case 'match': {
      const s = str(0);
      const m = interp.regexOf(args[1] as Expr).exec(s, 0);
      const start = m === null ? 0 : charLength(s.slice(0, m[0])) + 1;
      const len = m === null ? -1 : charLength(s.slice(m[0], m[1]));
      interp.setVar('RSTART', start);
      interp.setVar('RLENGTH', len);
      if (args[2] !== undefined) {
        const arr = arrayArg(interp, args[2], 'match');
        arr.clear();
        if (m !== null) {
          for (let g = 0; 2 * g < m.length; g++) {
            const gs = m[2 * g] as number;
            if (gs < 0) continue;
            arr.set(String(g), new StrNum(s.slice(gs, m[2 * g + 1])));
            arr.set(`${g}${interp.subsep}start`, charLength(s.slice(0, gs)) + 1);
            arr.set(`${g}${interp.subsep}length`, (m[2 * g + 1] as number) - gs);
          }
        }
      }
      return start;
    }
    case 'sprintf':
      return args.length === 0 ? '' : interp.host.format(str(0), args.slice(1).map((a) => interp.ev(a)));
    case 'sin':
      return Math.sin(num(0));
    case 'cos':
      return Math.cos(num(0));
    case 'atan2':
      return Math.atan2(num(0), num(1));
    case 'exp':
      return Math.exp(num(0));
    case 'log':
      return Math.log(num(0));
    case 'sqrt':
      return Math.sqrt(num(0));
    case 'int':
      return Math.trunc(num(0));
    case 'rand': {
      let st = rand.get(interp);
      if (st === undefined) {
        st = { seed: 0, state: 0 };
        rand.set(interp, st);
      }
      return nextRandom(st);
    }
    case 'srand': {
      const st = rand.get(interp) ?? { seed: 0, state: 0 };
      const prev = st.seed;
      st.seed = args[0] === undefined ? Math.floor(interp.host.now() / 1000) : num(0);
      st.state = Math.trunc(st.seed);
      rand.set(interp, st);
      return prev;
    }
    case 'tolower':
      return str(0).toLowerCase();
    case 'toupper':
      return str(0).toUpperCase();
    case 'systime':
      return Math.floor(interp.host.now() / 1000);
    case 'strftime': {
      const fmt = args[0] === undefined ? '%a %b %e %H:%M:%S %Z %Y' : str(0);
      const ts = args[1] === undefined ? interp.host.now() : num(1) * 1000;
      return strftime(fmt, ts);
    }
    case 'asort':
    case 'asorti': {
      const src = arrayArg(interp, args[0], name);
      const dest = args[1] === undefined ? src : arrayArg(interp, args[1], name);
      const items: Value[] = name === 'asort' ? [...src.values()] : [...src.keys()];
      items.sort((a, b) => compareValues(a, b, interp.convfmt));
      dest.clear();
      for (const [i, v] of items.entries()) dest.set(String(i + 1), v);
      return items.length;
    }
    default:
      throw new AwkRuntimeError(`function \`${name}' is not supported`);
  }
}

export { formatAwk };
