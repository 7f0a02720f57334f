/**
 * Lists the repository's TypeScript sources for repository-wide checks (import graph, tidy).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface SourceFile {
  /** Path relative to the repository root. */
  path: string;
  pkg: string | null;
  text: string;
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
}

export function sourceFiles(): SourceFile[] {
  const paths: string[] = [];
  for (const top of ['packages', 'tests', 'bench']) {
    try {
      walk(join(ROOT, top), paths);
    } catch {
      // a top-level folder that does not exist yet
    }
  }
  return paths.map((abs) => {
    const path = relative(ROOT, abs);
    const m = /^packages\/([^/]+)\//.exec(path);
    return { path, pkg: m?.[1] ?? null, text: readFileSync(abs, 'utf8') };
  });
}
