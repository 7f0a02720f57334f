/**
 * Evaluator of jq programs: each expression is a generator of outputs, as in jq. Paths (for assignment, `|=`,
 * del, paths) are computed by a second generator over the same tree. Values are plain JSON values; object key
 * order is insertion order, and comparisons follow jq's total order (null < false < true < numbers < strings
 * < arrays < objects). Builtins are written natively.
 */
import type { JqNode } from './jq-parse.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = Array<string | number>;

export class JqError extends Error {
  constructor(readonly value: Json) {
    super(typeof value === 'string' ? value : JSON.stringify(value));
  }
}

interface FuncDef {
  params: string[];
  body: JqNode;
  env: Env;
}

export class Env {
  constructor(
    readonly parent: Env | null,
    private readonly vars: Map<string, Json> = new Map(),
    private readonly funcs: Map<string, FuncDef> = new Map(),
    /** Closure parameters (non-$ params) bound to an expression and the env it came from. */
    private readonly closures: Map<string, { node: JqNode; env: Env }> = new Map(),
  ) {}

  getVar(name: string): Json | undefined {
    for (let e: Env | null = this; e !== null; e = e.parent) if (e.vars.has(name)) return e.vars.get(name);
    return undefined;
  }

  withVar(name: string, v: Json): Env {
    return new Env(this, new Map([[name, v]]));
  }

  withFunc(key: string, def: FuncDef): Env {
    return new Env(this, new Map(), new Map([[key, def]]));
  }

  withClosures(c: Map<string, { node: JqNode; env: Env }>, vars: Map<string, Json>): Env {
    return new Env(this, vars, new Map(), c);
  }

  func(key: string): FuncDef | undefined {
    for (let e: Env | null = this; e !== null; e = e.parent) {
      const f = e.funcs.get(key);
      if (f !== undefined) return f;
    }
    return undefined;
  }

  closure(name: string): { node: JqNode; env: Env } | undefined {
    for (let e: Env | null = this; e !== null; e = e.parent) {
      const c = e.closures.get(name);
      if (c !== undefined) return c;
    }
    return undefined;
  }
}

export function typeOf(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

function describe(v: Json): string {
  const t = typeOf(v);
  const s = JSON.stringify(v);
  return `${t} (${s.length > 11 ? `${s.slice(0, 10)}...` : s})`;
}

export function truthy(v: Json): boolean {
  return v !== null && v !== false;
}

const ORDER: Record<string, number> = { null: 0, boolean: 1, number: 3, string: 4, array: 5, object: 6 };

export function compare(a: Json, b: Json): number {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb) {
    const oa = ta === 'boolean' ? (a ? 2 : 1) : (ORDER[ta] ?? 0);
    const ob = tb === 'boolean' ? (b ? 2 : 1) : (ORDER[tb] ?? 0);
    return oa - ob;
  }
  if (ta === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (ta === 'number') return (a as number) - (b as number);
  if (ta === 'string') return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
  if (ta === 'array') {
    const x = a as Json[];
    const y = b as Json[];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = compare(x[i] as Json, y[i] as Json);
      if (c !== 0) return c;
    }
    return x.length - y.length;
  }
  if (ta === 'object') {
    const x = a as Record<string, Json>;
    const y = b as Record<string, Json>;
    const kc = compare(Object.keys(x).sort(), Object.keys(y).sort());
    if (kc !== 0) return kc;
    for (const k of Object.keys(x).sort()) {
      const c = compare(x[k] as Json, y[k] as Json);
      if (c !== 0) return c;
    }
  }
  return 0;
}

