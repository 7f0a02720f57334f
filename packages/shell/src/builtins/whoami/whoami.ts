/** whoami: the name of the effective user, which is root inside a sandbox. */
import { options, runCommand } from '../fs-shared/command.js';
import { SYSTEM_IDENTITY } from '../fs-shared/system-identity.js';
import type { Builtin } from '../types.js';

export const whoami: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, { short: '' });
    if (typeof parsed === 'number') return parsed;
    const [extra] = parsed.operands;
    if (extra !== undefined) return io.usage(`extra operand \u2018${extra}\u2019`);
    await io.out.text(`${SYSTEM_IDENTITY.user}\n`);
    return 0;
  });
