/**
 * jq's builtin functions, written natively over the evaluator: the common filters (length, keys, map,
 * select, to_entries, sort_by, group_by, unique_by, min/max, add, any/all, flatten, range, paths, del,
 * limit/first/last, input/inputs, …); string and regex functions are in jq-strings.ts.
 */
import type { JqNode } from './jq-parse.js';
import { JQ_STRING_BUILTINS, jqStringBuiltin, requireString, toNumber, tostring } from './jq-strings.js';
import {
  compare,
  delpaths,
  type Env,
  type Evaluator,
  getpath,
  JqError,
  type Json,
  setpath,
  truthy,
  typeOf,
} from './jq-eval.js';

type Gen = Generator<Json>;

function isObject(v: Json): v is { [k: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function length(v: Json): Json {
  if (v === null) return 0;
  if (typeof v === 'boolean') throw new JqError(`boolean (${v}) has no length`);
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  return Object.keys(v).length;
}

function keys(v: Json, sorted: boolean): Json {
  if (Array.isArray(v)) return v.map((_, i) => i);
  if (isObject(v)) return sorted ? Object.keys(v).sort() : Object.keys(v);
  throw new JqError(`${typeOf(v)} (${JSON.stringify(v)}) has no keys`);
}

function sortBy(items: Json[], keyOf: (v: Json) => Json[]): Json[] {
  return items
    .map((v, i) => ({ v, k: keyOf(v), i }))
    .sort((a, b) => compare(a.k, b.k) || a.i - b.i)
    .map((x) => x.v);
}

function flatten(v: Json[], depth: number): Json[] {
  const out: Json[] = [];
  for (const x of v) {
    if (Array.isArray(x) && depth > 0) out.push(...flatten(x, depth - 1));
    else out.push(x);
  }
  return out;
}

function contains(a: Json, b: Json): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b);
  if (Array.isArray(a) && Array.isArray(b)) return b.every((y) => a.some((x) => contains(x, y)));
  if (isObject(a) && isObject(b)) return Object.entries(b).every(([k, y]) => Object.hasOwn(a, k) && contains(a[k] as Json, y));
  if (typeOf(a) !== typeOf(b)) throw new JqError(`${typeOf(a)} (${JSON.stringify(a)}) and ${typeOf(b)} (${JSON.stringify(b)}) cannot have their containment checked`);
  return compare(a, b) === 0;
}

