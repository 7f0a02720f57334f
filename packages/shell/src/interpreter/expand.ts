/**
 * Word expansion in bash's order: brace expansion, then tilde, parameter, command and arithmetic expansion
 * left to right, field splitting on IFS (only of unquoted expansion results), pathname expansion (only of
 * unquoted wildcard characters) and quote removal. Quoting is tracked per character by building each field
 * twice: its text, and its glob pattern with quoted characters backslash-escaped.
 */
import type { Script, Word, WordPart } from '../ast/types.js';
import { hasGlobMeta } from '../pattern/fnmatch.js';
import type { Sys } from '../sys.js';
import { ShellError } from './control.js';
import { glob } from './glob.js';
import { SHELL_LIMITS } from './limits.js';
import { expandParam } from './param.js';
import type { ShellState } from './state.js';

export interface ExpandHost {
  st: ShellState;
  sys: Sys;
  /** A scalar parameter: special (`?`, `#`, `1`…), dynamic (RANDOM, SECONDS…) or a variable. */
  lookup(name: string): string | undefined;
  /** True in a shell reading a script file or stdin (not `-c`): some fatal errors end it with 1, not 127. */
  readonly fromFile: boolean;
  commandSubst(body: Script): Promise<string>;
  /** Start a `<(…)`/`>(…)` process substitution; returns the path that stands for it. */
  procSubst(body: Script, dir: '<' | '>'): Promise<string>;
  /** Evaluate arithmetic text; throws ShellError. */
  arith(text: string): bigint;
  /** Perform an observation of the outside world, or take it from the journal when replaying. */
  observe<T>(kind: string, live: () => Promise<T>): Promise<T>;
}

interface Field {
  text: string;
  pat: string;
  glob: boolean;
}

// `(` too, so that a quoted `@(…)` stays literal rather than forming an extglob group.
const GLOB_CHARS = /[*?[\]\\(]/g;

export function escapeGlob(s: string): string {
  return s.replace(GLOB_CHARS, '\\$&');
}

/** Accumulates fields; `split` is false where words are not split (assignments, [[ ]], here-documents). */
export class FieldBuilder {
  readonly out: Field[] = [];
  text = '';
  pat = '';
  glob = false;
  has = false;
  private readonly white: string;
  private readonly other: string;

  constructor(
    readonly split: boolean,
    ifs: string,
  ) {
    let white = '';
    let other = '';
    for (const c of ifs) {
      if (c === ' ' || c === '\t' || c === '\n') white += c;
      else other += c;
    }
    this.white = white;
    this.other = other;
  }

  lit(s: string): void {
    this.text += s;
    this.pat += s;
    if (!this.glob && hasGlobMeta(s)) this.glob = true;
    this.has = true;
    this.check();
  }

  quoted(s: string): void {
    this.text += s;
    this.pat += escapeGlob(s);
    this.has = true;
    this.check();
  }

  /** The result of an expansion: split on IFS and globbed unless quoted. */
  expanded(s: string, quoted: boolean): void {
    if (quoted) {
      this.quoted(s);
      return;
    }
    if (!this.split || (this.white === '' && this.other === '')) {
      if (s === '') return;
      this.text += s;
      this.pat += s;
      if (!this.glob && hasGlobMeta(s)) this.glob = true;
      this.has = true;
      this.check();
      return;
    }
    let i = 0;
    const n = s.length;
    while (i < n) {
      const c = s.charAt(i);
      if (this.white.includes(c) || this.other.includes(c)) {
        let j = i;
        while (j < n && this.white.includes(s.charAt(j))) j++;
        let hard = false;
        if (j < n && this.other.includes(s.charAt(j))) {
          hard = true;
          j++;
          while (j < n && this.white.includes(s.charAt(j))) j++;
        }
        if (this.has || hard) this.end(true);
        i = j;
        continue;
      }
      let j = i + 1;
      while (j < n && !this.white.includes(s.charAt(j)) && !this.other.includes(s.charAt(j))) j++;
      const piece = s.slice(i, j);
      this.text += piece;
      this.pat += piece;
      if (!this.glob && hasGlobMeta(piece)) this.glob = true;
      this.has = true;
      i = j;
    }
    this.check();
  }

  end(force = false): void {
    if (this.has || force) this.out.push({ text: this.text, pat: this.pat, glob: this.glob });
    this.text = '';
    this.pat = '';
    this.glob = false;
    this.has = false;
  }

  private check(): void {
    if (this.text.length > SHELL_LIMITS.stringBytesMax) {
      throw new ShellError(`expansion too long (limit ${SHELL_LIMITS.stringBytesMax} characters)`, 1, true);
    }
  }
}

function ifsOf(h: ExpandHost): string {
  const v = h.st.vars.get('IFS');
  return v === undefined ? ' \t\n' : (v.s ?? '');
}

/** Expand command words into arguments. */
export async function expandWords(h: ExpandHost, words: readonly Word[]): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const only = w.parts.length === 1 ? w.parts[0] : undefined;
    if (only !== undefined && (only.k === 'sq' || (only.k === 'lit' && !hasGlobMeta(only.v)))) {
      out.push(only.v);
      continue;
    }
    for (const bw of braceExpand(w.parts)) {
      const fb = new FieldBuilder(true, ifsOf(h));
      await expandParts(h, bw, fb, false);
      fb.end();
      for (const f of fb.out) await pushGlobbed(h, f, out);
    }
  }
  return out;
}

