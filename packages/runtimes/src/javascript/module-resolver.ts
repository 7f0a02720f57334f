/**
 * Node's module resolution over the sandbox filesystem, shared by CommonJS `require` and the ES module
 * loader: relative and absolute files (with the extensions Node tries, plus TypeScript's), directories
 * (package.json `main`, index files), and bare names under `node_modules` up the tree (package `exports` with
 * the `import`/`require`/`node`/`default` conditions). Built-in names resolve to themselves.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { JsSys } from './js-sys.js';

export type ModuleFormat = 'cjs' | 'esm' | 'json';
export type ResolveMode = 'require' | 'import';

export interface Resolved {
  builtin?: string;
  path?: string;
  format?: ModuleFormat;
}

const EXTENSIONS = ['.js', '.mjs', '.cjs', '.json', '.ts', '.mts', '.cts'];
const decoder = new TextDecoder();

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function joinPath(base: string, rel: string): string {
  const parts = rel.startsWith('/') ? [] : base.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.filter((s) => s !== '').join('/')}`;
}

export class ModuleResolver {
  private readonly packageTypes = new Map<string, string | null>();

  constructor(
    private readonly sys: JsSys,
    private readonly isBuiltin: (name: string) => boolean,
  ) {}

  resolve(spec: string, fromDir: string, mode: ResolveMode): Resolved {
    const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
    if (this.isBuiltin(bare)) return { builtin: bare };
    if (spec.startsWith('file://')) spec = decodeURIComponent(spec.slice(7));
    if (spec.startsWith('/') || spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
      const path = this.resolvePath(joinPath(fromDir, spec));
      if (path !== null) return { path, format: this.formatOf(path) };
    } else {
      const path = this.resolvePackage(spec, fromDir, mode);
      if (path !== null) return { path, format: this.formatOf(path) };
    }
    throw new KernelError(Errno.NOENT, `Cannot find module '${spec}' from '${fromDir}'`);
  }

  /** The module format Node would choose: by extension, else by the nearest package.json's `type`. */
  formatOf(path: string): ModuleFormat {
    if (path.endsWith('.json')) return 'json';
    if (path.endsWith('.mjs') || path.endsWith('.mts')) return 'esm';
    if (path.endsWith('.cjs') || path.endsWith('.cts')) return 'cjs';
    return this.packageType(dirname(path)) === 'module' ? 'esm' : 'cjs';
  }

  private packageType(dir: string): string | null {
    const cached = this.packageTypes.get(dir);
    if (cached !== undefined) return cached;
    let type: string | null = null;
    const pkg = this.readJson(`${dir === '/' ? '' : dir}/package.json`);
    if (pkg !== null) type = typeof pkg.type === 'string' ? pkg.type : 'commonjs';
    else if (dir !== '/') type = this.packageType(dirname(dir));
    this.packageTypes.set(dir, type);
    return type;
  }

  private readJson(path: string): Record<string, unknown> | null {
    const st = this.sys.statOrNull(path);
    if (st === null || st.type === 'dir') return null;
    try {
      const v: unknown = JSON.parse(decoder.decode(this.sys.readFile(path)));
      return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  private resolvePath(path: string): string | null {
    const st = this.sys.statOrNull(path);
    if (st !== null && st.type !== 'dir') return path;
    for (const ext of EXTENSIONS) {
      const s = this.sys.statOrNull(path + ext);
      if (s !== null && s.type !== 'dir') return path + ext;
    }
    // TypeScript sources import their siblings by the .js name they will have after compilation.
    const js = /\.(m|c)?js$/.exec(path);
    if (js !== null) {
      const ts = `${path.slice(0, -js[0].length)}.${js[1] ?? ''}ts`;
      const s = this.sys.statOrNull(ts);
      if (s !== null && s.type !== 'dir') return ts;
    }
    if (st !== null && st.type === 'dir') {
      const pkg = this.readJson(`${path}/package.json`);
      const main = pkg !== null && typeof pkg.main === 'string' ? pkg.main : null;
      if (main !== null) {
        const m = this.resolvePath(joinPath(path, main));
        if (m !== null) return m;
      }
      for (const ext of EXTENSIONS) {
        const s = this.sys.statOrNull(`${path}/index${ext}`);
        if (s !== null && s.type !== 'dir') return `${path}/index${ext}`;
      }
    }
    return null;
  }

  private resolvePackage(spec: string, fromDir: string, mode: ResolveMode): string | null {
    const parts = spec.split('/');
    const nameLen = spec.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, nameLen).join('/');
    const sub = parts.slice(nameLen).join('/');
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const pkgDir = `${dir === '/' ? '' : dir}/node_modules/${name}`;
      const st = this.sys.statOrNull(pkgDir);
      if (st !== null && st.type === 'dir') {
        const pkg = this.readJson(`${pkgDir}/package.json`);
        if (pkg !== null && pkg.exports !== undefined) {
          const target = exportsTarget(pkg.exports, sub === '' ? '.' : `./${sub}`, mode);
          if (target !== null) return this.resolvePath(joinPath(pkgDir, target));
        }
        if (sub === '' && pkg !== null && mode === 'import' && typeof pkg.module === 'string') {
          const m = this.resolvePath(joinPath(pkgDir, pkg.module));
          if (m !== null) return m;
        }
        const found = this.resolvePath(sub === '' ? pkgDir : `${pkgDir}/${sub}`);
        if (found !== null) return found;
      }
      if (dir === '/') return null;
    }
  }
}

/** Picks a package's `exports` target for a subpath and resolution mode; null when none matches. */
export function exportsTarget(exports: unknown, subpath: string, mode: ResolveMode): string | null {
  let map: unknown = exports;
  if (typeof exports === 'string' || Array.isArray(exports)) map = { '.': exports };
  else if (typeof exports === 'object' && exports !== null && !Object.keys(exports).some((k) => k.startsWith('.'))) {
    map = { '.': exports };
  }
  if (typeof map !== 'object' || map === null) return null;
  const entries = map as Record<string, unknown>;
  if (subpath in entries) return conditionTarget(entries[subpath], mode, '');
  for (const [key, value] of Object.entries(entries)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const pre = key.slice(0, star);
    const post = key.slice(star + 1);
    if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= pre.length + post.length) {
      return conditionTarget(value, mode, subpath.slice(pre.length, subpath.length - post.length));
    }
  }
  return null;
}

function conditionTarget(value: unknown, mode: ResolveMode, star: string): string | null {
  if (typeof value === 'string') return value.replaceAll('*', star);
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = conditionTarget(v, mode, star);
      if (t !== null) return t;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [cond, v] of Object.entries(value as Record<string, unknown>)) {
    if (cond === mode || cond === 'node' || cond === 'default' || cond === 'module-sync') {
      const t = conditionTarget(v, mode, star);
      if (t !== null) return t;
    }
  }
  return null;
}
