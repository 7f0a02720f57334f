/**
 * Parameter expansion `${…}`: value lookup (positional, special, arrays, indirection) and the operators
 * (defaults, length, trimming, replacement, case, substrings, transforms). List values (`$@`, `${a[@]}`)
 * stay separate fields when quoted with `@`, and are joined with the first IFS character with `*`.
 */
import type { ParamPart, Word } from '../ast/types.js';
import { compileFnmatch, fnmatchSource, hasGlobMeta, unescapePattern } from '../pattern/fnmatch.js';
import { ShellError } from './control.js';
import { type ExpandHost, expandParts, expandPattern, expandString, type FieldBuilder } from './expand.js';
import { quoteForReuse } from './quote.js';
import { ATTR } from './state.js';
import { isSet, keysOf, resolveRef, setIndex, setScalar, valuesOf } from './vars.js';

interface Value {
  /** A list (`$@`, `${a[@]}`), or null for a scalar. */
  list: string[] | null;
  scalar: string | undefined;
  star: boolean;
}

function isAll(w: Word | null): '@' | '*' | null {
  if (w === null || w.parts.length !== 1) return null;
  const p = w.parts[0];
  if (p?.k === 'lit' && (p.v === '@' || p.v === '*')) return p.v;
  return null;
}

async function subscript(h: ExpandHost, name: string, w: Word): Promise<string> {
  const text = await expandString(h, w);
  const v = h.st.vars.get(resolveRef(h.st, name));
  if (v !== undefined && (v.m !== undefined || v.attrs & ATTR.assoc)) return text;
  return String(h.arith(text));
}

async function getValue(h: ExpandHost, name: string, index: Word | null): Promise<Value> {
  if (name === '@' || name === '*') return { list: h.st.positional, scalar: undefined, star: name === '*' };
  const all = isAll(index);
  const v =
    name === 'FUNCNAME' && h.st.funcStack.length > 0 ? { attrs: 0, a: h.st.funcStack.slice() } : h.st.vars.get(resolveRef(h.st, name));
  if (all !== null) return { list: valuesOf(v), scalar: undefined, star: all === '*' };
  if (index !== null) {
    const key = await subscript(h, name, index);
    let scalar: string | undefined;
    if (v?.m !== undefined) scalar = v.m.get(key);
    else if (v?.a !== undefined) {
      let i = Number(key);
      if (i < 0) i += v.a.length;
      scalar = v.a[i];
    } else if (key === '0') scalar = v?.s;
    return { list: null, scalar, star: false };
  }
  return { list: null, scalar: h.lookup(name), star: false };
}

function ifsFirst(h: ExpandHost): string {
  const v = h.st.vars.get('IFS');
  return v === undefined ? ' ' : (v.s ?? '').charAt(0);
}

function emit(h: ExpandHost, val: Value, fb: FieldBuilder, quoted: boolean): void {
  if (val.list === null) {
    if (val.scalar !== undefined) fb.expanded(val.scalar, quoted);
    return;
  }
  const list = val.list;
  if (val.star && (quoted || !fb.split)) {
    fb.expanded(list.join(ifsFirst(h)), quoted);
    return;
  }
  if (!fb.split) {
    fb.expanded(list.join(' '), quoted);
    return;
  }
  for (let i = 0; i < list.length; i++) {
    if (i > 0) fb.end(quoted);
    fb.expanded(list[i] ?? '', quoted);
  }
  if (quoted && list.length > 0) fb.has = true;
}

function mapValue(val: Value, f: (s: string) => string): Value {
  if (val.list !== null) return { ...val, list: val.list.map(f) };
  return { ...val, scalar: val.scalar === undefined ? undefined : f(val.scalar) };
}

