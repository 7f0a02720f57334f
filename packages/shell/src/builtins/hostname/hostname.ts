/** hostname: print the sandbox's host name (-s short, -f full; setting it is refused). */
import { options, runCommand } from '../fs-shared/command.js';
import { hostnameOf } from '../fs-shared/system-identity.js';
import type { Builtin } from '../types.js';

export const hostname: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'sfi',
      long: { short: { key: 's' }, fqdn: { key: 'f' }, long: { key: 'f' }, 'ip-address': { key: 'i' } },
    });
    if (typeof parsed === 'number') return parsed;
    if (parsed.operands.length > 0) {
      await io.warn('you must be root to change the host name');
      return 1;
    }
    const name = hostnameOf(ctx.env);
    if (parsed.options.some((o) => o.key === 'i')) await io.out.text('127.0.0.1\n');
    else if (parsed.options.some((o) => o.key === 's')) await io.out.text(`${name.split('.')[0] ?? name}\n`);
    else await io.out.text(`${name}\n`);
    return 0;
  });
