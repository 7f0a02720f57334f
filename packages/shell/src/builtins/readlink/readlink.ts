/**
 * readlink: print a symlink's target, or with -f/-e/-m the canonical name (as realpath -E/-e/-m). Failures are
 * silent (exit 1) unless -v, as in GNU readlink. -n omits the newline; -z ends with NUL.
 */
import { type CanonMode, canonicalize } from '../fs-shared/canonicalize.js';
import { absolute, options, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

export const readlink: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'femnqsvz',
      long: {
        canonicalize: { key: 'f' },
        'canonicalize-existing': { key: 'e' },
        'canonicalize-missing': { key: 'm' },
        'no-newline': { key: 'n' },
        quiet: { key: 'q' },
        silent: { key: 's' },
        verbose: { key: 'v' },
        zero: { key: 'z' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    if (parsed.operands.length === 0) return io.usage('missing operand');
    let mode: CanonMode | undefined;
    let verbose = false;
    for (const opt of o) {
      if (opt.key === 'f') mode = 'allButLast';
      else if (opt.key === 'e') mode = 'existing';
      else if (opt.key === 'm') mode = 'missing';
      else if (opt.key === 'v') verbose = true;
      else if (opt.key === 'q' || opt.key === 's') verbose = false;
    }
    const multiple = parsed.operands.length > 1;
    const end = has(o, 'z') ? '\0' : has(o, 'n') && !multiple ? '' : '\n';
    let status = 0;
    for (const name of parsed.operands) {
      try {
        const text =
          mode === undefined
            ? await ctx.sys.readlink(resolvePath(ctx.cwd, name))
            : await canonicalize(ctx.sys, absolute(ctx.cwd, name), mode);
        await io.out.text(text + end);
      } catch (e) {
        if (verbose) await io.fail(name, e);
        status = 1;
      }
    }
    return status;
  });
