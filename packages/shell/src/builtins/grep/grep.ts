/**
 * grep: prints lines matching patterns (-e, -f, -E, -F, -G, -i, -v, -w, -x) of files, stdin or directory trees
 * (-r, -R with --include, --exclude, --exclude-dir), with GNU's output forms (-n, -H/-h, -o, -c, -l, -L, -q,
 * -m, context -A/-B/-C with `--` separators, `binary file matches`). Streams: each input batch is matched and
 * its output written before the next is read, so matches from an endless stream appear at once. Status: 0 when
 * a line was selected, 1 when none, 2 on an error (unless -q found a match).
 */
import { isKernelError } from '@burrow/protocol';
import { RegexError } from '../../regex/compile-regex.js';
import type { ByteSource } from '../../sys.js';
import { runCommand } from '../fs-shared/command.js';
import { parseOptions } from '../fs-shared/parse-options.js';
import { readAll, resolvePath } from '../io.js';
import { strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';
import { type GrepConfig, searchSource } from './grep-search.js';
import { createMatcher, type MatcherOptions } from './grep-matcher.js';
import { walkTree } from './grep-walk.js';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

/** Rewrite `-5` (context of 5 lines) as `-C 5`. */
function modernArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  let ended = false;
  for (const [i, a] of args.entries()) {
    const prev = args[i - 1] ?? '';
    const isValue = /^-[^-]*[efABCmd]$/.test(prev);
    const m = /^-(\d+)$/.exec(a);
    if (!ended && !isValue && m !== null) out.push('-C', m[1] ?? '0');
    else out.push(a);
    if (a === '--') ended = true;
  }
  return out;
}

