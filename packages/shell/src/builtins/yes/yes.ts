/**
 * yes: writes its arguments joined by spaces (or `y`) as lines until the reader goes away (exit 141) or the
 * command is aborted. Writes large blocks, so each round trip through the pipe moves many lines.
 */
import { runCommand } from '../fs-shared/command.js';
import type { Builtin } from '../types.js';

/** Bytes per write. */
const BLOCK_BYTES = 16 * 1024;

export const yes: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const args = ctx.argv.slice(1);
    const line = `${args.length === 0 ? 'y' : (args[0] === '--' ? args.slice(1) : args).join(' ')}\n`;
    const block = new TextEncoder().encode(line.repeat(Math.max(1, Math.floor(BLOCK_BYTES / line.length))));
    for (;;) {
      io.checkAbort();
      await ctx.stdout.write(block);
    }
  });
