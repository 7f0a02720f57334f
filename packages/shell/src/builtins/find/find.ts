/**
 * find: walk directory trees in readdir order (a directory before its contents, or after with -depth/-delete)
 * and evaluate an expression on each file, printing matches when no action is given. -H/-L/-P choose how
 * symlinks are followed. `-exec ... {} +` batches names and runs at the end; `-exec ... ;` runs per file.
 */
import type { FileStat } from '../../sys.js';
import { fnmatch } from '../../pattern/fnmatch.js';
import { absolute, type Io, runCommand } from '../fs-shared/command.js';
import { lsTime, modeString, strftime } from '../fs-shared/format.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';
import { FindSyntaxError, type FindProgram, type Node, parseFind } from './find-parse.js';

interface Visit {
  /** The path as printed. */
  shown: string;
  path: string;
  name: string;
  depth: number;
  stat: FileStat;
  start: string;
}

interface Walk {
  io: Io;
  program: FindProgram;
  follow: 'never' | 'args' | 'always';
  batches: Map<number, string[]>;
  newer: Map<string, number>;
  quit: boolean;
  status: number;
  nowMs: number;
}

const BATCH_MAX = 4096;

export const find: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const args = ctx.argv.slice(1);
    let follow: Walk['follow'] = 'never';
    while (args[0] === '-H' || args[0] === '-L' || args[0] === '-P') {
      follow = args[0] === '-L' ? 'always' : args[0] === '-H' ? 'args' : 'never';
      args.shift();
    }
    const firstExpr = args.findIndex((a) => a.startsWith('-') || a === '(' || a === '!' || a === ')' || a === ',');
    const starts = firstExpr === -1 ? args : args.slice(0, firstExpr);
    const tokens = firstExpr === -1 ? [] : args.slice(firstExpr);
    let program: FindProgram;
    try {
      program = parseFind(tokens);
    } catch (e) {
      if (e instanceof FindSyntaxError) {
        await io.warn(e.message);
        return 1;
      }
      throw e;
    }
    const walk: Walk = { io, program, follow, batches: new Map(), newer: new Map(), quit: false, status: 0, nowMs: ctx.sys.now() };
    if (!(await loadReferences(walk, program.expr))) return 1;
    for (const start of starts.length === 0 ? ['.'] : starts) {
      if (walk.quit) break;
      const path = resolvePath(ctx.cwd, start);
      let st: FileStat;
      try {
        st = await statOf(walk, absolute(ctx.cwd, start), true);
      } catch (e) {
        await io.fail(`\u2018${start}\u2019`, e);
        walk.status = 1;
        continue;
      }
      await visit(walk, { shown: start, path, name: baseName(start), depth: 0, stat: st, start });
    }
    for (const exec of program.execs) {
      const pending = walk.batches.get(exec.id) ?? [];
      if (exec.batch && pending.length > 0) await runBatch(walk, exec.argv, pending);
    }
    return walk.status;
  });

function baseName(p: string): string {
  const t = p.replace(/\/+$/u, '');
  return t === '' ? '/' : t.slice(t.lastIndexOf('/') + 1);
}

async function statOf(walk: Walk, path: string, isArg: boolean): Promise<FileStat> {
  const follow = walk.follow === 'always' || (walk.follow === 'args' && isArg);
  const st = await walk.io.ctx.sys.stat(path, { follow: false });
  if (st.type !== 'symlink' || !follow) return st;
  return walk.io.ctx.sys.stat(path).catch(() => st);
}

async function loadReferences(walk: Walk, node: Node): Promise<boolean> {
  if (node.kind === 'and' || node.kind === 'or' || node.kind === 'comma') {
    return (await loadReferences(walk, node.left)) && (await loadReferences(walk, node.right));
  }
  if (node.kind === 'not') return loadReferences(walk, node.expr);
  if (node.kind !== 'newer') return true;
  try {
    const st = await walk.io.ctx.sys.stat(resolvePath(walk.io.ctx.cwd, node.reference));
    walk.newer.set(node.reference, st.mtimeMs);
    return true;
  } catch (e) {
    await walk.io.fail(`\u2018${node.reference}\u2019`, e);
    return false;
  }
}

