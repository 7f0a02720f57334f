import { describe, expect, it } from 'vitest';
import { fnmatch, hasGlobMeta } from './fnmatch.js';

describe('extglob patterns', () => {
  it('matches @ ? * + groups with alternatives', () => {
    expect(fnmatch('*.@(js|ts)', 'a.ts')).toBe(true);
    expect(fnmatch('*.@(js|ts)', 'a.py')).toBe(false);
    expect(fnmatch('a?(b)c', 'ac')).toBe(true);
    expect(fnmatch('a?(b)c', 'abbc')).toBe(false);
    expect(fnmatch('a*(b)c', 'abbbc')).toBe(true);
    expect(fnmatch('a+(b)c', 'ac')).toBe(false);
    expect(fnmatch('v+([0-9]).+([0-9])', 'v12.3')).toBe(true);
  });

  it('negates with !(…) against the whole rest of the pattern', () => {
    expect(fnmatch('!(*.txt)', 'a.log')).toBe(true);
    expect(fnmatch('!(*.txt)', 'a.txt')).toBe(false);
    expect(fnmatch('!(a|b).txt', 'c.txt')).toBe(true);
    expect(fnmatch('!(a|b).txt', 'a.txt')).toBe(false);
  });

  it('keeps escaped groups literal and counts groups as glob syntax', () => {
    expect(fnmatch('@\\(x)', '@(x)')).toBe(true);
    expect(fnmatch('@\\(x)', 'x')).toBe(false);
    expect(hasGlobMeta('@(a|b)')).toBe(true);
    expect(hasGlobMeta('@\\(a)')).toBe(false);
  });
});
