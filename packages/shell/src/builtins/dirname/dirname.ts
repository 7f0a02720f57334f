/** dirname: strip the last component of each name (`.` when none is left); -z ends lines with NUL. */
import { dirname as dirOf, options, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import type { Builtin } from '../types.js';

export const dirname: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, { short: 'z', long: { zero: { key: 'z' } } });
    if (typeof parsed === 'number') return parsed;
    if (parsed.operands.length === 0) return io.usage('missing operand');
    const end = has(parsed.options, 'z') ? '\0' : '\n';
    for (const name of parsed.operands) await io.out.text(dirOf(name) + end);
    return 0;
  });
