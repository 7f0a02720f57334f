/**
 * Simple commands: alias substitution, assignments, word expansion, xtrace, redirections, then dispatch in
 * bash's order (special builtins, functions, shell builtins, registry builtins, PATH). Prefix assignments
 * persist for special builtins and are temporary (and exported) otherwise. Registry builtins and external
 * programs are observations: their statuses are journaled, and on replay they are not run again.
 */
import { Errno, errnoMessage, isKernelError } from '@burrow/protocol';
import type { Assignment, SimpleCommand, Word } from '../ast/types.js';
import { writeText } from '../builtins/io.js';
import type { CommandContext } from '../builtins/types.js';
import type { ByteSink, ByteSource } from '../sys.js';
import { SHELL_BUILTINS, SPECIAL_BUILTINS } from './builtins/table.js';
import { KilledSignal, ShellError } from './control.js';
import { expandString, expandWords } from './expand.js';
import { type Fds, type Interpreter, signalOf } from './interpreter.js';
import { quoteForTrace } from './quote.js';
import { applyRedirs } from './redirect.js';
import { ATTR, type Var } from './state.js';
import { EMPTY_SOURCE, NULL_SINK } from './streams.js';
import { exportedEnv, resolveRef, setArray, setAssoc, setIndex, setScalar } from './vars.js';
import { printWord } from '../ast/print.js';
import { parseScript } from '../parser/parser.js';
import { classifyScript, runShellScript, type ScriptKind } from './script-run.js';

const aliasCache = new Map<string, Word[]>();

export async function execSimple(it: Interpreter, cmd: SimpleCommand, fds: Fds): Promise<number> {
  await it.tick();
  it.lineno = cmd.line;
  it.substStatus = 0;
  const st = it.st;
  let words = cmd.words;
  let assigns = cmd.assigns;
  if (st.aliases.size > 0 && st.shopts.expand_aliases) ({ words, assigns } = expandAlias(it, words, assigns));
  let argv: string[];
  try {
    if (words.some((w) => w.assign !== undefined)) argv = await expandDeclArgs(it, words);
    else {
      it.declArgs.clear();
      argv = await expandWords(it, words);
    }
  } catch (e) {
    if (e instanceof ShellError && !e.fatal) {
      await it.err(e.message, fds);
      return 1;
    }
    throw e;
  }
  if (argv.length === 0) {
    for (const a of assigns) {
      const value = await assign(it, a, false);
      if (st.opts.xtrace) await traceAssign(it, fds, a, value);
    }
    if (cmd.redirs.length > 0) {
      try {
        const r = await applyRedirs(it, cmd.redirs, fds);
        await r.close();
      } catch (e) {
        if (e instanceof ShellError && !e.fatal) {
          await it.err(e.message, fds);
          return 1;
        }
        throw e;
      }
    }
    return it.substStatus;
  }
  const name = argv[0] ?? '';
  st.lastArg = argv[argv.length - 1] ?? '';
  const special = SPECIAL_BUILTINS.get(name);
  const saved: [string, Var | undefined][] = [];
  for (const a of assigns) {
    if (special === undefined) {
      const target = resolveRef(st, a.name);
      saved.push([target, st.vars.get(target)]);
    }
    const value = await assign(it, a, special === undefined);
    if (st.opts.xtrace) await traceAssign(it, fds, a, value);
  }
  if (st.opts.xtrace) await trace(it, fds, argv);
  if (it.onDispatch !== null) {
    it.onDispatch();
    it.onDispatch = null;
  }
  let io = fds;
  let close: (() => Promise<void>) | null = null;
  try {
    if (cmd.redirs.length > 0) {
      const r = await applyRedirs(it, cmd.redirs, fds);
      io = r.fds;
      close = r.close;
    }
    it.fds = io;
    if (name === 'exec' && argv.length === 1) {
      // `exec` without a command: its redirections stay in effect for the rest of the shell.
      for (let i = 0; i < Math.max(io.length, fds.length); i++) fds[i] = io[i];
      close = null;
      return 0;
    }
    if (special !== undefined) return await special(it, argv, io, words);
    if (st.funcs.has(name)) return await it.callFunction(name, argv.slice(1), io);
    return await runArgv(it, argv, io, words);
  } catch (e) {
    if (e instanceof ShellError && !e.fatal) {
      await it.err(e.message, fds);
      return e.status;
    }
    if (isKernelError(e) && e.errno === Errno.PIPE) return 141;
    throw e;
  } finally {
    if (close !== null) await close();
    for (let i = saved.length - 1; i >= 0; i--) {
      const [k, v] = saved[i] ?? ['', undefined];
      if (v === undefined) st.vars.delete(k);
      else st.vars.set(k, v);
    }
  }
}