function isObject(v: Json): v is { [k: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function index(v: Json, k: Json): Json {
  if (v === null) return null;
  if (typeof k === 'string') {
    if (isObject(v)) return Object.hasOwn(v, k) ? (v[k] as Json) : null;
    throw new JqError(`Cannot index ${typeOf(v)} with string "${k}"`);
  }
  if (typeof k === 'number') {
    if (Array.isArray(v)) {
      const i = Math.floor(k < 0 ? v.length + k : k);
      return v[i] ?? null;
    }
    throw new JqError(`Cannot index ${typeOf(v)} with number`);
  }
  if (isObject(k) && Array.isArray(v)) return slice(v, k.start ?? null, k.end ?? null);
  throw new JqError(`Cannot index ${typeOf(v)} with ${typeOf(k)}`);
}

function slice(v: Json, from: Json, to: Json): Json {
  if (v === null) return null;
  if (typeof v !== 'string' && !Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with object`);
  const len = v.length;
  const norm = (x: Json, d: number): number => {
    if (x === null) return d;
    const n = Math.floor(x as number);
    return Math.max(0, Math.min(len, n < 0 ? len + n : n));
  };
  const s = norm(from, 0);
  const e = norm(to, len);
  return e <= s ? (typeof v === 'string' ? '' : []) : v.slice(s, e);
}

export function getpath(v: Json, p: readonly (string | number)[]): Json {
  let cur = v;
  for (const k of p) {
    if (cur === null) return null;
    cur = index(cur, k);
  }
  return cur;
}

export function setpath(v: Json, p: readonly (string | number)[], nv: Json): Json {
  if (p.length === 0) return nv;
  const [k, ...rest] = p as [string | number, ...(string | number)[]];
  if (typeof k === 'string') {
    if (v !== null && !isObject(v)) throw new JqError(`Cannot index ${typeOf(v)} with "${k}"`);
    const o = { ...(v ?? {}) };
    o[k] = setpath(o[k] ?? null, rest, nv);
    return o;
  }
  if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`);
  const a = [...(v ?? [])];
  const i = k < 0 ? a.length + k : k;
  if (i < 0) throw new JqError('Out of bounds negative array index');
  while (a.length <= i) a.push(null);
  a[i] = setpath(a[i] ?? null, rest, nv);
  return a;
}

export function delpaths(v: Json, paths: Path[]): Json {
  const sorted = [...paths].sort((x, y) => -compare(x, y));
  let out = v;
  for (const p of sorted) out = delpath(out, p);
  return out;
}

function delpath(v: Json, p: Path): Json {
  if (v === null || p.length === 0) return p.length === 0 ? null : v;
  const [k, ...rest] = p as [string | number, ...(string | number)[]];
  if (rest.length > 0) {
    const child = index(v, k);
    if (child === null) return v;
    return setpath(v, [k], delpath(child, rest));
  }
  if (isObject(v) && typeof k === 'string') {
    const o = { ...v };
    delete o[k];
    return o;
  }
  if (Array.isArray(v) && typeof k === 'number') {
    const a = [...v];
    a.splice(k < 0 ? a.length + k : k, 1);
    return a;
  }
  throw new JqError(`Cannot delete field at index ${JSON.stringify(k)} of ${typeOf(v)}`);
}

export function arith(op: string, a: Json, b: Json): Json {
  if (op === '+') {
    if (a === null) return b;
    if (b === null) return a;
    if (typeof a === 'number' && typeof b === 'number') return a + b;
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    if (isObject(a) && isObject(b)) return { ...a, ...b };
  } else if (op === '-') {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => compare(x, y) === 0));
  } else if (op === '*') {
    if (typeof a === 'number' && typeof b === 'number') return a * b;
    if (typeof a === 'string' && typeof b === 'number') return b <= 0 ? null : a.repeat(Math.ceil(b));
    if (typeof b === 'string' && typeof a === 'number') return a <= 0 ? null : b.repeat(Math.ceil(a));
    if (isObject(a) && isObject(b)) return deepMerge(a, b);
  } else if (op === '/') {
    if (typeof a === 'number' && typeof b === 'number') {
      if (b === 0) throw new JqError(`${describe(a)} and ${describe(b)} cannot be divided because the divisor is zero`);
      return a / b;
    }
    if (typeof a === 'string' && typeof b === 'string') return a.split(b);
  } else if (op === '%') {
    if (typeof a === 'number' && typeof b === 'number') {
      if (Math.trunc(b) === 0) throw new JqError(`${describe(a)} and ${describe(b)} cannot be divided because the divisor is zero`);
      return Math.trunc(a) % Math.trunc(b);
    }
  } else {
    const c = compare(a, b);
    switch (op) {
      case '==':
        return c === 0;
      case '!=':
        return c !== 0;
      case '<':
        return c < 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '>=':
        return c >= 0;
    }
  }
  const verb = { '+': 'added', '-': 'subtracted', '*': 'multiplied', '/': 'divided', '%': 'divided' }[op] ?? op;
  throw new JqError(`${describe(a)} and ${describe(b)} cannot be ${verb}`);
}

