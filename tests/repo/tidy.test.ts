/**
 * Lint as a test: rules the linter does not express. Files stay small enough to read, nothing throws a
 * bare string, no `any`, and no index re-exports everything (`export *` hides the public surface).
 */
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files.js';

const LINES_MAX = 800;

/** The text with block and line comments blanked (strings are not parsed: good enough for these checks). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('tidy', () => {
  const files = sourceFiles();

  it('checks some files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it(`no source file is longer than ${LINES_MAX} lines`, () => {
    const long = files
      .map((f) => ({ path: f.path, lines: f.text.split('\n').length }))
      .filter((f) => f.lines > LINES_MAX && !f.path.includes('/fixtures/'))
      .map((f) => `${f.path}: ${f.lines} lines`);
    expect(long).toEqual([]);
  });

  it('nothing throws a string', () => {
    const bad = files.filter((f) => /\bthrow\s+['"`]/.test(f.text)).map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('no any', () => {
    const bad = files
      .filter((f) => f.path !== 'tests/repo/tidy.test.ts')
      .filter((f) => /(:\s*any\b|\bas\s+any\b|<any>)/.test(withoutComments(f.text)))
      .map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('no export * from an index', () => {
    const bad = files.filter((f) => /^export \* from/m.test(f.text)).map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('every source file starts with a header comment', () => {
    const bad = files
      .filter((f) => !f.path.endsWith('.test.ts') && !f.path.endsWith('index.ts') && !f.path.includes('/fixtures/'))
      .filter((f) => !/^(#!.*\n)?\s*(\/\*|\/\/)/.test(f.text))
      .map((f) => f.path);
    expect(bad).toEqual([]);
  });
});
