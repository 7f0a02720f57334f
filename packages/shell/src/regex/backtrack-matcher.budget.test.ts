import { describe, expect, it } from 'vitest';
import { BacktrackMatcher } from './backtrack-matcher.js';
import { compileRegex, RegexError } from './compile-regex.js';
import { parseRegex } from './parse-regex.js';

describe('backtracking budget', () => {
  it('abandons an exponential search with a clear error instead of hanging', () => {
    const re = compileRegex('\\(a*\\)*\\1b', { syntax: 'bre' });
    const start = performance.now();
    expect(() => re.test('a'.repeat(5000))).toThrow(RegexError);
    expect(() => re.test('a'.repeat(5000))).toThrow(/too complex/);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('still answers cheap back-reference searches', () => {
    const parsed = parseRegex('\\(ab\\)*\\1', 'bre');
    const m = new BacktrackMatcher(parsed.root, parsed.groups, false);
    expect(m.exec('xababab', 0)).toEqual([1, 7, 3, 5]);
    expect(m.exec('xyz', 0)).toBeNull();
  });

  it('folds case for back-references under ignoreCase', () => {
    const re = compileRegex('\\(a\\)\\1', { syntax: 'bre', ignoreCase: true });
    expect(re.exec('xaA', 0)).toEqual([1, 3, 1, 2]);
  });
});
