/**
 * tr: translate, delete (-d) or squeeze (-s) characters of stdin, with complemented first sets (-c/-C) and
 * truncation (-t). Sets understand escapes (\n, \\, \NNN octal), ranges, [:class:], [=c=], and [c*n]
 * repeats. Works on code points and streams chunk by chunk; squeezing carries across chunk boundaries.
 */
import { options, runCommand } from '../fs-shared/command.js';
import { TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

const CLASSES: Record<string, (c: number) => boolean> = {
  alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  digit: (c) => c >= 48 && c <= 57,
  alnum: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  upper: (c) => c >= 65 && c <= 90,
  lower: (c) => c >= 97 && c <= 122,
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  blank: (c) => c === 32 || c === 9,
  punct: (c) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126),
  print: (c) => c >= 32 && c <= 126,
  graph: (c) => c >= 33 && c <= 126,
  cntrl: (c) => c < 32 || c === 127,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

interface SetItem {
  chars: number[];
  /** `[c*]`: repeat to fill the first set's length. */
  fill?: boolean;
  cls?: string;
}

function unescapeAt(s: string, i: number): [number, number] {
  const c = s[i + 1];
  if (c === undefined) return [92, i + 1];
  const map: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '\\': 92 };
  if (map[c] !== undefined) return [map[c], i + 2];
  const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
  if (oct !== null) return [Number.parseInt(oct[0], 8) & 0xff, i + 1 + oct[0].length];
  return [s.codePointAt(i + 1) ?? 0, i + 1 + (c.length > 0 && (s.codePointAt(i + 1) ?? 0) > 0xffff ? 2 : 1)];
}

/** Parse a set into its items; a string is the error message. */
function parseSet(s: string): SetItem[] | string {
  const items: SetItem[] = [];
  let i = 0;
  const one = (): number => {
    if (s[i] === '\\') {
      const [c, next] = unescapeAt(s, i);
      i = next;
      return c;
    }
    const c = s.codePointAt(i) ?? 0;
    i += c > 0xffff ? 2 : 1;
    return c;
  };
  while (i < s.length) {
    const cls = /^\[:([a-z]+):\]/.exec(s.slice(i));
    if (cls !== null) {
      const name = cls[1] ?? '';
      if (CLASSES[name] === undefined) return `invalid character class \u2018${name}\u2019`;
      const chars: number[] = [];
      for (let c = 0; c < 128; c++) if (CLASSES[name]?.(c)) chars.push(c);
      items.push({ chars, cls: name });
      i += cls[0].length;
      continue;
    }
    const eq = /^\[=(.)=\]/u.exec(s.slice(i));
    if (eq !== null) {
      items.push({ chars: [eq[1]?.codePointAt(0) ?? 0] });
      i += eq[0].length;
      continue;
    }
    const rep = /^\[(\\?.)\*(\d*)\]/u.exec(s.slice(i));
    if (rep !== null) {
      const ch = rep[1]?.startsWith('\\') ? unescapeAt(rep[1], 0)[0] : (rep[1]?.codePointAt(0) ?? 0);
      const n = rep[2] === '' ? 0 : Number.parseInt(rep[2] ?? '0', (rep[2] ?? '').startsWith('0') ? 8 : 10);
      items.push(n === 0 ? { chars: [ch], fill: true } : { chars: new Array<number>(n).fill(ch) });
      i += rep[0].length;
      continue;
    }
    const lo = one();
    if (s[i] === '-' && i + 1 < s.length) {
      i++;
      const hi = one();
      if (hi < lo) {
        return `range-endpoints of \u2018${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)}\u2019 are in reverse collating sequence order`;
      }
      const chars: number[] = [];
      for (let c = lo; c <= hi; c++) chars.push(c);
      items.push({ chars });
    } else items.push({ chars: [lo] });
  }
  return items;
}

function flatten(items: readonly SetItem[], targetLen: number): number[] {
  const fixed = items.reduce((n, it) => n + (it.fill ? 0 : it.chars.length), 0);
  const out: number[] = [];
  for (const it of items) {
    if (it.fill) for (let k = 0; k < Math.max(0, targetLen - fixed); k++) out.push(it.chars[0] ?? 0);
    else out.push(...it.chars);
  }
  return out;
}

