/**
 * timeout: run a command with a deadline. `timeout [-s SIG] [-k DURATION] [--preserve-status] [-v] DURATION
 * COMMAND [ARG]...`. When the deadline passes the command's abort signal fires and timeout exits 124 (or, with
 * --preserve-status, the command's own status); a command still running -k DURATION later (default 1 s) is
 * left behind and timeout exits 137. Usage errors exit 125; an unknown command gives the runner's 127.
 */
import { options, q, runCommand } from '../fs-shared/command.js';
import { has, last } from '../fs-shared/parse-options.js';
import { delay, parseDuration } from '../sleep/sleep.js';
import type { Builtin } from '../types.js';

export const EXIT_TIMED_OUT = 124;
const GRACE_DEFAULT_MS = 1000;

export const timeout: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(
      io,
      {
        short: 's:k:v',
        long: {
          signal: { key: 's', arg: 'required' },
          'kill-after': { key: 'k', arg: 'required' },
          'preserve-status': { key: 'preserve-status' },
          foreground: { key: 'foreground' },
          verbose: { key: 'v' },
        },
        stopAtOperand: true,
      },
      125,
    );
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    const [durationText, ...command] = parsed.operands;
    if (durationText === undefined || command.length === 0) {
      return io.usage(durationText === undefined ? 'missing operand' : `missing operand after ${q(durationText)}`, 125);
    }
    const limitMs = parseDuration(durationText);
    if (limitMs === undefined) return io.usage(`invalid time interval ${q(durationText)}`, 125);
    const killText = last(o, 'k');
    const graceMs = killText === undefined ? GRACE_DEFAULT_MS : parseDuration(killText);
    if (graceMs === undefined) return io.usage(`invalid time interval ${q(killText ?? '')}`, 125);
    const signalName = (last(o, 's') ?? 'TERM').replace(/^SIG/u, '');

    const child = new AbortController();
    const stopChild = (): void => child.abort(ctx.signal.reason);
    ctx.signal.addEventListener('abort', stopChild, { once: true });
    const watch = new AbortController();
    await io.out.flush();
    // `signal` travels with the io so that the runner aborts the command at the deadline.
    const childIo = { signal: child.signal, cwd: ctx.cwd };
    const running = ctx.run(command, childIo).finally(() => watch.abort());
    const finishedInTime = await Promise.race([
      running.then(() => true),
      limitMs === 0 ? new Promise<boolean>(() => undefined) : delay(ctx.sys, limitMs, watch.signal).then((ended) => !ended),
    ]);
    ctx.signal.removeEventListener('abort', stopChild);
    if (finishedInTime) return running;
    if (has(o, 'v')) await io.warn(`sending signal ${signalName} to command ${q(command[0] ?? '')}`);
    child.abort(new Error(`timeout: SIG${signalName}`));
    const stopped = await Promise.race([running.then(() => true), delay(ctx.sys, graceMs, ctx.signal).then(() => false)]);
    if (!stopped) return 128 + 9;
    const status = await running;
    return has(o, 'preserve-status') ? status : EXIT_TIMED_OUT;
  });
