/**
 * which: print the first executable regular file named NAME in each $PATH directory (-a: every one). A name
 * with a `/` is checked as given; a builtin command not found on PATH shows as /usr/bin/NAME. Exit 1 if any name
 * is not found.
 */
import { options, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

/** Whether `name` is one of Burrow's builtin commands (imported lazily: the registry imports this file). */
async function isBuiltinCommand(name: string): Promise<boolean> {
  const { builtins } = await import('../index.js');
  return Object.hasOwn(builtins, name) || name === 'bash' || name === 'sh';
}

export const which: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, { short: 'as', long: { all: { key: 'a' } } });
    if (typeof parsed === 'number') return parsed;
    const all = has(parsed.options, 'a');
    const silent = has(parsed.options, 's');
    const dirs = (ctx.env.PATH ?? '').split(':');
    const executable = async (path: string): Promise<boolean> => {
      try {
        const st = await ctx.sys.stat(path);
        return st.type === 'file' && (st.mode & 0o111) !== 0;
      } catch {
        return false;
      }
    };
    let status = 0;
    for (const name of parsed.operands) {
      let found = false;
      const candidates = name.includes('/') ? [name] : dirs.map((d) => `${d === '' ? '.' : d}/${name}`);
      for (const candidate of candidates) {
        if (!(await executable(resolvePath(ctx.cwd, candidate)))) continue;
        found = true;
        if (!silent) await io.out.text(`${candidate}\n`);
        if (!all) break;
      }
      if (!found && !name.includes('/') && (await isBuiltinCommand(name))) {
        // Burrow's commands stand where the GNU tools live.
        found = true;
        if (!silent) await io.out.text(`/usr/bin/${name}\n`);
      }
      if (!found) status = 1;
    }
    return status;
  });