function deepMerge(a: { [k: string]: Json }, b: { [k: string]: Json }): Json {
  const o: { [k: string]: Json } = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = o[k];
    o[k] = cur !== undefined && isObject(cur) && isObject(v) ? deepMerge(cur, v) : v;
  }
  return o;
}

export interface JqContext {
  /** Next input for `input`/`inputs`; undefined when there are none left. */
  nextInput(): Json | undefined;
  env: Record<string, string>;
  /** Wall clock in ms (the session's journaled clock). */
  now(): number;
  /** Run a builtin not known to the core evaluator. */
  builtin(name: string, args: readonly JqNode[], input: Json, env: Env, ev: Evaluator): Generator<Json> | null;
}

export class Evaluator {
  constructor(readonly ctx: JqContext) {}

  *eval(n: JqNode, input: Json, env: Env): Generator<Json> {
    switch (n.k) {
      case 'identity':
        yield input;
        return;
      case 'recurse':
        yield* this.recurse(input);
        return;
      case 'literal':
        yield n.v as Json;
        return;
      case 'str':
        yield* this.str(n.parts, n.format, input, env, 0, '');
        return;
      case 'format':
        yield formatValue(n.name, input);
        return;
      case 'field':
        for (const t of this.eval(n.target, input, env)) {
          try {
            yield index(t, n.name);
          } catch (err) {
            if (!n.opt || !(err instanceof JqError)) throw err;
          }
        }
        return;
      case 'index':
        for (const t of this.eval(n.target, input, env)) {
          for (const k of this.eval(n.index, input, env)) {
            try {
              yield index(t, k);
            } catch (err) {
              if (!n.opt || !(err instanceof JqError)) throw err;
            }
          }
        }
        return;
      case 'slice':
        for (const t of this.eval(n.target, input, env)) {
          for (const to of n.to === null ? [null] : this.eval(n.to, input, env)) {
            for (const from of n.from === null ? [null] : this.eval(n.from, input, env)) yield slice(t, from, to);
          }
        }
        return;
      case 'iterate':
        for (const t of this.eval(n.target, input, env)) {
          if (Array.isArray(t)) yield* t;
          else if (isObject(t)) yield* Object.values(t);
          else if (!n.opt) throw new JqError(`Cannot iterate over ${describe(t)}`);
        }
        return;
      case 'try':
        try {
          for (const v of this.eval(n.body, input, env)) yield v;
        } catch (err) {
          if (!(err instanceof JqError)) throw err;
          if (n.handler !== null) yield* this.eval(n.handler, err.value, env);
        }
        return;
      case 'pipe':
        for (const v of this.eval(n.a, input, env)) yield* this.eval(n.b, v, env);
        return;
      case 'comma':
        yield* this.eval(n.a, input, env);
        yield* this.eval(n.b, input, env);
        return;
      case 'bind':
        for (const v of this.eval(n.source, input, env)) yield* this.eval(n.body, input, env.withVar(n.name, v));
        return;
      case 'alt': {
        let any = false;
        try {
          for (const v of this.eval(n.a, input, env)) {
            if (truthy(v)) {
              any = true;
              yield v;
            }
          }
        } catch (err) {
          if (!(err instanceof JqError)) throw err;
        }
        if (!any) yield* this.eval(n.b, input, env);
        return;
      }
      case 'and':
      case 'or':
        for (const a of this.eval(n.a, input, env)) {
          if (n.k === 'and' && !truthy(a)) yield false;
          else if (n.k === 'or' && truthy(a)) yield true;
          else for (const b of this.eval(n.b, input, env)) yield truthy(b);
        }
        return;
      case 'bin':
        for (const b of this.eval(n.b, input, env)) for (const a of this.eval(n.a, input, env)) yield arith(n.op, a, b);
        return;
      case 'neg':
        for (const v of this.eval(n.e, input, env)) {
          if (typeof v !== 'number') throw new JqError(`${describe(v)} cannot be negated`);
          yield -v;
        }
        return;
      case 'assign':
        yield* this.assign(n, input, env);
        return;
      case 'array':
        yield n.e === null ? [] : [...this.eval(n.e, input, env)];
        return;
      case 'object':
        yield* this.object(n.entries, 0, input, env, {});
        return;
      case 'var': {
        if (n.name === '__loc__') {
          yield { file: '<stdin>', line: 1 };
          return;
        }
        if (n.name === 'ENV') {
          yield { ...this.ctx.env };
          return;
        }
        const v = env.getVar(n.name);
        if (v === undefined) throw new JqError(`$${n.name} is not defined`);
        yield v;
        return;
      }
      case 'if':
        for (const c of this.eval(n.cond, input, env)) {
          if (truthy(c)) yield* this.eval(n.then, input, env);
          else if (n.else !== null) yield* this.eval(n.else, input, env);
          else yield input;
        }
        return;
      case 'reduce':
        for (const init of this.eval(n.init, input, env)) {
          let acc: Json = init;
          for (const v of this.eval(n.source, input, env)) {
            let last: Json = null;
            for (const r of this.eval(n.update, acc, env.withVar(n.name, v))) last = r;
            acc = last;
          }
          yield acc;
        }
        return;
      case 'foreach':
        for (const init of this.eval(n.init, input, env)) {
          let acc: Json = init;
          for (const v of this.eval(n.source, input, env)) {
            const e2 = env.withVar(n.name, v);
            for (const r of this.eval(n.update, acc, e2)) {
              acc = r;
              if (n.extract === null) yield r;
              else yield* this.eval(n.extract, r, e2);
            }
          }
        }
        return;
      case 'def':
        yield* this.eval(n.rest, input, env.withFunc(`${n.name}/${n.params.length}`, { params: n.params, body: n.body, env }));
        return;
      case 'call':
        yield* this.call(n.name, n.args, input, env);
        return;
    }
  }

