/**
 * The line matcher of grep: a list of patterns (basic, extended or fixed strings) under -i, -w and -x,
 * answering whether a line is selected and where its matches are (for -o). Several patterns select a line
 * when any matches; for -o the leftmost match wins, the longest among those starting there.
 */
import { compileRegex, type Regex, type RegexSyntax } from '../../regex/compile-regex.js';

export interface MatcherOptions {
  syntax: RegexSyntax | 'fixed';
  ignoreCase: boolean;
  word: boolean;
  line: boolean;
}

export interface LineMatcher {
  /** The one plain string the matcher looks for, when that is all it does (no -i, -w, -x). */
  readonly literal: string | null;
  test(line: string): boolean;
  /** Non-empty matches of a line, left to right, without overlap. */
  matches(line: string): Array<[number, number]>;
}

function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c > 127 && /\p{L}|\p{N}/u.test(s[i] as string));
}

type Finder = (line: string, from: number) => [number, number] | null;

function fixedFinder(pattern: string, ignoreCase: boolean): Finder {
  const needle = ignoreCase ? pattern.toLowerCase() : pattern;
  let lastLine = '';
  let lastFolded = '';
  return (line, from) => {
    let hay = line;
    if (ignoreCase) {
      if (line !== lastLine) {
        lastLine = line;
        lastFolded = line.toLowerCase();
      }
      hay = lastFolded;
    }
    const at = hay.indexOf(needle, from);
    return at < 0 ? null : [at, at + needle.length];
  };
}

function regexFinder(re: Regex): Finder {
  return (line, from) => {
    const m = re.exec(line, from);
    return m === null ? null : [m[0] as number, m[1] as number];
  };
}

/** Wrap a finder so that only matches with non-word characters (or the line's ends) around them count. */
function wordFinder(find: Finder): Finder {
  return (line, from) => {
    for (let start = from; start <= line.length; ) {
      const m = find(line, start);
      if (m === null) return null;
      const [s, e] = m;
      if (!isWordChar(line, s - 1) && !isWordChar(line, e) && e > s) return m;
      start = s + 1;
    }
    return null;
  };
}

export function createMatcher(patterns: readonly string[], opts: MatcherOptions): LineMatcher {
  const finders: Finder[] = [];
  const tests: Array<(line: string) => boolean> = [];
  for (const p of patterns) {
    let find: Finder;
    let test: ((line: string) => boolean) | null = null;
    if (opts.syntax === 'fixed') {
      if (opts.line) {
        const want = opts.ignoreCase ? p.toLowerCase() : p;
        find = (line, from) => (from === 0 && (opts.ignoreCase ? line.toLowerCase() : line) === want ? [0, line.length] : null);
      } else find = fixedFinder(p, opts.ignoreCase);
    } else {
      const re = compileRegex(p, { syntax: opts.syntax, ignoreCase: opts.ignoreCase, wholeLine: opts.line });
      find = regexFinder(re);
      if (!opts.word) test = (line) => re.test(line);
    }
    if (opts.word) find = wordFinder(find);
    const f = find;
    finders.push(f);
    tests.push(test ?? ((line) => f(line, 0) !== null));
  }
  const single = tests.length === 1 ? tests[0] : undefined;
  const only = patterns.length === 1 ? (patterns[0] as string) : null;
  const plain =
    only !== null &&
    only !== '' &&
    !opts.ignoreCase &&
    !opts.word &&
    !opts.line &&
    !only.includes('\n') &&
    (opts.syntax === 'fixed' || (opts.syntax === 'bre' ? !/[\\.[\]*^$]/.test(only) : !/[\\.[\]*^$+?(){}|]/.test(only)));
  return {
    literal: plain ? only : null,
    test:
      single ??
      ((line) => {
        for (const t of tests) if (t(line)) return true;
        return false;
      }),
    matches(line) {
      const out: Array<[number, number]> = [];
      let from = 0;
      while (from <= line.length) {
        let best: [number, number] | null = null;
        for (const f of finders) {
          const m = f(line, from);
          if (m !== null && (best === null || m[0] < best[0] || (m[0] === best[0] && m[1] > best[1]))) best = m;
        }
        if (best === null) break;
        if (best[1] === best[0]) {
          from = best[1] + 1;
          continue;
        }
        out.push(best);
        from = best[1];
      }
      return out;
    },
  };
}