/** Run argv as a builtin or program (no functions): commands, `command`, and builtins' `ctx.run`. */
export async function runArgv(it: Interpreter, argv: string[], fds: Fds, words?: Word[]): Promise<number> {
  const name = argv[0] ?? '';
  const shell = SHELL_BUILTINS.get(name) ?? SPECIAL_BUILTINS.get(name);
  if (shell !== undefined) return shell(it, argv, fds, words ?? []);
  const builtin = it.rt.builtins.get(name);
  if (builtin !== undefined) {
    return it.observe('status', async () => {
      try {
        const status = await builtin(commandContext(it, argv, fds));
        // A builtin stopped by a signal ends its job as a killed process does.
        if (it.signal.aborted) throw new KilledSignal(signalOf(it.signal));
        return status;
      } catch (e) {
        if (it.signal.aborted) throw new KilledSignal(signalOf(it.signal));
        if (isKernelError(e)) {
          if (e.errno === Errno.PIPE) return 141;
          await writeText(fds[2]?.sink ?? NULL_SINK, `${name}: ${errnoMessage(e.errno)}\n`).catch(() => {});
          return 1;
        }
        throw e;
      }
    });
  }
  return runExternal(it, argv, fds);
}

export function commandContext(it: Interpreter, argv: string[], fds: Fds): CommandContext {
  return {
    argv,
    stdin: fds[0]?.src ?? EMPTY_SOURCE,
    stdout: fds[1]?.sink ?? NULL_SINK,
    stderr: fds[2]?.sink ?? NULL_SINK,
    env: exportedEnv(it.st),
    cwd: it.st.cwd,
    sys: it.sys,
    signal: it.signal,
    run: (args, io) => {
      const sub: Fds = fds.slice();
      if (io?.stdin) sub[0] = { src: io.stdin };
      if (io?.stdout) sub[1] = { sink: io.stdout };
      if (io?.stderr) sub[2] = { sink: io.stderr };
      if (io?.cwd === undefined && io?.env === undefined && io?.signal === undefined) return runArgv(it, args, sub);
      // A command run with its own stop signal (timeout) runs as a child process: stopping it ends only it.
      const own = io.signal;
      const child = it.fork(own === undefined ? it.signal : AbortSignal.any([it.signal, own]));
      if (io.cwd !== undefined) child.st.cwd = io.cwd;
      if (io.env !== undefined) {
        // The given environment is the command's whole environment (env -i, env -u, env NAME=VALUE).
        for (const [k, v] of child.st.vars) if (v.attrs & ATTR.export) child.st.vars.delete(k);
        for (const [k, v] of Object.entries(io.env)) child.st.vars.set(k, { attrs: ATTR.export, s: v });
      }
      if (own === undefined) return runArgv(child, args, sub);
      return runArgv(child, args, sub).catch((e: unknown) => {
        if (e instanceof KilledSignal && own.aborted && !it.signal.aborted) return e.status;
        throw e;
      });
    },
  };
}

async function findProgram(it: Interpreter, name: string): Promise<string | null> {
  if (name.includes('/')) return name.startsWith('/') ? name : `${it.st.cwd === '/' ? '' : it.st.cwd}/${name}`;
  const hit = it.st.hash.get(name);
  if (hit !== undefined) return hit;
  const path = it.lookup('PATH') ?? '';
  for (const dir of path.split(':')) {
    const full = `${dir === '' ? it.st.cwd : dir}/${name}`.replace(/\/+/g, '/');
    try {
      const s = await it.sys.stat(full);
      if (s.type === 'file' && ((s.mode & 0o111) !== 0 || full.endsWith('.wasm'))) {
        it.st.hash.set(name, full);
        return full;
      }
    } catch {
      // Not in this directory.
    }
  }
  return null;
}

