/**
 * Pathname expansion: a pattern (backslash-escaped where the word was quoted) is split at `/` and matched
 * directory by directory through `Sys.readdir`; `**` under globstar descends recursively. Results are sorted
 * bytewise, as bash does in the C locale. A leading `.` matches only a literal `.` unless dotglob is set, and
 * `.`/`..` are never produced by a wildcard, not even by `.*` (bash 5.2's globskipdots).
 */
import { compileFnmatch, hasGlobMeta, unescapePattern } from '../pattern/fnmatch.js';
import type { Sys } from '../sys.js';

export interface GlobOptions {
  dotglob: boolean;
  globstar: boolean;
  nocaseglob: boolean;
}

export async function glob(sys: Sys, cwd: string, pattern: string, opts: GlobOptions): Promise<string[]> {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  if (absolute) segs.shift();
  // `pat/` matches directories only.
  const dirsOnly = pattern.endsWith('/');
  let paths: string[] = [absolute ? '/' : ''];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] ?? '';
    const last = i === segs.length - 1 && !dirsOnly;
    const next: string[] = [];
    if (seg === '**' && opts.globstar) {
      for (const p of paths) await walk(sys, cwd, p, opts, next, last);
    } else if (!hasGlobMeta(seg)) {
      const name = unescapePattern(seg);
      for (const p of paths) {
        const full = join(p, name);
        if (last ? await exists(sys, resolve(cwd, full)) : await isDir(sys, resolve(cwd, full))) next.push(full);
      }
    } else {
      const re = compileFnmatch(seg, { casefold: opts.nocaseglob });
      const explicitDot = seg.startsWith('.') || seg.startsWith('\\.');
      for (const p of paths) {
        let entries: { name: string; type: string }[];
        try {
          entries = await sys.readdir(resolve(cwd, p === '' ? '.' : p));
        } catch {
          continue;
        }
        const names = entries.map((e) => e.name);
        for (const name of names.sort(compare)) {
          if (name.startsWith('.') && !explicitDot && !opts.dotglob) continue;
          if ((name === '.' || name === '..') && !explicitDot) continue;
          if (!re.test(name)) continue;
          const full = join(p, name);
          if (!last && !(await isDir(sys, resolve(cwd, full)))) continue;
          next.push(full);
        }
      }
    }
    paths = next;
    if (paths.length === 0) return [];
  }
  if (pattern.endsWith('/')) paths = paths.map((p) => `${p}/`);
  return paths.sort(compare);
}

async function walk(sys: Sys, cwd: string, base: string, opts: GlobOptions, out: string[], last: boolean): Promise<void> {
  // `**` matches the directory itself (as an empty segment) and everything below it.
  if (!last) out.push(base);
  let entries: { name: string; type: string }[];
  try {
    entries = await sys.readdir(resolve(cwd, base === '' ? '.' : base));
  } catch {
    return;
  }
  for (const e of entries.slice().sort((a, b) => compare(a.name, b.name))) {
    if (e.name.startsWith('.') && !opts.dotglob) continue;
    const full = join(base, e.name);
    if (e.type === 'dir') {
      if (last) out.push(full);
      await walk(sys, cwd, full, opts, out, last);
    } else if (last) out.push(full);
  }
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}

function resolve(cwd: string, p: string): string {
  if (p.startsWith('/')) return p;
  return cwd === '/' ? `/${p}` : `${cwd}/${p}`;
}

async function exists(sys: Sys, p: string): Promise<boolean> {
  try {
    await sys.stat(p, { follow: false });
    return true;
  } catch {
    return false;
  }
}

async function isDir(sys: Sys, p: string): Promise<boolean> {
  try {
    return (await sys.stat(p)).type === 'dir';
  } catch {
    return false;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
