/**
 * seq: prints numbers from FIRST (1) by INCREMENT (1) to LAST, with -s SEP, -w equal width and -f FORMAT.
 * Decimal places follow the inputs as GNU seq does (`seq 1 0.5 2` prints 1.0 1.5 2.0); values are computed by
 * scaled integer steps, so they do not drift. Output is written in batches, so `seq 1 1e9 | head -1` stops at
 * once when the reader goes away.
 */
import { formatAwk } from '../awk/awk-values.js';
import { runCommand } from '../fs-shared/command.js';
import { TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

/** Numbers written between flushes. */
const BATCH = 4096;

function decimals(text: string): number {
  const m = /^[-+]?\d*\.(\d+)$/.exec(text);
  if (m !== null) return (m[1] ?? '').length;
  const v = Number(text);
  if (Number.isInteger(v)) return 0;
  const s = String(v);
  return s.includes('.') ? (s.split('.')[1] ?? '').length : 0;
}

export const seq: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const args = ctx.argv.slice(1);
    let sep = '\n';
    let equalWidth = false;
    let format: string | null = null;
    const nums: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '-w' || a === '--equal-width') equalWidth = true;
      else if (/^-[sf]/.test(a)) {
        const val = a.length > 2 ? a.slice(2) : args[++i];
        if (val === undefined) return io.usage(`option requires an argument -- '${a[1]}'`);
        if (a[1] === 's') sep = val;
        else format = val;
      } else if (a.startsWith('--separator=')) sep = a.slice(12);
      else if (a.startsWith('--format=')) format = a.slice(9);
      else if (a !== '--') nums.push(a);
    }
    if (nums.length === 0) return io.usage('missing operand');
    if (nums.length > 3) return io.usage(`extra operand \u2018${nums[3]}\u2019`);
    for (const n of nums) {
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(n)) return io.usage(`invalid floating point argument: \u2018${n}\u2019`);
    }
    const [firstT, incrT, lastT] = nums.length === 1 ? ['1', '1', nums[0] as string] : nums.length === 2 ? [nums[0] as string, '1', nums[1] as string] : (nums as [string, string, string]);
    const incr = Number(incrT);
    if (incr === 0) return io.usage(`invalid Zero increment value: \u2018${incrT}\u2019`);
    const places = Math.max(decimals(firstT), decimals(incrT));
    const scale = 10 ** places;
    const first = Math.round(Number(firstT) * scale);
    const step = Math.round(incr * scale);
    const last = Number(lastT) * scale;
    const render = (k: number): string => {
      const v = first + k * step;
      if (format !== null) return formatAwk(format, [v / scale]);
      if (places === 0) return String(v);
      const neg = v < 0;
      const digits = String(Math.abs(v)).padStart(places + 1, '0');
      return `${neg ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
    };
    const count = step > 0 ? Math.floor((last - first) / step + 1e-9) + 1 : Math.floor((first - last) / -step + 1e-9) + 1;
    let width = 0;
    if (equalWidth && format === null && count > 0) width = Math.max(render(0).length, render(count - 1).length);
    const out = new TextOut(ctx.stdout);
    for (let k = 0; k < count; k++) {
      let s = render(k);
      if (width > 0 && s.length < width) s = s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
      out.put(k === 0 ? s : sep + s);
      if (k % BATCH === BATCH - 1) {
        io.checkAbort();
        await out.flush();
      }
    }
    if (count > 0) out.put('\n');
    await out.flush();
    return 0;
  });
