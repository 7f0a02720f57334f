/**
 * Parser of POSIX regular expressions (basic and extended, with the GNU extensions grep and sed accept, and
 * awk's escape rules) into a small syntax tree that every engine of this layer consumes. The tree is plain
 * data; parsing never matches anything. Errors are RegexError with GNU's wording.
 */

export type ClassName =
  | 'alpha'
  | 'digit'
  | 'alnum'
  | 'upper'
  | 'lower'
  | 'space'
  | 'blank'
  | 'punct'
  | 'print'
  | 'graph'
  | 'cntrl'
  | 'xdigit'
  | 'word';

export type SetItem = { lo: number; hi: number } | { cls: ClassName };

export type RegexNode =
  | { t: 'char'; cp: number }
  | { t: 'any' }
  | { t: 'set'; neg: boolean; items: SetItem[] }
  | { t: 'bol' }
  | { t: 'eol' }
  | { t: 'bufStart' }
  | { t: 'bufEnd' }
  | { t: 'wordB' }
  | { t: 'notWordB' }
  | { t: 'wordStart' }
  | { t: 'wordEnd' }
  | { t: 'group'; index: number; body: RegexNode }
  | { t: 'alt'; alts: RegexNode[] }
  | { t: 'cat'; items: RegexNode[] }
  | { t: 'rep'; min: number; max: number; body: RegexNode }
  | { t: 'backref'; n: number };

export type RegexSyntax = 'bre' | 'ere' | 'awk';

export interface ParsedRegex {
  root: RegexNode;
  groups: number;
  hasBackref: boolean;
}

export class RegexError extends Error {}

/** Largest repetition count, as glibc's RE_DUP_MAX. */
const DUP_MAX = 32767;

const CLASS_NAMES = new Set<string>([
  'alpha',
  'digit',
  'alnum',
  'upper',
  'lower',
  'space',
  'blank',
  'punct',
  'print',
  'graph',
  'cntrl',
  'xdigit',
]);

const AWK_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, a: 7, b: 8, '/': 47, '"': 34 };

export function parseRegex(source: string, syntax: RegexSyntax): ParsedRegex {
  return new Parser(source, syntax).parse();
}

class Parser {
  private i = 0;
  private groups = 0;
  private hasBackref = false;
  private readonly ere: boolean;
  private readonly openGroups: number[] = [];
  private readonly closedGroups = new Set<number>();

  constructor(
    private readonly s: string,
    private readonly syntax: RegexSyntax,
  ) {
    this.ere = syntax !== 'bre';
  }

  parse(): ParsedRegex {
    const root = this.alternation(0);
    if (this.i < this.s.length) {
      // Only an unmatched close-group can stop the top level.
      throw new RegexError('Unmatched ) or \\)');
    }
    return { root, groups: this.groups, hasBackref: this.hasBackref };
  }

  private atCloseGroup(): boolean {
    if (this.ere) return this.s[this.i] === ')' && this.openGroups.length > 0;
    return this.s[this.i] === '\\' && this.s[this.i + 1] === ')';
  }

  private atAlt(): boolean {
    if (this.ere) return this.s[this.i] === '|';
    return this.s[this.i] === '\\' && this.s[this.i + 1] === '|';
  }

  private alternation(depth: number): RegexNode {
    const alts: RegexNode[] = [this.concatenation(depth)];
    while (this.atAlt()) {
      this.i += this.ere ? 1 : 2;
      alts.push(this.concatenation(depth));
    }
    return alts.length === 1 && alts[0] !== undefined ? alts[0] : { t: 'alt', alts };
  }

  private concatenation(depth: number): RegexNode {
    const items: RegexNode[] = [];
    const start = this.i;
    while (this.i < this.s.length && !this.atAlt() && !this.atCloseGroup()) {
      if (!this.ere && this.s[this.i] === '\\' && this.s[this.i + 1] === ')') break;
      const atStart = this.i === start;
      const atom = this.atom(atStart, depth);
      items.push(this.quantifiers(atom));
    }
    if (!this.ere && this.s[this.i] === '\\' && this.s[this.i + 1] === ')' && depth === 0) {
      throw new RegexError('Unmatched ) or \\)');
    }
    return items.length === 1 && items[0] !== undefined ? items[0] : { t: 'cat', items };
  }

