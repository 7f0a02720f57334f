/**
 * split: cut a file (or stdin for `-` or no operand) into pieces PREFIXaa, PREFIXab, … of -l N lines (1000 by
 * default) or -b SIZE bytes (K/M/G = powers of 1024, KB/MB/GB = powers of 1000). -d uses numeric suffixes, -a N
 * fixes the suffix length; without -a the suffixes widen as GNU split widens them (…yz, zaaa… or …89, 9000…), so
 * the names keep sorting in order. Input streams chunk by chunk; a piece is written as its data arrives.
 */
import { Errno } from '@burrow/protocol';
import type { ByteSource, FileHandle } from '../../sys.js';
import { type Io, isErrno, options, q, qa, runCommand } from '../fs-shared/command.js';
import { last } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

const CHUNK_BYTES = 64 * 1024;
const UNITS: Record<string, number> = { '': 1, b: 512, K: 1024, KB: 1000, M: 1024 ** 2, MB: 1000 ** 2, G: 1024 ** 3, GB: 1000 ** 3 };

interface Naming {
  prefix: string;
  alphabet: string;
  length: number;
  /** Widen suffixes when they run out (no -a). */
  widen: boolean;
  /** Digits of the current suffix. */
  digits: number[];
}

export const split: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'l:b:da:',
      long: {
        lines: { key: 'l', arg: 'required' },
        bytes: { key: 'b', arg: 'required' },
        'numeric-suffixes': { key: 'd', arg: 'optional' },
        'suffix-length': { key: 'a', arg: 'required' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    let mode: 'lines' | 'bytes' = 'lines';
    let count = 1000;
    let numeric = false;
    let length: number | undefined;
    for (const { key, value = '' } of o) {
      if (key === 'l' || key === 'b') {
        const n = key === 'l' ? (/^\d+$/u.test(value) ? Number(value) : Number.NaN) : parseSize(value);
        if (!(n > 0)) {
          await io.warn(`invalid number of ${key === 'l' ? 'lines' : 'bytes'}: ${q(value)}`);
          return 1;
        }
        mode = key === 'l' ? 'lines' : 'bytes';
        count = n;
      } else if (key === 'd') numeric = true;
      else if (key === 'a') {
        if (!/^\d+$/u.test(value) || Number(value) === 0) {
          await io.warn(`invalid suffix length: ${qa(value)}`);
          return 1;
        }
        length = Number(value);
      }
    }
    if (parsed.operands.length > 2) return io.usage(`extra operand ${qa(parsed.operands[2] ?? '')}`);
    const input = parsed.operands[0] ?? '-';
    const naming: Naming = {
      prefix: parsed.operands[1] ?? 'x',
      alphabet: numeric ? '0123456789' : 'abcdefghijklmnopqrstuvwxyz',
      length: length ?? 2,
      widen: length === undefined && last(o, 'a') === undefined,
      digits: new Array<number>(length ?? 2).fill(0),
    };
    let source: ByteSource;
    let close = async (): Promise<void> => undefined;
    if (input === '-') source = ctx.stdin;
    else {
      let handle: FileHandle;
      try {
        handle = await ctx.sys.open(resolvePath(ctx.cwd, input), { read: true });
      } catch (e) {
        await io.fail(`cannot open ${qa(input)} for reading`, e);
        return 1;
      }
      source = { read: async () => ((c) => (c.length === 0 ? null : c))(await handle.read(CHUNK_BYTES)) };
      close = () => handle.close();
    }
    try {
      return await cut(io, source, naming, mode, count);
    } finally {
      await close().catch(() => undefined);
    }
  });

function parseSize(text: string): number {
  const m = /^(\d+)([a-zA-Z]*)$/u.exec(text);
  const unit = m === null ? undefined : UNITS[m[2] ?? ''];
  return m === null || unit === undefined ? Number.NaN : Number(m[1]) * unit;
}

/** The next piece's name, or undefined when the suffixes are exhausted. */
function nextName(n: Naming, first: boolean): string | undefined {
  if (!first) {
    let i = n.digits.length - 1;
    while (i >= 0) {
      n.digits[i] = (n.digits[i] ?? 0) + 1;
      if ((n.digits[i] ?? 0) < n.alphabet.length) break;
      n.digits[i] = 0;
      i--;
    }
    if (i < 0) return undefined;
    // GNU widens when the first digit reaches the alphabet's last letter: …yz → zaaa, …89 → 9000.
    if (n.widen && n.digits[0] === n.alphabet.length - 1 && n.digits.slice(1).every((d) => d === 0)) {
      n.prefix += n.alphabet[n.alphabet.length - 1] ?? '';
      n.length += 1;
      n.digits = new Array<number>(n.length).fill(0);
    }
  }
  return n.prefix + n.digits.map((d) => n.alphabet[d] ?? '').join('');
}

async function cut(io: Io, source: ByteSource, naming: Naming, mode: 'lines' | 'bytes', count: number): Promise<number> {
  const { sys, cwd } = io.ctx;
  let out: FileHandle | undefined;
  let left = 0;
  let first = true;
  const open = async (): Promise<boolean> => {
    await out?.close();
    const name = nextName(naming, first);
    first = false;
    if (name === undefined) {
      await io.warn('output file suffixes exhausted');
      return false;
    }
    try {
      out = await sys.open(resolvePath(cwd, name), { write: true, create: true, truncate: true });
    } catch (e) {
      await io.fail(qa(name), e);
      return false;
    }
    left = count;
    return true;
  };
  try {
    for (let chunk = await source.read(); chunk !== null; chunk = await source.read()) {
      io.checkAbort();
      let at = 0;
      while (at < chunk.length) {
        if (left === 0 && !(await open())) return 1;
        let end: number;
        if (mode === 'bytes') end = Math.min(chunk.length, at + left);
        else {
          end = at;
          while (end < chunk.length && left > 0) {
            const nl = chunk.indexOf(0x0a, end);
            if (nl === -1) {
              end = chunk.length;
              break;
            }
            end = nl + 1;
            left--;
          }
        }
        if (mode === 'bytes') left -= end - at;
        await out?.write(chunk.subarray(at, end));
        at = end;
      }
    }
  } catch (e) {
    if (isErrno(e, Errno.PIPE)) throw e;
    await io.fail('write error', e);
    return 1;
  } finally {
    await out?.close().catch(() => undefined);
  }
  return 0;
}