async function runExternal(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const name = argv[0] ?? '';
  return it.observe('status', async () => {
    const path = (await findProgram(it, name)) ?? name;
    const script = await scriptAt(it, path);
    if (script === 'noexec' || script === 'isdir') {
      await it.err(`${name}: ${script === 'isdir' ? 'Is a directory' : 'Permission denied'}`, fds);
      return 126;
    }
    if (script?.kind === 'shell') return runShellScript(it, { text: script.text, arg0: name, args: argv.slice(1), opts: [], fromFile: true }, fds);
    if (script?.kind === 'interp') return runArgv(it, [...script.argv, path, ...argv.slice(1)], fds);
    if (script?.kind === 'builtin') return runArgv(it, [script.name, ...argv.slice(1)], fds);
    try {
      return await it.sys.spawn([path, ...argv.slice(1)], {
        cwd: it.st.cwd,
        env: exportedEnv(it.st),
        stdin: (fds[0]?.src ?? EMPTY_SOURCE) as ByteSource,
        stdout: (fds[1]?.sink ?? NULL_SINK) as ByteSink,
        stderr: (fds[2]?.sink ?? NULL_SINK) as ByteSink,
        signal: it.signal,
      });
    } catch (e) {
      if (isKernelError(e) && e.errno === Errno.NOENT) {
        await it.err(name.includes('/') ? `${name}: No such file or directory` : `${name}: command not found`, fds);
        return 127;
      }
      if (isKernelError(e) && (e.errno === Errno.NOEXEC || e.errno === Errno.ACCES || e.errno === Errno.ISDIR)) {
        await it.err(`${name}: ${e.errno === Errno.ISDIR ? 'Is a directory' : 'Permission denied'}`, fds);
        return 126;
      }
      throw e;
    }
  });
}

/** What the file at `path` is, when it is a regular file that is not WebAssembly; null lets spawn decide. */
async function scriptAt(it: Interpreter, path: string): Promise<ScriptKind | { kind: 'builtin'; name: string } | 'noexec' | 'isdir' | null> {
  if (!path.includes('/')) return null;
  let head: Uint8Array;
  try {
    const s = await it.sys.stat(path);
    if (s.type === 'dir') return 'isdir';
    if (s.type !== 'file') return null;
    if ((s.mode & 0o111) === 0 && !path.endsWith('.wasm')) return 'noexec';
    const h = await it.sys.open(path, { read: true });
    try {
      head = await h.read(4096);
    } finally {
      await h.close();
    }
  } catch {
    return null;
  }
  const marker = /^#!burrow:builtin ([^\s]+)/.exec(new TextDecoder().decode(head.subarray(0, 128)));
  if (marker !== null) return { kind: 'builtin', name: marker[1] ?? '' };
  const kind = classifyScript(head);
  if (kind.kind !== 'shell') return kind.kind === 'program' ? null : kind;
  // The whole script, not just its head.
  return { kind: 'shell', text: new TextDecoder().decode(await it.sys.readFile(path)) };
}

async function trace(it: Interpreter, fds: Fds, words: string[]): Promise<void> {
  await traceLine(it, fds, words.map(quoteForTrace).join(' '));
}

/** An xtrace line: PS4 (its first character repeated per nesting level) and the text. */
export async function traceLine(it: Interpreter, fds: Fds, text: string): Promise<void> {
  const ps4 = it.lookup('PS4') ?? '+ ';
  const sink = fds[2]?.sink;
  const lead = ps4.charAt(0).repeat(it.traceDepth);
  if (sink !== undefined) await writeText(sink, `${lead}${ps4}${text}\n`).catch(() => {});
}

/** `name=value` as bash traces it: the value quoted when needed, an array as its source text. */
async function traceAssign(it: Interpreter, fds: Fds, a: Assignment, value: string): Promise<void> {
  const shown = a.array !== null ? value : value === '' ? '' : quoteForTrace(value);
  await traceLine(it, fds, `${a.name}${a.append ? '+' : ''}=${shown}`);
}