  private isQuantifierStart(): boolean {
    const c = this.s[this.i];
    if (c === '*') return true;
    if (this.ere) return c === '+' || c === '?' || (c === '{' && this.validInterval(this.i + 1));
    if (c !== '\\') return false;
    const d = this.s[this.i + 1];
    return d === '+' || d === '?' || d === '{';
  }

  private validInterval(at: number): boolean {
    return /^(\d*)(,(\d*))?\}/.test(this.s.slice(at, at + 16)) && this.s[at] !== '}';
  }

  private quantifiers(atom: RegexNode): RegexNode {
    let node = atom;
    while (this.i < this.s.length && this.isQuantifierStart()) {
      if (atom.t === 'bol' || atom.t === 'eol') {
        if (this.ere) throw new RegexError('Invalid preceding regular expression');
        break;
      }
      let c = this.s[this.i];
      if (c === '\\') {
        this.i++;
        c = this.s[this.i];
      }
      this.i++;
      if (c === '*') node = { t: 'rep', min: 0, max: Infinity, body: node };
      else if (c === '+') node = { t: 'rep', min: 1, max: Infinity, body: node };
      else if (c === '?') node = { t: 'rep', min: 0, max: 1, body: node };
      else node = this.interval(node);
    }
    return node;
  }

  private interval(body: RegexNode): RegexNode {
    const close = this.ere ? '}' : '\\}';
    const end = this.s.indexOf(close, this.i);
    if (end === -1) throw new RegexError(this.ere ? 'Unmatched { or \\{' : 'Unmatched \\{');
    const m = /^(\d*)(,(\d*))?$/.exec(this.s.slice(this.i, end));
    if (m === null) throw new RegexError('Invalid content of \\{\\}');
    this.i = end + close.length;
    const min = m[1] === '' || m[1] === undefined ? 0 : Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
    if (min > DUP_MAX || (max !== Infinity && max > DUP_MAX)) throw new RegexError('Regular expression too big');
    if (max < min) throw new RegexError('Invalid content of \\{\\}');
    return { t: 'rep', min, max, body };
  }

  private atom(atStart: boolean, depth: number): RegexNode {
    const c = this.s[this.i] as string;
    if (c === '^') {
      if (this.ere || atStart) {
        this.i++;
        return { t: 'bol' };
      }
      this.i++;
      return { t: 'char', cp: 94 };
    }
    if (c === '$') {
      this.i++;
      if (this.ere || this.atEndOfBranch()) return { t: 'eol' };
      return { t: 'char', cp: 36 };
    }
    if (c === '*' && atStart) {
      // GNU takes a leading `*` literally in both syntaxes.
      this.i++;
      return { t: 'char', cp: 42 };
    }
    if (this.ere && (c === '+' || c === '?') && atStart) {
      this.i++;
      return { t: 'char', cp: c.charCodeAt(0) };
    }
    if (this.ere && c === '{' && atStart) {
      this.i++;
      return { t: 'char', cp: 123 };
    }
    if (c === '.') {
      this.i++;
      return { t: 'any' };
    }
    if (c === '[') return this.bracket();
    if (this.ere && c === '(') {
      this.i++;
      return this.group(depth);
    }
    if (this.ere && c === ')') {
      this.i++;
      return { t: 'char', cp: 41 };
    }
    if (c === '\\') return this.escape(depth);
    const cp = this.s.codePointAt(this.i) ?? 0;
    this.i += cp > 0xffff ? 2 : 1;
    return { t: 'char', cp };
  }

  private atEndOfBranch(): boolean {
    if (this.i >= this.s.length) return true;
    return this.atAlt() || this.atCloseGroup();
  }

  private group(depth: number): RegexNode {
    const index = ++this.groups;
    this.openGroups.push(index);
    const body = this.alternation(depth + 1);
    if (this.ere) {
      if (this.s[this.i] !== ')') throw new RegexError('Unmatched ( or \\(');
      this.i++;
    } else {
      if (!(this.s[this.i] === '\\' && this.s[this.i + 1] === ')')) throw new RegexError('Unmatched ( or \\(');
      this.i += 2;
    }
    this.openGroups.pop();
    this.closedGroups.add(index);
    return { t: 'group', index, body };
  }

  private escape(depth: number): RegexNode {
    const d = this.s[this.i + 1];
    if (d === undefined) throw new RegexError('Trailing backslash');
    this.i += 2;
    if (!this.ere && d === '(') return this.group(depth);
    if (d >= '1' && d <= '9' && this.syntax !== 'awk') {
      const n = d.charCodeAt(0) - 48;
      if (!this.closedGroups.has(n)) throw new RegexError('Invalid back reference');
      this.hasBackref = true;
      return { t: 'backref', n };
    }
    switch (d) {
      case 'w':
        return { t: 'set', neg: false, items: [{ cls: 'word' }] };
      case 'W':
        return { t: 'set', neg: true, items: [{ cls: 'word' }] };
      case 's':
        return { t: 'set', neg: false, items: [{ cls: 'space' }] };
      case 'S':
        return { t: 'set', neg: true, items: [{ cls: 'space' }] };
      case 'b':
        if (this.syntax === 'awk') return { t: 'char', cp: 8 };
        return { t: 'wordB' };
      case 'B':
        return { t: 'notWordB' };
      case '<':
        return { t: 'wordStart' };
      case '>':
        return { t: 'wordEnd' };
      case '`':
        return { t: 'bufStart' };
      case "'":
        return { t: 'bufEnd' };
      case 'n':
        return { t: 'char', cp: 10 };
      case 't':
        return { t: 'char', cp: 9 };
    }
    if (this.syntax === 'awk') {
      const e = AWK_ESCAPES[d];
      if (e !== undefined) return { t: 'char', cp: e };
      if (d === 'y') return { t: 'wordB' };
    }
    const cp = this.s.codePointAt(this.i - 1) ?? 0;
    if (cp > 0xffff) this.i++;
    return { t: 'char', cp };
  }

  private bracket(): RegexNode {
    const s = this.s;
    let i = this.i + 1;
    let neg = false;
    if (s[i] === '^') {
      neg = true;
      i++;
    }
    const items: SetItem[] = [];
    let first = true;
    for (;;) {
      if (i >= s.length) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const c = s[i] as string;
      if (c === ']' && !first) {
        i++;
        break;
      }
      first = false;
      let lo: number;
      if (c === '[' && (s[i + 1] === ':' || s[i + 1] === '=' || s[i + 1] === '.')) {
        const kind = s[i + 1] as string;
        const end = s.indexOf(`${kind}]`, i + 2);
        if (end === -1) throw new RegexError('Unmatched [, [^, [:, [., or [=');
        const name = s.slice(i + 2, end);
        i = end + 2;
        if (kind === ':') {
          if (!CLASS_NAMES.has(name)) throw new RegexError('Invalid character class name');
          items.push({ cls: name as ClassName });
          continue;
        }
        lo = name.codePointAt(0) ?? 0;
      } else if (c === '\\' && this.syntax === 'awk' && i + 1 < s.length) {
        const d = s[i + 1] as string;
        lo = AWK_ESCAPES[d] ?? d.codePointAt(0) ?? 0;
        i += 2;
      } else {
        lo = s.codePointAt(i) ?? 0;
        i += lo > 0xffff ? 2 : 1;
      }
      if (s[i] === '-' && s[i + 1] !== ']' && i + 1 < s.length) {
        i++;
        let hi: number;
        if (s[i] === '[' && s[i + 1] === '.') {
          const end = s.indexOf('.]', i + 2);
          if (end === -1) throw new RegexError('Unmatched [, [^, [:, [., or [=');
          hi = s.codePointAt(i + 2) ?? 0;
          i = end + 2;
        } else if (s[i] === '\\' && this.syntax === 'awk') {
          const d = s[i + 1] ?? '\\';
          hi = AWK_ESCAPES[d] ?? d.codePointAt(0) ?? 0;
          i += 2;
        } else {
          hi = s.codePointAt(i) ?? 0;
          i += hi > 0xffff ? 2 : 1;
        }
        if (hi < lo) throw new RegexError('Invalid range end');
        items.push({ lo, hi });
      } else {
        items.push({ lo, hi: lo });
      }
    }
    this.i = i;
    return { t: 'set', neg, items };
  }
}
