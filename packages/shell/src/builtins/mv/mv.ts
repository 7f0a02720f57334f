/**
 * mv: rename files and directories, into a directory when the destination is one. -n never overwrites, -f is
 * accepted (no prompts exist), -v reports `renamed 'a' -> 'b'`. Across devices (EXDEV) it copies and removes.
 */
import { Errno } from '@burrow/protocol';
import type { FileStat } from '../../sys.js';
import { type Io, isErrno, options, qa, runCommand } from '../fs-shared/command.js';
import { has, last } from '../fs-shared/parse-options.js';
import { copyPath } from '../cp/copy-tree.js';
import { planTargets, type Target } from '../cp/targets.js';
import type { Builtin } from '../types.js';

export const mv: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'fnvTt:iu',
      long: {
        force: { key: 'f' },
        'no-clobber': { key: 'n' },
        verbose: { key: 'v' },
        'no-target-directory': { key: 'T' },
        'target-directory': { key: 't', arg: 'required' },
        interactive: { key: 'i' },
        update: { key: 'u', arg: 'optional' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    const plan = await planTargets(io, parsed.operands, last(o, 't'), has(o, 'T'));
    if (typeof plan === 'number') return plan;
    let status = 0;
    for (const t of plan) if (!(await moveOne(io, t, has(o, 'n'), has(o, 'v')))) status = 1;
    return status;
  });

async function moveOne(io: Io, { src, dst }: Target, noClobber: boolean, verbose: boolean): Promise<boolean> {
  const { sys } = io.ctx;
  let st: FileStat;
  try {
    st = await sys.stat(src.path, { follow: false });
  } catch (e) {
    await io.fail(`cannot stat ${qa(src.name)}`, e);
    return false;
  }
  let existing: FileStat | undefined;
  try {
    existing = await sys.stat(dst.path, { follow: false });
  } catch {
    existing = undefined;
  }
  if (existing !== undefined) {
    if (existing.ino === st.ino && src.path !== dst.path) {
      if (st.type !== 'dir') {
        await io.warn(`${qa(src.name)} and ${qa(dst.name)} are the same file`);
        return false;
      }
    }
    if (noClobber) return true;
  }
  if (st.type === 'dir' && (dst.path === src.path || dst.path.startsWith(`${src.path}/`))) {
    await io.warn(`cannot move ${qa(src.name)} to a subdirectory of itself, ${qa(dst.name)}`);
    return false;
  }
  try {
    await sys.rename(src.path, dst.path);
  } catch (e) {
    if (!isErrno(e, Errno.XDEV)) {
      const subject = existing?.type === 'dir' && st.type !== 'dir'
        ? `cannot overwrite directory ${qa(dst.name)} with non-directory`
        : `cannot move ${qa(src.name)} to ${qa(dst.name)}`;
      if (subject.startsWith('cannot overwrite')) await io.warn(subject);
      else await io.fail(subject, e);
      return false;
    }
    const copied = await copyPath(io, src, dst, {
      recursive: true,
      noDereference: true,
      preserve: true,
      noClobber: false,
      force: true,
      verbose: false,
    }, true);
    if (!copied) return false;
    await removeTree(io, src.path);
  }
  if (verbose) await io.out.text(`renamed ${qa(src.name)} -> ${qa(dst.name)}\n`);
  return true;
}

async function removeTree(io: Io, path: string): Promise<void> {
  const { sys } = io.ctx;
  const st = await sys.stat(path, { follow: false });
  if (st.type !== 'dir') return sys.unlink(path);
  for (const e of await sys.readdir(path)) await removeTree(io, `${path === '/' ? '' : path}/${e.name}`);
  await sys.rmdir(path);
}