export const grep: Builtin = (ctx) =>
  runCommand({ ...ctx, argv: [ctx.argv[0] ?? 'grep', ...modernArgs(ctx.argv.slice(1))] }, async (io) => {
    const parsed = parseOptions(ctx.argv.slice(1),
      {
        short: 'EFGPiyvwxclLnhHoqsrRe:f:A:B:C:m:abIzZUT',
        long: {
          'extended-regexp': { key: 'E' },
          'fixed-strings': { key: 'F' },
          'basic-regexp': { key: 'G' },
          'perl-regexp': { key: 'P' },
          'ignore-case': { key: 'i' },
          'no-ignore-case': { key: 'no-i' },
          'invert-match': { key: 'v' },
          'word-regexp': { key: 'w' },
          'line-regexp': { key: 'x' },
          count: { key: 'c' },
          'files-with-matches': { key: 'l' },
          'files-without-match': { key: 'L' },
          'line-number': { key: 'n' },
          'no-filename': { key: 'h' },
          'with-filename': { key: 'H' },
          'only-matching': { key: 'o' },
          quiet: { key: 'q' },
          silent: { key: 'q' },
          'no-messages': { key: 's' },
          recursive: { key: 'r' },
          'dereference-recursive': { key: 'R' },
          regexp: { key: 'e', arg: 'required' },
          file: { key: 'f', arg: 'required' },
          'after-context': { key: 'A', arg: 'required' },
          'before-context': { key: 'B', arg: 'required' },
          context: { key: 'C', arg: 'required' },
          'max-count': { key: 'm', arg: 'required' },
          text: { key: 'a' },
          'byte-offset': { key: 'b' },
          'null-data': { key: 'z' },
          null: { key: 'Z' },
          color: { key: 'color', arg: 'optional' },
          colour: { key: 'color', arg: 'optional' },
          include: { key: 'include', arg: 'required' },
          exclude: { key: 'exclude', arg: 'required' },
          'exclude-dir': { key: 'exclude-dir', arg: 'required' },
          label: { key: 'label', arg: 'required' },
          'initial-tab': { key: 'T' },
          binary: { key: 'U' },
          'line-buffered': { key: 'line-buffered' },
        },
      },
    );
    if (!parsed.ok) {
      await io.warn(parsed.error);
      await ctx.stderr.write(new TextEncoder().encode(USAGE));
      return 2;
    }
    const cfg: GrepConfig = {
      invert: false,
      count: false,
      filesWith: false,
      filesWithout: false,
      lineNumbers: false,
      withName: undefined,
      onlyMatching: false,
      quiet: false,
      after: 0,
      before: 0,
      maxCount: Infinity,
      text: false,
      eol: '\n',
      nullAfterName: false,
      byteOffset: false,
    };
    const mopts: MatcherOptions = { syntax: 'bre', ignoreCase: false, word: false, line: false };
    const patterns: string[] = [];
    let patternGiven = false;
    let silent = false;
    let recursive: 'no' | 'r' | 'R' = 'no';
    const include: string[] = [];
    const exclude: string[] = [];
    const excludeDir: string[] = [];
    let label = '(standard input)';
    for (const o of parsed.options) {
      const v = o.value ?? '';
      switch (o.key) {
        case 'E':
          mopts.syntax = 'ere';
          break;
        case 'F':
          mopts.syntax = 'fixed';
          break;
        case 'G':
          mopts.syntax = 'bre';
          break;
        case 'P':
          await io.warn('support for the -P option is not compiled into this --disable-perl-regexp binary');
          return 2;
        case 'i':
        case 'y':
          mopts.ignoreCase = true;
          break;
        case 'no-i':
          mopts.ignoreCase = false;
          break;
        case 'v':
          cfg.invert = true;
          break;
        case 'w':
          mopts.word = true;
          break;
        case 'x':
          mopts.line = true;
          break;
        case 'c':
          cfg.count = true;
          break;
        case 'l':
          cfg.filesWith = true;
          break;
        case 'L':
          cfg.filesWithout = true;
          break;
        case 'n':
          cfg.lineNumbers = true;
          break;
        case 'h':
          cfg.withName = false;
          break;
        case 'H':
          cfg.withName = true;
          break;
        case 'o':
          cfg.onlyMatching = true;
          break;
        case 'q':
          cfg.quiet = true;
          break;
        case 's':
          silent = true;
          break;
        case 'r':
          recursive = 'r';
          break;
        case 'R':
          recursive = 'R';
          break;
        case 'e':
          patterns.push(...v.split('\n'));
          patternGiven = true;
          break;
        case 'f': {
          try {
            const data = v === '-' ? await readAll(ctx.stdin) : await ctx.sys.readFile(resolvePath(ctx.cwd, v));
            const text = new TextDecoder().decode(data);
            const lines = text.split('\n');
            if (text.endsWith('\n')) lines.pop();
            patterns.push(...lines);
            patternGiven = true;
          } catch (err) {
            if (!isKernelError(err)) throw err;
            await io.warn(`${v}: ${strerror(err)}`);
            return 2;
          }
          break;
        }
        case 'A':
        case 'B':
        case 'C': {
          const n = Number(v);
          if (!/^\d+$/.test(v)) {
            await io.warn(`${v}: invalid context length argument`);
            return 2;
          }
          if (o.key !== 'B') cfg.after = n;
          if (o.key !== 'A') cfg.before = n;
          break;
        }
        case 'm': {
          const n = Number(v);
          if (!/^-?\d+$/.test(v)) {
            await io.warn(`invalid max count`);
            return 2;
          }
          cfg.maxCount = n < 0 ? Infinity : n;
          break;
        }
        case 'a':
          cfg.text = true;
          break;
        case 'z':
          cfg.eol = '\0';
          break;
        case 'b':
          cfg.byteOffset = true;
          break;
        case 'Z':
          cfg.nullAfterName = true;
          break;
        case 'include':
          include.push(v);
          break;
        case 'exclude':
          exclude.push(v);
          break;
        case 'exclude-dir':
          excludeDir.push(v);
          break;
        case 'label':
          label = v;
          break;
        default:
          break;
      }
    }
    const operands = [...parsed.operands];
    if (!patternGiven) {
      const first = operands.shift();
      if (first === undefined) {
        await ctx.stderr.write(new TextEncoder().encode(USAGE));
        return 2;
      }
      patterns.push(...first.split('\n'));
    }
    let matcher: ReturnType<typeof createMatcher>;
    try {
      matcher = createMatcher(patterns, mopts);
    } catch (err) {
      if (err instanceof RegexError) {
        await io.warn(err.message);
        return 2;
      }
      throw err;
    }
    const implicitDot = operands.length === 0 && recursive !== 'no';
    const targets = operands.length === 0 ? [recursive !== 'no' ? '.' : '-'] : operands;
    cfg.withName ??= targets.length > 1 || recursive !== 'no';
    const out = new TextOut(ctx.stdout);
    let selected = false;
    let failed = false;
    const report = async (name: string, err: unknown): Promise<void> => {
      failed = true;
      if (!silent) await io.warn(`${name}: ${strerror(err)}`);
    };
    const search = async (source: ByteSource, name: string): Promise<boolean> => {
      const hit = await searchSource(source, name, matcher, cfg, out, io);
      if (hit) selected = true;
      return hit && cfg.quiet;
    };
    for (const target of targets) {
      if (target === '-') {
        if (await search(ctx.stdin, label)) return 0;
        continue;
      }
      const stop = await walkTree(ctx.sys, ctx.cwd, target, {
        recursive,
        include,
        exclude,
        excludeDir,
        displayName: implicitDot ? (p) => p.replace(/^\.\//, '') : (p) => p,
        onFile: search,
        onError: report,
        onDirectory: async (name) => {
          failed = true;
          if (!silent) await io.warn(`${name}: Is a directory`);
        },
      });
      if (stop) {
        await out.flush();
        return 0;
      }
    }
    await out.flush();
    if (cfg.quiet && selected) return 0;
    return failed ? 2 : selected ? 0 : 1;
  });
