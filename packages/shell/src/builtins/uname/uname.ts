/** uname: print system information (-a -s -n -r -v -m -p -i -o); with no option, the kernel name. */
import { options, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import { hostnameOf, SYSTEM_IDENTITY } from '../fs-shared/system-identity.js';
import type { Builtin } from '../types.js';

export const uname: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'asnrvmpio',
      long: {
        all: { key: 'a' },
        'kernel-name': { key: 's' },
        nodename: { key: 'n' },
        'kernel-release': { key: 'r' },
        'kernel-version': { key: 'v' },
        machine: { key: 'm' },
        processor: { key: 'p' },
        'hardware-platform': { key: 'i' },
        'operating-system': { key: 'o' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const [extra] = parsed.operands;
    if (extra !== undefined) return io.usage(`extra operand \u2018${extra}\u2019`);
    const o = parsed.options;
    const all = has(o, 'a');
    const want = (k: string): boolean => all || has(o, k);
    const id = SYSTEM_IDENTITY;
    const fields: string[] = [];
    if (want('s') || o.length === 0) fields.push(id.sysname);
    if (want('n')) fields.push(hostnameOf(ctx.env));
    if (want('r')) fields.push(id.release);
    if (want('v')) fields.push(id.version);
    if (want('m')) fields.push(id.machine);
    // -a omits processor and platform when they are unknown, as GNU uname does.
    if (has(o, 'p')) fields.push('unknown');
    if (has(o, 'i')) fields.push('unknown');
    if (want('o')) fields.push(id.operatingSystem);
    await io.out.text(`${fields.join(' ')}\n`);
    return 0;
  });
