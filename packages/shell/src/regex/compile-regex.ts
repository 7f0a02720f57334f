/**
 * The regular-expression layer of the shell: compiles a POSIX basic or extended regex (GNU flavour, or
 * awk's) and picks an engine per pattern and per text.
 *
 * - a plain literal (optionally anchored) is matched with string search;
 * - back-references go to the step-budgeted backtracking matcher;
 * - everything else runs on re2js (linear time, leftmost-longest), except where V8's RegExp is provably
 *   cheap: a pattern without nested choices and with k choice points backtracks at most ~n^(k+1) steps on a
 *   text of length n, so V8 is used only while that bound stays under NATIVE_STEPS_MAX, and, for match
 *   positions, only for patterns without alternation (where greedy and POSIX longest agree in practice).
 *
 * Positions are UTF-16 indices into the text. Every engine treats `^`/`$` as the ends of the whole text and
 * lets `.` match a newline, as sed's pattern space and awk's strings need.
 */
import { SHELL_LIMITS } from '@burrow/protocol';
import { RE2JS } from 're2js';
import { BacktrackMatcher } from './backtrack-matcher.js';
import { analyseRegex, emitRegex } from './emit-regex.js';
import { type ParsedRegex, parseRegex, RegexError, type RegexSyntax } from './parse-regex.js';

export { RegexError };
export type { RegexSyntax };

/** Backtracking steps V8's engine may be exposed to on one text (its worst case, not its usual cost). */
const NATIVE_STEPS_MAX = SHELL_LIMITS.regexNativeStepsMax;
/** Compiled patterns kept for reuse (awk's dynamic regexes recompile the same strings). */
const CACHE_ENTRIES_MAX = SHELL_LIMITS.regexCacheEntriesMax;

export interface RegexOptions {
  syntax: RegexSyntax;
  ignoreCase?: boolean;
  /** Match only the whole text (grep -x), as if the pattern were wrapped in `^(…)$` without a group. */
  wholeLine?: boolean;
}

export interface Regex {
  readonly groups: number;
  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean;
  /**
   * The leftmost match starting at or after `from`: [start, end] of the whole match followed by the pair
   * of each group (-1 when a group took no part), or null.
   */
  exec(text: string, from?: number): number[] | null;
}

const cache = new Map<string, Regex>();

