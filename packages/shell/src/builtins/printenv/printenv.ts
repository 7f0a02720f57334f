/** printenv: print all of the environment, or the values of the named variables (exit 1 if any is unset). */
import { options, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import type { Builtin } from '../types.js';

export const printenv: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, { short: '0', long: { null: { key: '0' } } }, 2);
    if (typeof parsed === 'number') return parsed;
    const end = has(parsed.options, '0') ? '\0' : '\n';
    if (parsed.operands.length === 0) {
      for (const [k, v] of Object.entries(ctx.env)) await io.out.text(`${k}=${v}${end}`);
      return 0;
    }
    let status = 0;
    for (const name of parsed.operands) {
      const value = Object.hasOwn(ctx.env, name) ? ctx.env[name] : undefined;
      if (value === undefined || name.includes('=')) status = 1;
      else await io.out.text(value + end);
    }
    return status;
  });
