/**
 * sort: sorts the lines of all inputs together (it must hold them all) by keys (-k, -t) and orders (-n -g -h
 * -V -M -f -d -i -b -r), with GNU's tie-breaking: lines whose keys compare equal are ordered by the whole line
 * in byte order, unless -s or -u. Also -u, -c/-C, -o FILE, -z, -m (merging is sorting here); -S, -T and
 * --parallel are accepted and ignored.
 */
import { resolvePath } from '../io.js';
import { options, runCommand } from '../fs-shared/command.js';
import { eachInput, readText, splitLines, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';
import {
  applyLetters,
  compareKeys,
  compareNumericKeys,
  compareText,
  emptyOptions,
  extractKey,
  hasOrdering,
  type KeySpec,
  type NumericKey,
  numericKey,
  parseKey,
} from './sort-keys.js';

interface Row {
  line: string;
  keys: string[];
  /** Parsed numbers of the -n keys (undefined for other keys), read once instead of at every comparison. */
  nums: Array<NumericKey | undefined>;
}

export const sort: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(
      io,
      {
        short: 'bdfghiMnRrVk:t:uscCo:zmS:T:',
        long: {
          'ignore-leading-blanks': { key: 'b' },
          'dictionary-order': { key: 'd' },
          'ignore-case': { key: 'f' },
          'general-numeric-sort': { key: 'g' },
          'human-numeric-sort': { key: 'h' },
          'ignore-nonprinting': { key: 'i' },
          'month-sort': { key: 'M' },
          'numeric-sort': { key: 'n' },
          'random-sort': { key: 'R' },
          reverse: { key: 'r' },
          'version-sort': { key: 'V' },
          key: { key: 'k', arg: 'required' },
          'field-separator': { key: 't', arg: 'required' },
          unique: { key: 'u' },
          stable: { key: 's' },
          check: { key: 'c', arg: 'optional' },
          output: { key: 'o', arg: 'required' },
          'zero-terminated': { key: 'z' },
          merge: { key: 'm' },
          'buffer-size': { key: 'S', arg: 'required' },
          'temporary-directory': { key: 'T', arg: 'required' },
          parallel: { key: 'parallel', arg: 'required' },
          sort: { key: 'sort', arg: 'required' },
        },
      },
      2,
    );
    if (typeof parsed === 'number') return parsed;
    const global = emptyOptions();
    const keyArgs: string[] = [];
    let sep: string | null = null;
    let unique = false;
    let stable = false;
    let check: 'no' | 'loud' | 'quiet' = 'no';
    let output: string | undefined;
    let eol = '\n';
    for (const o of parsed.options) {
      const v = o.value ?? '';
      if ('bdfghiMnRrV'.includes(o.key) && o.key.length === 1) applyLetters(global, o.key);
      else if (o.key === 'k') keyArgs.push(v);
      else if (o.key === 't') {
        if (v.length !== 1 && v !== '\\0') {
          await io.warn(v === '' ? 'empty tab' : `multi-character tab \u2018${v}\u2019`);
          return 2;
        }
        sep = v === '\\0' ? '\0' : v;
      } else if (o.key === 'u') unique = true;
      else if (o.key === 's') stable = true;
      else if (o.key === 'c') check = v === 'quiet' || v === 'silent' ? 'quiet' : 'loud';
      else if (o.key === 'C') check = 'quiet';
      else if (o.key === 'o') output = v;
      else if (o.key === 'z') eol = '\0';
      else if (o.key === 'sort') {
        const letter = { numeric: 'n', general: 'g', human: 'h', month: 'M', version: 'V', random: 'R' }[v];
        if (letter !== undefined) applyLetters(global, letter);
      }
    }
    const keys: KeySpec[] = [];
    for (const k of keyArgs) {
      const spec = parseKey(k, global);
      if (typeof spec === 'string') {
        await io.warn(spec);
        return 2;
      }
      keys.push(spec);
    }
    if (keys.length === 0 && hasOrdering(global)) {
      keys.push({
        opts: global,
        startField: 1,
        startChar: 1,
        startBlanks: global.blanks,
        endField: 0,
        endChar: 0,
        endBlanks: false,
      });
    }
    const texts: string[] = [];
    const ok = await eachInput(
      ctx,
      parsed.operands,
      async (name, err, phase) =>
        io.warn(phase === 'open' ? `cannot read: ${name}: ${strerror(err)}` : `read failed: ${name}: ${strerror(err)}`),
      async (source) => {
        const t = await readText(source);
        texts.push(t !== '' && !t.endsWith(eol) ? t + eol : t);
      },
    );
    if (!ok) return 2;
    io.checkAbort();
    const lines = splitLines(texts.join(''), eol);
    const whole = keys.length === 1 && isWholeLine(keys[0]);
    const numericAt = keys.map((k) => k.opts.numeric && !k.opts.general && !k.opts.human);
    const rows: Row[] = lines.map((line) => {
      const ks = whole ? [line] : keys.map((k) => extractKey(line, k, sep));
      return { line, keys: ks, nums: ks.map((s, i) => (numericAt[i] === true ? numericKey(s) : undefined)) };
    });
    const keyCompare = (a: Row, b: Row): number => {
      if (keys.length === 0) return compareText(a.line, b.line);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as KeySpec;
        const na = a.nums[i];
        const nb = b.nums[i];
        const r =
          na !== undefined && nb !== undefined
            ? compareNumericKeys(na, nb)
            : compareKeys(a.keys[i] as string, b.keys[i] as string, k.opts);
        if (r !== 0) return k.opts.reverse ? -r : r;
      }
      return 0;
    };
    const lastResort = !stable && !unique;
    const compare = (a: Row, b: Row): number => {
      const r = keyCompare(a, b);
      if (r !== 0 || !lastResort) return r;
      const t = compareText(a.line, b.line);
      return global.reverse ? -t : t;
    };
    if (check !== 'no') {
      for (let i = 1; i < rows.length; i++) {
        const c = compare(rows[i - 1] as Row, rows[i] as Row);
        if (c > 0 || (unique && c === 0)) {
          if (check === 'loud') {
            await io.warn(`${parsed.operands[0] ?? '-'}:${i + 1}: disorder: ${(rows[i] as Row).line}`);
          }
          return 1;
        }
      }
      return 0;
    }
    if (keys.length === 0 && !global.reverse) rows.sort((a, b) => compareText(a.line, b.line));
    else rows.sort(compare);
    const out = new TextOut(ctx.stdout);
    const parts: string[] = [];
    let prev: Row | undefined;
    for (const r of rows) {
      if (unique && prev !== undefined && keyCompare(prev, r) === 0) continue;
      parts.push(r.line, eol);
      prev = r;
    }
    const text = parts.join('');
    if (output !== undefined && output !== '-') {
      try {
        await ctx.sys.writeFile(resolvePath(ctx.cwd, output), new TextEncoder().encode(text));
      } catch (err) {
        await io.warn(`open failed: ${output}: ${strerror(err)}`);
        return 2;
      }
      return 0;
    }
    out.put(text);
    await out.flush();
    return 0;
  });

function isWholeLine(k: KeySpec | undefined): boolean {
  return k !== undefined && k.startField === 1 && k.startChar === 1 && !k.startBlanks && k.endField === 0;
}
