/**
 * Variable access on a ShellState: scalars, indexed and associative arrays, attributes (-i -l -u -x -r),
 * `local` scopes by shallow binding (a call frame saves the outer value and restores it on return), and the
 * exported environment. Writes replace or mutate only variables owned by this state (clones copy arrays).
 */
import { SHELL_LIMITS } from './limits.js';
import { ShellError } from './control.js';
import { ATTR, type ShellState, type Var } from './state.js';

export type IntEval = (expr: string) => string;

export function getVar(st: ShellState, name: string): Var | undefined {
  return st.vars.get(resolveRef(st, name));
}

/** The variable a name stands for: itself, or what its nameref (`declare -n`) chain ends at. */
export function resolveRef(st: ShellState, name: string): string {
  let n = name;
  for (let hops = 0; hops < 8; hops++) {
    const v = st.vars.get(n);
    if (v === undefined || (v.attrs & ATTR.nameref) === 0 || v.s === undefined || v.s === '') return n;
    n = v.s;
  }
  return n;
}

/** A variable's scalar value (element 0 of an array); undefined when unset. */
export function scalarOf(v: Var | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v.s !== undefined) return v.s;
  if (v.a !== undefined) return v.a[0];
  if (v.m !== undefined) return v.m.get('0');
  return undefined;
}

/** All element values of a variable, in index order. */
export function valuesOf(v: Var | undefined): string[] {
  if (v === undefined) return [];
  if (v.s !== undefined) return [v.s];
  if (v.a !== undefined) {
    const out: string[] = [];
    for (const x of v.a) if (x !== undefined) out.push(x);
    return out;
  }
  if (v.m !== undefined) return [...v.m.values()];
  return [];
}

export function keysOf(v: Var | undefined): string[] {
  if (v === undefined) return [];
  if (v.s !== undefined) return ['0'];
  if (v.a !== undefined) {
    const out: string[] = [];
    v.a.forEach((x, i) => {
      if (x !== undefined) out.push(String(i));
    });
    return out;
  }
  if (v.m !== undefined) return [...v.m.keys()];
  return [];
}

function checkCount(st: ShellState, name: string): void {
  if (st.vars.size >= SHELL_LIMITS.variablesMax) {
    throw new ShellError(`${name}: too many variables (limit ${SHELL_LIMITS.variablesMax})`, 1);
  }
}

function checkWritable(st: ShellState, name: string): Var | undefined {
  const v = st.vars.get(name);
  if (v !== undefined && v.attrs & ATTR.readonly) throw new ShellError(`${name}: readonly variable`, 1);
  if (v === undefined) checkCount(st, name);
  return v;
}

function transform(attrs: number, value: string, intEval: IntEval | null, old: string | undefined, append: boolean): string {
  if (attrs & ATTR.integer && intEval !== null) {
    return append ? intEval(`${old === undefined || old === '' ? '0' : old}+(${value})`) : intEval(value);
  }
  let out = append ? (old ?? '') + value : value;
  if (attrs & ATTR.lower) out = out.toLowerCase();
  else if (attrs & ATTR.upper) out = out.toUpperCase();
  if (out.length > SHELL_LIMITS.stringBytesMax) throw new ShellError('string too long', 1);
  return out;
}

export function setScalar(st: ShellState, ref: string, value: string, intEval: IntEval | null, append = false): void {
  const name = resolveRef(st, ref);
  const v = checkWritable(st, name);
  const attrs = (v?.attrs ?? 0) | (st.opts.allexport ? ATTR.export : 0);
  if (v?.a !== undefined || v?.m !== undefined) {
    setIndex(st, name, '0', value, intEval, append);
    return;
  }
  st.vars.set(name, { attrs, s: transform(attrs, value, intEval, v?.s, append) });
}

/** Set `name[key]`; makes `name` an indexed array unless it is associative. */
export function setIndex(
  st: ShellState,
  ref: string,
  key: string,
  value: string,
  intEval: IntEval | null,
  append = false,
): void {
  const name = resolveRef(st, ref);
  const v = checkWritable(st, name);
  if (v?.m !== undefined || (v !== undefined && v.attrs & ATTR.assoc)) {
    const m = v.m ?? new Map<string, string>();
    m.set(key, transform(v.attrs, value, intEval, m.get(key), append));
    st.vars.set(name, { attrs: v.attrs, m });
    return;
  }
  let idx = Number(key);
  const a = v?.a ?? (v?.s !== undefined ? [v.s] : []);
  if (idx < 0) idx += a.length;
  if (!Number.isInteger(idx) || idx < 0) throw new ShellError(`${name}[${key}]: bad array subscript`, 1);
  if (idx >= SHELL_LIMITS.arrayElementsMax) throw new ShellError(`${name}[${key}]: array too large`, 1);
  const attrs = (v?.attrs ?? 0) | ATTR.indexed;
  a[idx] = transform(attrs, value, intEval, a[idx], append);
  st.vars.set(name, { attrs, a });
}

