/**
 * xargs: build command lines from stdin. Items are blank-separated with shell-like quotes and backslashes by
 * default, NUL-separated with -0, or separated by one character with -d. -n MAX items per command, -L MAX
 * lines per command, -I STR runs once per line replacing STR, -P N runs up to N commands at once, -r skips
 * the run when there is no input, -t prints each command on stderr. Exit 123 if any command failed with
 * 1–125, 124 if one exited 255, 126/127 when it could not be run.
 */
import { concat, decode, readAll } from '../io.js';
import { options, q, runCommand } from '../fs-shared/command.js';
import { has, last } from '../fs-shared/parse-options.js';
import type { Builtin } from '../types.js';

export const xargs: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: '0d:n:I:i::L:l::P:rtxs:E:e::',
      long: {
        null: { key: '0' },
        delimiter: { key: 'd', arg: 'required' },
        'max-args': { key: 'n', arg: 'required' },
        replace: { key: 'i', arg: 'optional' },
        'max-lines': { key: 'l', arg: 'optional' },
        'max-procs': { key: 'P', arg: 'required' },
        'no-run-if-empty': { key: 'r' },
        verbose: { key: 't' },
        exit: { key: 'x' },
        'max-chars': { key: 's', arg: 'required' },
        'eof': { key: 'e', arg: 'optional' },
      },
      stopAtOperand: true,
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    const command = parsed.operands.length > 0 ? parsed.operands : ['echo'];
    let replace = last(o, 'I');
    if (replace === undefined && has(o, 'i')) replace = last(o, 'i') ?? '{}';
    let maxLines = last(o, 'L') !== undefined ? Number(last(o, 'L')) : undefined;
    if (maxLines === undefined && has(o, 'l')) maxLines = Number(last(o, 'l') ?? 1);
    const maxArgsText = last(o, 'n');
    const maxArgs = maxArgsText === undefined ? undefined : Number(maxArgsText);
    if (maxArgs !== undefined && !(maxArgs >= 1)) {
      await io.warn(`value ${maxArgsText} for -n option should be >= 1`);
      return 1;
    }
    const procs = Math.max(1, Number(last(o, 'P') ?? 1) || 1);
    const delimiterText = last(o, 'd');
    const delimiter = has(o, '0') ? '\0' : delimiterText === undefined ? undefined : parseDelimiter(delimiterText);
    if (delimiterText !== undefined && delimiter === undefined) {
      await io.warn(`invalid input delimiter specification ${q(delimiterText)}: the delimiter must be either a single character or an escape sequence starting with \\.`);
      return 1;
    }
    const eof = last(o, 'E') ?? last(o, 'e');

    const input = decode(concat([await readAll(ctx.stdin)]));
    let lines: string[][];
    if (delimiter !== undefined) {
      const items = input.split(delimiter);
      if (items[items.length - 1] === '') items.pop();
      lines = items.map((item) => [item]);
    } else if (replace !== undefined) {
      lines = input.split('\n').map((l) => l.replace(/^[ \t]+/u, '')).filter((l) => l !== '').map((l) => [l]);
    } else {
      const split = splitBlank(input, eof);
      if (typeof split === 'string') {
        await io.warn(split);
        return 1;
      }
      lines = split;
    }

    const batches: string[][] = [];
    if (replace !== undefined) {
      const token = replace;
      for (const [item = ''] of lines) batches.push(command.map((a) => a.replaceAll(token, item)));
    } else {
      const items = lines.flat();
      const groupLines = maxLines !== undefined;
      let current: string[] = [];
      let lineCount = 0;
      const flush = (): void => {
        if (current.length > 0) batches.push([...command, ...current]);
        current = [];
        lineCount = 0;
      };
      if (groupLines) {
        for (const line of lines) {
          for (const item of line) {
            current.push(item);
            if (maxArgs !== undefined && current.length >= maxArgs) flush();
          }
          if (++lineCount >= (maxLines ?? 1)) flush();
        }
      } else {
        for (const item of items) {
          current.push(item);
          if (maxArgs !== undefined && current.length >= maxArgs) flush();
        }
      }
      flush();
      if (batches.length === 0 && !has(o, 'r')) batches.push([...command]);
    }

    let status = 0;
    let stop = false;
    const runOne = async (argv: string[]): Promise<void> => {
      if (has(o, 't')) await ctx.stderr.write(new TextEncoder().encode(`${argv.join(' ')}\n`));
      const code = await ctx.run(argv);
      if (code === 255) {
        await io.warn(`${argv[0] ?? ''}: exited with status 255; aborting`);
        status = 124;
        stop = true;
      } else if (code === 126 || code === 127) {
        status = code;
        stop = true;
      } else if (code > 128) {
        status = 125;
        stop = true;
      } else if (code !== 0 && status === 0) status = 123;
    };
    await io.out.flush();
    const queue = [...batches];
    const worker = async (): Promise<void> => {
      for (let argv = queue.shift(); argv !== undefined && !stop; argv = queue.shift()) {
        io.checkAbort();
        await runOne(argv);
      }
    };
    await Promise.all(Array.from({ length: Math.min(procs, Math.max(1, queue.length)) }, worker));
    return status;
  });

function parseDelimiter(text: string): string | undefined {
  if (text.length === 1) return text;
  const escapes: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\0': '\0', '\\\\': '\\', '\\r': '\r' };
  if (escapes[text] !== undefined) return escapes[text];
  const octal = /^\\([0-7]{1,3})$/u.exec(text);
  if (octal !== null) return String.fromCharCode(Number.parseInt(octal[1] ?? '0', 8));
  const hex = /^\\x([0-9a-fA-F]{1,2})$/u.exec(text);
  if (hex !== null) return String.fromCharCode(Number.parseInt(hex[1] ?? '0', 16));
  return undefined;
}

/** Blank-separated items grouped by input line, honouring quotes and backslashes; a string is an error. */
function splitBlank(input: string, eof: string | undefined): string[][] | string {
  const lines: string[][] = [];
  let line: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < input.length; i++) {
    const c = input[i] ?? '';
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (c === '\n') return `unmatched ${quote === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < input.length) {
      word += input[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) {
        if (eof !== undefined && eof !== '' && word === eof) return finish(lines, line);
        line.push(word);
      }
      word = '';
      inWord = false;
      if (c === '\n' && line.length > 0) {
        lines.push(line);
        line = [];
      }
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== undefined) return `unmatched ${quote === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`;
  if (inWord && !(eof !== undefined && eof !== '' && word === eof)) line.push(word);
  return finish(lines, line);
}

function finish(lines: string[][], line: string[]): string[][] {
  if (line.length > 0) lines.push(line);
  return lines;
}
