/**
 * env: print the environment, or run a command in a modified one. `env [-i] [-0] [-u NAME]... [-C DIR]
 * [NAME=VALUE]... [COMMAND [ARG]...]`. Options stop at the first operand. Failures of env itself exit 125;
 * a command that cannot be found or run gives the runner's 127 or 126.
 */
import { options, runCommand } from '../fs-shared/command.js';
import { has, last } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

export const env: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(
      io,
      {
        short: 'i0u:C:',
        long: {
          'ignore-environment': { key: 'i' },
          null: { key: '0' },
          unset: { key: 'u', arg: 'required' },
          chdir: { key: 'C', arg: 'required' },
        },
        stopAtOperand: true,
      },
      125,
    );
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    const vars: Record<string, string> = has(o, 'i') ? {} : { ...ctx.env };
    for (const opt of o) if (opt.key === 'u' && opt.value !== undefined) delete vars[opt.value];
    let rest = parsed.operands;
    if (rest[0] === '-') {
      for (const k of Object.keys(vars)) delete vars[k];
      rest = rest.slice(1);
    }
    while (rest.length > 0 && (rest[0] ?? '').includes('=')) {
      const assignment = rest[0] ?? '';
      const eq = assignment.indexOf('=');
      vars[assignment.slice(0, eq)] = assignment.slice(eq + 1);
      rest = rest.slice(1);
    }
    const dir = last(o, 'C');
    if (rest.length === 0) {
      if (dir !== undefined) return io.usage('must specify command with --chdir (-C)', 125);
      const end = has(o, '0') ? '\0' : '\n';
      for (const [k, v] of Object.entries(vars)) await io.out.text(`${k}=${v}${end}`);
      return 0;
    }
    if (has(o, '0')) return io.usage('cannot specify --null (-0) with command', 125);
    await io.out.flush();
    // `env` travels with the io so that a runner that supports per-command environments applies it.
    const childIo = { env: vars, cwd: dir === undefined ? ctx.cwd : resolvePath(ctx.cwd, dir) };
    return ctx.run(rest, childIo);
  });