export async function expandParam(h: ExpandHost, p: ParamPart, fb: FieldBuilder, quoted: boolean): Promise<void> {
  const st = h.st;
  const op = p.p;
  if (op.op === 'bad') throw new ShellError(`${op.text}: bad substitution`, 1, true);
  if (op.op === 'prefix') {
    const names = [...st.vars.keys()].filter((k) => k.startsWith(p.name) && isSet(st.vars.get(k))).sort();
    emit(h, { list: names, scalar: undefined, star: !op.at }, fb, quoted);
    return;
  }
  if (op.op === 'keys') {
    const keys = p.name === '@' || p.name === '*' ? st.positional.map((_, i) => String(i + 1)) : keysOf(st.vars.get(p.name));
    emit(h, { list: keys, scalar: undefined, star: !op.at }, fb, quoted);
    return;
  }
  let name = p.name;
  let index = p.index;
  if (p.indirect) {
    const target = (await getValue(h, name, index)).scalar ?? '';
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(target);
    if (m === null) {
      if (/^[0-9]+$|^[@*#?$!-]$/.test(target)) {
        name = target;
        index = null;
      } else throw new ShellError(`${target}: invalid indirect expansion`, 1);
    } else {
      name = m[1] ?? '';
      index = m[2] === undefined ? null : { parts: [{ k: 'lit', v: m[2] }] };
    }
  }
  const val = await getValue(h, name, index);
  const unset = val.list === null ? val.scalar === undefined : false;
  const display = index === null ? name : `${name}[${wordText(index)}]`;
  if (unset && st.opts.nounset && op.op !== 'default' && op.op !== 'assign' && op.op !== 'alt' && op.op !== 'error') {
    // bash -c ends with 127 unless errexit is also on; a script file ends with 1.
    throw new ShellError(`${display}: unbound variable`, st.opts.errexit || h.fromFile ? 1 : 127, true);
  }
  switch (op.op) {
    case 'plain':
      emit(h, val, fb, quoted);
      return;
    case 'length': {
      const n = val.list !== null ? val.list.length : [...(val.scalar ?? '')].length;
      fb.expanded(String(n), quoted);
      return;
    }
    case 'default':
    case 'assign':
    case 'error':
    case 'alt': {
      const isNull =
        val.list !== null
          ? val.list.length === 0 || (op.colon && val.list.every((x) => x === ''))
          : val.scalar === undefined || (op.colon && val.scalar === '');
      if (op.op === 'alt') {
        if (!isNull) await expandParts(h, op.word.parts, fb, quoted);
        return;
      }
      if (!isNull) {
        emit(h, val, fb, quoted);
        return;
      }
      if (op.op === 'default') {
        await expandParts(h, op.word.parts, fb, quoted);
        return;
      }
      const text = await expandString(h, op.word);
      if (op.op === 'error') {
        // Like an unbound variable: 127 under bash -c, 1 in a script or with errexit.
        const status = st.opts.errexit || h.fromFile ? 1 : 127;
        throw new ShellError(`${display}: ${text === '' ? 'parameter null or not set' : text}`, status, true);
      }
      if (index !== null) setIndex(st, name, await subscript(h, name, index), text, null);
      else setScalar(st, name, text, null);
      fb.expanded(text, quoted);
      return;
    }
    case 'trim': {
      const pat = await expandPattern(h, op.pattern);
      emit(h, mapValue(val, (s) => trim(s, pat, op.suffix, op.longest)), fb, quoted);
      return;
    }
    case 'replace': {
      const pat = await expandPattern(h, op.pattern);
      const rep = op.replacement === null ? '' : await expandString(h, op.replacement);
      emit(h, mapValue(val, (s) => replace(s, pat, rep, op.mode)), fb, quoted);
      return;
    }
    case 'case': {
      const pat = op.pattern === null ? null : await expandPattern(h, op.pattern);
      emit(h, mapValue(val, (s) => changeCase(s, pat, op.upper, op.all)), fb, quoted);
      return;
    }
    case 'substr': {
      const off = Number(h.arith(await expandString(h, op.offset)));
      const len = op.length === null ? null : Number(h.arith(await expandString(h, op.length)));
      if (val.list !== null) {
        const list = name === '@' || name === '*' ? [st.arg0, ...val.list] : val.list;
        const start = off < 0 ? Math.max(0, list.length + off) : off;
        if (len !== null && len < 0) throw new ShellError(`${len}: substring expression < 0`, 1);
        emit(h, { ...val, list: list.slice(start, len === null ? undefined : start + len) }, fb, quoted);
        return;
      }
      const s = val.scalar ?? '';
      const start = off < 0 ? Math.max(0, s.length + off) : Math.min(off, s.length);
      let end = s.length;
      if (len !== null) end = len < 0 ? s.length + len : start + len;
      if (end < start) {
        if (len !== null && len < 0) throw new ShellError(`${len}: substring expression < 0`, 1);
        end = start;
      }
      if (val.scalar !== undefined) fb.expanded(s.slice(start, end), quoted);
      return;
    }
    case 'transform':
      emit(h, transformValue(h, val, op.t, name), fb, quoted);
      return;
  }
}

function wordText(w: Word): string {
  return w.parts.map((p) => (p.k === 'lit' || p.k === 'sq' ? p.v : p.k === 'param' ? `$${p.name}` : '')).join('');
}

function transformValue(h: ExpandHost, val: Value, t: string, name: string): Value {
  switch (t) {
    case 'Q':
      return mapValue(val, quoteForReuse);
    case 'U':
      return mapValue(val, (s) => s.toUpperCase());
    case 'L':
      return mapValue(val, (s) => s.toLowerCase());
    case 'u':
      return mapValue(val, (s) => s.charAt(0).toUpperCase() + s.slice(1));
    case 'E':
      return mapValue(val, (s) => s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\'));
    case 'a': {
      const v = h.st.vars.get(name);
      const attrs = v?.attrs ?? 0;
      let flags = '';
      if (v?.a !== undefined) flags += 'a';
      if (v?.m !== undefined) flags += 'A';
      if (attrs & ATTR.integer) flags += 'i';
      if (attrs & ATTR.lower) flags += 'l';
      if (attrs & ATTR.readonly) flags += 'r';
      if (attrs & ATTR.upper) flags += 'u';
      if (attrs & ATTR.export) flags += 'x';
      return mapValue(val, () => flags);
    }
    case 'A':
      return mapValue(val, (s) => `${name}=${quoteForReuse(s)}`);
    default:
      return val;
  }
}

function matcher(pat: string): (s: string) => boolean {
  if (!hasGlobMeta(pat)) {
    const lit = unescapePattern(pat);
    return (s) => s === lit;
  }
  const re = compileFnmatch(pat);
  return (s) => re.test(s);
}

export function trim(s: string, pat: string, suffix: boolean, longest: boolean): string {
  if (!hasGlobMeta(pat)) {
    const lit = unescapePattern(pat);
    if (suffix) return s.endsWith(lit) ? s.slice(0, s.length - lit.length) : s;
    return s.startsWith(lit) ? s.slice(lit.length) : s;
  }
  const m = matcher(pat);
  const n = s.length;
  if (!suffix) {
    if (longest) {
      for (let i = n; i >= 0; i--) if (m(s.slice(0, i))) return s.slice(i);
    } else for (let i = 0; i <= n; i++) if (m(s.slice(0, i))) return s.slice(i);
  } else if (longest) {
    for (let i = 0; i <= n; i++) if (m(s.slice(i))) return s.slice(0, i);
  } else for (let i = n; i >= 0; i--) if (m(s.slice(i))) return s.slice(0, i);
  return s;
}

export function replace(s: string, pat: string, rep: string, mode: '' | '/' | '#' | '%'): string {
  if (pat === '') return mode === '#' ? rep + s : mode === '%' ? s + rep : s;
  const src = fnmatchSource(pat);
  if (mode === '#') {
    const re = new RegExp(`^(?:${src})`, 'su');
    const m = re.exec(s);
    return m ? rep + s.slice(m[0].length) : s;
  }
  if (mode === '%') {
    const full = matcher(pat);
    for (let i = 0; i <= s.length; i++) if (full(s.slice(i))) return s.slice(0, i) + rep;
    return s;
  }
  const re = new RegExp(`(?:${src})`, 'suy');
  let out = '';
  let i = 0;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (m && m[0].length > 0) {
      out += rep;
      i += m[0].length;
      if (mode === '') return out + s.slice(i);
      continue;
    }
    out += s.charAt(i);
    i++;
  }
  return out;
}

function changeCase(s: string, pat: string | null, upper: boolean | null, all: boolean): string {
  const m = pat === null ? null : matcher(pat);
  let out = '';
  let first = true;
  for (const c of s) {
    const up = upper ?? c === c.toLowerCase();
    if ((all || first) && (m === null || m(c))) out += up ? c.toUpperCase() : c.toLowerCase();
    else out += c;
    first = false;
  }
  return out;
}
