/**
 * The read-only lower layer: shared runtime files, built once and shared by many Vfs instances without
 * copying (a Vfs never mutates it; copy-up happens in the Vfs's own upper layer). It is never serialized with a
 * sandbox: a snapshot names it by `id`, and restoring needs the same layer.
 *
 * Invariants: inode numbers are assigned in sorted path order, so the same entries always give the same
 * numbers; the root is ROOT_INO, every other node is LOWER_INO_BASE + k. Directories list their entries
 * sorted by name. File data passed to fromEntries is owned by the layer from then on (not copied).
 */
import { LOWER_INO_BASE, type LowerDir, type LowerNode, ROOT_INO } from './types.js';

export interface LowerEntry {
  /** Absolute, normalized path ("/usr/bin/x"). */
  path: string;
  kind: 'file' | 'dir' | 'symlink';
  data?: Uint8Array;
  target?: string;
  mode?: number;
  mtimeNs?: bigint;
}

interface BuildDir {
  node: LowerDir;
  children: Map<string, number>;
}

export class LowerLayer {
  /** Identifies the layer's structure (paths, kinds, modes, sizes, targets) in snapshots. */
  readonly id: string;
  readonly inodeCount: number;
  readonly #nodes: ReadonlyMap<number, LowerNode>;

  private constructor(id: string, nodes: ReadonlyMap<number, LowerNode>) {
    this.id = id;
    this.#nodes = nodes;
    this.inodeCount = nodes.size;
  }

  /** A layer with an empty root directory. */
  static empty(): LowerLayer {
    return LowerLayer.fromEntries([]);
  }

  static fromEntries(entries: readonly LowerEntry[], opts: { id?: string } = {}): LowerLayer {
    const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const nodes = new Map<number, LowerNode>();
    const dirs = new Map<string, BuildDir>();
    const explicit = new Set<string>();
    let next = LOWER_INO_BASE;
    const hash = new Fnv();

    const root = emptyDir(ROOT_INO, ROOT_INO, 0o755, 0n);
    nodes.set(ROOT_INO, root);
    dirs.set('/', { node: root, children: new Map() });

    const ensureDir = (path: string): BuildDir => {
      const have = dirs.get(path);
      if (have !== undefined) return have;
      const cut = path.lastIndexOf('/');
      const parent = ensureDir(cut === 0 ? '/' : path.slice(0, cut));
      const name = path.slice(cut + 1);
      if (parent.children.has(name)) throw new Error(`lower layer: ${path} is not a directory`);
      const node = emptyDir(next++, parent.node.ino, 0o755, 0n);
      nodes.set(node.ino, node);
      parent.children.set(name, node.ino);
      const built = { node, children: new Map<string, number>() };
      dirs.set(path, built);
      return built;
    };

    for (const e of sorted) {
      checkLowerPath(e.path);
      if (explicit.has(e.path)) throw new Error(`lower layer: duplicate path ${e.path}`);
      explicit.add(e.path);
      const mtimeNs = e.mtimeNs ?? 0n;
      hash.add(`${e.path}\0${e.kind}\0${e.mode ?? ''}\0${e.data?.length ?? 0}\0${e.target ?? ''}\n`);
      if (e.kind === 'dir') {
        const d = ensureDir(e.path);
        d.node.mode = e.mode ?? 0o755;
        d.node.mtimeNs = d.node.atimeNs = d.node.ctimeNs = mtimeNs;
        continue;
      }
      const cut = e.path.lastIndexOf('/');
      const parent = ensureDir(cut === 0 ? '/' : e.path.slice(0, cut));
      const name = e.path.slice(cut + 1);
      if (parent.children.has(name)) throw new Error(`lower layer: duplicate path ${e.path}`);
      const ino = next++;
      const meta = { ino, nlink: 1, atimeNs: mtimeNs, mtimeNs, ctimeNs: mtimeNs };
      if (e.kind === 'file') {
        const data = e.data ?? new Uint8Array(0);
        nodes.set(ino, { ...meta, kind: 'file', mode: e.mode ?? 0o644, data, size: data.length });
      } else {
        if (e.target === undefined || e.target === '') throw new Error(`lower layer: symlink ${e.path} needs a target`);
        nodes.set(ino, { ...meta, kind: 'symlink', mode: e.mode ?? 0o777, target: e.target });
      }
      parent.children.set(name, ino);
    }

    for (const { node, children } of dirs.values()) {
      const names = [...children.keys()].sort();
      const inos = names.map((n) => children.get(n) ?? 0);
      let subdirs = 0;
      for (const ino of inos) if (nodes.get(ino)?.kind === 'dir') subdirs++;
      node.names = names;
      node.inos = inos;
      node.index = new Map(children);
      node.nlink = 2 + subdirs;
    }
    // Frozen so that a mutation that forgot to copy up fails loudly instead of leaking into other sandboxes.
    for (const n of nodes.values()) Object.freeze(n);
    return new LowerLayer(opts.id ?? `lower:${nodes.size}:${hash.hex()}`, nodes);
  }

  node(ino: number): LowerNode | undefined {
    return this.#nodes.get(ino);
  }

  dir(ino: number): LowerDir | undefined {
    const n = this.#nodes.get(ino);
    return n?.kind === 'dir' ? n : undefined;
  }
}

function emptyDir(ino: number, parent: number, mode: number, timeNs: bigint): LowerDir {
  return {
    kind: 'dir',
    ino,
    parent,
    mode,
    nlink: 2,
    atimeNs: timeNs,
    mtimeNs: timeNs,
    ctimeNs: timeNs,
    names: [],
    inos: [],
    index: new Map(),
  };
}

function checkLowerPath(path: string): void {
  if (!path.startsWith('/') || path === '/' || path.endsWith('/') || path.includes('\0')) {
    throw new Error(`lower layer: bad path ${JSON.stringify(path)}`);
  }
  for (const part of path.slice(1).split('/')) {
    if (part === '' || part === '.' || part === '..') throw new Error(`lower layer: bad path ${JSON.stringify(path)}`);
  }
}

/** 64-bit FNV-1a over UTF-16 code units, as two 32-bit halves (no bigint on the build path). */
class Fnv {
  #hi = 0xcbf29ce4;
  #lo = 0x84222325;
  add(s: string): void {
    for (let i = 0; i < s.length; i++) {
      this.#lo ^= s.charCodeAt(i);
      // Multiply the 64-bit state by the FNV prime 0x100000001b3.
      const lo = this.#lo;
      const hi = this.#hi;
      const l = Math.imul(lo, 0x1b3) >>> 0;
      const carry = Math.floor(((lo >>> 0) * 0x1b3) / 0x100000000);
      this.#hi = (Math.imul(hi, 0x1b3) + (lo << 8) + carry) >>> 0;
      this.#lo = l;
    }
  }
  hex(): string {
    return this.#hi.toString(16).padStart(8, '0') + this.#lo.toString(16).padStart(8, '0');
  }
}
