/**
 * join: joins lines of two sorted files on a common field (-1, -2, -j; -t CHAR or blank-separated), with
 * unpaired lines (-a, -v), a filler for missing fields (-e), an output format (-o, including `auto`) and
 * case folding (-i). Equal keys pair as a cross product, as in GNU join.
 */
import { isKernelError } from '@burrow/protocol';
import { readLinesOf } from '../comm/comm.js';
import { options, runCommand } from '../fs-shared/command.js';
import { strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';

export const join: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: '1:2:j:t:a:v:e:o:iz',
      long: { 'ignore-case': { key: 'i' }, 'check-order': { key: 'co' }, 'nocheck-order': { key: 'nco' }, header: { key: 'header' } },
    });
    if (typeof parsed === 'number') return parsed;
    let f1 = 1;
    let f2 = 1;
    let sep: string | null = null;
    const unpaired = new Set<string>();
    let onlyUnpaired = false;
    let empty: string | null = null;
    let format: Array<[number, number]> | 'auto' | null = null;
    let fold = false;
    for (const o of parsed.options) {
      const v = o.value ?? '';
      if (o.key === '1') f1 = Number(v);
      else if (o.key === '2') f2 = Number(v);
      else if (o.key === 'j') f1 = f2 = Number(v);
      else if (o.key === 't') sep = v;
      else if (o.key === 'a') unpaired.add(v);
      else if (o.key === 'v') {
        unpaired.add(v);
        onlyUnpaired = true;
      } else if (o.key === 'e') empty = v;
      else if (o.key === 'i') fold = true;
      else if (o.key === 'o') {
        if (v === 'auto') format = 'auto';
        else {
          format = [];
          for (const spec of v.split(/[,\s]+/)) {
            if (spec === '0') format.push([0, 0]);
            else {
              const m = /^([12])\.(\d+)$/.exec(spec);
              if (m === null) {
                await io.warn(`invalid field specifier: \u2018${spec}\u2019`);
                return 1;
              }
              format.push([Number(m[1]), Number(m[2])]);
            }
          }
        }
      }
    }
    const [n1, n2, extra] = parsed.operands;
    if (n1 === undefined) return io.usage('missing operand');
    if (n2 === undefined) return io.usage(`missing operand after \u2018${n1}\u2019`);
    if (extra !== undefined) return io.usage(`extra operand \u2018${extra}\u2019`);
    const split = (line: string): string[] => (sep === null ? line.trim().split(/[ \t]+/) : line.split(sep));
    const read = async (name: string): Promise<string[][] | null> => {
      try {
        return (await readLinesOf(ctx, name)).map(split);
      } catch (err) {
        if (!isKernelError(err)) throw err;
        await io.warn(`${name}: ${strerror(err)}`);
        return null;
      }
    };
    const a = await read(n1);
    const b = await read(n2);
    if (a === null || b === null) return 1;
    const key = (row: readonly string[], f: number): string => {
      const k = row[f - 1] ?? '';
      return fold ? k.toLowerCase() : k;
    };
    const osep = sep ?? ' ';
    const out = new TextOut(ctx.stdout);
    const widths = [a[0]?.length ?? 0, b[0]?.length ?? 0];
    const emit = (r1: readonly string[] | null, r2: readonly string[] | null): void => {
      const fields: string[] = [];
      const field = (which: number, n: number): string => {
        const row = which === 1 ? r1 : r2;
        const v = row?.[n - 1];
        return v ?? empty ?? '';
      };
      if (format !== null) {
        const spec: Array<[number, number]> =
          format === 'auto'
            ? [[0, 0], ...range(widths[0] ?? 0, f1).map((n): [number, number] => [1, n]), ...range(widths[1] ?? 0, f2).map((n): [number, number] => [2, n])]
            : format;
        for (const [w, n] of spec) {
          if (w === 0) fields.push(r1 !== null ? key(r1, f1) : r2 !== null ? (r2[f2 - 1] ?? '') : '');
          else fields.push(field(w, n));
        }
      } else {
        fields.push(r1 !== null ? (r1[f1 - 1] ?? '') : (r2?.[f2 - 1] ?? ''));
        for (const [i, v] of (r1 ?? []).entries()) if (i !== f1 - 1) fields.push(v);
        for (const [i, v] of (r2 ?? []).entries()) if (i !== f2 - 1) fields.push(v);
      }
      out.put(`${fields.join(osep)}\n`);
    };
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const r1 = a[i];
      const r2 = b[j];
      if (r2 === undefined || (r1 !== undefined && key(r1, f1) < key(r2, f2))) {
        if (unpaired.has('1')) emit(r1 as string[], null);
        i++;
        continue;
      }
      if (r1 === undefined || key(r1, f1) > key(r2, f2)) {
        if (unpaired.has('2')) emit(null, r2);
        j++;
        continue;
      }
      const k = key(r1, f1);
      let i2 = i;
      while (i2 < a.length && key(a[i2] as string[], f1) === k) i2++;
      let j2 = j;
      while (j2 < b.length && key(b[j2] as string[], f2) === k) j2++;
      if (!onlyUnpaired) {
        for (let x = i; x < i2; x++) for (let y = j; y < j2; y++) emit(a[x] as string[], b[y] as string[]);
      }
      i = i2;
      j = j2;
    }
    await out.flush();
    return 0;
  });

function range(count: number, skip: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= count; n++) if (n !== skip) out.push(n);
  return out;
}
