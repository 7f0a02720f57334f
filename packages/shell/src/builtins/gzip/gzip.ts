/**
 * gzip, gunzip and zcat over node:zlib (these builtins run in a worker, where zlib is plain library code).
 * `gzip FILE` writes FILE.gz and removes FILE (-k keeps it); -d decompresses (NAME.gz, .tgz → .tar, .z);
 * -c writes to stdout; no operand (or `-`) filters stdin to stdout. -1…-9 choose the level; -f overwrites.
 * Whole files are held in memory while (de)compressed.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { Errno } from '@burrow/protocol';
import { type Io, isErrno, options, qa, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import { readAll, resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

interface GzipRun {
  decompress: boolean;
  stdout: boolean;
  keep: boolean;
  force: boolean;
  verbose: boolean;
  level: number;
}

function makeGzip(mode: 'gzip' | 'gunzip' | 'zcat'): Builtin {
  return (ctx) =>
    runCommand(ctx, async (io) => {
      const parsed = await options(io, {
        short: 'dckfvqrnN123456789S:t',
        long: {
          decompress: { key: 'd' },
          uncompress: { key: 'd' },
          stdout: { key: 'c' },
          'to-stdout': { key: 'c' },
          keep: { key: 'k' },
          force: { key: 'f' },
          verbose: { key: 'v' },
          quiet: { key: 'q' },
          fast: { key: '1' },
          best: { key: '9' },
          test: { key: 't' },
        },
      });
      if (typeof parsed === 'number') return parsed;
      const o = parsed.options;
      let level = 6;
      for (const opt of o) if (/^[1-9]$/u.test(opt.key)) level = Number(opt.key);
      const run: GzipRun = {
        decompress: mode !== 'gzip' || has(o, 'd') || has(o, 't'),
        stdout: mode === 'zcat' || has(o, 'c') || has(o, 't'),
        keep: has(o, 'k'),
        force: has(o, 'f'),
        verbose: has(o, 'v'),
        level,
      };
      const operands = parsed.operands.length === 0 ? ['-'] : parsed.operands;
      let status = 0;
      for (const name of operands) {
        const s = await one(io, name, run, has(o, 't'));
        status = Math.max(status, s);
      }
      return status;
    });
}

function transform(data: Uint8Array, run: GzipRun): Uint8Array {
  return run.decompress ? gunzipSync(data) : gzipSync(data, { level: run.level });
}

async function one(io: Io, name: string, run: GzipRun, testOnly: boolean): Promise<number> {
  const { ctx } = io;
  if (name === '-') {
    const input = await readAll(ctx.stdin);
    try {
      const out = transform(input, run);
      if (!testOnly) await io.out.bytes(out);
      return 0;
    } catch {
      await io.warn('stdin: not in gzip format');
      return 1;
    }
  }
  const path = resolvePath(ctx.cwd, name);
  let target = `${name}.gz`;
  if (run.decompress) {
    const m = /^(.*)(\.gz|\.z|-gz|\.tgz)$/u.exec(name);
    if (m === null) {
      if (!run.stdout) {
        await io.warn(`${name}: unknown suffix -- ignored`);
        return 2;
      }
      target = name;
    } else target = m[2] === '.tgz' ? `${m[1]}.tar` : (m[1] ?? name);
  } else if (name.endsWith('.gz') && !run.stdout) {
    await io.warn(`${name} already has .gz suffix -- unchanged`);
    return 2;
  }
  let data: Uint8Array;
  try {
    const st = await ctx.sys.stat(path);
    if (st.type === 'dir') {
      await io.warn(`${name} is a directory -- ignored`);
      return 2;
    }
    data = await ctx.sys.readFile(path);
  } catch (e) {
    await io.fail(name, e);
    return 1;
  }
  let out: Uint8Array;
  try {
    out = transform(data, run);
  } catch {
    await io.warn(`${name}: not in gzip format`);
    return 1;
  }
  if (testOnly) return 0;
  if (run.stdout) {
    await io.out.bytes(out);
    return 0;
  }
  const targetPath = resolvePath(ctx.cwd, target);
  try {
    await ctx.sys.stat(targetPath, { follow: false });
    if (!run.force) {
      await io.warn(`${target} already exists; not overwritten`);
      return 2;
    }
  } catch (e) {
    if (!isErrno(e, Errno.NOENT)) throw e;
  }
  try {
    await ctx.sys.writeFile(targetPath, out);
    if (!run.keep) await ctx.sys.unlink(path);
  } catch (e) {
    await io.fail(qa(target), e);
    return 1;
  }
  if (run.verbose) {
    const ratio = data.length === 0 ? 0 : (1 - (run.decompress ? data.length / out.length : out.length / data.length)) * 100;
    await ctx.stderr.write(new TextEncoder().encode(`${name}:\t${ratio.toFixed(1)}% -- replaced with ${target}\n`));
  }
  return 0;
}

export const gzip: Builtin = makeGzip('gzip');
export const gunzip: Builtin = makeGzip('gunzip');
export const zcat: Builtin = makeGzip('zcat');
