/**
 * chmod: change permission bits, by octal number or symbolic clauses (see fs-shared/mode.ts), -R through
 * directories (symlinks met inside a tree are not followed); -v reports every file, -c only changes, -f hides
 * most errors. `--reference=FILE` copies another file's mode.
 */
import type { FileStat } from '../../sys.js';
import { type Io, options, q, qa, runCommand } from '../fs-shared/command.js';
import { modeString } from '../fs-shared/format.js';
import { applyMode } from '../fs-shared/mode.js';
import { has, last } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

interface ChmodRun {
  spec: string;
  recursive: boolean;
  verbose: boolean;
  changes: boolean;
  quiet: boolean;
}

export const chmod: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    // Mode clauses such as `-w` look like options; they are taken as the mode when they parse as one.
    const args = ctx.argv.slice(1);
    const modeLike = args.findIndex((a) => /^-[rwxXst]+$/u.test(a));
    const argv = modeLike === -1 ? ctx.argv : [ctx.argv[0] ?? 'chmod', ...args.filter((_, i) => i !== modeLike)];
    const parsed = await options({ ...io, ctx: { ...ctx, argv } }, {
      short: 'RvcfH',
      long: {
        recursive: { key: 'R' },
        verbose: { key: 'v' },
        changes: { key: 'c' },
        silent: { key: 'f' },
        quiet: { key: 'f' },
        reference: { key: 'reference', arg: 'required' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    const operands = [...parsed.operands];
    const reference = last(o, 'reference');
    let spec: string;
    if (reference !== undefined) {
      try {
        spec = ((await ctx.sys.stat(resolvePath(ctx.cwd, reference))).mode & 0o7777).toString(8);
      } catch (e) {
        await io.fail(`failed to get attributes of ${qa(reference)}`, e);
        return 1;
      }
    } else if (modeLike !== -1) spec = args[modeLike] ?? '';
    else spec = operands.shift() ?? '';
    if (spec === '') return io.usage('missing operand');
    if (operands.length === 0) return io.usage(`missing operand after ${q(spec)}`);
    if (applyMode(spec, 0, false) === undefined) return io.usage(`invalid mode: ${q(spec)}`);
    const run: ChmodRun = {
      spec,
      recursive: has(o, 'R'),
      verbose: has(o, 'v'),
      changes: has(o, 'c'),
      quiet: has(o, 'f'),
    };
    let status = 0;
    for (const name of operands) {
      if (!(await change(io, name, resolvePath(ctx.cwd, name), run, true))) status = 1;
    }
    return status;
  });

async function change(io: Io, name: string, path: string, run: ChmodRun, top: boolean): Promise<boolean> {
  const { sys } = io.ctx;
  io.checkAbort();
  let st: FileStat;
  try {
    st = await sys.stat(path, { follow: top });
  } catch (e) {
    if (!run.quiet) await io.fail(`cannot access ${qa(name)}`, e);
    return false;
  }
  let ok = true;
  if (st.type !== 'symlink') {
    const next = applyMode(run.spec, st.mode, st.type === 'dir') ?? st.mode;
    try {
      await sys.chmod(path, next);
      const changed = next !== (st.mode & 0o7777);
      if (run.verbose || (run.changes && changed)) {
        const from = `${oct(st.mode)} (${modeString(st.type, st.mode).slice(1)})`;
        const to = `${oct(next)} (${modeString(st.type, next).slice(1)})`;
        await io.out.text(
          changed
            ? `mode of ${qa(name)} changed from ${from} to ${to}\n`
            : `mode of ${qa(name)} retained as ${from}\n`,
        );
      }
    } catch (e) {
      if (!run.quiet) await io.fail(`changing permissions of ${qa(name)}`, e);
      ok = false;
    }
  }
  if (run.recursive && st.type === 'dir') {
    const entries = await sys.readdir(path);
    for (const e of entries) {
      const childName = name.endsWith('/') ? `${name}${e.name}` : `${name}/${e.name}`;
      if (!(await change(io, childName, `${path === '/' ? '' : path}/${e.name}`, run, false))) ok = false;
    }
  }
  return ok;
}

function oct(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}
