import { describe, expect, it } from 'vitest';
import { compileRegex, RegexError } from './compile-regex.js';

const find = (p: string, syntax: 'bre' | 'ere' | 'awk', text: string, ignoreCase = false): number[] | null =>
  compileRegex(p, { syntax, ignoreCase }).exec(text, 0);

describe('POSIX basic regular expressions', () => {
  it('treats ( ) { } | + ? as literals and their escaped forms as operators', () => {
    expect(find('a(b)', 'bre', 'xa(b)')).toEqual([1, 5]);
    expect(find('a\\(b*\\)c', 'bre', 'xabbc')).toEqual([1, 5, 2, 4]);
    expect(find('a\\{2\\}', 'bre', 'aaa')).toEqual([0, 2]);
    expect(find('ab\\+', 'bre', 'abbb')).toEqual([0, 4]);
    expect(find('a\\|b', 'bre', 'xb')).toEqual([1, 2]);
    expect(find('a+', 'bre', 'aa+')).toEqual([1, 3]);
  });

  it('takes ^ and $ as anchors only at the ends, and a leading * literally', () => {
    expect(find('a^b', 'bre', 'a^b')).toEqual([0, 3]);
    expect(find('a$b', 'bre', 'a$b')).toEqual([0, 3]);
    expect(find('*a', 'bre', 'x*a')).toEqual([1, 3]);
    expect(compileRegex('^ab$', { syntax: 'bre' }).test('ab')).toBe(true);
    expect(compileRegex('^ab$', { syntax: 'bre' }).test('xab')).toBe(false);
  });

  it('understands bracket expressions with classes, ranges and a leading ]', () => {
    expect(find('[[:digit:]]\\+', 'bre', 'ab123c')).toEqual([2, 5]);
    expect(find('[]a]*', 'bre', ']a]x')).toEqual([0, 3]);
    expect(find('[^[:space:]]', 'bre', '  x')).toEqual([2, 3]);
    expect(find('[a-c]x', 'bre', 'dcx')).toEqual([1, 3]);
  });
});

describe('POSIX extended regular expressions', () => {
  it('finds the leftmost-longest match across alternatives', () => {
    expect(find('a|ab', 'ere', 'xabc')).toEqual([1, 3]);
    expect(find('(a|ab)(c|bcd)', 'ere', 'abcd')).toEqual([0, 4, 0, 1, 1, 4]);
  });

  it('supports intervals, word boundaries and case folding', () => {
    expect(find('x{2,3}', 'ere', 'axxxxb')).toEqual([1, 4]);
    expect(find('\\<the\\>', 'ere', 'other the')).toEqual([6, 9]);
    expect(find('HELLO', 'ere', 'say hello', true)).toEqual([4, 9]);
    expect(compileRegex('a{1001}', { syntax: 'ere' }).test('a'.repeat(1001))).toBe(true);
  });

  it('keeps ^ at the start of the text when searching from an offset', () => {
    expect(compileRegex('^a', { syntax: 'ere' }).exec('aaa', 1)).toBeNull();
    expect(compileRegex('a', { syntax: 'ere' }).exec('aaa', 1)).toEqual([1, 2]);
  });

  it('reports malformed patterns with GNU wording', () => {
    expect(() => compileRegex('a(', { syntax: 'ere' })).toThrow(new RegexError('Unmatched ( or \\('));
    expect(() => compileRegex('[a', { syntax: 'bre' })).toThrow(new RegexError('Unmatched [, [^, [:, [., or [='));
    expect(() => compileRegex('\\(a\\)\\2', { syntax: 'bre' })).toThrow(new RegexError('Invalid back reference'));
    expect(() => compileRegex('[[:foo:]]', { syntax: 'bre' })).toThrow(new RegexError('Invalid character class name'));
    expect(() => compileRegex('a\\', { syntax: 'bre' })).toThrow(new RegexError('Trailing backslash'));
  });
});

describe('awk regular expressions', () => {
  it('understands awk escapes inside and outside brackets', () => {
    expect(find('a\\tb', 'awk', 'xa\tb')).toEqual([1, 4]);
    expect(find('[\\/]', 'awk', 'a/b')).toEqual([1, 2]);
    expect(find('\\.', 'awk', 'ab.c')).toEqual([2, 3]);
  });
});

describe('engines', () => {
  it('gives the same answers for long texts (linear engine) as for short ones', () => {
    const re = compileRegex('[a-z]+[0-9]+x', { syntax: 'ere' });
    const short = `${'ab'.repeat(10)}123x`;
    const long = `${'ab'.repeat(50_000)}123x`;
    expect(re.exec(short, 0)).toEqual([0, short.length]);
    expect(re.exec(long, 0)).toEqual([0, long.length]);
  });

  it('matches a pathological pattern on a long text in bounded time', () => {
    const re = compileRegex('(a*)*b', { syntax: 'ere' });
    const start = performance.now();
    expect(re.test('a'.repeat(100_000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('matches back-references with the backtracking engine', () => {
    expect(find('\\(.\\)\\1', 'bre', 'abccd')).toEqual([2, 4, 2, 3]);
    expect(find('(a+)b\\1', 'ere', 'xaabaa')).toEqual([1, 6, 1, 3]);
    expect(compileRegex('^\\(.*\\)\\1$', { syntax: 'bre' }).test('abcabc')).toBe(true);
    expect(compileRegex('^\\(.*\\)\\1$', { syntax: 'bre' }).test('abcabd')).toBe(false);
  });
});
