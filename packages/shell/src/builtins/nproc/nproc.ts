/** nproc: processors available to the sandbox ($OMP_NUM_THREADS when set, as GNU nproc honours it). */
import { options, runCommand } from '../fs-shared/command.js';
import { has, last } from '../fs-shared/parse-options.js';
import { SYSTEM_IDENTITY } from '../fs-shared/system-identity.js';
import type { Builtin } from '../types.js';

export const nproc: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: '',
      long: { all: { key: 'all' }, ignore: { key: 'ignore', arg: 'required' } },
    });
    if (typeof parsed === 'number') return parsed;
    const omp = Number.parseInt(ctx.env.OMP_NUM_THREADS ?? '', 10);
    let count = !has(parsed.options, 'all') && omp > 0 ? omp : SYSTEM_IDENTITY.processors;
    const ignore = Number.parseInt(last(parsed.options, 'ignore') ?? '0', 10);
    if (ignore > 0) count = Math.max(1, count - ignore);
    await io.out.text(`${count}\n`);
    return 0;
  });
