/**
 * head: the first lines or bytes of each input (`-n N`, `-N`, `-c N`, negative counts for "all but the last"),
 * with `==> name <==` headers when several inputs are given (-q, -v). Works on bytes, so output is the
 * input's bytes exactly; a positive count stops reading as soon as it is reached.
 */
import { readAll } from '../io.js';
import { options, runCommand } from '../fs-shared/command.js';
import type { ByteSource } from '../../sys.js';
import type { Builtin } from '../types.js';
import { eachInput, parseCount, strerror, TextOut } from '../text-common/text-stream.js';

/** Rewrite the obsolete `-5` / `-5c` forms as `-n 5` / `-c 5`. */
function modernArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const [i, a] of args.entries()) {
    const m = /^-(\d+)([bkmcl]?)$/.exec(a);
    const prev = args[i - 1] ?? '';
    const isValue = /^-[^-]*[nc]$/.test(prev) || prev === '--lines' || prev === '--bytes';
    if (m !== null && !isValue && out.every((x) => x !== '--')) {
      if (m[2] === 'c') out.push('-c', m[1] ?? '0');
      else if (m[2] === 'b' || m[2] === 'k' || m[2] === 'm') out.push('-c', `${m[1]}${m[2]}`);
      else out.push('-n', m[1] ?? '0');
    } else out.push(a);
  }
  return out;
}

export const head: Builtin = (ctx) =>
  runCommand({ ...ctx, argv: [ctx.argv[0] ?? 'head', ...modernArgs(ctx.argv.slice(1))] }, async (io) => {
    const parsed = await options(io, {
      short: 'n:c:qvz',
      long: {
        lines: { key: 'n', arg: 'required' },
        bytes: { key: 'c', arg: 'required' },
        quiet: { key: 'q' },
        silent: { key: 'q' },
        verbose: { key: 'v' },
        'zero-terminated': { key: 'z' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    let bytes = false;
    let count = 10;
    let allBut = false;
    let headers: boolean | undefined;
    let eol = 10;
    for (const o of parsed.options) {
      if (o.key === 'n' || o.key === 'c') {
        const raw = o.value ?? '';
        const n = parseCount(raw.replace(/^[-+]/, ''));
        if (n === null) {
          await io.warn(`invalid number of ${o.key === 'n' ? 'lines' : 'bytes'}: \u2018${raw}\u2019`);
          return 1;
        }
        bytes = o.key === 'c';
        count = n;
        allBut = raw.startsWith('-');
      } else if (o.key === 'q') headers = false;
      else if (o.key === 'v') headers = true;
      else if (o.key === 'z') eol = 0;
    }
    const files = parsed.operands.length === 0 ? ['-'] : parsed.operands;
    const showHeaders = headers ?? files.length > 1;
    const out = new TextOut(ctx.stdout);
    let first = true;
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
        if (showHeaders) {
          out.put(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
          first = false;
        }
        await out.flush();
        if (allBut) await out.bytes(dropTail(await readAll(source), count, bytes, eol));
        else if (bytes) await firstBytes(source, count, out);
        else await firstLines(source, count, eol, out, io.checkAbort);
      },
    );
    await out.flush();
    return ok ? 0 : 1;
  });

async function firstBytes(source: ByteSource, count: number, out: TextOut): Promise<void> {
  let left = count;
  while (left > 0) {
    const c = await source.read();
    if (c === null) return;
    const part = c.length > left ? c.subarray(0, left) : c;
    left -= part.length;
    await out.bytes(part);
  }
}

async function firstLines(
  source: ByteSource,
  count: number,
  eol: number,
  out: TextOut,
  checkAbort: () => void,
): Promise<void> {
  let left = count;
  while (left > 0) {
    checkAbort();
    const c = await source.read();
    if (c === null) return;
    let at = 0;
    while (left > 0) {
      const nl = c.indexOf(eol, at);
      if (nl === -1) {
        at = c.length;
        break;
      }
      at = nl + 1;
      left--;
    }
    await out.bytes(at === c.length ? c : c.subarray(0, at));
  }
}

/** The data without its last `count` lines (or bytes); a final line without a terminator counts too. */
function dropTail(data: Uint8Array, count: number, bytes: boolean, eol: number): Uint8Array {
  if (bytes) return data.subarray(0, Math.max(0, data.length - count));
  let cut = data.length;
  for (let k = 0; k < count && cut > 0; k++) {
    const from = data[cut - 1] === eol ? cut - 2 : cut - 1;
    cut = from < 0 ? 0 : data.lastIndexOf(eol, from) + 1;
  }
  return data.subarray(0, cut);
}
