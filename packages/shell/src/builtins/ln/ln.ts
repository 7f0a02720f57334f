/**
 * ln: make hard links, or symbolic links with -s. `ln TARGET` links into the cwd, `ln TARGET LINK`, or
 * `ln TARGET... DIR` links each into DIR (-t DIR names it first; -T never treats LINK as a directory).
 * -f replaces existing names, -n does not follow a LINK that is a symlink to a directory, -v reports, -r makes
 * a symlink's target relative to the link's directory.
 */
import { Errno } from '@burrow/protocol';
import { basename, dirname, type Io, isErrno, options, qa, runCommand } from '../fs-shared/command.js';
import { has, last } from '../fs-shared/parse-options.js';
import { relative } from '../realpath/realpath.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

export const ln: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'sfnvirTt:',
      long: {
        symbolic: { key: 's' },
        force: { key: 'f' },
        'no-dereference': { key: 'n' },
        verbose: { key: 'v' },
        relative: { key: 'r' },
        'no-target-directory': { key: 'T' },
        'target-directory': { key: 't', arg: 'required' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    const operands = parsed.operands;
    if (operands.length === 0) return io.usage('missing file operand');
    const targetDir = last(o, 't');
    const pairs: Array<[string, string]> = [];
    const isDir = async (name: string): Promise<boolean> => {
      try {
        return (await ctx.sys.stat(resolvePath(ctx.cwd, name), { follow: !has(o, 'n') })).type === 'dir';
      } catch {
        return false;
      }
    };
    if (targetDir !== undefined) {
      for (const t of operands) pairs.push([t, joinName(targetDir, basename(t))]);
    } else if (operands.length === 1) {
      pairs.push([operands[0] ?? '', basename(operands[0] ?? '')]);
    } else {
      const dest = operands[operands.length - 1] ?? '';
      const sources = operands.slice(0, -1);
      if (!has(o, 'T') && (await isDir(dest))) {
        for (const t of sources) pairs.push([t, joinName(dest, basename(t))]);
      } else if (sources.length > 1) {
        await io.warn(`target ${qa(dest)}: ${has(o, 'T') ? 'extra operand' : 'No such file or directory'}`);
        return 1;
      } else pairs.push([sources[0] ?? '', dest]);
    }
    let status = 0;
    for (const [target, link] of pairs) if (!(await makeLink(io, target, link, o))) status = 1;
    return status;
  });

function joinName(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

async function makeLink(
  io: Io,
  target: string,
  link: string,
  o: Parameters<typeof has>[0],
): Promise<boolean> {
  const { sys, cwd } = io.ctx;
  const symbolic = has(o, 's');
  const linkPath = resolvePath(cwd, link);
  let targetText = target;
  if (symbolic && has(o, 'r')) targetText = relative(dirname(linkPath), resolvePath(cwd, target));
  if (!symbolic) {
    try {
      const st = await sys.stat(resolvePath(cwd, target), { follow: false });
      if (st.type === 'dir') {
        await io.warn(`${target}: hard link not allowed for directory`);
        return false;
      }
    } catch (e) {
      await io.fail(`failed to access ${qa(target)}`, e);
      return false;
    }
  }
  const create = (): Promise<void> =>
    symbolic ? sys.symlink(targetText, linkPath) : sys.link(resolvePath(cwd, target), linkPath);
  try {
    try {
      await create();
    } catch (e) {
      if (!(has(o, 'f') && isErrno(e, Errno.EXIST))) throw e;
      const existing = await sys.stat(linkPath, { follow: false });
      if (existing.type === 'dir') throw e;
      await sys.unlink(linkPath);
      await create();
    }
  } catch (e) {
    await io.fail(`failed to create ${symbolic ? 'symbolic' : 'hard'} link ${qa(link)}`, e);
    return false;
  }
  if (has(o, 'v')) await io.out.text(`${qa(link)} ${symbolic ? '->' : '=>'} ${qa(targetText)}\n`);
  return true;
}
