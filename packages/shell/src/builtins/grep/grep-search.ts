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
  const prefix = (no: number, sep: string): string => {
    let p = '';
    if (showName) p += name + (nameSep ?? sep);
    if (cfg.lineNumbers) p += `${no}${sep}`;
    return p;
  };
  const listOnly = cfg.filesWith || cfg.filesWithout || cfg.quiet;
  const context = !cfg.count && !listOnly && (cfg.after > 0 || cfg.before > 0);
  let lineNo = 0;
  let count = 0;
  let lastPrinted = 0;
  let afterLeft = 0;
  const before: Array<{ no: number; text: string }> = [];
  let done = false;
  const printLine = (no: number, text: string, sep: string): void => {
    if (context && (lastPrinted > 0 ? no > lastPrinted + 1 : cfg.groupPrinted === true)) out.put('--\n');
    lastPrinted = no;
    cfg.groupPrinted = true;
    out.put(`${prefix(no, sep)}${text}${cfg.eol}`);
  };
  for (let batch = await reader.next(); batch !== null && !done; batch = await reader.next()) {
    io.checkAbort();
    for (const line of batch) {
      lineNo++;
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
          before.push({ no: lineNo, text: line });
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
      for (const b of before) printLine(b.no, b.text, '-');
      before.length = 0;
      if (cfg.onlyMatching) {
        if (!cfg.invert) {
          for (const [s, e] of matcher.matches(line)) out.put(`${prefix(lineNo, ':')}${line.slice(s, e)}${cfg.eol}`);
        }
        lastPrinted = lineNo;
      } else printLine(lineNo, line, ':');
      afterLeft = cfg.after;
    }
    await out.flush();
  }
  if (cfg.count) out.put(`${showName ? name + (nameSep ?? ':') : ''}${count}\n`);
  else if (cfg.filesWith && count > 0) out.put(`${name}${cfg.nullAfterName ? '\0' : '\n'}`);
  else if (cfg.filesWithout && count === 0) out.put(`${name}${cfg.nullAfterName ? '\0' : '\n'}`);
  await out.flush();
  if (binary && count > 0 && !listOnly && !cfg.count) await io.warn(`${name}: binary file matches`);
  return cfg.filesWithout ? count === 0 : count > 0;
}
