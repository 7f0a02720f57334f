/**
 * The package boundaries of DESIGN.md §2, enforced: each package imports only the packages below it, through
 * their package names, and declares them as dependencies.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files.js';

const ALLOWED: Record<string, string[]> = {
  protocol: [],
  kernel: ['protocol'],
  shell: ['protocol'],
  runtimes: ['protocol', 'shell'],
  runner: ['protocol', 'kernel', 'runtimes', 'shell'],
  storage: ['protocol', 'kernel'],
  server: ['protocol', 'kernel', 'runner', 'storage', 'shell'],
  sdk: ['protocol'],
  cli: ['protocol', 'sdk', 'server', 'runner', 'kernel'],
  mcp: ['protocol', 'sdk', 'server'],
};

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2];
    if (spec !== undefined) out.push(spec);
  }
  return out;
}

describe('import graph', () => {
  const files = sourceFiles().filter((f) => f.pkg !== null);

  it('finds the packages it checks', () => {
    const pkgs = new Set(files.map((f) => f.pkg));
    expect(pkgs.has('protocol')).toBe(true);
    expect(pkgs.has('kernel')).toBe(true);
  });

  it('every package imports only the packages below it', () => {
    const violations: string[] = [];
    for (const f of files) {
      const pkg = f.pkg as string;
      const allowed = ALLOWED[pkg];
      if (allowed === undefined) {
        violations.push(`${f.path}: package '${pkg}' has no place in the layer table`);
        continue;
      }
      for (const spec of importsOf(f.text)) {
        const m = /^@burrow\/([^/]+)/.exec(spec);
        if (m !== null && m[1] !== pkg && !allowed.includes(m[1] as string)) {
          violations.push(`${f.path}: ${pkg} must not import ${spec}`);
        }
        if (spec.startsWith('.')) {
          const target = posix.normalize(posix.join(posix.dirname(f.path), spec));
          const sharedTestMaterial = target.startsWith('tests/') && /(\.test\.ts$|\/testing\/)/.test(f.path);
          if (!target.startsWith(`packages/${pkg}/`) && !sharedTestMaterial) violations.push(`${f.path}: relative import ${spec} leaves its package`);
        }
        if (/packages\//.test(spec)) violations.push(`${f.path}: imports another package by path: ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('every imported package is a declared dependency', () => {
    const missing: string[] = [];
    const pkgs = new Set(files.map((f) => f.pkg as string));
    for (const pkg of pkgs) {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', pkg, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const declared = new Set([
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.devDependencies ?? {}),
      ]);
      for (const f of files.filter((x) => x.pkg === pkg && !x.path.endsWith('.test.ts'))) {
        for (const spec of importsOf(f.text)) {
          const m = /^(@burrow\/[^/]+)/.exec(spec);
          if (m !== null && m[1] !== `@burrow/${pkg}` && !declared.has(m[1] as string)) {
            missing.push(`${f.path}: ${m[1]} is not in packages/${pkg}/package.json`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
