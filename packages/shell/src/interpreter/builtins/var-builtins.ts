/**
 * Builtins over variables and options: declare/typeset/local, export, readonly, unset, set, shopt, let,
 * shift, read, getopts.
 */
import { printFunction } from '../../ast/print.js';
import { isName } from '../../parser/word-reader.js';
import { ShellError } from '../control.js';
import type { Fds, Interpreter } from '../interpreter.js';
import { quoteForReuse } from '../quote.js';
import { assign } from '../simple-command.js';
import { ATTR, OPTION_LETTERS, type OptionName, SHOPT_NAMES, type ShoptName, type Var } from '../state.js';
import { declareLocal, keysOf, resolveRef, setArray, setAttrs, setScalar, unsetIndex, unsetVar } from '../vars.js';
import { mapfileBuiltin } from './mapfile-builtin.js';
import { readBuiltin } from './read-builtin.js';
import { fail, out, type ShellBuiltin } from './types.js';

const FLAG_ATTRS: Record<string, number> = {
  a: ATTR.indexed,
  A: ATTR.assoc,
  i: ATTR.integer,
  x: ATTR.export,
  r: ATTR.readonly,
  l: ATTR.lower,
  u: ATTR.upper,
};

function dq(s: string): string {
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

export function declLine(name: string, v: Var): string {
  let flags = '';
  if (v.a !== undefined || (v.attrs & ATTR.indexed && v.m === undefined)) flags += 'a';
  if (v.m !== undefined || v.attrs & ATTR.assoc) flags += 'A';
  if (v.attrs & ATTR.integer) flags += 'i';
  if (v.attrs & ATTR.lower) flags += 'l';
  if (v.attrs & ATTR.nameref) flags += 'n';
  if (v.attrs & ATTR.readonly) flags += 'r';
  if (v.attrs & ATTR.upper) flags += 'u';
  if (v.attrs & ATTR.export) flags += 'x';
  const head = `declare -${flags === '' ? '-' : flags} ${name}`;
  if (v.a !== undefined) {
    const items = keysOf(v).map((k) => `[${k}]=${dq(v.a?.[Number(k)] ?? '')}`);
    return `${head}=(${items.join(' ')})\n`;
  }
  if (v.m !== undefined) {
    const items = [...v.m].map(([k, x]) => `[${/^[A-Za-z0-9_]+$/.test(k) ? k : dq(k)}]=${dq(x)}`);
    return `${head}=(${items.join(' ')}${items.length > 0 ? ' ' : ''})\n`;
  }
  return v.s === undefined ? `${head}\n` : `${head}=${dq(v.s)}\n`;
}

async function declare(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const cmd = argv[0] ?? 'declare';
  let add = 0;
  let remove = 0;
  let print = false;
  let global = false;
  let funcs = false;
  let funcNames = false;
  let nameref = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (!/^[-+][a-zA-Z]+$/.test(a) || it.declArgs.has(i)) break;
    for (const f of a.slice(1)) {
      if (f === 'p') print = true;
      else if (f === 'g') global = true;
      else if (f === 'f' || f === 'F') {
        funcs = true;
        funcNames = f === 'F';
      }
      else if (FLAG_ATTRS[f] !== undefined) {
        if (a.startsWith('-')) add |= FLAG_ATTRS[f] ?? 0;
        else remove |= FLAG_ATTRS[f] ?? 0;
      } else if (f === 'n') nameref = a.startsWith('-');
      else if (f !== 't') return fail(it, fds, `${cmd}: -${f}: invalid option`, 2);
    }
  }
  if (cmd === 'export') add |= ATTR.export;
  if (cmd === 'readonly') add |= ATTR.readonly;
  const names = argv.slice(i);
  const st = it.st;
  if (funcs) {
    for (const n of names.length > 0 ? names : [...st.funcs.keys()].sort()) {
      const def = st.funcs.get(n);
      if (def === undefined) continue;
      if (funcNames) await out(fds, names.length > 0 ? `${n}\n` : `declare -f ${n}\n`);
      else await out(fds, printFunction(n, def.body));
    }
    return 0;
  }
  if (names.length === 0 || (print && names.length === 0)) {
    const want = add & ~(cmd === 'declare' || cmd === 'typeset' || cmd === 'local' ? 0 : 0);
    for (const name of [...st.vars.keys()].sort()) {
      const v = st.vars.get(name);
      if (v === undefined || (want !== 0 && (v.attrs & want) !== want)) continue;
      if (!print && cmd !== 'export' && cmd !== 'readonly' && want === 0) {
        if (v.s !== undefined) await out(fds, `${name}=${v.s}\n`);
        else await out(fds, declLine(name, v));
      } else await out(fds, declLine(name, v));
    }
    return 0;
  }
  let status = 0;
  const makeLocal = cmd === 'local' || ((cmd === 'declare' || cmd === 'typeset') && !global && st.funcStack.length > 0);
  if (cmd === 'local' && st.funcStack.length === 0) return fail(it, fds, 'local: can only be used in a function', 1);
  for (let k = 0; k < names.length; k++) {
    const arg = names[k] ?? '';
    const a = it.declArgs.get(i + k);
    const eq = arg.indexOf('=');
    const rawName = a?.name ?? (eq < 0 ? arg : arg.slice(0, eq));
    const name = rawName.replace(/\+$/, '').replace(/\[.*$/, '');
    if (!isName(name)) {
      status = await fail(it, fds, `${cmd}: \`${arg}': not a valid identifier`, 1);
      continue;
    }
    if (print) {
      const v = st.vars.get(name);
      if (v === undefined) status = await fail(it, fds, `${cmd}: ${name}: not found`, 1);
      else await out(fds, declLine(name, v));
      continue;
    }
    if (makeLocal) declareLocal(st, name);
    if (nameref) {
      // The reference itself is set, not what it refers to.
      const target = eq >= 0 ? arg.slice(eq + 1) : undefined;
      if (target !== undefined && !isName(target.replace(/\[.*\]$/, ''))) {
        status = await fail(it, fds, `${cmd}: \`${target}': invalid variable name for name reference`, 1);
        continue;
      }
      const old = st.vars.get(name);
      const v: Var = { attrs: ((old?.attrs ?? 0) | add | ATTR.nameref) & ~remove };
      const s = target ?? old?.s;
      if (s !== undefined) v.s = s;
      st.vars.set(name, v);
      continue;
    }
    const ro = add & ATTR.readonly;
    setAttrs(st, name, add & ~ro, remove);
    if (a?.array != null) await assign(it, a, false);
    else if (eq >= 0) {
      const append = arg.charAt(eq - 1) === '+';
      const idx = /\[(.*)\]\+?$/.exec(arg.slice(0, eq));
      const value = arg.slice(eq + 1);
      if (idx !== null) {
        await assign(it, { name, index: { parts: [{ k: 'sq', v: idx[1] ?? '' }] }, append, value: { parts: [{ k: 'sq', v: value }] }, array: null }, false);
      } else if (st.vars.get(name)?.a !== undefined && !append) setArray(st, name, [value], false);
      else setScalar(st, name, value, it.intEval, append);
    }
    if (ro) setAttrs(st, name, ro, 0);
  }
  return status;
}

async function unset(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  let fn = false;
  let refMode = false;
  let varOnly = false;
  let status = 0;
  for (const a of argv.slice(1)) {
    if (a === '-f') fn = true;
    else if (a === '-v') {
      fn = false;
      varOnly = true;
    } else if (a === '-n') refMode = true;
    else if (fn) it.st.funcs.delete(a);
    else {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(a);
      // A name that cannot be a variable may still name a function.
      if (m === null && !varOnly && !/[$`'"\\=[\]/]/.test(a)) {
        it.st.funcs.delete(a);
        continue;
      }
      if (m === null) {
        status = await fail(it, fds, `unset: \`${a}': not a valid identifier`, 1);
        continue;
      }
      const name = m[1] ?? '';
      if (m[2] !== undefined) {
        const v = it.st.vars.get(name);
        const key = v?.m !== undefined ? m[2] : String(it.arith(m[2]));
        unsetIndex(it.st, name, key);
      } else if (it.st.vars.has(name)) unsetVar(it.st, refMode ? name : resolveRef(it.st, name));
      else it.st.funcs.delete(name);
    }
  }
  return status;
}

/** `set -o` lists bash's whole table; options Burrow does not model show bash -c's fixed values. */
const SET_O_TABLE: [string, boolean | OptionName][] = [
  ['allexport', 'allexport'],
  ['braceexpand', true],
  ['emacs', false],
  ['errexit', 'errexit'],
  ['errtrace', 'errtrace'],
  ['functrace', 'functrace'],
  ['hashall', true],
  ['histexpand', false],
  ['history', false],
  ['ignoreeof', false],
  ['interactive-comments', true],
  ['keyword', false],
  ['monitor', false],
  ['noclobber', 'noclobber'],
  ['noexec', false],
  ['noglob', 'noglob'],
  ['nolog', false],
  ['notify', false],
  ['nounset', 'nounset'],
  ['onecmd', false],
  ['physical', false],
  ['pipefail', 'pipefail'],
  ['posix', false],
  ['privileged', false],
  ['verbose', 'verbose'],
  ['vi', false],
  ['xtrace', 'xtrace'],
];

async function set(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const st = it.st;
  if (argv.length === 1) {
    for (const name of [...st.vars.keys()].sort()) {
      const v = st.vars.get(name);
      if (v === undefined) continue;
      if (v.s !== undefined) await out(fds, `${name}=${v.s.includes(' ') || v.s === '' ? quoteForReuse(v.s) : v.s}\n`);
      else if (v.a !== undefined || v.m !== undefined) await out(fds, declLine(name, v).replace(/^declare -\S+ /, ''));
    }
    return 0;
  }
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      st.positional = argv.slice(i + 1);
      return 0;
    }
    if (a === '-' || a === '+') {
      i++;
      break;
    }
    if (!/^[-+]/.test(a)) break;
    const on = a.startsWith('-');
    for (let j = 1; j < a.length; j++) {
      const f = a.charAt(j);
      if (f === 'o') {
        const name = argv[++i];
        if (name === undefined) {
          for (const [o, v] of SET_O_TABLE) {
            const value = typeof v === 'boolean' ? v : st.opts[v];
            await out(fds, on ? `${o.padEnd(15)}\t${value ? 'on' : 'off'}\n` : `set ${value ? '-' : '+'}o ${o}\n`);
          }
          continue;
        }
        const entry = SET_O_TABLE.find(([o]) => o === name);
        if (entry === undefined) return fail(it, fds, `set: ${name}: invalid option name`, 2);
        if (typeof entry[1] !== 'boolean') st.opts[entry[1]] = on;
        continue;
      }
      const name = OPTION_LETTERS[f];
      if (name !== undefined) st.opts[name] = on;
      else if (f !== 'h' && f !== 'B' && f !== 'H' && f !== 'm' && f !== 'b') {
        return fail(it, fds, `set: ${a.charAt(0)}${f}: invalid option`, 2);
      }
    }
  }
  if (i < argv.length) st.positional = argv.slice(i);
  return 0;
}

