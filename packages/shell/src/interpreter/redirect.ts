/**
 * Redirections: each one makes a new fd table from the old (files opened through Sys, descriptors duplicated
 * or closed, here-documents and here-strings as in-memory sources), left to right as bash applies them.
 * `close` releases the files this step opened. /dev/null, /dev/stdin|stdout|stderr and /dev/fd/N are
 * understood without the filesystem.
 */
import { errnoMessage, isKernelError } from '@burrow/protocol';
import type { Redirect } from '../ast/types.js';
import { bytesSource, encode, resolvePath } from '../builtins/io.js';
import type { FileHandle } from '../sys.js';
import { ShellError } from './control.js';
import { expandString, expandWords } from './expand.js';
import type { Fds, Interpreter } from './interpreter.js';
import { EMPTY_SOURCE, handleSink, handleSource, InputBuffer, NULL_SINK } from './streams.js';

export interface Redirected {
  fds: Fds;
  close(): Promise<void>;
}

export async function applyRedirs(it: Interpreter, redirs: readonly Redirect[], base: Fds): Promise<Redirected> {
  const fds = base.slice();
  const opened: FileHandle[] = [];
  const close = async () => {
    for (const h of opened) await h.close().catch(() => {});
  };
  try {
    for (const r of redirs) await applyOne(it, r, fds, opened);
  } catch (e) {
    await close();
    throw e;
  }
  return { fds, close };
}

async function target(it: Interpreter, r: Redirect): Promise<string> {
  const words = await expandWords(it, [r.target]);
  if (words.length !== 1) throw new ShellError(`${wordSource(r)}: ambiguous redirect`, 1);
  return words[0] ?? '';
}

function wordSource(r: Redirect): string {
  return r.target.parts.map((p) => (p.k === 'lit' || p.k === 'sq' ? p.v : p.k === 'param' ? `$${p.name}` : '')).join('');
}

async function applyOne(it: Interpreter, r: Redirect, fds: Fds, opened: FileHandle[]): Promise<void> {
  const op = r.op;
  if (op === '<<' || op === '<<-' || op === '<<<') {
    const eof = r.eof;
    if (eof !== undefined) {
      await it.err(`line ${eof.line}: warning: here-document at line ${eof.start} delimited by end-of-file (wanted \`${eof.delim}')`, fds, false);
    }
    let text = r.quoted ? (r.target.parts[0]?.k === 'sq' ? r.target.parts[0].v : '') : await expandString(it, r.target);
    if (op === '<<<') text += '\n';
    if (text.length > it.rt.limits.heredocBytesMax) {
      throw new ShellError(`here-document too large (limit ${it.rt.limits.heredocBytesMax} bytes)`, 1);
    }
    fds[r.fd ?? 0] = { src: new InputBuffer(bytesSource(encode(text))) };
    return;
  }
  if (op === '>&' || op === '<&') {
    const t = await target(it, r);
    const fd = r.fd ?? (op === '>&' ? 1 : 0);
    if (t === '-') {
      fds[fd] = undefined;
      return;
    }
    if (/^[0-9]+-?$/.test(t)) {
      const src = Number.parseInt(t, 10);
      const from = fds[src];
      if (from === undefined) throw new ShellError(`${src}: Bad file descriptor`, 1);
      fds[fd] = from;
      if (t.endsWith('-')) fds[src] = undefined;
      return;
    }
    if (op === '<&' || r.fd !== null) throw new ShellError(`${t}: ambiguous redirect`, 1);
    const f = await openFile(it, t, '>', opened);
    fds[1] = f;
    fds[2] = f;
    return;
  }
  const path = await target(it, r);
  const f = await openFile(it, path, op, opened);
  if (op === '&>' || op === '&>>') {
    fds[1] = f;
    fds[2] = f;
    return;
  }
  fds[r.fd ?? (op === '<' || op === '<>' ? 0 : 1)] = f;
}

async function openFile(
  it: Interpreter,
  path: string,
  op: Redirect['op'],
  opened: FileHandle[],
): Promise<{ src?: InputBuffer; sink?: import('../sys.js').ByteSink }> {
  const reading = op === '<' || op === '<>';
  const dev = devFile(it, path, reading);
  if (dev !== null) return dev;
  const full = resolvePath(it.st.cwd, path);
  if (it.rt.journal.replaying) {
    // Replay re-runs the script over a filesystem that already holds its effects: writing again would
    // duplicate them, and a file read then is read again only through journaled observations.
    if (!reading) return { sink: NULL_SINK };
    const h = await it.sys.open(full, { read: true }).catch(() => null);
    if (h === null) return { src: new InputBuffer(EMPTY_SOURCE) };
    opened.push(h);
    return { src: new InputBuffer(handleSource(h)) };
  }
  try {
    if (op === '<') {
      const h = await it.sys.open(full, { read: true });
      opened.push(h);
      return { src: new InputBuffer(handleSource(h)) };
    }
    if (op === '<>') {
      const h = await it.sys.open(full, { read: true, write: true, create: true });
      opened.push(h);
      return { src: new InputBuffer(handleSource(h)), sink: handleSink(h) };
    }
    const append = op === '>>' || op === '&>>';
    if (op === '>' || op === '&>') {
      if (it.st.opts.noclobber) {
        const exists = await it.sys.stat(full).then(
          (s) => s.type === 'file',
          () => false,
        );
        if (exists) throw new ShellError(`${path}: cannot overwrite existing file`, 1);
      }
    }
    const h = await it.sys.open(full, { write: true, create: true, truncate: !append, append, mode: 0o666 & ~it.st.umask });
    opened.push(h);
    return { sink: handleSink(h) };
  } catch (e) {
    if (isKernelError(e)) throw new ShellError(`${path}: ${errnoMessage(e.errno)}`, 1);
    throw e;
  }
}

function devFile(it: Interpreter, path: string, reading: boolean): { src?: InputBuffer; sink?: import('../sys.js').ByteSink } | null {
  if (path === '/dev/null') return reading ? { src: new InputBuffer(EMPTY_SOURCE) } : { sink: NULL_SINK };
  const m = /^\/dev\/(?:(stdin)|(stdout)|(stderr)|fd\/([0-9]+))$/.exec(path);
  if (m === null) return null;
  const fd = m[1] ? 0 : m[2] ? 1 : m[3] ? 2 : Number(m[4]);
  const f = it.fds[fd];
  if (f === undefined) throw new ShellError(`${path}: No such file or directory`, 1);
  return f.src instanceof InputBuffer || f.src === undefined ? (f as { src?: InputBuffer }) : { src: new InputBuffer(f.src), sink: f.sink };
}
