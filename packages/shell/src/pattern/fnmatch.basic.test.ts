import { describe, expect, it } from 'vitest';
import { compileFnmatch, fnmatch, fnmatchSource, hasGlobMeta, unescapePattern } from './fnmatch.js';

describe('fnmatch wildcards', () => {
  it.each([
    ['*', '', true],
    ['*', 'abc', true],
    ['a*c', 'abbbc', true],
    ['a*c', 'abbb', false],
    ['?', 'x', true],
    ['?', '', false],
    ['??', 'é漢', true],
    ['*.txt', 'notes.txt', true],
    ['*.txt', 'notes.txt.bak', false],
    ['a.c', 'abc', false],
    ['(a|b)', '(a|b)', true],
    ['x+', 'xx', false],
    ['**b', 'aab', true],
  ])('%s against %s is %s', (pattern, text, expected) => {
    expect(fnmatch(pattern, text)).toBe(expected);
  });
});

describe('fnmatch brackets', () => {
  it.each([
    ['[abc]', 'b', true],
    ['[abc]', 'd', false],
    ['[a-c]x', 'bx', true],
    ['[!a-c]', 'd', true],
    ['[!a-c]', 'a', false],
    ['[^a-c]', 'a', false],
    ['[]]', ']', true],
    ['[!]]', ']', false],
    ['[]a]', 'a', true],
    ['[a-]', '-', true],
    ['[[:digit:]]*', '7up', true],
    ['[[:alpha:]]', '7', false],
    ['[[:upper:][:digit:]]', 'Q', true],
    ['[[:space:]]', '\t', true],
    ['[[:punct:]]', '/', true],
    ['[[:xdigit:]]', 'g', false],
    ['[\\]]', ']', true],
    ['[a\\-z]', 'b', false],
    ['[a\\-z]', '-', true],
    ['[z-a]', 'm', false],
    ['[', '[', true],
    ['[ab', '[ab', true],
    ['[!]', '[!]', true],
    ['[[:nope:]]', 'a', false],
  ])('%s against %s is %s', (pattern, text, expected) => {
    expect(fnmatch(pattern, text)).toBe(expected);
  });
});

describe('fnmatch escapes', () => {
  it('treats an escaped wildcard as a literal', () => {
    expect(fnmatch('\\*', '*')).toBe(true);
    expect(fnmatch('\\*', 'a')).toBe(false);
    expect(fnmatch('a\\?', 'a?')).toBe(true);
    expect(fnmatch('\\[a]', '[a]')).toBe(true);
  });
  it('treats a trailing backslash as a literal', () => {
    expect(fnmatch('a\\', 'a\\')).toBe(true);
  });
  it('finds unescaped metacharacters and removes escapes', () => {
    expect(hasGlobMeta('a\\*b')).toBe(false);
    expect(hasGlobMeta('a\\\\*b')).toBe(true);
    expect(hasGlobMeta('x[1]')).toBe(true);
    expect(unescapePattern('a\\*b\\\\')).toBe('a*b\\');
  });
});

describe('fnmatch flags', () => {
  it('keeps wildcards from matching / with pathname', () => {
    expect(fnmatch('a*b', 'a/b')).toBe(true);
    expect(fnmatch('a*b', 'a/b', { pathname: true })).toBe(false);
    expect(fnmatch('a?b', 'a/b', { pathname: true })).toBe(false);
    expect(fnmatch('a[/]b', 'a/b', { pathname: true })).toBe(false);
    expect(fnmatch('a[!x]b', 'a/b', { pathname: true })).toBe(false);
    expect(fnmatch('*/*.c', 'src/x.c', { pathname: true })).toBe(true);
  });
  it('keeps wildcards from matching a leading period with period', () => {
    expect(fnmatch('*', '.hidden')).toBe(true);
    expect(fnmatch('*', '.hidden', { period: true })).toBe(false);
    expect(fnmatch('?hidden', '.hidden', { period: true })).toBe(false);
    expect(fnmatch('[.]hidden', '.hidden', { period: true })).toBe(false);
    expect(fnmatch('.*', '.hidden', { period: true })).toBe(true);
    expect(fnmatch('a*', 'a.b', { period: true })).toBe(true);
    expect(fnmatch('d/*', 'd/.x', { period: true, pathname: true })).toBe(false);
    expect(fnmatch('d*', 'd/.x', { period: true })).toBe(true);
  });
  it('ignores case with casefold', () => {
    expect(fnmatch('*.TXT', 'a.txt')).toBe(false);
    expect(fnmatch('*.TXT', 'a.txt', { casefold: true })).toBe(true);
    expect(fnmatch('[A-C]', 'b', { casefold: true })).toBe(true);
  });
  it('matches newlines with wildcards', () => {
    expect(fnmatch('a*b', 'a\nb')).toBe(true);
    expect(fnmatch('a?b', 'a\nb')).toBe(true);
  });
});

describe('compileFnmatch', () => {
  it('returns the same cached RegExp for the same pattern and flags', () => {
    expect(compileFnmatch('x*', { casefold: true })).toBe(compileFnmatch('x*', { casefold: true }));
    expect(compileFnmatch('x*')).not.toBe(compileFnmatch('x*', { casefold: true }));
  });
  it('gives a source usable for prefix matching', () => {
    const re = new RegExp(`^(?:${fnmatchSource('a*')})`, 'su');
    expect(re.exec('abc/def')?.[0]).toBe('abc/def');
  });
});
