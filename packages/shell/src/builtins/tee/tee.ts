/**
 * tee: copies stdin to stdout and to each FILE (-a appends), chunk by chunk as it arrives. A file that cannot
 * be opened is reported and skipped; the copy to the others goes on and the status is 1.
 */
import type { FileHandle } from '../../sys.js';
import { options, runCommand } from '../fs-shared/command.js';
import { resolvePath } from '../io.js';
import { strerror } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

export const tee: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'aip',
      long: { append: { key: 'a' }, 'ignore-interrupts': { key: 'i' }, 'output-error': { key: 'p', arg: 'optional' } },
    });
    if (typeof parsed === 'number') return parsed;
    const append = parsed.options.some((o) => o.key === 'a');
    let status = 0;
    const files: Array<{ name: string; handle: FileHandle }> = [];
    for (const name of parsed.operands) {
      try {
        const handle = await ctx.sys.open(resolvePath(ctx.cwd, name), {
          write: true,
          create: true,
          truncate: !append,
          append,
        });
        files.push({ name, handle });
      } catch (err) {
        await io.warn(`${name}: ${strerror(err)}`);
        status = 1;
      }
    }
    try {
      for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
        io.checkAbort();
        for (const f of [...files]) {
          try {
            await f.handle.write(chunk);
          } catch (err) {
            await io.warn(`${f.name}: ${strerror(err)}`);
            files.splice(files.indexOf(f), 1);
            status = 1;
          }
        }
        await ctx.stdout.write(chunk);
      }
    } finally {
      for (const f of files) await f.handle.close().catch(() => undefined);
    }
    return status;
  });