export function* jqBuiltin(name: string, args: readonly JqNode[], input: Json, env: Env, ev: Evaluator): Gen {
  const arg = (i: number, v: Json = input): Gen => ev.eval(args[i] as JqNode, v, env);
  const first = (i: number, v: Json = input): Json => {
    const r = arg(i, v).next();
    return r.done === true ? null : r.value;
  };
  const key = `${name}/${args.length}`;
  switch (key) {
    case 'empty/0':
      return;
    case 'not/0':
      yield !truthy(input);
      return;
    case 'length/0':
      yield length(input);
      return;
    case 'utf8bytelength/0':
      yield new TextEncoder().encode(requireString(input, 'only strings have UTF-8 byte length')).length;
      return;
    case 'keys/0':
    case 'keys_unsorted/0':
      yield keys(input, name === 'keys');
      return;
    case 'values/0':
      if (input !== null) yield input;
      return;
    case 'has/1':
      for (const k of arg(0)) {
        if (isObject(input) && typeof k === 'string') yield Object.hasOwn(input, k);
        else if (Array.isArray(input) && typeof k === 'number') yield k >= 0 && k < input.length;
        else throw new JqError(`Cannot check whether ${typeOf(input)} has a ${typeOf(k)} key`);
      }
      return;
    case 'in/1':
      for (const o of arg(0)) yield* jqBuiltin('has', [{ k: 'literal', v: input }], o, env, ev);
      return;
    case 'contains/1':
      for (const b of arg(0)) yield contains(input, b);
      return;
    case 'inside/1':
      for (const a of arg(0)) yield contains(a, input);
      return;
    case 'map/1':
      if (!Array.isArray(input) && !isObject(input)) throw new JqError(`Cannot iterate over ${typeOf(input)}`);
      yield (Array.isArray(input) ? input : Object.values(input)).flatMap((v) => [...arg(0, v)]);
      return;
    case 'map_values/1': {
      if (Array.isArray(input)) yield input.flatMap((v) => [...arg(0, v)].slice(0, 1));
      else if (isObject(input)) {
        const o: { [k: string]: Json } = {};
        for (const [k, v] of Object.entries(input)) {
          const r = arg(0, v).next();
          if (r.done !== true) o[k] = r.value;
        }
        yield o;
      } else throw new JqError(`Cannot iterate over ${typeOf(input)}`);
      return;
    }
    case 'select/1':
      for (const c of arg(0)) if (truthy(c)) yield input;
      return;
    case 'recurse/0':
      yield* ev.recurse(input);
      return;
    case 'recurse/1': {
      const walk = function* (v: Json): Gen {
        yield v;
        for (const x of arg(0, v)) yield* walk(x);
      };
      yield* walk(input);
      return;
    }
    case 'add/0': {
      const items = Array.isArray(input) ? input : isObject(input) ? Object.values(input) : null;
      if (items === null) throw new JqError(`Cannot iterate over ${typeOf(input)}`);
      let acc: Json = null;
      for (const v of items) acc = acc === null ? v : ev.eval({ k: 'bin', op: '+', a: { k: 'literal', v: acc }, b: { k: 'literal', v } }, null, env).next().value ?? null;
      yield acc;
      return;
    }
    case 'any/0':
    case 'all/0': {
      const items = Array.isArray(input) ? input : [];
      yield name === 'any' ? items.some(truthy) : items.every(truthy);
      return;
    }
    case 'any/1':
    case 'all/1': {
      const items = Array.isArray(input) ? input : isObject(input) ? Object.values(input) : [];
      const hits = items.map((v) => truthy(first(0, v)));
      yield name === 'any' ? hits.some(Boolean) : hits.every(Boolean);
      return;
    }
    case 'any/2':
    case 'all/2': {
      let result = name === 'all';
      for (const v of arg(0)) {
        const t = truthy(first(1, v));
        if (name === 'any' && t) result = true;
        if (name === 'all' && !t) result = false;
      }
      yield result;
      return;
    }
    case 'flatten/0':
    case 'flatten/1': {
      if (!Array.isArray(input)) throw new JqError(`Cannot flatten ${typeOf(input)}`);
      const depth = args.length === 0 ? 1e9 : (first(0) as number);
      if (depth < 0) throw new JqError('flatten depth must not be negative');
      yield flatten(input, depth);
      return;
    }
    case 'range/1':
      for (const n of arg(0)) for (let i = 0; i < (n as number); i++) yield i;
      return;
    case 'range/2':
    case 'range/3':
      for (const from of arg(0)) {
        for (const to of arg(1)) {
          const step = args.length === 3 ? (first(2) as number) : 1;
          if (step > 0) for (let i = from as number; i < (to as number); i += step) yield i;
          else if (step < 0) for (let i = from as number; i > (to as number); i += step) yield i;
        }
      }
      return;
    case 'floor/0':
    case 'ceil/0':
    case 'round/0':
    case 'sqrt/0':
    case 'fabs/0':
    case 'log/0':
    case 'exp/0':
    case 'log10/0':
    case 'log2/0': {
      if (typeof input !== 'number') throw new JqError(`${typeOf(input)} (${JSON.stringify(input)}) number required`);
      const f = { floor: Math.floor, ceil: Math.ceil, round: Math.round, sqrt: Math.sqrt, fabs: Math.abs, log: Math.log, exp: Math.exp, log10: Math.log10, log2: Math.log2 }[name] ?? Math.floor;
      yield f(input);
      return;
    }
    case 'pow/2':
      yield (first(0) as number) ** (first(1) as number);
      return;
    case 'tostring/0':
      yield tostring(input);
      return;
    case 'tonumber/0':
      yield toNumber(input);
      return;
    case 'type/0':
      yield typeOf(input);
      return;
    case 'infinite/0':
      yield Number.MAX_VALUE;
      return;
    case 'nan/0':
      yield Number.NaN;
      return;
    case 'isnan/0':
      yield typeof input === 'number' && Number.isNaN(input);
      return;
    case 'isinfinite/0':
      yield typeof input === 'number' && !Number.isFinite(input) && !Number.isNaN(input);
      return;
    case 'isnormal/0':
      yield typeof input === 'number' && Number.isFinite(input) && input !== 0;
      return;
    case 'arrays/0':
    case 'objects/0':
    case 'iterables/0':
    case 'booleans/0':
    case 'numbers/0':
    case 'strings/0':
    case 'nulls/0':
    case 'scalars/0': {
      const t = typeOf(input);
      const want: Record<string, boolean> = {
        arrays: t === 'array',
        objects: t === 'object',
        iterables: t === 'array' || t === 'object',
        booleans: t === 'boolean',
        numbers: t === 'number',
        strings: t === 'string',
        nulls: t === 'null',
        scalars: t !== 'array' && t !== 'object',
      };
      if (want[name]) yield input;
      return;
    }
    case 'to_entries/0':
      if (!isObject(input)) throw new JqError(`${typeOf(input)} (${JSON.stringify(input)}) has no keys`);
      yield Object.entries(input).map(([k, v]) => ({ key: k, value: v }));
      return;
    case 'from_entries/0': {
      if (!Array.isArray(input)) throw new JqError(`Cannot iterate over ${typeOf(input)}`);
      const o: { [k: string]: Json } = {};
      for (const e of input) {
        if (!isObject(e)) throw new JqError(`Cannot index ${typeOf(e)} with "key"`);
        const k = e.key ?? e.k ?? e.name ?? e.Name ?? e.Key ?? e.K ?? null;
        const v = Object.hasOwn(e, 'value') ? e.value : Object.hasOwn(e, 'v') ? e.v : (e.Value ?? null);
        if (typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'boolean') {
          throw new JqError(`Cannot use ${typeOf(k)} (${JSON.stringify(k)}) as object key`);
        }
        o[String(k)] = v ?? null;
      }
      yield o;
      return;
    }
    case 'with_entries/1': {
      const entries = [...jqBuiltin('to_entries', [], input, env, ev)][0] as Json[];
      yield* jqBuiltin('from_entries', [], entries.flatMap((e) => [...arg(0, e)]), env, ev);
      return;
    }
    case 'sort/0':
      if (!Array.isArray(input)) throw new JqError(`${typeOf(input)} (${JSON.stringify(input)}) cannot be sorted, as it is not an array`);
      yield [...input].sort(compare);
      return;
    case 'sort_by/1':
    case 'group_by/1':
    case 'unique_by/1':
    case 'min_by/1':
    case 'max_by/1': {
      if (!Array.isArray(input)) throw new JqError(`Cannot index ${typeOf(input)} with number`);
      const keyOf = (v: Json): Json[] => [...arg(0, v)];
      const sorted = sortBy(input, keyOf);
      if (name === 'sort_by') yield sorted;
      else if (name === 'min_by' || name === 'max_by') {
        if (input.length === 0) yield null;
        else {
          let best = input[0] as Json;
          for (const v of input) {
            const c = compare(keyOf(v), keyOf(best));
            if (name === 'min_by' ? c < 0 : c >= 0) best = v;
          }
          yield best;
        }
      } else {
        const groups: Json[][] = [];
        let prev: Json[] | null = null;
        for (const v of sorted) {
          const k = keyOf(v);
          if (prev !== null && compare(prev, k) === 0) (groups[groups.length - 1] as Json[]).push(v);
          else groups.push([v]);
          prev = k;
        }
        yield name === 'group_by' ? groups : groups.map((g) => g[0] as Json);
      }
      return;
    }
    case 'unique/0':
      if (!Array.isArray(input)) throw new JqError(`${typeOf(input)} cannot be sorted, as it is not an array`);
      yield [...input].sort(compare).filter((v, i, a) => i === 0 || compare(a[i - 1] as Json, v) !== 0);
      return;
    case 'min/0':
    case 'max/0': {
      if (!Array.isArray(input)) throw new JqError(`Cannot index ${typeOf(input)} with number`);
      if (input.length === 0) yield null;
      else yield input.reduce((a, b) => (name === 'min' ? (compare(b, a) < 0 ? b : a) : compare(b, a) >= 0 ? b : a));
      return;
    }
    case 'reverse/0':
      if (typeof input === 'string') yield [...input].reverse().join('');
      else if (input === null) yield [];
      else if (Array.isArray(input)) yield [...input].reverse();
      else throw new JqError(`Cannot reverse ${typeOf(input)}`);
      return;
    case 'paths/0':
      for (const p of ev.allPaths(input, [], false)) yield p;
      return;
    case 'paths/1':
      for (const p of ev.allPaths(input, [], false)) if (truthy(first(0, getpath(input, p)))) yield p;
      return;
    case 'leaf_paths/0':
      for (const p of ev.allPaths(input, [], false)) {
        const v = getpath(input, p);
        if (v === null || typeof v !== 'object') yield p;
      }
      return;
    case 'path/1':
      for (const p of ev.paths(args[0] as JqNode, input, env)) yield p;
      return;
    case 'getpath/1':
      for (const p of arg(0)) {
        try {
          yield getpath(input, p as Array<string | number>);
        } catch {
          yield null;
        }
      }
      return;
    case 'setpath/2':
      for (const p of arg(0)) for (const v of arg(1)) yield setpath(input, p as Array<string | number>, v);
      return;
    case 'delpaths/1':
      for (const ps of arg(0)) yield delpaths(input, ps as Array<Array<string | number>>);
      return;
    case 'del/1':
      yield delpaths(input, [...ev.paths(args[0] as JqNode, input, env)]);
      return;
    case 'to_array/0':
      yield Array.isArray(input) ? input : [input];
      return;
    case 'limit/2': {
      const n = first(0) as number;
      if (n <= 0) return;
      let k = 0;
      for (const v of arg(1)) {
        yield v;
        if (++k >= n) return;
      }
      return;
    }
    case 'first/1':
      for (const v of arg(0)) {
        yield v;
        return;
      }
      return;
    case 'last/1': {
      let last: Json | undefined;
      for (const v of arg(0)) last = v;
      if (last !== undefined) yield last;
      return;
    }
    case 'nth/2': {
      const n = first(0) as number;
      let k = 0;
      for (const v of arg(1)) if (k++ === n) {
        yield v;
        return;
      }
      return;
    }
    case 'first/0':
      yield Array.isArray(input) ? (input[0] ?? null) : null;
      return;
    case 'last/0':
      yield Array.isArray(input) ? (input[input.length - 1] ?? null) : null;
      return;
    case 'nth/1':
      for (const n of arg(0)) yield Array.isArray(input) ? (input[n as number] ?? null) : null;
      return;
    case 'until/2': {
      let v = input;
      while (!truthy(first(0, v))) v = first(1, v);
      yield v;
      return;
    }
    case 'while/2': {
      let v = input;
      while (truthy(first(0, v))) {
        yield v;
        v = first(1, v);
      }
      return;
    }
    case 'repeat/1': {
      let v = input;
      for (;;) {
        yield v;
        v = first(0, v);
      }
    }
    case 'error/0':
      throw new JqError(input);
    case 'error/1':
      for (const m of arg(0)) throw new JqError(m);
      return;
    case 'input/0': {
      const v = ev.ctx.nextInput();
      if (v === undefined) throw new JqError('No more inputs');
      yield v;
      return;
    }
    case 'inputs/0':
      for (let v = ev.ctx.nextInput(); v !== undefined; v = ev.ctx.nextInput()) yield v;
      return;
    case 'debug/0':
    case 'debug/1':
      yield input;
      return;
    case 'env/0':
      yield { ...ev.ctx.env };
      return;
    case 'builtins/0':
      yield [];
      return;
    case 'input_filename/0':
      yield null;
      return;
    case 'ascii/0':
      yield String.fromCharCode(input as number);
      return;
    case 'tostream/0':
      for (const p of ev.allPaths(input, [], false)) {
        const v = getpath(input, p);
        if (v === null || typeof v !== 'object' || Object.keys(v).length === 0) yield [p, v];
      }
      return;
    case 'now/0':
      yield ev.ctx.now() / 1000;
      return;
    case 'walk/1': {
      const walk = (v: Json): Json => {
        let inner: Json = v;
        if (Array.isArray(v)) inner = v.map(walk);
        else if (isObject(v)) inner = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
        return first(0, inner);
      };
      yield walk(input);
      return;
    }
    default: {
      const g = jqStringBuiltin(key, args, input, env, ev);
      if (g === null) throw new JqError(`${key} is not defined`);
      yield* g;
    }
  }
}

