/**
 * Path resolution, *at()-style: a path is walked from a start directory (or from the root when absolute),
 * one component at a time, expanding symlinks in place.
 *
 * Invariants: resolution never leaves the sandbox root (`..` at `/` stays at `/`, an absolute symlink target
 * restarts at the sandbox root); at most `symlinkHopsMax` symlinks are expanded per call (ELOOP past it). In
 * `beneath` mode the walk is confined to the start directory, as WASI requires of directory descriptors: an
 * absolute path, an absolute symlink target, or a `..` that would climb above the start (however it is
 * reached, through symlinks too) gives NOTCAPABLE. Depth is counted along the walk, so a relative symlink
 * may go up and down as long as it never rises above the start.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { NodeStore } from './node-store.js';
import { checkName, checkPath, splitPath } from './path-rules.js';
import { ROOT_INO } from './types.js';

export interface Resolution {
  /** Directory that holds (or would hold) the final component. */
  parent: number;
  /** Final component; '.' for a path with no components ("/"), or '.'/'..' when the path ends so. */
  name: string;
  /** The final inode, or undefined when only the final component is missing. */
  ino: number | undefined;
  /** The path ended with '/' (directly or through a final symlink's target). */
  trailingSlash: boolean;
}

/**
 * Resolves `path` from `startIno`. With `follow`, a final symlink is expanded (a trailing slash forces that
 * too). A missing final component is not an error (ino is undefined); a missing or non-directory intermediate
 * one is (ENOENT / ENOTDIR).
 */
export function resolvePath(
  store: NodeStore,
  startIno: number,
  path: string,
  follow: boolean,
  beneath: boolean,
): Resolution {
  const limits = store.limits;
  checkPath(path, limits);
  let cur: number;
  if (path.charCodeAt(0) === 47) {
    if (beneath) throw new KernelError(Errno.NOTCAPABLE, 'absolute path');
    cur = ROOT_INO;
  } else {
    cur = startIno;
  }
  store.liveDir(cur);
  // Components to walk, last one first, so a symlink's target is pushed in front cheaply.
  const stack = splitPath(path).reverse();
  let trailingSlash = path.charCodeAt(path.length - 1) === 47;
  let depth = 0;
  let hops = 0;
  if (stack.length === 0) return { parent: store.parentOf(cur), name: '.', ino: cur, trailingSlash };

  for (;;) {
    const name = stack.pop() ?? '.';
    const last = stack.length === 0;
    checkName(name, limits);
    if (name === '.') {
      if (last) return { parent: store.parentOf(cur), name, ino: cur, trailingSlash };
      continue;
    }
    if (name === '..') {
      if (beneath) {
        if (depth === 0) throw new KernelError(Errno.NOTCAPABLE, '.. above the start directory');
        depth--;
      }
      cur = store.parentOf(cur);
      store.liveDir(cur);
      if (last) return { parent: store.parentOf(cur), name, ino: cur, trailingSlash };
      continue;
    }
    const child = store.lookupName(cur, name);
    if (child === undefined) {
      if (last) return { parent: cur, name, ino: undefined, trailingSlash };
      throw new KernelError(Errno.NOENT);
    }
    const node = store.need(child);
    if (node.kind === 'symlink' && (!last || follow || trailingSlash)) {
      if (++hops > limits.symlinkHopsMax) throw new KernelError(Errno.LOOP);
      const target = node.target;
      if (target.charCodeAt(0) === 47) {
        if (beneath) throw new KernelError(Errno.NOTCAPABLE, 'absolute symlink');
        cur = ROOT_INO;
      }
      const parts = splitPath(target);
      if (last && target.charCodeAt(target.length - 1) === 47) trailingSlash = true;
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] ?? '.');
      if (stack.length === 0) return { parent: store.parentOf(cur), name: '.', ino: cur, trailingSlash };
      continue;
    }
    if (last) {
      if (trailingSlash && node.kind !== 'dir') throw new KernelError(Errno.NOTDIR);
      return { parent: cur, name, ino: child, trailingSlash };
    }
    if (node.kind !== 'dir') throw new KernelError(Errno.NOTDIR);
    cur = child;
    if (beneath) depth++;
  }
}

/** The absolute path of a live directory, from its parent links (for getcwd and realpath). */
export function dirPath(store: NodeStore, dirIno: number): string {
  const names: string[] = [];
  let cur = dirIno;
  store.liveDir(cur);
  while (cur !== ROOT_INO) {
    const parent = store.parentOf(cur);
    const name = nameIn(store, parent, cur);
    if (name === undefined) throw new KernelError(Errno.NOENT);
    names.push(name);
    cur = parent;
  }
  return `/${names.reverse().join('/')}`;
}

function nameIn(store: NodeStore, dirIno: number, ino: number): string | undefined {
  const up = store.nodes.get(dirIno);
  if (up !== undefined && up.kind === 'dir') {
    for (const [name, e] of up.entries) if (e.ino === ino) return name;
    if (!up.merged) return undefined;
  }
  const low = store.lower.dir(dirIno);
  if (low === undefined) return undefined;
  for (let i = 0; i < low.names.length; i++) {
    const name = low.names[i];
    if (low.inos[i] === ino && name !== undefined && (up === undefined || !(up.kind === 'dir' && up.entries.has(name)))) {
      return name;
    }
  }
  return undefined;
}
