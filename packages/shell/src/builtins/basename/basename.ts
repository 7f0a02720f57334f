/**
 * basename: strip directories and an optional suffix. `basename NAME [SUFFIX]`, or with -a/-s any number of
 * names; -z ends lines with NUL. The suffix is removed only when something remains.
 */
import { basename as baseOf, options, q, runCommand } from '../fs-shared/command.js';
import { has, last } from '../fs-shared/parse-options.js';
import type { Builtin } from '../types.js';

export const basename: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'as:z',
      long: { multiple: { key: 'a' }, suffix: { key: 's', arg: 'required' }, zero: { key: 'z' } },
    });
    if (typeof parsed === 'number') return parsed;
    const { options: o, operands } = parsed;
    if (operands.length === 0) return io.usage('missing operand');
    let suffix = last(o, 's');
    let names = operands;
    if (!has(o, 'a') && suffix === undefined) {
      if (operands.length > 2) return io.usage(`extra operand ${q(operands[2] ?? '')}`);
      suffix = operands[1];
      names = operands.slice(0, 1);
    }
    const end = has(o, 'z') ? '\0' : '\n';
    for (const name of names) {
      let base = baseOf(name);
      if (suffix !== undefined && suffix !== '' && base !== suffix && base.endsWith(suffix)) {
        base = base.slice(0, -suffix.length);
      }
      await io.out.text(base + end);
    }
    return 0;
  });