export const tr: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'cCdst',
      long: {
        complement: { key: 'c' },
        delete: { key: 'd' },
        'squeeze-repeats': { key: 's' },
        'truncate-set1': { key: 't' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const flags = new Set(parsed.options.map((o) => (o.key === 'C' ? 'c' : o.key)));
    const del = flags.has('d');
    const squeeze = flags.has('s');
    const comp = flags.has('c');
    const ops = parsed.operands;
    const translating = !del && ops.length >= 2;
    const need = del && squeeze ? 2 : del || (squeeze && ops.length < 2) ? 1 : 2;
    if (ops.length === 0) return io.usage('missing operand');
    if (ops.length < need) {
      const why = del && squeeze ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.';
      return io.usage(`missing operand after \u2018${ops[ops.length - 1]}\u2019\n${why}`);
    }
    if (ops.length > need) {
      const extra = ops[need] ?? '';
      const hint = del && !squeeze ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
      return io.usage(`extra operand \u2018${extra}\u2019${hint}`);
    }
    const s1 = parseSet(ops[0] ?? '');
    const s2 = ops[1] === undefined ? [] : parseSet(ops[1]);
    if (typeof s1 === 'string') return io.usage(s1);
    if (typeof s2 === 'string') return io.usage(s2);
    const set1 = flatten(s1, 0);
    const in1 = new Set(set1);
    const member1 = comp ? (c: number) => !in1.has(c) : (c: number) => in1.has(c);
    const map = new Map<number, number>();
    let compTarget = -1;
    let squeezeSet: Set<number> | null = null;
    if (translating) {
      let set2 = flatten(s2, set1.length);
      if (set2.length === 0) return io.usage('when not truncating set1, string2 must be non-empty');
      if (comp) compTarget = set2[set2.length - 1] ?? 0;
      else {
        if (flags.has('t')) set1.length = Math.min(set1.length, set2.length);
        else if (set2.length < set1.length) {
          const last = set2[set2.length - 1] ?? 0;
          set2 = [...set2, ...new Array<number>(set1.length - set2.length).fill(last)];
        }
        // Case classes map onto each other position by position.
        for (const [k, c] of set1.entries()) map.set(c, set2[k] ?? c);
      }
      if (squeeze) squeezeSet = new Set(set2);
    } else if (squeeze) squeezeSet = del ? new Set(flatten(s2, 0)) : null;
    const squeezeMember = squeezeSet === null ? (squeeze && !del ? member1 : null) : (c: number) => squeezeSet.has(c);
    const out = new TextOut(ctx.stdout);
    const dec = new TextDecoder();
    let last = -1;
    const fast = !comp && !squeeze && set1.every((c) => c < 0x10000) && [...map.values()].every((c) => c < 0x10000);
    const table = new Map<string, string>();
    if (fast) {
      for (const c of set1) table.set(String.fromCharCode(c), del ? '' : String.fromCharCode(map.get(c) ?? c));
    }
    const pattern = fast && table.size > 0 ? new RegExp(`[${[...table.keys()].map(escapeClassChar).join('')}]`, 'g') : null;
    for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
      io.checkAbort();
      const text = dec.decode(chunk, { stream: true });
      if (fast) {
        out.put(pattern === null ? text : text.replace(pattern, (m) => table.get(m) ?? m));
        await out.flush();
        continue;
      }
      const parts: string[] = [];
      for (const ch of text) {
        let c = ch.codePointAt(0) ?? 0;
        const inSet1 = member1(c);
        if (del && inSet1) continue;
        if (translating && inSet1) c = comp ? compTarget : (map.get(c) ?? c);
        if (squeezeMember?.(c) && c === last) continue;
        last = c;
        parts.push(String.fromCodePoint(c));
      }
      out.put(parts.join(''));
      await out.flush();
    }
    await out.flush();
    return 0;
  });

function escapeClassChar(c: string): string {
  return /[\\\]^-]/.test(c) ? `\\${c}` : c;
}