export function compileRegex(pattern: string, opts: RegexOptions): Regex {
  const key = `${opts.syntax}${opts.ignoreCase ? 'i' : ''}${opts.wholeLine ? 'x' : ''}:${pattern}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const parsed = parseRegex(pattern, opts.syntax);
  if (opts.wholeLine) {
    const inner = parsed.root.t === 'cat' ? parsed.root.items : [parsed.root];
    parsed.root = { t: 'cat', items: [{ t: 'bol' }, ...inner, { t: 'eol' }] };
  }
  const re = new CompiledRegex(parsed, opts.ignoreCase === true);
  if (cache.size >= CACHE_ENTRIES_MAX) {
    const first = cache.keys().next();
    if (first.done !== true) cache.delete(first.value);
  }
  cache.set(key, re);
  return re;
}

class CompiledRegex implements Regex {
  readonly groups: number;
  private readonly literal: { text: string; bol: boolean; eol: boolean } | null = null;
  private readonly backtrack: BacktrackMatcher | null = null;
  private readonly nativeTest: RegExp | null = null;
  private readonly nativeExec: RegExp | null = null;
  private readonly nativeLenMax: number = 0;
  private readonly execNative: boolean = false;
  private re2: RE2JS | null = null;
  private re2Failed = false;
  private readonly re2Source: string = '';

  constructor(
    private readonly parsed: ParsedRegex,
    private readonly ignoreCase: boolean,
  ) {
    this.groups = parsed.groups;
    if (parsed.hasBackref) {
      this.backtrack = new BacktrackMatcher(parsed.root, parsed.groups, ignoreCase);
      return;
    }
    const a = analyseRegex(parsed.root);
    if (a.literal !== null && !ignoreCase) {
      this.literal = a.literal;
      return;
    }
    this.re2Source = emitRegex(parsed.root, 're2');
    if (!a.nestedChoice) {
      const src = emitRegex(parsed.root, 'native');
      const flags = ignoreCase ? 'sui' : 'su';
      try {
        this.nativeTest = new RegExp(src, flags);
        this.nativeExec = new RegExp(src, `${flags}g${parsed.groups > 0 ? 'd' : ''}`);
        this.nativeLenMax = Math.floor(NATIVE_STEPS_MAX ** (1 / (a.choicePoints + 1)));
        this.execNative = !a.hasAlternation;
      } catch {
        this.nativeTest = null;
        this.nativeExec = null;
      }
    }
  }

  test(text: string): boolean {
    const lit = this.literal;
    if (lit !== null) {
      if (lit.bol && lit.eol) return text === lit.text;
      if (lit.bol) return text.startsWith(lit.text);
      if (lit.eol) return text.endsWith(lit.text);
      return text.includes(lit.text);
    }
    if (this.nativeTest !== null && text.length <= this.nativeLenMax) return this.nativeTest.test(text);
    return this.exec(text, 0) !== null;
  }

  exec(text: string, from = 0): number[] | null {
    if (from > text.length) return null;
    const lit = this.literal;
    if (lit !== null) return this.execLiteral(lit, text, from);
    if (this.backtrack !== null) return this.backtrack.exec(text, from);
    if (this.nativeExec !== null && this.execNative && text.length <= this.nativeLenMax) {
      return this.execV8(this.nativeExec, text, from);
    }
    const re2 = this.re2Engine();
    if (re2 === null) return this.fallback().exec(text, from);
    const m = re2.matcher(text);
    if (!m.find(from)) return null;
    const out = [m.start(), m.end()];
    for (let g = 1; g <= this.groups; g++) out.push(m.start(g), m.end(g));
    return out;
  }

  private execLiteral(lit: { text: string; bol: boolean; eol: boolean }, text: string, from: number): number[] | null {
    let at: number;
    if (lit.bol) {
      if (from > 0 || !text.startsWith(lit.text)) return null;
      at = 0;
    } else if (lit.eol) {
      at = text.length - lit.text.length;
      if (at < from || !text.endsWith(lit.text)) return null;
    } else {
      at = text.indexOf(lit.text, from);
      if (at < 0) return null;
    }
    if (lit.eol && at + lit.text.length !== text.length) return null;
    return [at, at + lit.text.length];
  }

  private execV8(re: RegExp, text: string, from: number): number[] | null {
    re.lastIndex = from;
    const m = re.exec(text);
    if (m === null) return null;
    const out = [m.index, m.index + (m[0] as string).length];
    if (this.groups > 0) {
      const idx = m.indices;
      for (let g = 1; g <= this.groups; g++) {
        const pair = idx?.[g];
        if (pair === undefined) out.push(-1, -1);
        else out.push(pair[0], pair[1]);
      }
    }
    return out;
  }

  private re2Engine(): RE2JS | null {
    if (this.re2 !== null || this.re2Failed) return this.re2;
    try {
      let flags = RE2JS.DOTALL | RE2JS.LONGEST_MATCH;
      if (this.ignoreCase) flags |= RE2JS.CASE_INSENSITIVE;
      this.re2 = RE2JS.compile(this.re2Source, flags);
    } catch {
      // RE2 refuses some valid POSIX patterns (repetition counts over 1000): the budgeted matcher takes them.
      this.re2Failed = true;
    }
    return this.re2;
  }

  private fallbackMatcher: BacktrackMatcher | null = null;

  private fallback(): BacktrackMatcher {
    this.fallbackMatcher ??= new BacktrackMatcher(this.parsed.root, this.parsed.groups, this.ignoreCase);
    return this.fallbackMatcher;
  }
}
