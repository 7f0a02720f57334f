/**
 * jq's string and regex builtins (tostring, tonumber, tojson, fromjson, case changes, trimming, split/join,
 * test/match/capture/scan/sub/gsub, explode/implode, indices). Regex functions use JavaScript regular
 * expressions (jq's are Oniguruma, close to them).
 */
import { compare, type Env, type Evaluator, JqError, type Json, typeOf } from './jq-eval.js';
import type { JqNode } from './jq-parse.js';

type Gen = Generator<Json>;

function regexFlags(flags: Json): { flags: string; global: boolean } {
  const f = typeof flags === 'string' ? flags : '';
  let out = 'u';
  if (f.includes('i')) out += 'i';
  if (f.includes('x')) out += '';
  if (f.includes('s')) out += 's';
  return { flags: out, global: f.includes('g') };
}

function toRegex(re: Json, flags: Json): { re: RegExp; global: boolean } {
  if (typeof re !== 'string') throw new JqError(`${typeOf(re)} (${JSON.stringify(re)}) cannot be matched, as it is not a string`);
  const f = regexFlags(flags);
  try {
    return { re: new RegExp(re, `${f.flags}g`), global: f.global };
  } catch {
    throw new JqError(`${re} (at offset 0) is not a valid regex`);
  }
}

