/** id: user and group ids (-u -g -G, -n for names, -r accepted). Only the sandbox user, root, exists. */
import { options, q, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import { SYSTEM_IDENTITY } from '../fs-shared/system-identity.js';
import type { Builtin } from '../types.js';

export const id: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'ugGnrz',
      long: {
        user: { key: 'u' },
        group: { key: 'g' },
        groups: { key: 'G' },
        name: { key: 'n' },
        real: { key: 'r' },
        zero: { key: 'z' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    const me = SYSTEM_IDENTITY;
    for (const user of parsed.operands) {
      if (user !== me.user && user !== String(me.uid)) {
        await io.warn(`${q(user)}: no such user`);
        return 1;
      }
    }
    const names = has(o, 'n');
    const end = has(o, 'z') ? '\0' : '\n';
    if (has(o, 'u')) await io.out.text(`${names ? me.user : me.uid}${end}`);
    else if (has(o, 'g')) await io.out.text(`${names ? me.group : me.gid}${end}`);
    else if (has(o, 'G')) await io.out.text(`${names ? me.group : me.gid}${end}`);
    else if (names) return io.usage('cannot print only names or real IDs in default format');
    else await io.out.text(`uid=${me.uid}(${me.user}) gid=${me.gid}(${me.group}) groups=${me.gid}(${me.group})\n`);
    return 0;
  });