async function pushGlobbed(h: ExpandHost, f: Field, out: string[]): Promise<void> {
  const st = h.st;
  if (!f.glob || st.opts.noglob) {
    out.push(f.text);
    return;
  }
  const opts = { dotglob: st.shopts.dotglob, globstar: st.shopts.globstar, nocaseglob: st.shopts.nocaseglob };
  const matches = await h.observe('glob', () => glob(h.sys, st.cwd, f.pat, opts));
  if (matches.length > 0) out.push(...matches);
  else if (st.shopts.failglob) throw new ShellError(`no match: ${f.text}`, 1, true);
  else if (!st.shopts.nullglob) out.push(f.text);
}

/** Expand a word to one string, without splitting or globbing (assignments, redirections, `case` words). */
export async function expandString(h: ExpandHost, w: Word): Promise<string> {
  const only = w.parts.length === 1 ? w.parts[0] : undefined;
  if (only !== undefined && (only.k === 'sq' || only.k === 'lit')) return only.v;
  const fb = new FieldBuilder(false, ifsOf(h));
  await expandParts(h, w.parts, fb, false);
  fb.end();
  return fb.out.map((f) => f.text).join(' ');
}

/** Expand a word as a pattern: quoted characters come back backslash-escaped. */
export async function expandPattern(h: ExpandHost, w: Word): Promise<string> {
  const fb = new FieldBuilder(false, ifsOf(h));
  await expandParts(h, w.parts, fb, false);
  fb.end();
  return fb.out.map((f) => f.pat).join(' ');
}

/** Expand the parts of a word into `fb`. */
export async function expandParts(h: ExpandHost, parts: readonly WordPart[], fb: FieldBuilder, quoted: boolean): Promise<void> {
  for (const p of parts) {
    switch (p.k) {
      case 'lit':
        if (quoted) fb.quoted(p.v);
        else fb.lit(p.v);
        break;
      case 'sq':
        fb.quoted(p.v);
        break;
      case 'dq': {
        if (p.parts.length === 0 || !p.parts.every(isListParam)) fb.has = true;
        await expandParts(h, p.parts, fb, true);
        break;
      }
      case 'param':
        await expandParam(h, p, fb, quoted);
        break;
      case 'cmd': {
        const text = await h.commandSubst(p.body);
        fb.expanded(text, quoted);
        break;
      }
      case 'proc':
        fb.quoted(await h.procSubst(p.body, p.dir));
        break;
      case 'arith': {
        const text = await expandString(h, p.expr);
        fb.expanded(String(h.arith(text)), quoted);
        break;
      }
      case 'tilde':
        fb.quoted(tilde(h, p.user));
        break;
      case 'brace':
      case 'seq':
        // Reached only where brace expansion does not apply (assignments): keep the text.
        fb.lit(braceText(p));
        break;
    }
  }
}

function isListParam(p: WordPart): boolean {
  if (p.k !== 'param' || p.p.op !== 'plain') return false;
  if (p.name === '@') return true;
  const idx = p.index?.parts[0];
  return p.index?.parts.length === 1 && idx?.k === 'lit' && idx.v === '@';
}

function tilde(h: ExpandHost, user: string): string {
  if (user === '') return h.lookup('HOME') ?? '/';
  if (user === '+') return h.st.cwd;
  if (user === '-') return h.lookup('OLDPWD') ?? '~-';
  if (user === 'root') return '/root';
  return `~${user}`;
}

function braceText(p: WordPart): string {
  if (p.k === 'seq') return `{${p.from}..${p.to}${p.step === null ? '' : `..${p.step}`}}`;
  if (p.k === 'brace') return `{${p.alts.map((a) => a.parts.map(braceText).join('')).join(',')}}`;
  if (p.k === 'lit' || p.k === 'sq') return p.v;
  return '';
}

/** Brace expansion: every combination of alternatives, left to right. */
export function braceExpand(parts: readonly WordPart[]): WordPart[][] {
  const idx = parts.findIndex((p) => p.k === 'brace' || p.k === 'seq');
  if (idx < 0) return [parts as WordPart[]];
  const p = parts[idx] as WordPart & { k: 'brace' | 'seq' };
  const before = parts.slice(0, idx);
  const after = parts.slice(idx + 1);
  const alts: WordPart[][] = p.k === 'brace' ? p.alts.map((a) => a.parts) : seqValues(p).map((v) => [{ k: 'lit', v }]);
  const out: WordPart[][] = [];
  for (const alt of alts) {
    for (const w of braceExpand([...before, ...alt, ...after])) {
      out.push(w);
      if (out.length > SHELL_LIMITS.braceExpansionMax) {
        throw new ShellError(`brace expansion: too many words (limit ${SHELL_LIMITS.braceExpansionMax})`, 1);
      }
    }
  }
  return out;
}

function seqValues(p: { from: string; to: string; step: number | null }): string[] {
  const out: string[] = [];
  const numeric = /\d/.test(p.from);
  const a = numeric ? Number(p.from) : p.from.charCodeAt(0);
  const b = numeric ? Number(p.to) : p.to.charCodeAt(0);
  let step = Math.abs(p.step ?? 1) || 1;
  if (a > b) step = -step;
  const count = Math.floor(Math.abs(b - a) / Math.abs(step)) + 1;
  if (count > SHELL_LIMITS.braceExpansionMax) {
    throw new ShellError(`brace expansion: too many words (limit ${SHELL_LIMITS.braceExpansionMax})`, 1);
  }
  const width = numeric && (/^-?0\d/.test(p.from) || /^-?0\d/.test(p.to)) ? Math.max(p.from.length, p.to.length) : 0;
  for (let i = 0, v = a; i < count; i++, v += step) {
    if (!numeric) out.push(String.fromCharCode(v));
    else if (width > 0) out.push(v < 0 ? `-${String(-v).padStart(width - 1, '0')}` : String(v).padStart(width, '0'));
    else out.push(String(v));
  }
  return out;
}

