/**
 * diff: compares files line by line (the edit script comes from the `diff` package's array diff) and prints
 * GNU's normal format, unified (-u, -U N) or context-free summaries (-q); -r walks directories (`Only in`
 * lines, `diff -r a b` headers), -i -b -w -B relax the comparison, -N treats absent files as empty. Status 0
 * when equal, 1 when different, 2 on trouble.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import { diffArrays } from 'diff';
import { options, runCommand } from '../fs-shared/command.js';
import { resolvePath } from '../io.js';
import { strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin, CommandContext } from '../types.js';

interface Opts {
  unified: number | null;
  brief: boolean;
  recursive: boolean;
  newFile: boolean;
  normalise: (s: string) => string;
  ignoreBlank: boolean;
  labels: string[];
}

interface Text {
  lines: string[];
  /** The file's last line has no newline. */
  noEol: boolean;
}

function toText(data: Uint8Array): Text {
  const s = new TextDecoder().decode(data);
  if (s === '') return { lines: [], noEol: false };
  const lines = s.split('\n');
  const noEol = !s.endsWith('\n');
  if (!noEol) lines.pop();
  return { lines, noEol };
}

type Op = { kind: '=' | '-' | '+'; a: number; b: number };

function editScript(a: Text, b: Text, o: Opts): Op[] {
  const na = a.lines.map(o.normalise);
  const nb = b.lines.map(o.normalise);
  // A last line without a newline differs from the same text with one.
  if (a.noEol && na.length > 0) na[na.length - 1] += '\0';
  if (b.noEol && nb.length > 0) nb[nb.length - 1] += '\0';
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  for (const ch of diffArrays(na, nb)) {
    const n = ch.count ?? ch.value.length;
    for (let k = 0; k < n; k++) {
      if (ch.added) ops.push({ kind: '+', a: i, b: j++ });
      else if (ch.removed) ops.push({ kind: '-', a: i++, b: j });
      else ops.push({ kind: '=', a: i++, b: j++ });
    }
  }
  if (o.ignoreBlank) {
    for (const op of ops) {
      if (op.kind === '-' && (a.lines[op.a] ?? '').trim() === '') op.kind = '=';
      if (op.kind === '+' && (b.lines[op.b] ?? '').trim() === '') op.kind = '=';
    }
  }
  return ops;
}

function range(from: number, to: number): string {
  return to - from <= 1 ? `${from + 1}` : `${from + 1},${to}`;
}

function normalFormat(a: Text, b: Text, ops: readonly Op[]): string {
  let out = '';
  let k = 0;
  const line = (t: Text, i: number, mark: string): string =>
    `${mark} ${t.lines[i]}\n${t.noEol && i === t.lines.length - 1 ? '\\ No newline at end of file\n' : ''}`;
  while (k < ops.length) {
    if ((ops[k] as Op).kind === '=') {
      k++;
      continue;
    }
    const start = k;
    while (k < ops.length && (ops[k] as Op).kind !== '=') k++;
    const chunk = ops.slice(start, k);
    const del = chunk.filter((o) => o.kind === '-');
    const add = chunk.filter((o) => o.kind === '+');
    const first = chunk[0] as Op;
    const a0 = first.a;
    const b0 = first.b;
    const a1 = a0 + del.length;
    const b1 = b0 + add.length;
    if (add.length === 0) out += `${range(a0, a1)}d${b0}\n`;
    else if (del.length === 0) out += `${a0}a${range(b0, b1)}\n`;
    else out += `${range(a0, a1)}c${range(b0, b1)}\n`;
    for (const d of del) out += line(a, d.a, '<');
    if (del.length > 0 && add.length > 0) out += '---\n';
    for (const d of add) out += line(b, d.b, '>');
  }
  return out;
}

