/**
 * Builtins over the session's surroundings: cd, pwd, pushd/popd/dirs, alias/unalias, type, command, hash,
 * builtin, umask, times.
 */
import { errnoMessage, isKernelError } from '@burrow/protocol';
import { printFunction } from '../../ast/print.js';
import { resolvePath } from '../../builtins/io.js';
import type { Fds, Interpreter } from '../interpreter.js';
import { quoteForReuse } from '../quote.js';
import { runArgv } from '../simple-command.js';
import { setScalar } from '../vars.js';
import { PROGRAM_LIKE, SHELL_BUILTIN_NAMES } from './table.js';
import { fail, out, type ShellBuiltin } from './types.js';

async function changeDir(it: Interpreter, fds: Fds, dir: string, label: string): Promise<number> {
  const full = resolvePath(it.st.cwd, dir);
  try {
    const s = await it.sys.stat(full);
    if (s.type !== 'dir') return fail(it, fds, `${label}: ${dir}: Not a directory`, 1);
  } catch (e) {
    if (isKernelError(e)) return fail(it, fds, `${label}: ${dir}: ${errnoMessage(e.errno)}`, 1);
    throw e;
  }
  setScalar(it.st, 'OLDPWD', it.st.cwd, null);
  it.st.cwd = full;
  setScalar(it.st, 'PWD', full, null);
  return 0;
}

async function cd(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  if (args.length > 1) return fail(it, fds, 'cd: too many arguments', 1);
  let dir = args[0];
  if (dir === undefined) {
    dir = it.lookup('HOME');
    if (dir === undefined) return fail(it, fds, 'cd: HOME not set', 1);
  }
  if (dir === '-') {
    const old = it.lookup('OLDPWD');
    if (old === undefined) return fail(it, fds, 'cd: OLDPWD not set', 1);
    const status = await changeDir(it, fds, old, 'cd');
    if (status === 0) await out(fds, `${it.st.cwd}\n`);
    return status;
  }
  if (!dir.startsWith('/') && !dir.startsWith('.')) {
    const cdpath = it.lookup('CDPATH');
    if (cdpath !== undefined && cdpath !== '') {
      for (const base of cdpath.split(':')) {
        if (base === '') continue;
        const cand = resolvePath(it.st.cwd, `${base}/${dir}`);
        const ok = await it.sys.stat(cand).then((s) => s.type === 'dir', () => false);
        if (ok) {
          const status = await changeDir(it, fds, cand, 'cd');
          if (status === 0) await out(fds, `${it.st.cwd}\n`);
          return status;
        }
      }
    }
  }
  return changeDir(it, fds, dir, 'cd');
}

async function dirs(it: Interpreter, fds: Fds): Promise<number> {
  const home = it.lookup('HOME');
  const show = (d: string) => (home !== undefined && home !== '/' && d.startsWith(home) ? `~${d.slice(home.length)}` : d);
  await out(fds, `${[it.st.cwd, ...it.st.dirStack].map(show).join(' ')}\n`);
  return 0;
}

async function describe(it: Interpreter, name: string, fds: Fds, mode: 'v' | 'V' | 't' | 'p'): Promise<boolean> {
  const st = it.st;
  const alias = st.aliases.get(name);
  let kind: string | null = null;
  let detail = '';
  if (alias !== undefined) {
    kind = 'alias';
    detail = mode === 'v' ? `alias ${name}=${quoteForReuse(alias)}` : `${name} is aliased to \`${alias}'`;
  } else if (KEYWORDS.has(name)) {
    kind = 'keyword';
    detail = mode === 'v' ? name : `${name} is a shell keyword`;
  } else if (st.funcs.has(name)) {
    kind = 'function';
    const def = st.funcs.get(name);
    detail = mode === 'v' ? name : `${name} is a function\n${def === undefined ? '' : printFunction(name, def.body).trimEnd()}`;
  } else if (SHELL_BUILTIN_NAMES.includes(name)) {
    kind = 'builtin';
    detail = mode === 'v' ? name : `${name} is a shell builtin`;
  } else {
    const path = await findInPath(it, name);
    if (path !== null) {
      kind = 'file';
      detail = mode === 'v' || mode === 'p' ? path : `${name} is ${path}`;
    }
  }
  if (kind === null) return false;
  if (mode === 't') await out(fds, `${kind}\n`);
  else if (mode !== 'p' || kind === 'file') await out(fds, `${detail}\n`);
  return true;
}