  private *str(parts: ReadonlyArray<string | JqNode>, format: string | null, input: Json, env: Env, i: number, acc: string): Generator<Json> {
    if (i >= parts.length) {
      yield acc;
      return;
    }
    const p = parts[i] as string | JqNode;
    if (typeof p === 'string') {
      yield* this.str(parts, format, input, env, i + 1, acc + p);
      return;
    }
    for (const v of this.eval(p, input, env)) {
      const s = format !== null ? formatValue(format, v) : typeof v === 'string' ? v : JSON.stringify(v);
      yield* this.str(parts, format, input, env, i + 1, acc + s);
    }
  }

  private *object(entries: ReadonlyArray<{ key: JqNode; value: JqNode | null }>, i: number, input: Json, env: Env, acc: { [k: string]: Json }): Generator<Json> {
    const e = entries[i];
    if (e === undefined) {
      yield { ...acc };
      return;
    }
    for (const k of this.eval(e.key, input, env)) {
      if (typeof k !== 'string') throw new JqError(`Object keys must be strings`);
      const values = e.value === null ? [index(input, k)] : this.eval(e.value, input, env);
      for (const v of values) yield* this.object(entries, i + 1, input, env, { ...acc, [k]: v });
    }
  }

  *recurse(v: Json): Generator<Json> {
    yield v;
    if (Array.isArray(v)) for (const x of v) yield* this.recurse(x);
    else if (isObject(v)) for (const x of Object.values(v)) yield* this.recurse(x);
  }

