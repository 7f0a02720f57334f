/**
 * Conditional expressions: `[[ … ]]` (patterns on `==`, regexes on `=~` with BASH_REMATCH, arithmetic
 * operands on -eq…) and the `test`/`[` builtin's argument grammar, sharing the file and string primaries.
 */
import { printWord } from '../ast/print.js';
import type { CondExpr, Word } from '../ast/types.js';
import { resolvePath } from '../builtins/io.js';
import { fnmatch } from '../pattern/fnmatch.js';
import type { FileStat } from '../sys.js';
import { ShellError } from './control.js';
import { expandParts, expandPattern, expandString, FieldBuilder } from './expand.js';
import type { Interpreter } from './interpreter.js';
import { OPTION_LETTERS, type OptionName } from './state.js';
import { traceLine } from './simple-command.js';
import { isSet, setArray } from './vars.js';

export async function evalCond(it: Interpreter, e: CondExpr, neg = ''): Promise<boolean> {
  // xtrace shows each primary after expansion, as `[[ ! -z 5 ]]`.
  const show = (text: string): Promise<void> | undefined =>
    it.st.opts.xtrace ? traceLine(it, it.fds, `[[ ${neg}${text} ]]`) : undefined;
  switch (e.k) {
    case 'and':
      return (await evalCond(it, e.l)) && evalCond(it, e.r);
    case 'or':
      return (await evalCond(it, e.l)) || evalCond(it, e.r);
    case 'not':
      return !(await evalCond(it, e.e, e.e.k === 'word' || e.e.k === 'unary' || e.e.k === 'binary' ? '! ' : ''));
    case 'word': {
      const v = await expandString(it, e.a);
      await show(`-n ${v}`);
      return v !== '';
    }
    case 'unary': {
      const v = await expandString(it, e.a);
      await show(`${e.op} ${v}`);
      return unary(it, e.op, v);
    }
    case 'binary': {
      const l = await expandString(it, e.l);
      if (e.op === '==' || e.op === '=' || e.op === '!=') {
        const pat = await expandPattern(it, e.r);
        await show(`${l} ${e.op} ${pat}`);
        const m = fnmatch(pat, l, { casefold: it.st.shopts.nocasematch });
        return e.op === '!=' ? !m : m;
      }
      if (e.op === '=~') {
        await show(`${l} =~ ${printWord(e.r)}`);
        return regexMatch(it, l, e.r);
      }
      const r = await expandString(it, e.r);
      await show(`${l} ${e.op} ${r}`);
      if (/^-(eq|ne|lt|le|gt|ge)$/.test(e.op)) return arithCompare(e.op, it.arith(l), it.arith(r));
      return binary(it, e.op, l, r);
    }
  }
}

async function regexMatch(it: Interpreter, l: string, w: Word): Promise<boolean> {
  let src = '';
  for (const p of w.parts) {
    if (p.k === 'lit') src += p.v;
    else if (p.k === 'sq') src += escapeRegex(p.v);
    else {
      const fb = new FieldBuilder(false, ' ');
      await expandParts(it, [p], fb, p.k === 'dq');
      fb.end();
      const text = fb.out.map((f) => f.text).join('');
      src += p.k === 'dq' ? escapeRegex(text) : text;
    }
  }
  let re: RegExp;
  try {
    re = new RegExp(posixClasses(src), it.st.shopts.nocasematch ? 'iu' : 'u');
  } catch {
    return Promise.reject(new ShellError(`invalid regular expression: ${src}`, 2));
  }
  const m = re.exec(l);
  if (m === null) {
    setArray(it.st, 'BASH_REMATCH', [], false);
    return false;
  }
  setArray(it.st, 'BASH_REMATCH', Array.from(m, (x) => x ?? ''), false);
  return true;
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'A-Za-z0-9_',
};

function posixClasses(src: string): string {
  return src.replace(/\[:([a-z]+):\]/g, (all, name: string) => CLASSES[name] ?? all);
}

function arithCompare(op: string, a: bigint, b: bigint): boolean {
  switch (op) {
    case '-eq': return a === b;
    case '-ne': return a !== b;
    case '-lt': return a < b;
    case '-le': return a <= b;
    case '-gt': return a > b;
    default: return a >= b;
  }
}

async function statOf(it: Interpreter, path: string, follow = true): Promise<FileStat | null> {
  if (path === '') return null;
  try {
    return await it.sys.stat(resolvePath(it.st.cwd, path), { follow });
  } catch {
    return null;
  }
}