async function findInPath(it: Interpreter, name: string): Promise<string | null> {
  if (name.includes('/')) return name;
  for (const dir of (it.lookup('PATH') ?? '').split(':')) {
    const full = resolvePath(it.st.cwd, `${dir}/${name}`);
    const ok = await it.sys.stat(full).then((s) => s.type === 'file' && ((s.mode & 0o111) !== 0 || full.endsWith('.wasm')), () => false);
    if (ok) return full;
  }
  // Burrow's builtin commands (ls, grep, …) stand where bash finds the GNU tools.
  return it.rt.builtins.has(name) || PROGRAM_LIKE.has(name) ? `/usr/bin/${name}` : null;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'function', '[[', ']]', '{', '}', '!', 'in', 'time', 'select']);

/** `ulimit`: the sandbox enforces its own limits, so setting one is accepted and queries show fixed values. */
async function ulimit(_it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const flags = argv.slice(1).filter((a) => a.startsWith('-'));
  const value = argv.slice(1).find((a) => !a.startsWith('-'));
  if (value !== undefined) return 0;
  const letter = flags.map((f) => f.replace(/[-SH]/g, '')).join('').slice(-1) || 'f';
  const fixed: Record<string, string> = { n: '1024', s: '8192', p: '8' };
  await out(fds, `${fixed[letter] ?? 'unlimited'}\n`);
  return 0;
}