async function visit(walk: Walk, v: Visit): Promise<void> {
  const { program, io } = walk;
  io.checkAbort();
  const inRange = v.depth >= program.minDepth;
  let prune = false;
  if (!program.depthFirst && inRange) prune = (await evaluate(walk, v)).prune;
  if (walk.quit) return;
  if (v.stat.type === 'dir' && !prune && v.depth < program.maxDepth) {
    let entries: Awaited<ReturnType<typeof io.ctx.sys.readdir>> = [];
    try {
      entries = await io.ctx.sys.readdir(v.path);
    } catch (e) {
      await io.out.flush();
      await io.fail(`\u2018${v.shown}\u2019`, e);
      walk.status = 1;
    }
    for (const entry of entries) {
      if (walk.quit) return;
      const path = `${v.path === '/' ? '' : v.path}/${entry.name}`;
      const shown = v.shown.endsWith('/') ? `${v.shown}${entry.name}` : `${v.shown}/${entry.name}`;
      let st: FileStat;
      try {
        st = await statOf(walk, path, false);
      } catch (e) {
        await io.fail(`\u2018${shown}\u2019`, e);
        walk.status = 1;
        continue;
      }
      await visit(walk, { shown, path, name: entry.name, depth: v.depth + 1, stat: st, start: v.start });
    }
  }
  if (program.depthFirst && inRange && !walk.quit) await evaluate(walk, v);
}

async function evaluate(walk: Walk, v: Visit): Promise<{ prune: boolean }> {
  const state = { prune: false };
  const matched = await evalNode(walk, v, walk.program.expr, state);
  if (matched && !walk.program.hasAction) await walk.io.out.text(`${v.shown}\n`);
  return state;
}

function compare(cmp: { op: string; value: number }, actual: number): boolean {
  if (cmp.op === '+') return actual > cmp.value;
  if (cmp.op === '-') return actual < cmp.value;
  return actual === cmp.value;
}

const TYPE_LETTER: Record<FileStat['type'], string> = { file: 'f', dir: 'd', symlink: 'l', pipe: 'p', chardev: 'c', other: 's' };

async function evalNode(walk: Walk, v: Visit, node: Node, state: { prune: boolean }): Promise<boolean> {
  const { io } = walk;
  const st = v.stat;
  switch (node.kind) {
    case 'and': return (await evalNode(walk, v, node.left, state)) && evalNode(walk, v, node.right, state);
    case 'or': return (await evalNode(walk, v, node.left, state)) || evalNode(walk, v, node.right, state);
    case 'comma':
      await evalNode(walk, v, node.left, state);
      return evalNode(walk, v, node.right, state);
    case 'not': return !(await evalNode(walk, v, node.expr, state));
    case 'true': return true;
    case 'false': return false;
    case 'name': return fnmatch(node.pattern, v.name);
    case 'iname': return fnmatch(node.pattern, v.name, { casefold: true });
    case 'path': return fnmatch(node.pattern, v.shown);
    case 'ipath': return fnmatch(node.pattern, v.shown, { casefold: true });
    case 'regex': return new RegExp(`^(?:${node.pattern})$`, 'su').test(v.shown);
    case 'lname':
      if (st.type !== 'symlink') return false;
      return fnmatch(node.pattern, await io.ctx.sys.readlink(v.path));
    case 'type': return node.types.includes(TYPE_LETTER[st.type]);
    case 'xtype': {
      const target = st.type === 'symlink' ? await io.ctx.sys.stat(v.path).catch(() => st) : st;
      return node.types.includes(TYPE_LETTER[target.type]);
    }
    case 'newer': return st.mtimeMs > (walk.newer.get(node.reference) ?? 0);
    case 'mtime': return compare(node.cmp, Math.floor((walk.nowMs - st.mtimeMs) / 86_400_000));
    case 'atime': return compare(node.cmp, Math.floor((walk.nowMs - st.atimeMs) / 86_400_000));
    case 'ctime': return compare(node.cmp, Math.floor((walk.nowMs - st.ctimeMs) / 86_400_000));
    case 'mmin': return compare(node.cmp, Math.ceil((walk.nowMs - st.mtimeMs) / 60_000));
    case 'amin': return compare(node.cmp, Math.ceil((walk.nowMs - st.atimeMs) / 60_000));
    case 'cmin': return compare(node.cmp, Math.ceil((walk.nowMs - st.ctimeMs) / 60_000));
    case 'size': return compare(node.cmp, Math.ceil(st.size / node.unit));
    case 'links': return compare(node.cmp, st.nlink);
    case 'inum': return compare(node.cmp, st.ino);
    case 'perm': {
      const mode = st.mode & 0o7777;
      if (node.match === 'exact') return mode === node.mode;
      if (node.match === 'all') return (mode & node.mode) === node.mode;
      return node.mode === 0 || (mode & node.mode) !== 0;
    }
    case 'executable': return st.type === 'dir' || (st.mode & 0o111) !== 0;
    case 'readable':
    case 'writable': return true;
    case 'empty':
      if (st.type === 'file') return st.size === 0;
      if (st.type === 'dir') return (await io.ctx.sys.readdir(v.path).catch(() => [1])).length === 0;
      return false;
    case 'prune':
      state.prune = true;
      return true;
    case 'quit':
      walk.quit = true;
      return true;
    case 'print':
      await io.out.text(`${v.shown}\n`);
      return true;
    case 'print0':
      await io.out.text(`${v.shown}\0`);
      return true;
    case 'printf':
      await io.out.text(await printf(walk, v, node.format));
      return true;
    case 'ls':
      await io.out.text(
        `${String(st.ino).padStart(9)} ${String(Math.ceil(st.size / 4096) * 4).padStart(6)} ${modeString(st.type, st.mode)} ` +
          `${String(st.nlink).padStart(3)} root     root     ${String(st.size).padStart(8)} ${lsTime(st.mtimeMs, walk.nowMs)} ${v.shown}\n`,
      );
      return true;
    case 'delete':
      if (v.depth === 0 && (v.shown === '.' || v.shown === './')) return true;
      try {
        if (st.type === 'dir') await io.ctx.sys.rmdir(v.path);
        else await io.ctx.sys.unlink(v.path);
        return true;
      } catch (e) {
        await io.fail(`cannot delete \u2018${v.shown}\u2019`, e);
        walk.status = 1;
        return false;
      }
    case 'exec': {
      if (node.batch) {
        const pending = walk.batches.get(node.id) ?? [];
        pending.push(node.inDir ? `./${v.name}` : v.shown);
        walk.batches.set(node.id, pending);
        if (pending.length >= BATCH_MAX) {
          walk.batches.set(node.id, []);
          await runBatch(walk, node.argv, pending);
        }
        return true;
      }
      const arg = node.inDir ? `./${v.name}` : v.shown;
      const argv = node.argv.map((a) => a.replaceAll('{}', arg));
      await io.out.flush();
      const cwd = node.inDir ? resolvePath(v.path, '..') : io.ctx.cwd;
      return (await io.ctx.run(argv, { cwd })) === 0;
    }
  }
}