async function unary(it: Interpreter, op: string, a: string): Promise<boolean> {
  switch (op) {
    case '-n':
      return a !== '';
    case '-z':
      return a === '';
    case '-v': {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(a);
      if (m === null) return false;
      const v = it.st.vars.get(m[1] ?? '');
      if (m[2] === undefined) return isSet(v);
      if (v?.m !== undefined) return v.m.has(m[2]);
      return v?.a?.[Number(m[2])] !== undefined;
    }
    case '-o':
      return it.st.opts[(OPTION_LETTERS[a] ?? a) as OptionName] === true;
    case '-t':
      return false;
    case '-L':
    case '-h':
      return (await statOf(it, a, false))?.type === 'symlink';
  }
  const s = await statOf(it, a);
  if (s === null) return false;
  switch (op) {
    case '-e':
    case '-a':
      return true;
    case '-f':
      return s.type === 'file';
    case '-d':
      return s.type === 'dir';
    case '-s':
      return s.size > 0;
    case '-p':
      return s.type === 'pipe';
    case '-c':
      return s.type === 'chardev';
    case '-b':
    case '-S':
      return false;
    case '-r':
    case '-w':
      return true;
    case '-x':
      return (s.mode & 0o111) !== 0 || s.type === 'dir';
    case '-u':
      return (s.mode & 0o4000) !== 0;
    case '-g':
      return (s.mode & 0o2000) !== 0;
    case '-k':
      return (s.mode & 0o1000) !== 0;
    case '-O':
    case '-G':
      return true;
    case '-N':
      return s.mtimeMs > s.atimeMs;
    default:
      throw new ShellError(`${op}: unary operator expected`, 2);
  }
}

async function binary(it: Interpreter, op: string, l: string, r: string): Promise<boolean> {
  switch (op) {
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '-nt':
    case '-ot': {
      const a = await statOf(it, l);
      const b = await statOf(it, r);
      if (op === '-nt') return a !== null && (b === null || a.mtimeMs > b.mtimeMs);
      return b !== null && (a === null || a.mtimeMs < b.mtimeMs);
    }
    case '-ef': {
      const a = await statOf(it, l);
      const b = await statOf(it, r);
      return a !== null && b !== null && a.ino === b.ino;
    }
    default:
      throw new ShellError(`${op}: binary operator expected`, 2);
  }
}

const TEST_UNARY = /^-[abcdefghknoprstuvwxzGLNOS]$/;
const TEST_BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** The `test` / `[` builtin over its arguments (without the closing `]`). */
export async function testArgs(it: Interpreter, args: string[]): Promise<boolean> {
  let i = 0;
  const peek = () => args[i];
  const intArg = (s: string): bigint => {
    if (!/^\s*-?[0-9]+\s*$/.test(s)) throw new ShellError(`${s}: integer expression expected`, 2);
    return BigInt(s.trim());
  };
  const primary = async (): Promise<boolean> => {
    const a = args[i];
    if (a === undefined) throw new ShellError('argument expected', 2);
    if (a === '!') {
      i++;
      return !(await primary());
    }
    if (a === '(' && args.length - i > 2) {
      i++;
      const v = await or();
      if (args[i] !== ')') throw new ShellError("`)' expected", 2);
      i++;
      return v;
    }
    const op = args[i + 1];
    if (op !== undefined && TEST_BINARY.has(op) && i + 2 < args.length) {
      const b = args[i + 2] ?? '';
      i += 3;
      if (op === '=' || op === '==') return a === b;
      if (op === '!=') return a !== b;
      if (/^-(eq|ne|lt|le|gt|ge)$/.test(op)) return arithCompare(op, intArg(a), intArg(b));
      return binary(it, op, a, b);
    }
    if (TEST_UNARY.test(a) && i + 1 < args.length) {
      i += 2;
      return unary(it, a, args[i - 1] ?? '');
    }
    i++;
    return a !== '';
  };
  const and = async (): Promise<boolean> => {
    let v = await primary();
    while (peek() === '-a') {
      i++;
      const r = await primary();
      v = v && r;
    }
    return v;
  };
  const or = async (): Promise<boolean> => {
    let v = await and();
    while (peek() === '-o') {
      i++;
      const r = await and();
      v = v || r;
    }
    return v;
  };
  if (args.length === 0) return false;
  if (args.length === 1) return (args[0] ?? '') !== '';
  if (args.length === 2 && args[0] === '!') return (args[1] ?? '') === '';
  if (args.length === 2 && !TEST_UNARY.test(args[0] ?? '')) throw new ShellError(`${args[0]}: unary operator expected`, 2);
  if (args.length === 3 && TEST_BINARY.has(args[1] ?? '')) {
    i = 0;
    return primary();
  }
  const v = await or();
  if (i < args.length) throw new ShellError('too many arguments', 2);
  return v;
}