function unifiedFormat(a: Text, b: Text, ops: readonly Op[], context: number): string {
  let out = '';
  const changes = ops.map((o, i) => (o.kind === '=' ? -1 : i)).filter((i) => i >= 0);
  let h = 0;
  while (h < changes.length) {
    const startOp = Math.max(0, (changes[h] as number) - context);
    let endOp = Math.min(ops.length, (changes[h] as number) + context + 1);
    while (h + 1 < changes.length && (changes[h + 1] as number) - context <= endOp) {
      h++;
      endOp = Math.min(ops.length, (changes[h] as number) + context + 1);
    }
    h++;
    const slice = ops.slice(startOp, endOp);
    const first = slice[0] as Op;
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    const aStart = aCount === 0 ? first.a : first.a + 1;
    const bStart = bCount === 0 ? first.b : first.b + 1;
    const fmt = (s: number, c: number): string => (c === 1 ? `${s}` : `${s},${c}`);
    out += `@@ -${fmt(aStart, aCount)} +${fmt(bStart, bCount)} @@\n`;
    for (const o of slice) {
      const t = o.kind === '+' ? b : a;
      const i = o.kind === '+' ? o.b : o.a;
      out += `${o.kind === '=' ? ' ' : o.kind}${t.lines[i]}\n`;
      if (t.noEol && i === t.lines.length - 1) out += '\\ No newline at end of file\n';
    }
  }
  return out;
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000000 +0000`;
}

class Differ {
  status = 0;
  constructor(
    private readonly ctx: CommandContext,
    private readonly o: Opts,
    private readonly out: TextOut,
    private readonly warn: (m: string) => Promise<void>,
  ) {}

  private async read(name: string): Promise<{ data: Uint8Array; mtimeMs: number } | null> {
    const path = resolvePath(this.ctx.cwd, name);
    try {
      if (name === '-') {
        const parts: Uint8Array[] = [];
        for (let c = await this.ctx.stdin.read(); c !== null; c = await this.ctx.stdin.read()) parts.push(c);
        const data = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of parts) {
          data.set(c, at);
          at += c.length;
        }
        return { data, mtimeMs: this.ctx.sys.now() };
      }
      const st = await this.ctx.sys.stat(path);
      return { data: await this.ctx.sys.readFile(path), mtimeMs: st.mtimeMs };
    } catch (err) {
      if (!isKernelError(err)) throw err;
      if (err.errno === Errno.NOENT && this.o.newFile) return { data: new Uint8Array(0), mtimeMs: 0 };
      await this.warn(`${name}: ${strerror(err)}`);
      this.status = 2;
      return null;
    }
  }

  async files(n1: string, n2: string, header: string | null): Promise<void> {
    const f1 = await this.read(n1);
    const f2 = await this.read(n2);
    if (f1 === null || f2 === null) return;
    const a = toText(f1.data);
    const b = toText(f2.data);
    const ops = editScript(a, b, this.o);
    if (ops.every((op) => op.kind === '=')) return;
    this.status = Math.max(this.status, 1);
    if (this.o.brief) {
      this.out.put(`Files ${n1} and ${n2} differ\n`);
      return;
    }
    if (header !== null) this.out.put(`${header}\n`);
    if (this.o.unified !== null) {
      this.out.put(`--- ${this.o.labels[0] ?? `${n1}\t${stamp(f1.mtimeMs)}`}\n`);
      this.out.put(`+++ ${this.o.labels[1] ?? `${n2}\t${stamp(f2.mtimeMs)}`}\n`);
      this.out.put(unifiedFormat(a, b, ops, this.o.unified));
    } else this.out.put(normalFormat(a, b, ops));
    await this.out.flush();
  }

  private async kind(name: string): Promise<'dir' | 'file' | 'missing'> {
    try {
      const st = await this.ctx.sys.stat(resolvePath(this.ctx.cwd, name));
      return st.type === 'dir' ? 'dir' : 'file';
    } catch (err) {
      if (!isKernelError(err)) throw err;
      return 'missing';
    }
  }

  async dirs(d1: string, d2: string, args: string): Promise<void> {
    const list = async (d: string): Promise<string[]> =>
      (await this.ctx.sys.readdir(resolvePath(this.ctx.cwd, d))).map((e) => e.name).sort();
    const a = await list(d1);
    const b = await list(d2);
    const names = [...new Set([...a, ...b])].sort();
    for (const name of names) {
      const p1 = `${d1}/${name}`;
      const p2 = `${d2}/${name}`;
      if (!a.includes(name) && !this.o.newFile) {
        this.out.put(`Only in ${d2}: ${name}\n`);
        this.status = Math.max(this.status, 1);
        continue;
      }
      if (!b.includes(name) && !this.o.newFile) {
        this.out.put(`Only in ${d1}: ${name}\n`);
        this.status = Math.max(this.status, 1);
        continue;
      }
      const k1 = await this.kind(p1);
      const k2 = await this.kind(p2);
      if (k1 === 'dir' && k2 === 'dir') {
        if (this.o.recursive) await this.dirs(p1, p2, args);
        else this.out.put(`Common subdirectories: ${p1} and ${p2}\n`);
      } else if (k1 === 'dir' || k2 === 'dir') {
        this.out.put(`File ${k1 === 'dir' ? p1 : p2} is a directory while file ${k1 === 'dir' ? p2 : p1} is a regular file\n`);
        this.status = Math.max(this.status, 1);
      } else await this.files(p1, p2, `diff${args} ${p1} ${p2}`);
    }
  }
}

export const diff: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(
      io,
      {
        short: 'uU:qrNibwBsc',
        long: {
          unified: { key: 'U', arg: 'optional' },
          brief: { key: 'q' },
          recursive: { key: 'r' },
          'new-file': { key: 'N' },
          'ignore-case': { key: 'i' },
          'ignore-space-change': { key: 'b' },
          'ignore-all-space': { key: 'w' },
          'ignore-blank-lines': { key: 'B' },
          'report-identical-files': { key: 's' },
          label: { key: 'label', arg: 'required' },
          color: { key: 'color', arg: 'optional' },
        },
      },
      2,
    );
    if (typeof parsed === 'number') return parsed;
    const o: Opts = { unified: null, brief: false, recursive: false, newFile: false, normalise: (s) => s, ignoreBlank: false, labels: [] };
    const norms: Array<(s: string) => string> = [];
    const flagText: string[] = [];
    let reportSame = false;
    for (const opt of parsed.options) {
      if (opt.key !== 'label' && opt.key !== 'color') flagText.push(opt.key === 'U' ? `-U${opt.value ?? 3}` : `-${opt.key}`);
      if (opt.key === 'u') o.unified = 3;
      else if (opt.key === 'U') o.unified = Number(opt.value ?? '3');
      else if (opt.key === 'q') o.brief = true;
      else if (opt.key === 'r') o.recursive = true;
      else if (opt.key === 'N') o.newFile = true;
      else if (opt.key === 'i') norms.push((s) => s.toLowerCase());
      else if (opt.key === 'b') norms.push((s) => s.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
      else if (opt.key === 'w') norms.push((s) => s.replace(/[ \t]+/g, ''));
      else if (opt.key === 'B') o.ignoreBlank = true;
      else if (opt.key === 's') reportSame = true;
      else if (opt.key === 'label') o.labels.push(opt.value ?? '');
    }
    o.normalise = (s) => norms.reduce((t, f) => f(t), s);
    const [n1, n2, extra] = parsed.operands;
    if (n2 === undefined || extra !== undefined) {
      const what = extra !== undefined ? `extra operand '${extra}'` : `missing operand after '${n1 ?? ctx.argv[ctx.argv.length - 1] ?? 'diff'}'`;
      await io.warn(`${what}\ndiff: Try 'diff --help' for more information.`);
      return 2;
    }
    if (n1 === undefined) return 2;
    const out = new TextOut(ctx.stdout);
    const differ = new Differ(ctx, o, out, io.warn);
    const k1 = n1 === '-' ? 'file' : await kindOf(ctx, n1);
    const k2 = n2 === '-' ? 'file' : await kindOf(ctx, n2);
    const args = flagText.length > 0 ? ` ${flagText.join(' ')}` : '';
    if (k1 === 'dir' && k2 === 'dir') await differ.dirs(n1, n2, args);
    else if (k1 === 'dir') await differ.files(`${n1}/${n2.slice(n2.lastIndexOf('/') + 1)}`, n2, null);
    else if (k2 === 'dir') await differ.files(n1, `${n2}/${n1.slice(n1.lastIndexOf('/') + 1)}`, null);
    else await differ.files(n1, n2, null);
    if (reportSame && differ.status === 0) out.put(`Files ${n1} and ${n2} are identical\n`);
    await out.flush();
    return differ.status;
  });

async function kindOf(ctx: CommandContext, name: string): Promise<'dir' | 'file'> {
  try {
    return (await ctx.sys.stat(resolvePath(ctx.cwd, name))).type === 'dir' ? 'dir' : 'file';
  } catch {
    return 'file';
  }
}