export function setArray(st: ShellState, ref: string, values: string[], append: boolean): void {
  const name = resolveRef(st, ref);
  const v = checkWritable(st, name);
  const attrs = ((v?.attrs ?? 0) | ATTR.indexed) & ~ATTR.assoc;
  const a = append ? (v?.a ?? (v?.s !== undefined ? [v.s] : [])) : [];
  for (const x of values) a.push(x);
  st.vars.set(name, { attrs, a });
}

export function setAssoc(st: ShellState, ref: string, entries: [string, string][], append: boolean): void {
  const name = resolveRef(st, ref);
  const v = checkWritable(st, name);
  const m = append && v?.m !== undefined ? v.m : new Map<string, string>();
  for (const [k, x] of entries) m.set(k, x);
  st.vars.set(name, { attrs: ((v?.attrs ?? 0) | ATTR.assoc) & ~ATTR.indexed, m });
}

export function unsetVar(st: ShellState, name: string): void {
  const v = st.vars.get(name);
  if (v === undefined) return;
  if (v.attrs & ATTR.readonly) throw new ShellError(`unset: ${name}: cannot unset: readonly variable`, 1);
  // A local keeps its slot in its call frame: unsetting it leaves it unset there, as bash does.
  const frame = st.scopes[st.scopes.length - 1];
  if (frame?.has(name)) st.vars.set(name, { attrs: 0 });
  else st.vars.delete(name);
}

export function unsetIndex(st: ShellState, name: string, key: string): void {
  const v = st.vars.get(name);
  if (v === undefined) return;
  if (v.attrs & ATTR.readonly) throw new ShellError(`unset: ${name}: cannot unset: readonly variable`, 1);
  if (v.m !== undefined) v.m.delete(key);
  else if (v.a !== undefined) {
    let idx = Number(key);
    if (idx < 0) idx += v.a.length;
    if (idx >= 0 && idx < v.a.length) {
      v.a[idx] = undefined;
      while (v.a.length > 0 && v.a[v.a.length - 1] === undefined) v.a.length--;
    }
  } else if (key === '0') st.vars.delete(name);
}

export function setAttrs(st: ShellState, name: string, add: number, remove: number): void {
  const v = st.vars.get(name);
  if (v === undefined) {
    checkCount(st, name);
    st.vars.set(name, { attrs: add & ~remove });
    return;
  }
  if (v.attrs & ATTR.readonly && remove & ATTR.readonly) throw new ShellError(`${name}: readonly variable`, 1);
  const next: Var = { ...v, attrs: (v.attrs | add) & ~remove };
  if (add & ATTR.indexed && next.a === undefined && next.m === undefined) {
    next.a = next.s === undefined ? [] : [next.s];
    delete next.s;
  }
  if (add & ATTR.assoc && next.m === undefined) {
    next.m = new Map(next.s === undefined ? [] : [['0', next.s]]);
    delete next.s;
    delete next.a;
  }
  st.vars.set(name, next);
}

/** Start a function-call frame for `local`. */
export function pushScope(st: ShellState): void {
  st.scopes.push(new Map());
}

export function popScope(st: ShellState): void {
  const frame = st.scopes.pop();
  if (frame === undefined) return;
  for (const [name, saved] of frame) {
    if (saved === undefined) st.vars.delete(name);
    else st.vars.set(name, saved);
  }
}

/** Make `name` local to the innermost call frame; false outside a function. */
export function declareLocal(st: ShellState, name: string): boolean {
  const frame = st.scopes[st.scopes.length - 1];
  if (frame === undefined) return false;
  if (!frame.has(name)) {
    const outer = st.vars.get(name);
    frame.set(name, outer);
    // A new local starts unset but inherits nothing except being visible to callees.
    st.vars.set(name, { attrs: 0 });
  }
  return true;
}

export function isSet(v: Var | undefined): boolean {
  return v !== undefined && (v.s !== undefined || v.a !== undefined || v.m !== undefined);
}

/** The exported environment. */
export function exportedEnv(st: ShellState): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of st.vars) {
    if (v.attrs & ATTR.export) {
      const s = scalarOf(v);
      if (s !== undefined) env[k] = s;
    }
  }
  return env;
}