async function shopt(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  let mode: 's' | 'u' | 'q' | 'p' | null = null;
  let quiet = false;
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^-[suqpo]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'q') quiet = true;
        else if (f !== 'o') mode = f as 's' | 'u' | 'p';
      }
    } else names.push(a);
  }
  const st = it.st;
  for (const n of names) {
    if (!(SHOPT_NAMES as readonly string[]).includes(n)) return fail(it, fds, `shopt: ${n}: invalid shell option name`, 1);
  }
  if ((mode === 's' || mode === 'u') && names.length > 0) {
    for (const n of names) st.shopts[n as ShoptName] = mode === 's';
    return 0;
  }
  const list = names.length > 0 ? names : [...SHOPT_NAMES].filter((n) => mode === null || mode === 'p' || st.shopts[n] === (mode === 's'));
  let status = 0;
  for (const n of list) {
    const on = st.shopts[n as ShoptName];
    if (!on) status = 1;
    if (quiet) continue;
    if (mode === 'p' || mode === 's' || mode === 'u') await out(fds, `shopt ${on ? '-s' : '-u'} ${n}\n`);
    else await out(fds, `${n.padEnd(15)}\t${on ? 'on' : 'off'}\n`);
  }
  return names.length > 0 ? status : 0;
}

async function getopts(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const spec = argv[1];
  const name = argv[2];
  if (spec === undefined || name === undefined) {
    await it.err('getopts: usage: getopts optstring name [arg ...]', fds, false, '');
    return 2;
  }
  const st = it.st;
  const args = argv.length > 3 ? argv.slice(3) : st.positional;
  const silent = spec.startsWith(':');
  let ind = Number(it.lookup('OPTIND') ?? '1') || 1;
  if (ind < 1) ind = 1;
  const arg = args[ind - 1];
  const finish = (status: number) => {
    setScalar(st, 'OPTIND', String(ind), null);
    return status;
  };
  if (st.optSub === 0) {
    if (arg === undefined || !arg.startsWith('-') || arg === '-') {
      setScalar(st, name, '?', null);
      return finish(1);
    }
    if (arg === '--') {
      ind++;
      setScalar(st, name, '?', null);
      return finish(1);
    }
    st.optSub = 1;
  }
  const word = arg ?? '';
  const c = word.charAt(st.optSub);
  st.optSub++;
  const advance = () => {
    if (st.optSub >= word.length) {
      st.optSub = 0;
      ind++;
    }
  };
  const at = spec.indexOf(c);
  if (c === ':' || at < 0) {
    advance();
    if (silent) {
      setScalar(st, 'OPTARG', c, null);
    } else {
      st.vars.delete('OPTARG');
      await it.err(`illegal option -- ${c}`, fds, false);
    }
    setScalar(st, name, '?', null);
    return finish(0);
  }
  if (spec.charAt(at + 1) === ':') {
    let value: string | undefined;
    if (st.optSub < word.length) value = word.slice(st.optSub);
    else value = args[ind];
    const usedNext = st.optSub >= word.length;
    st.optSub = 0;
    ind += usedNext ? 2 : 1;
    if (value === undefined) {
      ind = Math.min(ind, args.length + 1);
      if (silent) {
        setScalar(st, name, ':', null);
        setScalar(st, 'OPTARG', c, null);
      } else {
        await it.err(`option requires an argument -- ${c}`, fds, false);
        setScalar(st, name, '?', null);
        st.vars.delete('OPTARG');
      }
      return finish(0);
    }
    setScalar(st, 'OPTARG', value, null);
  } else {
    advance();
    st.vars.delete('OPTARG');
  }
  setScalar(st, name, c, null);
  return finish(0);
}

