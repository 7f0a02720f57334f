/**
 * Emits a parsed POSIX regex as the source text of the two automata engines this layer drives: V8's own
 * RegExp (flags `su`, used only where its backtracking is provably bounded, see `analyseRegex`) and re2js
 * (RE2 syntax, linear time). Group numbers are preserved: only `group` nodes become capturing groups.
 */
import type { ClassName, RegexNode, SetItem } from './parse-regex.js';

type Dialect = 'native' | 're2';

function hex(cp: number, dialect: Dialect): string {
  return dialect === 'native' ? `\\u{${cp.toString(16)}}` : `\\x{${cp.toString(16)}}`;
}

function isAlnum(cp: number): boolean {
  return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
}

function lit(cp: number, dialect: Dialect): string {
  return isAlnum(cp) ? String.fromCharCode(cp) : hex(cp, dialect);
}

function classBody(cls: ClassName, d: Dialect): string {
  const r = (lo: number, hi: number): string => `${hex(lo, d)}-${hex(hi, d)}`;
  switch (cls) {
    case 'alpha':
      return '\\p{L}';
    case 'digit':
      return '0-9';
    case 'alnum':
      return '\\p{L}0-9';
    case 'upper':
      return '\\p{Lu}';
    case 'lower':
      return '\\p{Ll}';
    case 'space':
      return `${hex(32, d)}${r(9, 13)}`;
    case 'blank':
      return `${hex(32, d)}${hex(9, d)}`;
    case 'punct':
      return `${r(33, 47)}${r(58, 64)}${r(91, 96)}${r(123, 126)}`;
    case 'print':
      return `${r(32, 126)}${r(0xa0, 0x10ffff)}`;
    case 'graph':
      return `${r(33, 126)}${r(0xa1, 0x10ffff)}`;
    case 'cntrl':
      return `${r(0, 31)}${hex(127, d)}`;
    case 'xdigit':
      return '0-9A-Fa-f';
    case 'word':
      return '\\p{L}0-9_';
  }
}

export function emitSet(neg: boolean, items: readonly SetItem[], d: Dialect): string {
  let body = '';
  for (const it of items) {
    if ('cls' in it) body += classBody(it.cls, d);
    else if (it.lo === it.hi) body += lit(it.lo, d);
    else body += `${lit(it.lo, d)}-${lit(it.hi, d)}`;
  }
  if (body === '') return neg ? '[\\s\\S]' : '[^\\s\\S]';
  return `[${neg ? '^' : ''}${body}]`;
}

const WORD_NATIVE = '[\\p{L}0-9_]';

export function emitRegex(node: RegexNode, d: Dialect): string {
  switch (node.t) {
    case 'char':
      return lit(node.cp, d);
    case 'any':
      return '.';
    case 'set':
      return emitSet(node.neg, node.items, d);
    case 'bol':
    case 'bufStart':
      return d === 'native' ? '^' : '\\A';
    case 'eol':
    case 'bufEnd':
      return d === 'native' ? '$' : '\\z';
    case 'wordB':
      return '\\b';
    case 'notWordB':
      return '\\B';
    case 'wordStart':
      return d === 'native' ? `\\b(?=${WORD_NATIVE})` : '\\b';
    case 'wordEnd':
      return d === 'native' ? `\\b(?<=${WORD_NATIVE})` : '\\b';
    case 'group':
      return `(${emitRegex(node.body, d)})`;
    case 'alt':
      return `(?:${node.alts.map((a) => emitRegex(a, d)).join('|')})`;
    case 'cat':
      return node.items.length === 0 ? '(?:)' : node.items.map((a) => emitRegex(a, d)).join('');
    case 'rep': {
      const b = node.body;
      const atom =
        b.t === 'char' || b.t === 'any' || b.t === 'set' || b.t === 'group'
          ? emitRegex(b, d)
          : `(?:${emitRegex(b, d)})`;
      const { min, max } = node;
      if (min === 0 && max === Infinity) return `${atom}*`;
      if (min === 1 && max === Infinity) return `${atom}+`;
      if (min === 0 && max === 1) return `${atom}?`;
      if (max === Infinity) return `${atom}{${min},}`;
      if (min === max) return `${atom}{${min}}`;
      return `${atom}{${min},${max}}`;
    }
    case 'backref':
      return `\\${node.n}`;
  }
}

export interface RegexAnalysis {
  /** Choice points a backtracking engine may revisit: repetitions of varying count and alternations. */
  choicePoints: number;
  /** A repetition contains another choice point: backtracking may be exponential. */
  nestedChoice: boolean;
  hasAlternation: boolean;
  /** The whole pattern is a run of literal characters, possibly anchored. */
  literal: { text: string; bol: boolean; eol: boolean } | null;
}

export function analyseRegex(root: RegexNode): RegexAnalysis {
  let choicePoints = 0;
  let nestedChoice = false;
  let hasAlternation = false;
  const visit = (n: RegexNode, underRep: boolean): void => {
    switch (n.t) {
      case 'rep':
        if (n.max !== n.min) {
          if (underRep) nestedChoice = true;
          choicePoints++;
        }
        visit(n.body, true);
        break;
      case 'alt':
        hasAlternation = true;
        if (underRep) nestedChoice = true;
        choicePoints++;
        for (const a of n.alts) visit(a, underRep);
        break;
      case 'cat':
        for (const a of n.items) visit(a, underRep);
        break;
      case 'group':
        visit(n.body, underRep);
        break;
      default:
        break;
    }
  };
  visit(root, false);
  return { choicePoints, nestedChoice, hasAlternation, literal: literalOf(root) };
}

function literalOf(root: RegexNode): RegexAnalysis['literal'] {
  const items = root.t === 'cat' ? root.items : [root];
  let bol = false;
  let eol = false;
  let text = '';
  for (let k = 0; k < items.length; k++) {
    const n = items[k] as RegexNode;
    if (n.t === 'bol' && k === 0) bol = true;
    else if (n.t === 'eol' && k === items.length - 1) eol = true;
    else if (n.t === 'char') text += String.fromCodePoint(n.cp);
    else return null;
  }
  return { text, bol, eol };
}
