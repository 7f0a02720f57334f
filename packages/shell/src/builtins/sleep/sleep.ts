/**
 * sleep: wait for the sum of its durations (`1.5`, `2m`, `1h`, `1d`, `inf`), ending early, with 130, when the
 * command is aborted.
 */
import { Errno } from '@burrow/protocol';
import type { Sys } from '../../sys.js';
import { isErrno, options, q, runCommand } from '../fs-shared/command.js';
import type { Builtin } from '../types.js';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration such as `1.5s` or `2m` in milliseconds; undefined if malformed. `inf` is Infinity. */
export function parseDuration(text: string): number | undefined {
  if (/^\+?inf(inity)?$/iu.test(text)) return Number.POSITIVE_INFINITY;
  const m = /^\+?(\d+\.?\d*|\.\d+)(?:e([+-]?\d+))?([smhd]?)$/u.exec(text);
  if (m === null) return undefined;
  const value = Number(m[1]) * 10 ** Number(m[2] ?? 0) * (UNIT_MS[m[3] ?? ''] ?? 1000);
  return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

/** Sleep through `sys.sleep` (the kernel parks the call); true if it ran to the end, false when aborted. */
export async function delay(sys: Sys, ms: number, signal: AbortSignal): Promise<boolean> {
  let left = ms;
  try {
    // Very long and infinite sleeps go in steps that a timer can hold.
    while (left > 0) {
      const step = Math.min(left, 2 ** 31 - 1);
      await sys.sleep(step, signal);
      left -= step;
    }
    return true;
  } catch (e) {
    if (isErrno(e, Errno.INTR) || signal.aborted) return false;
    throw e;
  }
}

export const sleep: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, { short: '' });
    if (typeof parsed === 'number') return parsed;
    if (parsed.operands.length === 0) return io.usage('missing operand');
    let total = 0;
    let bad = false;
    for (const operand of parsed.operands) {
      const ms = parseDuration(operand);
      if (ms === undefined) {
        await io.warn(`invalid time interval ${q(operand)}`);
        bad = true;
      } else total += ms;
    }
    if (bad) return io.usage('');
    return (await delay(ctx.sys, total, ctx.signal)) ? 0 : 130;
  });