  *paths(n: JqNode, input: Json, env: Env, root: Json = input, base: Path = []): Generator<Path> {
    switch (n.k) {
      case 'identity':
        yield base;
        return;
      case 'recurse':
        yield* this.allPaths(getpath(root, base), base, true);
        return;
      case 'field':
        for (const p of this.paths(n.target, input, env, root, base)) yield [...p, n.name];
        return;
      case 'index':
        for (const p of this.paths(n.target, input, env, root, base)) {
          for (const k of this.eval(n.index, input, env)) {
            if (typeof k !== 'string' && typeof k !== 'number') throw new JqError('Invalid path component');
            yield [...p, k];
          }
        }
        return;
      case 'iterate':
        for (const p of this.paths(n.target, input, env, root, base)) {
          const v = getpath(root, p);
          if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield [...p, i];
          else if (isObject(v)) for (const k of Object.keys(v)) yield [...p, k];
          else if (v !== null && !n.opt) throw new JqError(`Cannot iterate over ${describe(v)}`);
        }
        return;
      case 'pipe':
        for (const p of this.paths(n.a, input, env, root, base)) yield* this.paths(n.b, getpath(root, p), env, root, p);
        return;
      case 'comma':
        yield* this.paths(n.a, input, env, root, base);
        yield* this.paths(n.b, input, env, root, base);
        return;
      case 'if':
        for (const c of this.eval(n.cond, input, env)) {
          if (truthy(c)) yield* this.paths(n.then, input, env, root, base);
          else if (n.else !== null) yield* this.paths(n.else, input, env, root, base);
          else yield base;
        }
        return;
      case 'try':
        try {
          yield* this.paths(n.body, input, env, root, base);
        } catch (err) {
          if (!(err instanceof JqError)) throw err;
        }
        return;
      case 'alt': {
        let any = false;
        for (const p of this.paths(n.a, input, env, root, base)) {
          if (truthy(getpath(root, p))) {
            any = true;
            yield p;
          }
        }
        if (!any) yield* this.paths(n.b, input, env, root, base);
        return;
      }
      case 'bind':
        for (const v of this.eval(n.source, input, env)) yield* this.paths(n.body, input, env.withVar(n.name, v), root, base);
        return;
      case 'call':
        if (n.name === 'select' && n.args.length === 1) {
          for (const c of this.eval(n.args[0] as JqNode, input, env)) if (truthy(c)) yield base;
          return;
        }
        if (n.name === 'empty') return;
        if (n.name === 'getpath' && n.args.length === 1) {
          for (const p of this.eval(n.args[0] as JqNode, input, env)) yield [...base, ...(p as Path)];
          return;
        }
        if ((n.name === 'first' || n.name === 'last') && n.args.length === 0) {
          yield [...base, n.name === 'first' ? 0 : -1];
          return;
        }
        if (n.name === 'recurse' && n.args.length === 0) {
          yield* this.allPaths(getpath(root, base), base, true);
          return;
        }
        {
          const f = env.func(`${n.name}/${n.args.length}`);
          if (f !== undefined && n.args.length === 0) {
            yield* this.paths(f.body, input, f.env, root, base);
            return;
          }
        }
        break;
      default:
        break;
    }
    throw new JqError(`Invalid path expression with result ${JSON.stringify(input)}`);
  }

  *allPaths(v: Json, base: Path, includeSelf: boolean): Generator<Path> {
    if (includeSelf) yield base;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* this.allPaths(v[i] as Json, [...base, i], true);
    else if (isObject(v)) for (const k of Object.keys(v)) yield* this.allPaths(v[k] as Json, [...base, k], true);
  }