export const VAR_BUILTINS: Record<string, ShellBuiltin> = {
  declare,
  typeset: declare,
  local: declare,
  export: async (it, argv, fds) => {
    if (argv[1] === '-n') {
      for (const n of argv.slice(2)) setAttrs(it.st, n, 0, ATTR.export);
      return 0;
    }
    if (argv.length === 1 || argv[1] === '-p') {
      for (const name of [...it.st.vars.keys()].sort()) {
        const v = it.st.vars.get(name);
        if (v !== undefined && v.attrs & ATTR.export) await out(fds, declLine(name, v));
      }
      return 0;
    }
    return declare(it, argv, fds);
  },
  readonly: declare,
  unset,
  set,
  shopt,
  let: async (it, argv, fds) => {
    if (argv.length < 2) return fail(it, fds, 'let: expression expected', 1);
    let v = 0n;
    for (const a of argv.slice(1)) {
      try {
        v = it.arith(a);
      } catch (e) {
        if (e instanceof ShellError) return fail(it, fds, `let: ${e.message}`, 1);
        throw e;
      }
    }
    return v === 0n ? 1 : 0;
  },
  shift: async (it, argv, fds) => {
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!/^-?[0-9]+$/.test(argv[1] ?? '1')) return fail(it, fds, `shift: ${argv[1]}: numeric argument required`, 1);
    if (n < 0) return fail(it, fds, `shift: ${argv[1]}: shift count out of range`, 1);
    if (n > it.st.positional.length) return 1;
    it.st.positional = it.st.positional.slice(n);
    return 0;
  },
  read: readBuiltin,
  mapfile: mapfileBuiltin,
  readarray: mapfileBuiltin,
  getopts,
};
