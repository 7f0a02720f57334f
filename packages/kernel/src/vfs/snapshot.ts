/**
 * Conversion of a Vfs's state to plain, structured-cloneable data and back. The snapshot holds the upper layer
 * only (nodes, whiteouts, removed lower inodes, counters, open file descriptions) and names the lower layer by
 * id; restoring over a different lower layer is refused.
 *
 * File data is not copied: a snapshot and the live state share each buffer, and the buffer is marked shared so
 * the next write to the file copies it first. A snapshot is therefore immutable once taken, and restoring the
 * same snapshot several times (forks) is safe. Buffers are trimmed to the file size first, so a structured
 * clone carries no spare capacity.
 */
import type { NodeStore } from './node-store.js';
import type { OpenFileTable } from './open-file.js';
import type { DirEntryRecord, NodeSnapshot, UpperNode, VfsSnapshot } from './types.js';

export function snapshotState(store: NodeStore, files: OpenFileTable): VfsSnapshot {
  const nodes: NodeSnapshot[] = [];
  for (const n of store.nodes.values()) nodes.push(snapshotNode(n));
  return {
    version: 1,
    lowerId: store.lower.id,
    nextIno: store.nextIno,
    nextOpenId: files.nextId,
    bytes: store.bytes,
    inodes: store.inodes,
    nodes,
    dead: [...store.dead],
    openFiles: [...files.files.values()].map((s) => ({ ...s })),
  };
}

function snapshotNode(n: UpperNode): NodeSnapshot {
  const { ino, mode, nlink, atimeNs, mtimeNs, ctimeNs } = n;
  if (n.kind === 'file') {
    if (n.data !== null) {
      if (n.data.length !== n.size) n.data = n.data.slice(0, n.size);
      n.shared = true;
    }
    return { kind: 'file', ino, mode, nlink, atimeNs, mtimeNs, ctimeNs, data: n.data, size: n.size };
  }
  if (n.kind === 'symlink') return { kind: 'symlink', ino, mode, nlink, atimeNs, mtimeNs, ctimeNs, target: n.target };
  const names: string[] = [];
  const inos: number[] = [];
  const cookies: number[] = [];
  for (const [name, e] of n.entries) {
    names.push(name);
    inos.push(e.ino);
    cookies.push(e.cookie);
  }
  const { parent, merged, nextCookie } = n;
  return { kind: 'dir', ino, mode, nlink, atimeNs, mtimeNs, ctimeNs, parent, merged, nextCookie, names, inos, cookies };
}

/** Loads a snapshot into a fresh store and table. */
export function restoreState(snap: VfsSnapshot, store: NodeStore, files: OpenFileTable): void {
  if (snap.version !== 1) throw new Error(`vfs snapshot: unknown version ${String(snap.version)}`);
  if (snap.lowerId !== store.lower.id) {
    throw new Error(`vfs snapshot: taken over lower layer ${snap.lowerId}, restoring over ${store.lower.id}`);
  }
  store.nodes.clear();
  for (const s of snap.nodes) store.nodes.set(s.ino, restoreNode(s));
  store.dead.clear();
  for (const ino of snap.dead) store.dead.add(ino);
  store.nextIno = snap.nextIno;
  store.bytes = snap.bytes;
  store.inodes = snap.inodes;
  files.files.clear();
  for (const s of snap.openFiles) {
    files.files.set(s.id, { ...s });
    store.addOpen(s.ino);
  }
  files.nextId = snap.nextOpenId;
}

function restoreNode(s: NodeSnapshot): UpperNode {
  const { ino, mode, nlink, atimeNs, mtimeNs, ctimeNs } = s;
  if (s.kind === 'file') {
    const shared = s.data !== null;
    return { kind: 'file', ino, mode, nlink, atimeNs, mtimeNs, ctimeNs, data: s.data, size: s.size, shared };
  }
  if (s.kind === 'symlink') return { kind: 'symlink', ino, mode, nlink, atimeNs, mtimeNs, ctimeNs, target: s.target };
  const entries = new Map<string, DirEntryRecord>();
  for (let i = 0; i < s.names.length; i++) {
    const name = s.names[i];
    const entryIno = s.inos[i];
    const cookie = s.cookies[i];
    if (name === undefined || entryIno === undefined || cookie === undefined) {
      throw new Error('vfs snapshot: ragged entries');
    }
    entries.set(name, { ino: entryIno, cookie });
  }
  const { parent, merged, nextCookie } = s;
  return { kind: 'dir', ino, mode, nlink, atimeNs, mtimeNs, ctimeNs, parent, merged, nextCookie, entries };
}