  private *assign(n: JqNode & { k: 'assign' }, input: Json, env: Env): Generator<Json> {
    const paths = [...this.paths(n.lhs, input, env)];
    if (n.op === '|=') {
      let out = input;
      for (const p of paths) {
        const it = this.eval(n.rhs, getpath(out, p), env).next();
        out = it.done === true ? delpaths(out, [p]) : setpath(out, p, it.value);
      }
      yield out;
      return;
    }
    for (const v of this.eval(n.rhs, input, env)) {
      let out = input;
      for (const p of paths) {
        if (n.op === '=') out = setpath(out, p, v);
        else if (n.op === '//=') {
          const cur = getpath(out, p);
          out = setpath(out, p, truthy(cur) ? cur : v);
        } else out = setpath(out, p, arith(n.op.slice(0, -1), getpath(out, p), v));
      }
      yield out;
    }
  }

  *call(name: string, args: readonly JqNode[], input: Json, env: Env): Generator<Json> {
    if (args.length === 0) {
      const c = env.closure(name);
      if (c !== undefined) {
        yield* this.eval(c.node, input, c.env);
        return;
      }
    }
    const f = env.func(`${name}/${args.length}`);
    if (f !== undefined) {
      const closures = new Map<string, { node: JqNode; env: Env }>();
      const valueParams: Array<[string, JqNode]> = [];
      f.params.forEach((p, i) => {
        const a = args[i] as JqNode;
        if (p.startsWith('$')) valueParams.push([p.slice(1), a]);
        else closures.set(p, { node: a, env });
      });
      // The function can call itself recursively.
      const self = f.env.withFunc(`${name}/${args.length}`, f);
      yield* this.bindValues(valueParams, 0, new Map(), input, env, (vars) => {
        for (const [k] of valueParams) closures.set(k, { node: { k: 'var', name: k }, env: self.withClosures(new Map(), vars) });
        return this.eval(f.body, input, self.withClosures(closures, vars));
      });
      return;
    }
    const g = this.ctx.builtin(name, args, input, env, this);
    if (g === null) throw new JqError(`${name}/${args.length} is not defined`);
    yield* g;
  }

  private *bindValues(
    params: ReadonlyArray<[string, JqNode]>,
    i: number,
    vars: Map<string, Json>,
    input: Json,
    env: Env,
    body: (vars: Map<string, Json>) => Generator<Json>,
  ): Generator<Json> {
    const p = params[i];
    if (p === undefined) {
      yield* body(vars);
      return;
    }
    for (const v of this.eval(p[1], input, env)) yield* this.bindValues(params, i + 1, new Map([...vars, [p[0], v]]), input, env, body);
  }
}

export function formatValue(name: string, v: Json): string {
  const text = (x: Json): string => (typeof x === 'string' ? x : JSON.stringify(x));
  switch (name) {
    case 'text':
      return text(v);
    case 'json':
      return JSON.stringify(v);
    case 'csv':
    case 'tsv': {
      if (!Array.isArray(v)) throw new JqError(`${typeOf(v)} (${JSON.stringify(v)}) cannot be ${name}-formatted, only an array can be`);
      return v
        .map((x) => {
          if (typeof x === 'number') return String(x);
          if (x === null) return '';
          if (typeof x === 'boolean') return String(x);
          if (typeof x !== 'string') throw new JqError(`${typeOf(x)} (${JSON.stringify(x)}) is not valid in a csv row`);
          return name === 'csv' ? `"${x.replaceAll('"', '""')}"` : x.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c);
        })
        .join(name === 'csv' ? ',' : '\t');
    }
    case 'html':
      return text(v).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c] ?? c);
    case 'uri':
      return [...new TextEncoder().encode(text(v))].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    case 'sh': {
      const q = (x: Json): string => {
        if (typeof x === 'string') return `'${x.replaceAll("'", "'\\''")}'`;
        if (x !== null && typeof x === 'object') throw new JqError(`${typeOf(x)} (${JSON.stringify(x)}) can not be escaped for shell`);
        return String(x);
      };
      return Array.isArray(v) ? v.map(q).join(' ') : q(v);
    }
    case 'base64':
      return Buffer.from(text(v), 'utf8').toString('base64');
    case 'base64d':
      return Buffer.from(text(v), 'base64').toString('utf8');
    default:
      throw new JqError(`${name} is not a valid format`);
  }
}
