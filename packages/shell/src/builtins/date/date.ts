/**
 * date: print the time (now from sys.now(), -d DATE, or -r FILE's mtime) in UTC, as `+FORMAT` (strftime),
 * -I[date|hours|minutes|seconds|ns] (ISO 8601), -R (RFC 5322) or the default `%a %b %e %H:%M:%S %Z %Y`.
 * -u is accepted (UTC is the only zone). Setting the clock is refused.
 */
import { options, q, qa, runCommand } from '../fs-shared/command.js';
import { strftime } from '../fs-shared/format.js';
import { parseDate } from '../fs-shared/parse-date.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

const ISO_FORMATS: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H%:z',
  minutes: '%Y-%m-%dT%H:%M%:z',
  seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};

export const date: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'd:r:uI::RS',
      long: {
        date: { key: 'd', arg: 'required' },
        reference: { key: 'r', arg: 'required' },
        utc: { key: 'u' },
        universal: { key: 'u' },
        'iso-8601': { key: 'I', arg: 'optional' },
        'rfc-email': { key: 'R' },
        'rfc-3339': { key: 'rfc-3339', arg: 'required' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    let ms = ctx.sys.now();
    let format = '%a %b %e %H:%M:%S %Z %Y';
    for (const { key, value = '' } of parsed.options) {
      if (key === 'd') {
        const t = parseDate(value, ctx.sys.now());
        if (t === undefined) {
          await io.warn(`invalid date ${q(value)}`);
          return 1;
        }
        ms = t;
      } else if (key === 'r') {
        try {
          ms = (await ctx.sys.stat(resolvePath(ctx.cwd, value))).mtimeMs;
        } catch (e) {
          await io.fail(qa(value), e);
          return 1;
        }
      } else if (key === 'I') {
        const f = ISO_FORMATS[value === '' ? 'date' : value];
        if (f === undefined) return io.usage(`invalid argument ${q(value)} for '--iso-8601'`);
        format = f;
      } else if (key === 'R') format = '%a, %d %b %Y %H:%M:%S %z';
      else if (key === 'rfc-3339') {
        format = value === 'date' ? '%Y-%m-%d' : value === 'ns' ? '%Y-%m-%d %H:%M:%S.%N%:z' : '%Y-%m-%d %H:%M:%S%:z';
      }
    }
    for (const operand of parsed.operands) {
      if (operand.startsWith('+')) format = operand.slice(1);
      else {
        await io.warn(`cannot set date: Operation not permitted`);
        return 1;
      }
    }
    if (parsed.operands.length > 1) return io.usage(`extra operand ${q(parsed.operands[1] ?? '')}`);
    await io.out.text(`${strftime(format, ms)}\n`);
    return 0;
  });
