/**
 * rmdir: remove empty directories. -p also removes each parent named in the operand, stopping at the first
 * failure; --ignore-fail-on-non-empty is quiet about directories that are not empty; -v reports each removal.
 */
import { Errno } from '@burrow/protocol';
import { dirname, isErrno, options, qa, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

export const rmdir: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'pv',
      long: {
        parents: { key: 'p' },
        verbose: { key: 'v' },
        'ignore-fail-on-non-empty': { key: 'ignore' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    if (parsed.operands.length === 0) return io.usage('missing operand');
    const ignoreNonEmpty = has(o, 'ignore');
    let status = 0;
    for (const operand of parsed.operands) {
      let name = operand.replace(/(.)\/+$/u, '$1');
      while (true) {
        if (has(o, 'v')) await io.out.text(`rmdir: removing directory, ${qa(name)}\n`);
        try {
          await ctx.sys.rmdir(resolvePath(ctx.cwd, name));
        } catch (e) {
          if (!(ignoreNonEmpty && isErrno(e, Errno.NOTEMPTY))) {
            await io.fail(`failed to remove ${qa(name)}`, e);
            status = 1;
          }
          break;
        }
        if (!has(o, 'p')) break;
        const parent = dirname(name);
        if (parent === name || parent === '.' || parent === '/') break;
        name = parent;
      }
    }
    return status;
  });
