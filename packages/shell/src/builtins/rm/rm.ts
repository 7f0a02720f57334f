/**
 * rm: remove files, and directories with -r/-R (depth first) or -d (when empty). -f ignores missing operands
 * and never fails for them; -v reports each removal. Refuses `.`, `..` and, when recursive, `/`. Prompts
 * (-i, -I) are accepted and answered yes: a sandbox has no terminal to ask on.
 */
import { Errno } from '@burrow/protocol';
import type { FileStat } from '../../sys.js';
import { basename, type Io, isErrno, options, qa, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

interface RmOptions {
  force: boolean;
  recursive: boolean;
  dirs: boolean;
  verbose: boolean;
}

export const rm: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'fiIrRdv',
      long: {
        force: { key: 'f' },
        interactive: { key: 'i', arg: 'optional' },
        recursive: { key: 'r' },
        dir: { key: 'd' },
        verbose: { key: 'v' },
        'preserve-root': { key: 'preserve-root', arg: 'optional' },
        'no-preserve-root': { key: 'no-preserve-root' },
        'one-file-system': { key: 'one-file-system' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    const opts: RmOptions = {
      force: false,
      recursive: has(o, 'r') || has(o, 'R'),
      dirs: has(o, 'd'),
      verbose: has(o, 'v'),
    };
    for (const opt of o) {
      if (opt.key === 'f') opts.force = true;
      else if (opt.key === 'i' || opt.key === 'I') opts.force = false;
    }
    if (parsed.operands.length === 0) {
      if (opts.force) return 0;
      return io.usage('missing operand');
    }
    let status = 0;
    for (const name of parsed.operands) {
      const base = basename(name);
      if (base === '.' || base === '..') {
        await io.warn(`refusing to remove '.' or '..' directory: skipping ${qa(name)}`);
        status = 1;
        continue;
      }
      const path = resolvePath(ctx.cwd, name);
      if (path === '/' && opts.recursive && !has(o, 'no-preserve-root')) {
        await io.warn(`it is dangerous to operate recursively on ${qa(name)}`);
        await io.warn('use --no-preserve-root to override this failsafe');
        status = 1;
        continue;
      }
      if (!(await removeOne(io, name, path, opts))) status = 1;
    }
    return status;
  });

async function removeOne(io: Io, name: string, path: string, opts: RmOptions): Promise<boolean> {
  const { sys } = io.ctx;
  io.checkAbort();
  let st: FileStat;
  try {
    st = await sys.stat(path, { follow: false });
  } catch (e) {
    if (opts.force && isErrno(e, Errno.NOENT)) return true;
    await io.fail(`cannot remove ${qa(name)}`, e);
    return false;
  }
  if (st.type !== 'dir') {
    try {
      await sys.unlink(path);
    } catch (e) {
      if (opts.force && isErrno(e, Errno.NOENT)) return true;
      await io.fail(`cannot remove ${qa(name)}`, e);
      return false;
    }
    if (opts.verbose) await io.out.text(`removed ${qa(name)}\n`);
    return true;
  }
  if (!opts.recursive) {
    if (!opts.dirs) {
      await io.warn(`cannot remove ${qa(name)}: Is a directory`);
      return false;
    }
    return removeDir(io, name, path, opts);
  }
  let ok = true;
  let entries: Awaited<ReturnType<typeof sys.readdir>>;
  try {
    entries = await sys.readdir(path);
  } catch (e) {
    await io.fail(`cannot remove ${qa(name)}`, e);
    return false;
  }
  for (const entry of entries) {
    const childName = name.endsWith('/') ? `${name}${entry.name}` : `${name}/${entry.name}`;
    if (!(await removeOne(io, childName, `${path === '/' ? '' : path}/${entry.name}`, opts))) ok = false;
  }
  if (!ok) return false;
  return removeDir(io, name, path, opts);
}

async function removeDir(io: Io, name: string, path: string, opts: RmOptions): Promise<boolean> {
  try {
    await io.ctx.sys.rmdir(path);
  } catch (e) {
    await io.fail(`cannot remove ${qa(name)}`, e);
    return false;
  }
  if (opts.verbose) await io.out.text(`removed directory ${qa(name)}\n`);
  return true;
}