function matchObjects(s: string, re: RegExp, global: boolean): Json[] {
  const out: Json[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const names = Object.entries(m.groups ?? {});
    out.push({
      offset: [...s.slice(0, m.index)].length,
      length: [...m[0]].length,
      string: m[0],
      captures: m.slice(1).map((c) => ({
        offset: c === undefined ? -1 : [...s.slice(0, s.indexOf(c, m?.index ?? 0))].length,
        length: c === undefined ? 0 : [...c].length,
        string: c ?? null,
        name: names.find(([, v]) => v === c)?.[0] ?? null,
      })) as Json[],
    });
    if (!global) break;
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

export function toNumber(v: Json): Json {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = v.trim();
    const n = Number(t);
    if (t !== '' && !Number.isNaN(n)) return n;
  }
  throw new JqError(`${typeOf(v)} (${JSON.stringify(v)}) cannot be parsed as a number`);
}

export function tostring(v: Json): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function requireString(v: Json, what: string): string {
  if (typeof v !== 'string') throw new JqError(`${typeOf(v)} (${JSON.stringify(v)}) ${what}`);
  return v;
}

/** A string builtin by `name/arity`, or null when it is not one of them. */
export function jqStringBuiltin(key: string, args: readonly JqNode[], input: Json, env: Env, ev: Evaluator): Gen | null {
  if (!JQ_STRING_BUILTINS.has(key)) return null;
  return run(key, args, input, env, ev);
}

function* run(key: string, args: readonly JqNode[], input: Json, env: Env, ev: Evaluator): Gen {
  const name = key.slice(0, key.indexOf('/'));
  const arg = (i: number, v: Json = input): Gen => ev.eval(args[i] as JqNode, v, env);
  const first = (i: number, v: Json = input): Json => {
    const r = arg(i, v).next();
    return r.done === true ? null : r.value;
  };
  switch (key) {
    case 'tojson/0':
      yield JSON.stringify(input);
      return;
    case 'fromjson/0':
      try {
        yield JSON.parse(requireString(input, 'cannot be parsed as JSON')) as Json;
      } catch (err) {
        if (err instanceof JqError) throw err;
        throw new JqError(`${input} (while parsing '${input}')`);
      }
      return;
    case 'ascii_downcase/0':
      yield requireString(input, 'cannot be lowercased').replace(/[A-Z]/g, (c) => c.toLowerCase());
      return;
    case 'ascii_upcase/0':
      yield requireString(input, 'cannot be uppercased').replace(/[a-z]/g, (c) => c.toUpperCase());
      return;
    case 'ltrimstr/1':
    case 'rtrimstr/1':
      for (const s of arg(0)) {
        if (typeof input !== 'string' || typeof s !== 'string') yield input;
        else if (name === 'ltrimstr') yield input.startsWith(s) ? input.slice(s.length) : input;
        else yield input.endsWith(s) && s !== '' ? input.slice(0, input.length - s.length) : input;
      }
      return;
    case 'trim/0':
    case 'ltrim/0':
    case 'rtrim/0': {
      const s = requireString(input, 'cannot be trimmed');
      yield name === 'trim' ? s.trim() : name === 'ltrim' ? s.trimStart() : s.trimEnd();
      return;
    }
    case 'startswith/1':
    case 'endswith/1':
      for (const s of arg(0)) {
        if (typeof input !== 'string' || typeof s !== 'string') throw new JqError(`${name}() requires string inputs`);
        yield name === 'startswith' ? input.startsWith(s) : input.endsWith(s);
      }
      return;
    case 'split/1':
      for (const s of arg(0)) yield requireString(input, 'cannot be split').split(requireString(s, 'cannot be used to split'));
      return;
    case 'split/2':
    case 'splits/1':
    case 'splits/2': {
      const s = requireString(input, 'cannot be matched, as it is not a string');
      const { re } = toRegex(first(0), args.length > 1 ? first(1) : null);
      const parts = s.split(re);
      if (name === 'split') yield parts;
      else yield* parts;
      return;
    }
    case 'join/1':
      for (const sep of arg(0)) {
        if (!Array.isArray(input)) throw new JqError(`Cannot iterate over ${typeOf(input)}`);
        yield input
          .map((x) => {
            if (x === null) return '';
            if (typeof x === 'object') throw new JqError(`Cannot join with ${typeOf(x)}`);
            return String(x);
          })
          .join(requireString(sep, 'cannot be used as a separator'));
      }
      return;
    case 'test/1':
    case 'test/2':
    case 'match/1':
    case 'match/2':
    case 'capture/1':
    case 'capture/2':
    case 'scan/1':
    case 'scan/2': {
      const s = requireString(input, 'cannot be matched, as it is not a string');
      const { re, global } = toRegex(first(0), args.length > 1 ? first(1) : null);
      if (name === 'test') {
        re.lastIndex = 0;
        yield re.test(s);
        return;
      }
      const ms = matchObjects(s, re, global || name === 'scan');
      for (const m of ms as Array<{ string: Json; captures: Array<{ name: Json; string: Json }> }>) {
        if (name === 'match') yield m as unknown as Json;
        else if (name === 'capture') {
          const o: { [k: string]: Json } = {};
          for (const c of m.captures) if (typeof c.name === 'string') o[c.name] = c.string;
          yield o;
        } else yield m.captures.length === 0 ? m.string : m.captures.map((c) => c.string);
      }
      return;
    }
    case 'sub/2':
    case 'sub/3':
    case 'gsub/2':
    case 'gsub/3': {
      const s = requireString(input, 'cannot be matched, as it is not a string');
      const { re } = toRegex(first(0), args.length > 2 ? first(2) : null);
      let out = '';
      let last = 0;
      re.lastIndex = 0;
      for (let m = re.exec(s); m !== null; m = re.exec(s)) {
        const captures: { [k: string]: Json } = { ...(m.groups ?? {}) };
        const repl = first(1, captures);
        out += s.slice(last, m.index) + tostring(repl);
        last = m.index + m[0].length;
        if (name === 'sub') break;
        if (m[0] === '') re.lastIndex++;
      }
      yield out + s.slice(last);
      return;
    }
    case 'explode/0':
      yield [...requireString(input, 'cannot be exploded')].map((c) => c.codePointAt(0) ?? 0);
      return;
    case 'implode/0':
      if (!Array.isArray(input)) throw new JqError('Cannot implode non-array');
      yield String.fromCodePoint(...(input as number[]));
      return;
    case 'indices/1':
    case 'index/1':
    case 'rindex/1':
      for (const t of arg(0)) {
        const found: number[] = [];
        if (typeof input === 'string' && typeof t === 'string' && t !== '') {
          for (let i = input.indexOf(t); i !== -1; i = input.indexOf(t, i + 1)) found.push(i);
        } else if (Array.isArray(input)) {
          const needle = Array.isArray(t) ? t : [t];
          for (let i = 0; i + needle.length <= input.length; i++) {
            if (needle.length > 0 && needle.every((x, j) => compare(input[i + j] as Json, x) === 0)) found.push(i);
          }
        } else if (input === null) {
          yield null;
          continue;
        }
        if (name === 'indices') yield found;
        else yield found.length === 0 ? null : name === 'index' ? (found[0] as number) : (found[found.length - 1] as number);
      }
      return;
    default:
      return;
  }
}

export const JQ_STRING_BUILTINS: ReadonlySet<string> = new Set([
  'ascii_downcase/0',
  'ascii_upcase/0',
  'capture/1',
  'capture/2',
  'endswith/1',
  'explode/0',
  'fromjson/0',
  'gsub/2',
  'gsub/3',
  'implode/0',
  'index/1',
  'indices/1',
  'join/1',
  'ltrim/0',
  'ltrimstr/1',
  'match/1',
  'match/2',
  'rindex/1',
  'rtrim/0',
  'rtrimstr/1',
  'scan/1',
  'scan/2',
  'split/1',
  'split/2',
  'splits/1',
  'splits/2',
  'startswith/1',
  'sub/2',
  'sub/3',
  'test/1',
  'test/2',
  'tojson/0',
  'trim/0',
]);
