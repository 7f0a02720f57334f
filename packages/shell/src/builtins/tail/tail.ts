/**
 * tail: the last lines or bytes of each input (`-n N`, `-c N`, `+N` to start from line/byte N), headers for
 * several inputs (-q, -v), and `-f` to keep printing what is appended to the files (polling every `-s`
 * seconds until aborted). Works on bytes; memory stays bounded by keeping only a tail window while reading.
 */
import type { ByteSource } from '../../sys.js';
import { options, runCommand } from '../fs-shared/command.js';
import { concat, resolvePath } from '../io.js';
import { eachInput, parseCount, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin, CommandContext } from '../types.js';

/** Bytes gathered before the window is trimmed back to the lines still needed. */
const WINDOW_BYTES = 1024 * 1024;

function modernArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const [i, a] of args.entries()) {
    const m = /^([-+])(\d+)([bcl]?)(f?)$/.exec(a);
    const prev = args[i - 1] ?? '';
    const isValue = /^-[^-]*[ncs]$/.test(prev) || prev === '--lines' || prev === '--bytes';
    if (m !== null && !isValue && i === 0) {
      const n = `${m[1] === '+' ? '+' : ''}${m[2]}`;
      out.push(m[3] === 'c' || m[3] === 'b' ? '-c' : '-n', m[3] === 'b' ? `${n}b` : n);
      if (m[4] === 'f') out.push('-f');
    } else out.push(a);
  }
  return out;
}

interface Plan {
  bytes: boolean;
  count: number;
  fromStart: boolean;
  eol: number;
}

export const tail: Builtin = (ctx) =>
  runCommand({ ...ctx, argv: [ctx.argv[0] ?? 'tail', ...modernArgs(ctx.argv.slice(1))] }, async (io) => {
    const parsed = await options(io, {
      short: 'n:c:qvfFs:z',
      long: {
        lines: { key: 'n', arg: 'required' },
        bytes: { key: 'c', arg: 'required' },
        quiet: { key: 'q' },
        silent: { key: 'q' },
        verbose: { key: 'v' },
        follow: { key: 'f', arg: 'optional' },
        retry: { key: 'retry' },
        'sleep-interval': { key: 's', arg: 'required' },
        'zero-terminated': { key: 'z' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const plan: Plan = { bytes: false, count: 10, fromStart: false, eol: 10 };
    let headers: boolean | undefined;
    let follow = false;
    let intervalMs = 1000;
    for (const o of parsed.options) {
      const v = o.value ?? '';
      if (o.key === 'n' || o.key === 'c') {
        const n = parseCount(v.replace(/^[-+]/, ''));
        if (n === null) {
          await io.warn(`invalid number of ${o.key === 'n' ? 'lines' : 'bytes'}: \u2018${v}\u2019`);
          return 1;
        }
        plan.bytes = o.key === 'c';
        plan.count = n;
        plan.fromStart = v.startsWith('+');
      } else if (o.key === 'q') headers = false;
      else if (o.key === 'v') headers = true;
      else if (o.key === 'f' || o.key === 'F') follow = true;
      else if (o.key === 'z') plan.eol = 0;
      else if (o.key === 's') {
        const s = Number(v);
        if (!Number.isFinite(s) || s < 0) {
          await io.warn(`invalid number of seconds: \u2018${v}\u2019`);
          return 1;
        }
        intervalMs = s * 1000;
      }
    }
    const files = parsed.operands.length === 0 ? ['-'] : parsed.operands;
    const showHeaders = headers ?? files.length > 1;
    const out = new TextOut(ctx.stdout);
    let first = true;
    const header = (name: string): void => {
      out.put(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
      first = false;
    };
    const ok = await eachInput(
      ctx,
      files,
      async (name, err, phase) =>
        io.warn(
          phase === 'open'
            ? `cannot open '${name}' for reading: ${strerror(err)}`
            : `error reading '${name}': ${strerror(err)}`,
        ),
      async (source, name) => {
        if (showHeaders) header(name);
        await out.flush();
        await out.bytes(plan.fromStart ? await skipHead(source, plan) : await lastPart(source, plan));
      },
    );
    await out.flush();
    const followed = files.filter((f) => f !== '-');
    if (follow && followed.length > 0) {
      await followFiles(ctx, followed, intervalMs, out, showHeaders ? header : null, io.checkAbort);
    }
    return ok ? 0 : 1;
  });

async function skipHead(source: ByteSource, plan: Plan): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  // `+N` starts at line (byte) N: skip N-1 of them.
  let skip = Math.max(0, plan.count - 1);
  for (let c = await source.read(); c !== null; c = await source.read()) {
    if (skip === 0) {
      parts.push(c);
      continue;
    }
    if (plan.bytes) {
      if (c.length <= skip) skip -= c.length;
      else {
        parts.push(c.subarray(skip));
        skip = 0;
      }
      continue;
    }
    let at = 0;
    while (skip > 0) {
      const nl = c.indexOf(plan.eol, at);
      if (nl === -1) {
        at = c.length;
        break;
      }
      at = nl + 1;
      skip--;
    }
    if (skip === 0 && at < c.length) parts.push(c.subarray(at));
  }
  return concat(parts);
}

/** Index where the last `count` lines of `data` start. */
function lastLinesStart(data: Uint8Array, count: number, eol: number): number {
  let cut = data.length;
  for (let k = 0; k < count && cut > 0; k++) {
    const from = data[cut - 1] === eol ? cut - 2 : cut - 1;
    cut = from < 0 ? 0 : data.lastIndexOf(eol, from) + 1;
  }
  return cut;
}

async function lastPart(source: ByteSource, plan: Plan): Promise<Uint8Array> {
  let window = new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let size = 0;
  const trim = (): void => {
    const all = concat([window, ...parts]);
    parts.length = 0;
    size = 0;
    const start = plan.bytes ? Math.max(0, all.length - plan.count) : lastLinesStart(all, plan.count, plan.eol);
    window = all.slice(start);
  };
  for (let c = await source.read(); c !== null; c = await source.read()) {
    parts.push(c);
    size += c.length;
    if (size >= WINDOW_BYTES) trim();
  }
  trim();
  return window;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

async function followFiles(
  ctx: CommandContext,
  files: readonly string[],
  intervalMs: number,
  out: TextOut,
  header: ((name: string) => void) | null,
  checkAbort: () => void,
): Promise<void> {
  const offsets = new Map<string, number>();
  for (const f of files) {
    try {
      offsets.set(f, (await ctx.sys.stat(resolvePath(ctx.cwd, f))).size);
    } catch {
      offsets.set(f, 0);
    }
  }
  let lastShown = files[files.length - 1] ?? '';
  for (;;) {
    await sleep(intervalMs, ctx.signal);
    checkAbort();
    for (const f of files) {
      const path = resolvePath(ctx.cwd, f);
      let size: number;
      try {
        size = (await ctx.sys.stat(path)).size;
      } catch {
        continue;
      }
      const at = offsets.get(f) ?? 0;
      if (size === at) continue;
      // A file that shrank was truncated: follow it from its new end.
      if (size < at) {
        offsets.set(f, size);
        continue;
      }
      const handle = await ctx.sys.open(path, { read: true });
      try {
        await handle.seek(at, 'set');
        const data = await handle.read(size - at);
        if (data.length === 0) continue;
        if (header !== null && f !== lastShown) header(f);
        lastShown = f;
        await out.flush();
        await out.bytes(data);
        offsets.set(f, at + data.length);
      } finally {
        await handle.close();
      }
    }
  }
}
