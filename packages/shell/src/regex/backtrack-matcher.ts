/**
 * A small backtracking matcher over the parsed tree, used only for patterns with back-references, which no
 * linear-time engine can match. Every step is counted against a budget; past it the match fails with a
 * RegexError instead of running on, so a hostile pattern costs a bounded amount of time. Repetitions are
 * greedy and the first match found at the leftmost position wins (POSIX asks for the longest; for the
 * patterns that reach this engine the two rarely differ).
 */
import { SHELL_LIMITS } from '@burrow/protocol';
import { emitSet } from './emit-regex.js';
import { type RegexNode, RegexError } from './parse-regex.js';

/** Steps one search may take before it is abandoned; about a tenth of a second of work. */
export const BACKTRACK_STEPS_MAX = SHELL_LIMITS.regexBacktrackStepsMax;

type Cont = (pos: number) => boolean;

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

export class BacktrackMatcher {
  private readonly sets = new Map<RegexNode, RegExp>();
  private text = '';
  private caps: number[] = [];
  private steps = 0;
  private readonly fold: (s: string) => string;

  constructor(
    private readonly root: RegexNode,
    private readonly groups: number,
    private readonly ignoreCase: boolean,
  ) {
    this.fold = ignoreCase ? (s) => s.toLowerCase() : (s) => s;
  }

  /** [start, end] of the whole match and of each group (-1 when unset), or null. */
  exec(text: string, from: number): number[] | null {
    this.text = text;
    this.steps = 0;
    for (let start = from; start <= text.length; start++) {
      this.caps = new Array<number>(2 * this.groups + 2).fill(-1);
      let end = -1;
      const ok = this.guard(() =>
        this.m(this.root, start, (p) => {
          end = p;
          return true;
        }),
      );
      if (ok) {
        this.caps[0] = start;
        this.caps[1] = end;
        return this.caps;
      }
    }
    return null;
  }

  private guard(f: () => boolean): boolean {
    try {
      return f();
    } catch (err) {
      if (err instanceof RangeError) throw new RegexError('regular expression too complex (backtracking stack exhausted)');
      throw err;
    }
  }

  private step(): void {
    if (++this.steps > BACKTRACK_STEPS_MAX) {
      throw new RegexError('regular expression too complex (backtracking step limit exceeded)');
    }
  }

  private setRe(n: RegexNode & { t: 'set' }): RegExp {
    let re = this.sets.get(n);
    if (re === undefined) {
      re = new RegExp(`^${emitSet(n.neg, n.items, 'native')}$`, this.ignoreCase ? 'iu' : 'u');
      this.sets.set(n, re);
    }
    return re;
  }

  private charAt(pos: number): string {
    const cp = this.text.codePointAt(pos);
    if (cp === undefined) return '';
    return cp > 0xffff ? this.text.slice(pos, pos + 2) : (this.text[pos] as string);
  }

  private wordBefore(pos: number): boolean {
    return pos > 0 && isWordCode(this.text.charCodeAt(pos - 1));
  }

  private wordAt(pos: number): boolean {
    return pos < this.text.length && isWordCode(this.text.charCodeAt(pos));
  }

  private m(n: RegexNode, pos: number, k: Cont): boolean {
    this.step();
    const t = this.text;
    switch (n.t) {
      case 'char': {
        const c = this.charAt(pos);
        if (c === '') return false;
        const want = String.fromCodePoint(n.cp);
        if (c !== want && this.fold(c) !== this.fold(want)) return false;
        return k(pos + c.length);
      }
      case 'any': {
        const c = this.charAt(pos);
        return c !== '' && k(pos + c.length);
      }
      case 'set': {
        const c = this.charAt(pos);
        return c !== '' && this.setRe(n).test(c) && k(pos + c.length);
      }
      case 'bol':
      case 'bufStart':
        return pos === 0 && k(pos);
      case 'eol':
      case 'bufEnd':
        return pos === t.length && k(pos);
      case 'wordB':
        return this.wordBefore(pos) !== this.wordAt(pos) && k(pos);
      case 'notWordB':
        return this.wordBefore(pos) === this.wordAt(pos) && k(pos);
      case 'wordStart':
        return !this.wordBefore(pos) && this.wordAt(pos) && k(pos);
      case 'wordEnd':
        return this.wordBefore(pos) && !this.wordAt(pos) && k(pos);
      case 'group': {
        const i = 2 * n.index;
        const oldS = this.caps[i] as number;
        const oldE = this.caps[i + 1] as number;
        const ok = this.m(n.body, pos, (end) => {
          const s0 = this.caps[i] as number;
          const e0 = this.caps[i + 1] as number;
          this.caps[i] = pos;
          this.caps[i + 1] = end;
          if (k(end)) return true;
          this.caps[i] = s0;
          this.caps[i + 1] = e0;
          return false;
        });
        if (!ok) {
          this.caps[i] = oldS;
          this.caps[i + 1] = oldE;
        }
        return ok;
      }
      case 'alt':
        for (const a of n.alts) if (this.m(a, pos, k)) return true;
        return false;
      case 'cat':
        return this.seq(n.items, 0, pos, k);
      case 'rep':
        return this.rep(n, 0, pos, k);
      case 'backref': {
        const s = this.caps[2 * n.n] as number;
        const e = this.caps[2 * n.n + 1] as number;
        if (s < 0) return false;
        const sub = t.slice(s, e);
        const here = t.slice(pos, pos + sub.length);
        if (here.length !== sub.length || this.fold(here) !== this.fold(sub)) return false;
        return k(pos + sub.length);
      }
    }
  }

  private seq(items: readonly RegexNode[], i: number, pos: number, k: Cont): boolean {
    const n = items[i];
    if (n === undefined) return k(pos);
    return this.m(n, pos, (p) => this.seq(items, i + 1, p, k));
  }

  private rep(n: RegexNode & { t: 'rep' }, count: number, pos: number, k: Cont): boolean {
    if (count < n.max) {
      const more = this.m(n.body, pos, (p) => {
        // An iteration that consumes nothing cannot lead anywhere new.
        if (p === pos && count >= n.min) return false;
        return this.rep(n, count + 1, p, k);
      });
      if (more) return true;
    }
    return count >= n.min && k(pos);
  }
}
