/**
 * file: say what kind of data each operand holds, as `NAME: TYPE` lines aligned like GNU file's (names padded to
 * the longest). Symlinks are described as links unless -L follows them; `-` reads stdin as `/dev/stdin`; -b
 * leaves the names out. The first READ_BYTES of a file are examined, as file does. A file that cannot be read
 * gets file's `cannot open` line on stdout, and the status stays 0, as with GNU file.
 */
import { Errno } from '@burrow/protocol';
import { absolute, isErrno, type Io, options, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import { concat, errorLine } from '../io.js';
import type { Builtin } from '../types.js';
import { binaryMagic, gzipSizeSuffix } from './file-magic.js';
import { describeText } from './file-text.js';

const READ_BYTES = 1024 * 1024;

export const file: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'bLh',
      long: { brief: { key: 'b' }, dereference: { key: 'L' }, 'no-dereference': { key: 'h' } },
    });
    if (typeof parsed === 'number') return parsed;
    if (parsed.operands.length === 0) {
      await io.ctx.stderr.write(new TextEncoder().encode('Usage: file [-bchikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n'));
      return 1;
    }
    const brief = has(parsed.options, 'b');
    let follow = false;
    for (const o of parsed.options) {
      if (o.key === 'L') follow = true;
      if (o.key === 'h') follow = false;
    }
    const shownNames = parsed.operands.map((n) => (n === '-' ? '/dev/stdin' : n));
    const width = Math.max(...shownNames.map((n) => n.length)) + 1;
    for (const [i, name] of parsed.operands.entries()) {
      io.checkAbort();
      const type = await describe(io, name, follow);
      const shown = shownNames[i] ?? name;
      await io.out.text(brief ? `${type}\n` : `${`${shown}:`.padEnd(width)} ${type}\n`);
    }
    return 0;
  });

async function describe(io: Io, name: string, follow: boolean): Promise<string> {
  const { sys } = io.ctx;
  if (name === '-') return describeBytes(await readStdin(io), true, new Uint8Array(0));
  const path = absolute(io.ctx.cwd, name);
  try {
    const st = await sys.stat(path, { follow });
    if (st.type === 'symlink') {
      const target = await sys.readlink(path);
      try {
        await sys.stat(path);
        return `symbolic link to ${target}`;
      } catch (e) {
        if (isErrno(e, Errno.NOENT) || isErrno(e, Errno.LOOP)) return `broken symbolic link to ${target}`;
        throw e;
      }
    }
    if (st.type === 'dir') return 'directory';
    if (st.type === 'pipe') return 'fifo (named pipe)';
    if (st.type === 'chardev') return 'character special';
    if (st.size === 0) return 'empty';
    const handle = await sys.open(path, { read: true });
    try {
      const head = await readUpTo(handle, READ_BYTES);
      let tail: Uint8Array = new Uint8Array(0);
      if (st.size > 4) {
        await handle.seek(-4, 'end');
        tail = await handle.read(4);
      }
      return describeBytes(head, head.length >= st.size, tail);
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch (e) {
    const reason = errorLine('', '', e).replace(/^: /u, '').trimEnd();
    return `cannot open \`${name}' (${reason})`;
  }
}

function describeBytes(head: Uint8Array, complete: boolean, tail: Uint8Array): string {
  if (head.length === 0) return 'empty';
  const magic = binaryMagic(head);
  if (magic !== undefined) {
    if (magic.startsWith('gzip')) return magic + gzipSizeSuffix(tail.length === 4 ? tail : head);
    return magic;
  }
  return describeText(head, complete) ?? 'data';
}

async function readUpTo(handle: { read(n: number): Promise<Uint8Array> }, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < max) {
    const c = await handle.read(Math.min(64 * 1024, max - total));
    if (c.length === 0) break;
    chunks.push(c);
    total += c.length;
  }
  return concat(chunks, total);
}

async function readStdin(io: Io): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let c = await io.ctx.stdin.read(); c !== null && total < READ_BYTES; c = await io.ctx.stdin.read()) {
    chunks.push(c);
    total += c.length;
  }
  return concat(chunks, total).subarray(0, READ_BYTES);
}
