/**
 * Searching one input for grep: selects lines batch by batch and writes them with their prefixes, context
 * lines and `--` group separators, or the per-input forms (-c, -l, -L). State (line number, pending
 * after-context, the before-context window) lives for one input only.
 */
import type { ByteSource } from '../../sys.js';
import type { Io } from '../fs-shared/command.js';
import { LineReader, type TextOut } from '../text-common/text-stream.js';
import type { LineMatcher } from './grep-matcher.js';

export interface GrepConfig {
  invert: boolean;
  count: boolean;
  filesWith: boolean;
  filesWithout: boolean;
  lineNumbers: boolean;
  withName: boolean | undefined;
  onlyMatching: boolean;
  quiet: boolean;
  after: number;
  before: number;
  maxCount: number;
  text: boolean;
  eol: string;
  nullAfterName: boolean;
  byteOffset: boolean;
  /** Some context group was printed already (by any input): the next group is preceded by `--`. */
  groupPrinted?: boolean;
}

/** Search one input; resolves to whether any line was selected. */
export async function searchSource(
  source: ByteSource,
  name: string,
  matcher: LineMatcher,
  cfg: GrepConfig,
  out: TextOut,
  io: Io,
): Promise<boolean> {
  let binary = false;
  const watched: ByteSource = {
    read: async () => {
      const c = await source.read();
      if (c !== null && !binary && !cfg.text && c.indexOf(0) !== -1) binary = true;
      return c;
    },
  };
  const reader = new LineReader(watched, cfg.eol);
  const showName = cfg.withName === true;
  const nameSep = cfg.nullAfterName ? '\0' : null;
  let lineOffset = 0;
  let nextOffset = 0;
  const prefix = (no: number, sep: string, offset = lineOffset): string => {
    let p = '';
    if (showName) p += name + (nameSep ?? sep);
    if (cfg.lineNumbers) p += `${no}${sep}`;
    if (cfg.byteOffset) p += `${offset}${sep}`;
    return p;
  };
  const bytesOf = (s: string): number => (cfg.byteOffset ? Buffer.byteLength(s) : 0);
  const listOnly = cfg.filesWith || cfg.filesWithout || cfg.quiet;
  const context = !cfg.count && !listOnly && (cfg.after > 0 || cfg.before > 0);
  let lineNo = 0;
  let count = 0;
  let lastPrinted = 0;
  let afterLeft = 0;
  const before: Array<{ no: number; text: string; off: number }> = [];
  let done = false;
  const printLine = (no: number, text: string, sep: string, off = lineOffset): void => {
    if (context && (lastPrinted > 0 ? no > lastPrinted + 1 : cfg.groupPrinted === true)) out.put('--\n');
    lastPrinted = no;
    cfg.groupPrinted = true;
    out.put(`${prefix(no, sep, off)}${text}${cfg.eol}`);
  };
  const fast =
    matcher.literal !== null &&
    !cfg.invert &&
    !cfg.onlyMatching &&
    !cfg.lineNumbers &&
    !cfg.byteOffset &&
    !listOnly &&
    !context &&
    cfg.maxCount === Infinity &&
    !showName;
  while (fast && !done) {
    const text = await reader.nextText();
    if (text === null) return finish();
    io.checkAbort();
    if (binary) {
      // Binary input takes the general path, which reports `binary file matches`.
      const lines = text.split(cfg.eol);
      if (lines.some((l) => matcher.test(l))) count++;
      done = true;
      break;
    }
    const lit = matcher.literal as string;
    let pos = 0;
    const eol = cfg.eol;
    for (let hit = text.indexOf(lit); hit !== -1; hit = text.indexOf(lit, pos)) {
      const start = text.lastIndexOf(eol, hit) + 1;
      let end = text.indexOf(eol, hit);
      if (end === -1) end = text.length;
      count++;
      if (!cfg.count) out.put(`${text.slice(start, end)}${eol}`);
      pos = end + 1;
      if (pos > text.length) break;
    }
    await out.flush();
  }
  while (!done) {
    const batch = await reader.next();
    if (batch === null) break;
    io.checkAbort();
    for (const line of batch) {
      lineNo++;
      lineOffset = nextOffset;
      if (cfg.byteOffset) nextOffset += bytesOf(line) + 1;
      if (count >= cfg.maxCount) {
        // Past the last allowed match only its trailing context is still printed.
        if (afterLeft > 0 && matcher.test(line) === cfg.invert) {
          printLine(lineNo, line, '-');
          afterLeft--;
          continue;
        }
        done = true;
        break;
      }
      const hit = matcher.test(line) !== cfg.invert;
      if (!hit) {
        if (afterLeft > 0) {
          printLine(lineNo, line, '-');
          afterLeft--;
        } else if (cfg.before > 0 && context) {
          before.push({ no: lineNo, text: line, off: lineOffset });
          if (before.length > cfg.before) before.shift();
        }
        continue;
      }
      count++;
      if (listOnly) {
        done = true;
        break;
      }
      if (cfg.count) continue;
      if (binary) {
        done = true;
        break;
      }
      for (const b of before) printLine(b.no, b.text, '-', b.off);
      before.length = 0;
      if (cfg.onlyMatching) {
        if (!cfg.invert) {
          for (const [s, e] of matcher.matches(line)) {
            out.put(`${prefix(lineNo, ':', lineOffset + bytesOf(line.slice(0, s)))}${line.slice(s, e)}${cfg.eol}`);
          }
        }
        lastPrinted = lineNo;
      } else printLine(lineNo, line, ':');
      afterLeft = cfg.after;
    }
    await out.flush();
  }
  return finish();

  async function finish(): Promise<boolean> {
    if (cfg.count) out.put(`${showName ? name + (nameSep ?? ':') : ''}${count}\n`);
    else if (cfg.filesWith && count > 0) out.put(`${name}${cfg.nullAfterName ? '\0' : '\n'}`);
    else if (cfg.filesWithout && count === 0) out.put(`${name}${cfg.nullAfterName ? '\0' : '\n'}`);
    await out.flush();
    if (binary && count > 0 && !listOnly && !cfg.count) await io.warn(`${name}: binary file matches`);
    return cfg.filesWithout ? count === 0 : count > 0;
  }
}