async function runBatch(walk: Walk, argv: readonly string[], names: readonly string[]): Promise<void> {
  await walk.io.out.flush();
  const status = await walk.io.ctx.run([...argv, ...names]);
  if (status !== 0) walk.status = 1;
}

async function printf(walk: Walk, v: Visit, format: string): Promise<string> {
  const st = v.stat;
  const escapes: Record<string, string> = { n: '\n', t: '\t', '0': '\0', '\\': '\\', a: '\x07', r: '\r' };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i] ?? '';
    if (c === '\\' && i + 1 < format.length) {
      const e = format[++i] ?? '';
      out += escapes[e] ?? `\\${e}`;
      continue;
    }
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const m = /^(-?)(\d*)([a-zA-Z%])/u.exec(format.slice(i + 1));
    if (m === null) {
      out += c;
      continue;
    }
    i += m[0].length;
    const slash = v.shown.lastIndexOf('/');
    let text: string;
    switch (m[3]) {
      case 'p': text = v.shown; break;
      case 'f': text = v.name; break;
      case 'h': text = slash === -1 ? '.' : slash === 0 ? '/' : v.shown.slice(0, slash); break;
      case 'P': text = v.depth === 0 ? '' : v.shown.slice(v.start.length).replace(/^\/+/u, ''); break;
      case 'H': text = v.start; break;
      case 'd': text = String(v.depth); break;
      case 's': text = String(st.size); break;
      case 'm': text = (st.mode & 0o7777).toString(8); break;
      case 'M': text = modeString(st.type, st.mode); break;
      case 'y': text = TYPE_LETTER[st.type]; break;
      case 'i': text = String(st.ino); break;
      case 'n': text = String(st.nlink); break;
      case 'u':
      case 'g': text = 'root'; break;
      case 'U':
      case 'G': text = '0'; break;
      case 'l': text = st.type === 'symlink' ? await walk.io.ctx.sys.readlink(v.path) : ''; break;
      case 't': text = strftime('%a %b %e %H:%M:%S.%N0 %Y', st.mtimeMs); break;
      case 'T': {
        const k = format[i + 1] ?? '';
        i++;
        text = k === '@' ? (st.mtimeMs / 1000).toFixed(10) : strftime(`%${k}`, st.mtimeMs);
        break;
      }
      case '%': text = '%'; break;
      default: text = `%${m[3]}`;
    }
    const width = Number(m[2] || 0);
    out += m[1] === '-' ? text.padEnd(width) : text.padStart(width);
  }
  return out;
}
