/**
 * mkdir: create directories. -p creates missing parents and accepts existing directories; -m MODE sets the
 * mode of the named directories (parents made by -p get 0755); -v reports each directory made.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { Sys } from '../../sys.js';
import { isErrno, options, q, qa, runCommand } from '../fs-shared/command.js';
import { applyMode, UMASK } from '../fs-shared/mode.js';
import { has, last } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

export const mkdir: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'pm:vZ',
      long: { parents: { key: 'p' }, mode: { key: 'm', arg: 'required' }, verbose: { key: 'v' } },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    if (parsed.operands.length === 0) return io.usage('missing operand');
    const modeSpec = last(o, 'm');
    const defaultMode = 0o777 & ~UMASK;
    let mode = defaultMode;
    if (modeSpec !== undefined) {
      const parsedMode = applyMode(modeSpec, 0o777, true, 0);
      if (parsedMode === undefined) {
        await io.warn(`invalid mode ${q(modeSpec)}`);
        return 1;
      }
      mode = /^[0-7]+$/u.test(modeSpec) ? parsedMode : (applyMode(modeSpec, defaultMode, true) ?? defaultMode);
    }
    const parents = has(o, 'p');
    const verbose = has(o, 'v');
    const report = (name: string): Promise<void> =>
      verbose ? io.out.text(`mkdir: created directory ${qa(name)}\n`) : Promise.resolve();
    let status = 0;
    for (const name of parsed.operands) {
      const path = resolvePath(ctx.cwd, name);
      try {
        if (parents) await makeParents(ctx.sys, name, path, report);
        await makeOne(ctx.sys, path, mode, modeSpec !== undefined);
        await report(name);
      } catch (e) {
        if (parents && isErrno(e, Errno.EXIST) && (await isDir(ctx.sys, path))) continue;
        const failure = e instanceof ParentFailure ? e : undefined;
        await io.fail(`cannot create directory ${q(failure?.path ?? name)}`, failure?.reason ?? e);
        status = 1;
      }
    }
    return status;
  });

/** A failure on an ancestor made by -p; GNU names that ancestor in the message. */
class ParentFailure extends Error {
  readonly path: string;
  readonly reason: unknown;
  constructor(path: string, reason: unknown) {
    super(path);
    this.path = path;
    this.reason = reason;
  }
}

async function makeOne(sys: Sys, path: string, mode: number, explicit: boolean): Promise<void> {
  await sys.mkdir(path, { mode });
  // An explicit mode is exact, special bits included, as after GNU mkdir's chmod.
  if (explicit) await sys.chmod(path, mode);
}

/** Create the missing ancestors of `path` (not `path` itself), reporting each as written in `name`. */
async function makeParents(sys: Sys, name: string, path: string, report: (n: string) => Promise<void>): Promise<void> {
  const parts = path.split('/').filter(Boolean);
  const shown = name.split('/').filter(Boolean);
  const offset = parts.length - shown.length;
  for (let i = 1; i < parts.length; i++) {
    const sub = `/${parts.slice(0, i).join('/')}`;
    const label = `${name.startsWith('/') ? '/' : ''}${shown.slice(0, Math.max(0, i - offset)).join('/')}`;
    try {
      await sys.mkdir(sub, { mode: 0o755 });
      await report(label);
    } catch (e) {
      if (!isErrno(e, Errno.EXIST)) throw new ParentFailure(label, e);
      if (!(await isDir(sys, sub))) throw new ParentFailure(label, new KernelError(Errno.NOTDIR));
    }
  }
}

async function isDir(sys: Sys, path: string): Promise<boolean> {
  try {
    return (await sys.stat(path)).type === 'dir';
  } catch {
    return false;
  }
}
