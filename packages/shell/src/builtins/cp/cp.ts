/**
 * cp: copy files, and trees with -r/-R/-a. -a is -dR with every attribute preserved; -p preserves mode and
 * times; -d/-P copy symlinks as links (the default inside -R trees); -L follows them; -n never overwrites;
 * -f replaces destinations it cannot open; -v reports each copy. `SRC DEST`, `SRC... DIR` or `-t DIR SRC...`.
 */
import { options, runCommand } from '../fs-shared/command.js';
import { has, last } from '../fs-shared/parse-options.js';
import type { Builtin } from '../types.js';
import { type CopyOptions, copyPath } from './copy-tree.js';
import { planTargets } from './targets.js';

export const cp: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'rRapdPLnfvTt:ui',
      long: {
        recursive: { key: 'r' },
        archive: { key: 'a' },
        'no-dereference': { key: 'P' },
        dereference: { key: 'L' },
        'no-clobber': { key: 'n' },
        force: { key: 'f' },
        verbose: { key: 'v' },
        'no-target-directory': { key: 'T' },
        'target-directory': { key: 't', arg: 'required' },
        preserve: { key: 'preserve', arg: 'optional' },
        update: { key: 'u', arg: 'optional' },
        interactive: { key: 'i' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    const recursive = has(o, 'r') || has(o, 'R') || has(o, 'a');
    let noDereference = recursive;
    for (const opt of o) {
      if (opt.key === 'a' || opt.key === 'd' || opt.key === 'P') noDereference = true;
      else if (opt.key === 'L') noDereference = false;
    }
    const copy: CopyOptions = {
      recursive,
      noDereference,
      preserve: has(o, 'a') || has(o, 'p') || has(o, 'preserve'),
      noClobber: has(o, 'n'),
      force: has(o, 'f'),
      verbose: has(o, 'v'),
    };
    const plan = await planTargets(io, parsed.operands, last(o, 't'), has(o, 'T'));
    if (typeof plan === 'number') return plan;
    let status = 0;
    for (const t of plan) if (!(await copyPath(io, t.src, t.dst, copy, true))) status = 1;
    return status;
  });