/** Perform one assignment; returns the scalar value assigned (for xtrace). */
export async function assign(it: Interpreter, a: Assignment, exportIt: boolean): Promise<string> {
  const st = it.st;
  if (a.array !== null) {
    const v = st.vars.get(resolveRef(st, a.name));
    const assoc = v !== undefined && (v.m !== undefined || (v.attrs & ATTR.assoc) !== 0);
    if (assoc) {
      const entries: [string, string][] = [];
      const elems = a.array;
      for (let k = 0; k < elems.length; k++) {
        const el = elems[k];
        if (el === undefined) break;
        if (el.key !== null) entries.push([await expandString(it, el.key), await expandString(it, el.value)]);
        else {
          // Bare words in an associative array literal alternate key, value.
          const next = elems[++k];
          const value = next === undefined ? '' : await expandString(it, next.value);
          entries.push([await expandString(it, el.value), value]);
        }
      }
      setAssoc(st, a.name, entries, a.append);
    } else {
      const keyed = a.array.some((el) => el.key !== null);
      if (!keyed) setArray(st, a.name, await expandWords(it, a.array.map((el) => el.value)), a.append);
      else {
        if (!a.append) setArray(st, a.name, [], false);
        let next = a.append ? (st.vars.get(resolveRef(st, a.name))?.a?.length ?? 0) : 0;
        for (const el of a.array) {
          if (el.key !== null) next = Number(it.arith(await expandString(it, el.key)));
          setIndex(st, a.name, String(next), await expandString(it, el.value), it.intEval);
          next++;
        }
      }
    }
    if (exportIt) markExport(it, a.name);
    // The array's source text: what xtrace shows.
    return `(${a.array.map((el) => (el.key === null ? '' : `[${printWord(el.key)}]=`) + printWord(el.value)).join(' ')})`;
  }
  const value = a.value === null ? '' : await expandString(it, a.value);
  if (a.index !== null) {
    const v = st.vars.get(resolveRef(st, a.name));
    const assoc = v !== undefined && (v.m !== undefined || (v.attrs & ATTR.assoc) !== 0);
    const keyText = await expandString(it, a.index);
    const key = assoc ? keyText : String(it.arith(keyText));
    setIndex(st, a.name, key, value, it.intEval, a.append);
  } else setScalar(st, a.name, value, it.intEval, a.append);
  if (exportIt) markExport(it, a.name);
  return value;
}

function markExport(it: Interpreter, name: string): void {
  const v = it.st.vars.get(name);
  if (v !== undefined) it.st.vars.set(name, { ...v, attrs: v.attrs | ATTR.export });
}

/** Arguments of declaration builtins: `name=value` words are expanded without splitting. */
async function expandDeclArgs(it: Interpreter, words: Word[]): Promise<string[]> {
  const out: string[] = [];
  it.declArgs = new Map();
  for (const w of words) {
    if (w.assign === undefined) out.push(...(await expandWords(it, [w])));
    else if (w.assign.array !== null) {
      it.declArgs.set(out.length, w.assign);
      out.push(`${w.assign.name}${w.assign.append ? '+' : ''}=(…)`);
    } else {
      const idx = w.assign.index === null ? '' : `[${await expandString(it, w.assign.index)}]`;
      const value = w.assign.value === null ? '' : await expandString(it, w.assign.value);
      out.push(`${w.assign.name}${idx}${w.assign.append ? '+' : ''}=${value}`);
    }
  }
  return out;
}

function expandAlias(it: Interpreter, words: Word[], assigns: Assignment[]): { words: Word[]; assigns: Assignment[] } {
  const first = words[0];
  const only = first?.parts.length === 1 ? first.parts[0] : undefined;
  if (only?.k !== 'lit') return { words, assigns };
  const text = it.st.aliases.get(only.v);
  if (text === undefined) return { words, assigns };
  let expanded = aliasCache.get(text);
  if (expanded === undefined) {
    const script = parseScript(text);
    const cmd = script.items[0]?.cmd.first.cmds[0];
    expanded = cmd?.k === 'simple' && script.items.length === 1 ? cmd.words : [];
    aliasCache.set(text, expanded);
  }
  return { words: [...expanded, ...words.slice(1)], assigns };
}
