/**
 * realpath: print canonical absolute names. Default: every component but the last must exist (-E); -e all of
 * them, -m none; -s resolves `..` lexically without following symlinks; -q hides errors; -z ends with NUL;
 * --relative-to prints the result relative to a directory.
 */
import { type CanonMode, canonicalize } from '../fs-shared/canonicalize.js';
import { absolute, options, runCommand } from '../fs-shared/command.js';
import { has, last } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

export const realpath: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'eEmLPqsz',
      long: {
        'canonicalize-existing': { key: 'e' },
        'canonicalize-missing': { key: 'm' },
        logical: { key: 'L' },
        physical: { key: 'P' },
        quiet: { key: 'q' },
        strip: { key: 's' },
        'no-symlinks': { key: 's' },
        zero: { key: 'z' },
        'relative-to': { key: 'relative-to', arg: 'required' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    if (parsed.operands.length === 0) return io.usage('missing operand');
    let mode: CanonMode = 'allButLast';
    for (const opt of o) {
      if (opt.key === 'e') mode = 'existing';
      else if (opt.key === 'm') mode = 'missing';
      else if (opt.key === 'E') mode = 'allButLast';
    }
    const resolve = async (p: string): Promise<string> =>
      has(o, 's') ? resolvePath(ctx.cwd, p) : canonicalize(ctx.sys, absolute(ctx.cwd, p), mode);
    const relativeTo = last(o, 'relative-to');
    let base: string | undefined;
    if (relativeTo !== undefined) {
      try {
        base = await resolve(relativeTo);
      } catch (e) {
        if (!has(o, 'q')) await io.fail(relativeTo, e);
        return 1;
      }
    }
    const end = has(o, 'z') ? '\0' : '\n';
    let status = 0;
    for (const name of parsed.operands) {
      try {
        const full = await resolve(name);
        await io.out.text((base === undefined ? full : relative(base, full)) + end);
      } catch (e) {
        if (!has(o, 'q')) await io.fail(name, e);
        status = 1;
      }
    }
    return status;
  });

/** `to` relative to directory `from`, both canonical. */
export function relative(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const parts = [...a.slice(common).map(() => '..'), ...b.slice(common)];
  return parts.length === 0 ? '.' : parts.join('/');
}
