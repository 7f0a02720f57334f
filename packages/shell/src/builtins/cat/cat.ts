/**
 * cat: concatenate files (or stdin for `-` or no operand) to stdout, chunk by chunk, so a large file or an
 * endless stdin streams with bounded memory. Options -n -b -s -E -T -v -A -e -t -u as GNU cat. Line numbering and
 * the at-line-start state carry across chunks and files, as they do in GNU cat.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import type { ByteSource } from '../../sys.js';
import { type Io, options, runCommand } from '../fs-shared/command.js';
import { has } from '../fs-shared/parse-options.js';
import { resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

const CHUNK_BYTES = 64 * 1024;

interface Render {
  number: boolean;
  numberNonBlank: boolean;
  squeeze: boolean;
  showEnds: boolean;
  showTabs: boolean;
  nonPrinting: boolean;
}

interface LineState {
  lineNo: number;
  atLineStart: boolean;
  /** Consecutive empty lines seen, for -s. */
  blanks: number;
}

export const cat: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'AbeEnstTuv',
      long: {
        'show-all': { key: 'A' },
        'number-nonblank': { key: 'b' },
        'show-ends': { key: 'E' },
        number: { key: 'n' },
        'squeeze-blank': { key: 's' },
        'show-tabs': { key: 'T' },
        'show-nonprinting': { key: 'v' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    const render: Render = {
      numberNonBlank: has(o, 'b'),
      number: has(o, 'n') || has(o, 'b'),
      squeeze: has(o, 's'),
      showEnds: has(o, 'E') || has(o, 'A') || has(o, 'e'),
      showTabs: has(o, 'T') || has(o, 'A') || has(o, 't'),
      nonPrinting: has(o, 'v') || has(o, 'A') || has(o, 'e') || has(o, 't'),
    };
    const plain = !Object.values(render).some(Boolean);
    const state: LineState = { lineNo: 0, atLineStart: true, blanks: 0 };
    const operands = parsed.operands.length === 0 ? ['-'] : parsed.operands;
    let status = 0;
    for (const operand of operands) {
      const ok = await catOne(io, operand, (chunk) =>
        io.out.bytes(plain ? chunk : renderChunk(chunk, render, state)),
      );
      if (!ok) status = 1;
    }
    return status;
  });

/** Stream one operand into `emit`; false after printing an error. */
async function catOne(io: Io, operand: string, emit: (chunk: Uint8Array) => Promise<void>): Promise<boolean> {
  const { ctx } = io;
  if (operand === '-') {
    await pump(io, ctx.stdin, emit);
    return true;
  }
  let handle: Awaited<ReturnType<typeof ctx.sys.open>>;
  try {
    handle = await ctx.sys.open(resolvePath(ctx.cwd, operand), { read: true });
  } catch (e) {
    await io.fail(operand, e);
    return false;
  }
  try {
    const source: ByteSource = {
      read: async () => {
        const chunk = await handle.read(CHUNK_BYTES);
        return chunk.length === 0 ? null : chunk;
      },
    };
    await pump(io, source, emit);
    return true;
  } catch (e) {
    if (isKernelError(e) && e.errno !== Errno.PIPE) {
      await io.fail(operand, e);
      return false;
    }
    throw e;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function pump(io: Io, source: ByteSource, emit: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  for (let c = await source.read(); c !== null; c = await source.read()) {
    io.checkAbort();
    await emit(c);
    // Output from a stream goes out as it arrives, so `cat` in a pipeline is not held back by buffering.
    await io.out.flush();
  }
}

function renderChunk(chunk: Uint8Array, r: Render, st: LineState): Uint8Array {
  const out: number[] = [];
  const push = (text: string): void => {
    for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
  };
  for (const byte of chunk) {
    if (st.atLineStart) {
      if (byte === 0x0a) {
        st.blanks++;
        if (r.squeeze && st.blanks > 1) continue;
      } else st.blanks = 0;
      if (r.number && !(r.numberNonBlank && byte === 0x0a)) push(`${String(++st.lineNo).padStart(6)}\t`);
      st.atLineStart = false;
    }
    if (byte === 0x0a) {
      if (r.showEnds) out.push(0x24);
      out.push(0x0a);
      st.atLineStart = true;
    } else if (byte === 0x09) {
      if (r.showTabs) push('^I');
      else out.push(byte);
    } else if (r.nonPrinting) push(visible(byte));
    else out.push(byte);
  }
  return Uint8Array.from(out);
}

/** `cat -v` notation: ^X for controls, ^? for DEL, M- for bytes with the high bit. */
function visible(byte: number): string {
  let prefix = '';
  let b = byte;
  if (b >= 0x80) {
    prefix = 'M-';
    b -= 0x80;
  }
  if (b < 0x20) return `${prefix}^${String.fromCharCode(b + 0x40)}`;
  if (b === 0x7f) return `${prefix}^?`;
  return prefix + String.fromCharCode(b);
}
