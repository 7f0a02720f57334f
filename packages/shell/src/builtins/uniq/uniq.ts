/**
 * uniq: collapses runs of adjacent equal lines, streaming: a run is printed as soon as the next different line
 * arrives. -c counts (`%7d `), -d only repeated runs, -D every line of repeated runs, -u only single lines,
 * -i ignores case, -f N / -s N / -w N choose the compared part, -z uses NUL lines. `uniq IN OUT` writes OUT.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import { resolvePath } from '../io.js';
import { options, runCommand } from '../fs-shared/command.js';
import { LineReader, openInput, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

export const uniq: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'cdDuif:s:w:z',
      long: {
        count: { key: 'c' },
        repeated: { key: 'd' },
        'all-repeated': { key: 'D', arg: 'optional' },
        unique: { key: 'u' },
        'ignore-case': { key: 'i' },
        'skip-fields': { key: 'f', arg: 'required' },
        'skip-chars': { key: 's', arg: 'required' },
        'check-chars': { key: 'w', arg: 'required' },
        'zero-terminated': { key: 'z' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    let countRuns = false;
    let onlyRepeated = false;
    let allRepeated = false;
    let onlyUnique = false;
    let fold = false;
    let skipFields = 0;
    let skipChars = 0;
    let checkChars = Infinity;
    let eol = '\n';
    for (const o of parsed.options) {
      const n = Number(o.value);
      if ('fsw'.includes(o.key) && !(Number.isInteger(n) && n >= 0)) {
        const what = o.key === 'f' ? 'number of fields to skip' : o.key === 's' ? 'number of bytes to skip' : 'number of bytes to compare';
        await io.warn(`${o.value}: invalid ${what}`);
        return 1;
      }
      if (o.key === 'c') countRuns = true;
      else if (o.key === 'd') onlyRepeated = true;
      else if (o.key === 'D') allRepeated = true;
      else if (o.key === 'u') onlyUnique = true;
      else if (o.key === 'i') fold = true;
      else if (o.key === 'f') skipFields = n;
      else if (o.key === 's') skipChars = n;
      else if (o.key === 'w') checkChars = n;
      else if (o.key === 'z') eol = '\0';
    }
    if (countRuns && allRepeated) {
      await io.usage('printing all duplicated lines and repeat counts is meaningless');
      return 1;
    }
    const [inName = '-', outName, extra] = parsed.operands;
    if (extra !== undefined) return io.usage(`extra operand \u2018${extra}\u2019`);
    let input: Awaited<ReturnType<typeof openInput>>;
    try {
      input = await openInput(ctx.sys, ctx.cwd, inName, ctx.stdin);
    } catch (err) {
      await io.warn(`${inName}: ${strerror(err)}`);
      return 1;
    }
    const plain = skipFields === 0 && skipChars === 0 && checkChars === Infinity && !fold;
    const keyOf = (line: string): string => {
      if (plain) return line;
      let i = 0;
      for (let f = 0; f < skipFields; f++) {
        while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
        while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
      }
      let k = line.slice(i + skipChars);
      if (checkChars !== Infinity) k = k.slice(0, checkChars);
      return fold ? k.toLowerCase() : k;
    };
    const parts: string[] = [];
    let current: string | undefined;
    let currentKey = '';
    let count = 0;
    const emit = (): void => {
      if (current === undefined) return;
      if (allRepeated) return;
      if (onlyRepeated && count < 2) return;
      if (onlyUnique && count > 1) return;
      parts.push(countRuns ? `${String(count).padStart(7)} ${current}${eol}` : `${current}${eol}`);
    };
    const chunks: string[] = [];
    const sinkText = async (text: string): Promise<void> => {
      if (outName === undefined || outName === '-') {
        out.put(text);
        await out.maybeFlush();
      } else chunks.push(text);
    };
    const out = new TextOut(ctx.stdout);
    let group: string[] = [];
    const reader = new LineReader(input.source, eol);
    try {
      for (let batch = await reader.next(); batch !== null; batch = await reader.next()) {
        io.checkAbort();
        for (const line of batch) {
          const key = keyOf(line);
          if (current !== undefined && key === currentKey) {
            count++;
            if (allRepeated) group.push(line);
            continue;
          }
          emit();
          if (allRepeated && group.length > 1) {
            for (const g of group) parts.push(g + eol);
          }
          group = allRepeated ? [line] : group;
          current = line;
          currentKey = key;
          count = 1;
        }
        await sinkText(parts.join(''));
        parts.length = 0;
      }
    } catch (err) {
      if (isKernelError(err) && err.errno !== Errno.PIPE) {
        await io.warn(`${inName}: ${strerror(err)}`);
        return 1;
      }
      throw err;
    } finally {
      await input.close().catch(() => undefined);
    }
    emit();
    if (allRepeated && group.length > 1) for (const g of group) parts.push(g + eol);
    await sinkText(parts.join(''));
    if (outName !== undefined && outName !== '-') {
      try {
        await ctx.sys.writeFile(resolvePath(ctx.cwd, outName), new TextEncoder().encode(chunks.join('')));
      } catch (err) {
        await io.warn(`${outName}: ${strerror(err)}`);
        return 1;
      }
    }
    await out.flush();
    return 0;
  });
