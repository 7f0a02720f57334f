/**
 * The frame every file builtin runs in: buffered stdout (flushed at a size threshold and at the end, so small
 * lines cost one write each batch, not one each), stderr messages with the command's name, GNU's usage-error
 * lines, and the quiet end on a broken pipe (exit 141, nothing printed) or an abort.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import type { ByteSink } from '../../sys.js';
import { errorLine } from '../io.js';
import { localizeQuotes } from '../locale.js';
import type { CommandContext } from '../types.js';
import { type OptionSpec, type ParsedOption, parseOptions } from './parse-options.js';

const FLUSH_BYTES = 64 * 1024;
const encoder = new TextEncoder();

/** Exit status of a command whose stdout reader went away (128 + SIGPIPE). */
export const EXIT_BROKEN_PIPE = 141;
/** Exit status of a command stopped by an abort (128 + SIGINT). */
export const EXIT_ABORTED = 130;

export class BufferedOut {
  private chunks: Uint8Array[] = [];
  private size = 0;
  constructor(private readonly sink: ByteSink) {}

  async text(s: string): Promise<void> {
    await this.bytes(encoder.encode(s));
  }

  async bytes(b: Uint8Array): Promise<void> {
    if (b.length === 0) return;
    this.chunks.push(b);
    this.size += b.length;
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks = [];
    this.size = 0;
    await this.sink.write(out);
  }
}

export interface Io {
  ctx: CommandContext;
  name: string;
  out: BufferedOut;
  /** Print `name: message` on stderr. */
  warn(message: string): Promise<void>;
  /** Print `name: subject: strerror` on stderr. */
  fail(subject: string, err: unknown): Promise<void>;
  /** Print a usage error (none when `message` is empty) with the `Try` line and return `status`. */
  usage(message: string, status?: number): Promise<number>;
  /** Throw when the command was aborted, so the frame ends it. */
  checkAbort(): void;
}

class Aborted extends Error {}

export async function runCommand(ctx: CommandContext, body: (io: Io) => Promise<number>): Promise<number> {
  const name = basename(ctx.argv[0] ?? 'command');
  const out = new BufferedOut(ctx.stdout);
  const writeErr = (s: string): Promise<void> =>
    ctx.stderr.write(encoder.encode(localizeQuotes(s, ctx.env))).catch(() => undefined);
  const io: Io = {
    ctx,
    name,
    out,
    warn: (message) => writeErr(`${name}: ${message}\n`),
    fail: (subject, err) => writeErr(errorLine(name, subject, err)),
    usage: async (message, status = 1) => {
      const head = message === '' ? '' : `${name}: ${message}\n`;
      await writeErr(`${head}Try '${name} --help' for more information.\n`);
      return status;
    },
    checkAbort: () => {
      if (ctx.signal.aborted) throw new Aborted();
    },
  };
  try {
    const status = await body(io);
    await out.flush();
    return status;
  } catch (e) {
    if (isKernelError(e) && e.errno === Errno.PIPE) return EXIT_BROKEN_PIPE;
    if (e instanceof Aborted) return EXIT_ABORTED;
    throw e;
  }
}

/** Parse options or print the usage error; undefined means the caller returns `status`. */
export async function options(
  io: Io,
  spec: OptionSpec,
  status = 1,
): Promise<{ options: ParsedOption[]; operands: string[] } | number> {
  const parsed = parseOptions(io.ctx.argv.slice(1), spec);
  if (!parsed.ok) return io.usage(parsed.error, status);
  return parsed;
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/u, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/u, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const slash = trimmed.lastIndexOf('/');
  if (slash === -1) return '.';
  const dir = trimmed.slice(0, slash).replace(/\/+$/u, '');
  return dir === '' ? '/' : dir;
}

/** Is this a KernelError with this errno? */
export function isErrno(e: unknown, errno: Errno): boolean {
  return isKernelError(e) && e.errno === errno;
}

/** GNU's quote() in a UTF-8 locale: ‘name’; the frame's stderr turns it into 'name' under C (see locale.ts). */
export function q(s: string): string {
  return `\u2018${s}\u2019`;
}

/** GNU's quoteaf() for file names: 'name', with embedded single quotes escaped for the shell. */
export function qa(s: string): string {
  return `'${s.replaceAll("'", "'\\''")}'`;
}

/** `path` made absolute against `cwd` without touching `..`, for callers that resolve symlinks first. */
export function absolute(cwd: string, path: string): string {
  return path.startsWith('/') ? path : `${cwd}/${path}`;
}