/** Every builtin this module defines, as `name/arity`. */
export const JQ_BUILTINS: ReadonlySet<string> = new Set([
  'add/0',
  'all/0',
  'all/1',
  'all/2',
  'any/0',
  'any/1',
  'any/2',
  'arrays/0',
  'ascii/0',
  'booleans/0',
  'builtins/0',
  'ceil/0',
  'contains/1',
  'debug/0',
  'debug/1',
  'del/1',
  'delpaths/1',
  'empty/0',
  'env/0',
  'error/0',
  'error/1',
  'exp/0',
  'fabs/0',
  'first/0',
  'first/1',
  'flatten/0',
  'flatten/1',
  'floor/0',
  'from_entries/0',
  'getpath/1',
  'group_by/1',
  'has/1',
  'in/1',
  'infinite/0',
  'input/0',
  'input_filename/0',
  'inputs/0',
  'inside/1',
  'isinfinite/0',
  'isnan/0',
  'isnormal/0',
  'iterables/0',
  'keys/0',
  'keys_unsorted/0',
  'last/0',
  'last/1',
  'leaf_paths/0',
  'length/0',
  'limit/2',
  'log/0',
  'log10/0',
  'log2/0',
  'map/1',
  'map_values/1',
  'max/0',
  'max_by/1',
  'min/0',
  'min_by/1',
  'nan/0',
  'not/0',
  'now/0',
  'nth/1',
  'nth/2',
  'nulls/0',
  'numbers/0',
  'objects/0',
  'path/1',
  'paths/0',
  'paths/1',
  'pow/2',
  'range/1',
  'range/2',
  'range/3',
  'recurse/0',
  'recurse/1',
  'repeat/1',
  'reverse/0',
  'round/0',
  'scalars/0',
  'select/1',
  'setpath/2',
  'sort/0',
  'sort_by/1',
  'sqrt/0',
  'strings/0',
  'to_array/0',
  'to_entries/0',
  'tonumber/0',
  'tostream/0',
  'tostring/0',
  'type/0',
  'unique/0',
  'unique_by/1',
  'until/2',
  'utf8bytelength/0',
  'values/0',
  'walk/1',
  'while/2',
  'with_entries/1',
  ...JQ_STRING_BUILTINS,
]);
