/**
 * touch: set access and modification times, creating missing files unless -c. The time is now, or from -d
 * (a date string), -t ([[CC]YY]MMDDhhmm[.ss]) or -r (another file's times); -a/-m change only one of the two.
 */
import { Errno } from '@burrow/protocol';
import { isErrno, options, q, qa, runCommand } from '../fs-shared/command.js';
import { parseDate, parseTouchStamp } from '../fs-shared/parse-date.js';
import { has } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

export const touch: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'acd:fhmr:t:',
      long: {
        'no-create': { key: 'c' },
        date: { key: 'd', arg: 'required' },
        reference: { key: 'r', arg: 'required' },
        'no-dereference': { key: 'h' },
        time: { key: 'time', arg: 'required' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    if (parsed.operands.length === 0) return io.usage('missing file operand');
    const now = ctx.sys.now();
    let atime = now;
    let mtime = now;
    for (const { key, value = '' } of o) {
      if (key === 'd') {
        const t = parseDate(value, now);
        if (t === undefined) {
          await io.warn(`invalid date format ${q(value)}`);
          return 1;
        }
        atime = mtime = t;
      } else if (key === 't') {
        const t = parseTouchStamp(value, now);
        if (t === undefined) {
          await io.warn(`invalid date format ${q(value)}`);
          return 1;
        }
        atime = mtime = t;
      } else if (key === 'r') {
        try {
          const st = await ctx.sys.stat(resolvePath(ctx.cwd, value));
          atime = st.atimeMs;
          mtime = st.mtimeMs;
        } catch (e) {
          await io.fail(`failed to get attributes of ${qa(value)}`, e);
          return 1;
        }
      }
    }
    const timeWord = o.find((x) => x.key === 'time')?.value;
    const onlyAccess = has(o, 'a') || timeWord === 'access' || timeWord === 'atime' || timeWord === 'use';
    const onlyModify = has(o, 'm') || timeWord === 'modify' || timeWord === 'mtime';
    let status = 0;
    for (const name of parsed.operands) {
      if (name === '-') continue;
      const path = resolvePath(ctx.cwd, name);
      try {
        let st = await ctx.sys.stat(path).catch((e: unknown) => {
          if (isErrno(e, Errno.NOENT)) return undefined;
          throw e;
        });
        if (st === undefined) {
          if (has(o, 'c')) continue;
          const handle = await ctx.sys.open(path, { write: true, create: true, mode: 0o644 });
          await handle.close();
          st = await ctx.sys.stat(path);
        }
        const a = onlyModify && !onlyAccess ? st.atimeMs : atime;
        const m = onlyAccess && !onlyModify ? st.mtimeMs : mtime;
        await ctx.sys.utimes(path, a, m);
      } catch (e) {
        await io.fail(`cannot touch ${qa(name)}`, e);
        status = 1;
      }
    }
    return status;
  });