export const ENV_BUILTINS: Record<string, ShellBuiltin> = {
  ulimit,
  cd,
  pwd: async (it, argv, fds) => {
    if (argv.includes('-P')) {
      const real = await it.sys.realpath(it.st.cwd).catch(() => it.st.cwd);
      await out(fds, `${real}\n`);
    } else await out(fds, `${it.lookup('PWD') ?? it.st.cwd}\n`);
    return 0;
  },
  pushd: async (it, argv, fds) => {
    const dir = argv[1];
    if (dir === undefined) {
      const top = it.st.dirStack[0];
      if (top === undefined) return fail(it, fds, 'pushd: no other directory', 1);
      const here = it.st.cwd;
      const status = await changeDir(it, fds, top, 'pushd');
      if (status === 0) it.st.dirStack[0] = here;
      return status === 0 ? dirs(it, fds) : status;
    }
    const here = it.st.cwd;
    const status = await changeDir(it, fds, dir, 'pushd');
    if (status !== 0) return status;
    it.st.dirStack.unshift(here);
    return dirs(it, fds);
  },
  popd: async (it, _argv, fds) => {
    const top = it.st.dirStack[0];
    if (top === undefined) return fail(it, fds, 'popd: directory stack empty', 1);
    const status = await changeDir(it, fds, top, 'popd');
    if (status !== 0) return status;
    it.st.dirStack.shift();
    return dirs(it, fds);
  },
  dirs: async (it, argv, fds) => {
    if (argv.includes('-c')) {
      it.st.dirStack = [];
      return 0;
    }
    return dirs(it, fds);
  },
  alias: async (it, argv, fds) => {
    const args = argv.slice(1).filter((a) => a !== '-p');
    if (args.length === 0) {
      for (const [k, v] of [...it.st.aliases].sort()) await out(fds, `alias ${k}=${quoteForReuse(v)}\n`);
      return 0;
    }
    let status = 0;
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) it.st.aliases.set(a.slice(0, eq), a.slice(eq + 1));
      else {
        const v = it.st.aliases.get(a);
        if (v === undefined) status = await fail(it, fds, `alias: ${a}: not found`, 1);
        else await out(fds, `alias ${a}=${quoteForReuse(v)}\n`);
      }
    }
    return status;
  },
  unalias: async (it, argv, fds) => {
    let status = 0;
    for (const a of argv.slice(1)) {
      if (a === '-a') it.st.aliases.clear();
      else if (!it.st.aliases.delete(a)) status = await fail(it, fds, `unalias: ${a}: not found`, 1);
    }
    return status;
  },
  type: async (it, argv, fds) => {
    let mode: 'V' | 't' | 'p' = 'V';
    let all = false;
    let status = 0;
    for (const a of argv.slice(1)) {
      if (a === '-t') mode = 't';
      else if (a === '-p' || a === '-P') mode = 'p';
      else if (a === '-a') all = true;
      else if (!(await describe(it, a, fds, mode))) {
        status = 1;
        if (mode === 'V') await it.err(`type: ${a}: not found`, fds);
      } else if (all && mode !== 'p' && (SHELL_BUILTIN_NAMES.includes(a) || it.st.funcs.has(a))) {
        // -a: also the file the name would run as a command.
        const path = await findInPath(it, a);
        if (path !== null) await out(fds, mode === 't' ? 'file\n' : `${a} is ${path}\n`);
      }
    }
    return status;
  },
  command: async (it, argv, fds, words) => {
    let i = 1;
    let mode: 'v' | 'V' | null = null;
    for (; i < argv.length; i++) {
      const a = argv[i] ?? '';
      if (a === '-v') mode = 'v';
      else if (a === '-V') mode = 'V';
      else if (a === '-p') continue;
      else break;
    }
    const rest = argv.slice(i);
    if (mode !== null) {
      let status = 0;
      for (const n of rest) {
        if (!(await describe(it, n, fds, mode))) {
          status = 1;
          if (mode === 'V') await it.err(`command: ${n}: not found`, fds);
        }
      }
      return status;
    }
    if (rest.length === 0) return 0;
    return runArgv(it, rest, fds, words);
  },
  builtin: async (it, argv, fds) => {
    if (argv.length < 2) return 0;
    return runArgv(it, argv.slice(1), fds);
  },
  hash: async (it, argv, fds) => {
    if (argv[1] === '-r') {
      it.st.hash.clear();
      return 0;
    }
    if (argv.length === 1) {
      if (it.st.hash.size === 0) await it.err('hash: hash table empty', fds);
      else for (const [k, v] of it.st.hash) await out(fds, `${k}\t${v}\n`);
      return 0;
    }
    let status = 0;
    for (const n of argv.slice(1)) {
      const p = await findInPath(it, n);
      if (p === null) status = await fail(it, fds, `hash: ${n}: not found`, 1);
      else it.st.hash.set(n, p);
    }
    return status;
  },
  umask: async (it, argv, fds) => {
    const a = argv.slice(1).filter((x) => x !== '-S');
    if (a.length === 0) {
      if (argv.includes('-S')) {
        const m = ~it.st.umask & 0o777;
        const part = (shift: number) => ['r', 'w', 'x'].filter((_, k) => m & (1 << (shift + 2 - k))).join('');
        await out(fds, `u=${part(6)},g=${part(3)},o=${part(0)}\n`);
      } else await out(fds, `${it.st.umask.toString(8).padStart(4, '0')}\n`);
      return 0;
    }
    const v = a[0] ?? '';
    if (!/^[0-7]+$/.test(v)) return fail(it, fds, `umask: ${v}: octal number out of range`, 1);
    it.st.umask = Number.parseInt(v, 8) & 0o777;
    return 0;
  },
  times: async (_it, _argv, fds) => {
    await out(fds, '0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n');
    return 0;
  },
};
