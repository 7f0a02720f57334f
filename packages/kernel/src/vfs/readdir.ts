/**
 * Directory listing with stable cookies. "." has cookie 1, ".." cookie 2; a lower directory's entry i has
 * COOKIE_FIRST + i; an upper entry gets the next cookie of its directory when it is linked. A cookie therefore
 * keeps its meaning while other entries come and go: resuming after cookie c lists every entry with a larger
 * cookie that still exists, and never repeats one. Cookies are numbers inside and bigint at the API (WASI's
 * dircookie is a u64).
 */
import type { NodeStore } from './node-store.js';
import { COOKIE_DOT, COOKIE_DOTDOT, COOKIE_FIRST, type DirEntryWithCookie, WHITEOUT } from './types.js';

export function listDir(store: NodeStore, dirIno: number, cookie: bigint, maxEntries: number): DirEntryWithCookie[] {
  const dir = store.dirNode(dirIno);
  const out: DirEntryWithCookie[] = [];
  if (dir.nlink === 0 || maxEntries <= 0) return out;
  const after = cookie > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(cookie);
  if (after < COOKIE_DOT) out.push({ name: '.', ino: dirIno, kind: 'dir', cookie: BigInt(COOKIE_DOT) });
  if (after < COOKIE_DOTDOT && out.length < maxEntries) {
    out.push({ name: '..', ino: store.parentOf(dirIno), kind: 'dir', cookie: BigInt(COOKIE_DOTDOT) });
  }
  const up = store.nodes.get(dirIno);
  const upDir = up !== undefined && up.kind === 'dir' ? up : undefined;
  const low = upDir === undefined || upDir.merged ? store.lower.dir(dirIno) : undefined;
  if (low !== undefined) {
    for (let i = Math.max(0, after - COOKIE_FIRST + 1); i < low.names.length && out.length < maxEntries; i++) {
      const name = low.names[i];
      const ino = low.inos[i];
      if (name === undefined || ino === undefined || upDir?.entries.has(name)) continue;
      const kind = store.get(ino)?.kind;
      if (kind !== undefined) out.push({ name, ino, kind, cookie: BigInt(COOKIE_FIRST + i) });
    }
  }
  if (upDir !== undefined) {
    for (const [name, e] of upDir.entries) {
      if (out.length >= maxEntries) break;
      if (e.ino === WHITEOUT || e.cookie <= after) continue;
      const kind = store.get(e.ino)?.kind;
      if (kind !== undefined) out.push({ name, ino: e.ino, kind, cookie: BigInt(e.cookie) });
    }
  }
  return out;
}
