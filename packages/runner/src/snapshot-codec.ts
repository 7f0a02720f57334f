/**
 * Sends plain-data snapshots (VFS state) across IPC without resending unchanged file data. A snapshot is a
 * tree of plain objects, arrays, primitives and Uint8Arrays; the encoder replaces each Uint8Array by a
 * reference and ships only the bytes the receiving decoder does not hold yet.
 *
 * Invariant relied on: a buffer a snapshot references is never mutated afterwards (the VFS copies a
 * snapshot-shared buffer before writing to it), so the same (ArrayBuffer, offset, length) means the same bytes.
 * Encoder and decoder form a pair: each encoding says which ids it uses (`keep`), the decoder drops the rest,
 * and the encoder resends any buffer that was not in its previous encoding.
 */

export interface EncodedSnapshot {
  tree: unknown;
  buffers: Array<{ id: number; data: Uint8Array }>;
  keep: number[];
}

const REF = '__burrowBufferRef';

export class SnapshotEncoder {
  private readonly ids = new WeakMap<ArrayBufferLike, Map<string, number>>();
  private nextId = 1;
  private previous = new Set<number>();

  encode(snapshot: unknown): EncodedSnapshot {
    const buffers: EncodedSnapshot['buffers'] = [];
    const used = new Set<number>();
    const walk = (v: unknown): unknown => {
      if (v instanceof Uint8Array) {
        const id = this.idOf(v);
        if (!used.has(id)) {
          used.add(id);
          if (!this.previous.has(id)) buffers.push({ id, data: v });
        }
        return { [REF]: id };
      }
      if (Array.isArray(v)) return v.map(walk);
      if (typeof v === 'object' && v !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = walk(x);
        return out;
      }
      return v;
    };
    const tree = walk(snapshot);
    this.previous = used;
    return { tree, buffers, keep: [...used] };
  }

  private idOf(b: Uint8Array): number {
    let byRange = this.ids.get(b.buffer);
    if (byRange === undefined) {
      byRange = new Map();
      this.ids.set(b.buffer, byRange);
    }
    const key = `${b.byteOffset}:${b.byteLength}`;
    let id = byRange.get(key);
    if (id === undefined) {
      id = this.nextId++;
      byRange.set(key, id);
    }
    return id;
  }
}

export class SnapshotDecoder {
  private held = new Map<number, Uint8Array>();

  /** Throws TypeError when the encoding refers to a buffer it did not send and the decoder lacks. */
  decode(enc: EncodedSnapshot): unknown {
    const next = new Map<number, Uint8Array>();
    for (const { id, data } of enc.buffers) next.set(id, data);
    for (const id of enc.keep) {
      if (next.has(id)) continue;
      const held = this.held.get(id);
      if (held === undefined) throw new TypeError(`snapshot refers to unknown buffer ${id}`);
      next.set(id, held);
    }
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (typeof v === 'object' && v !== null && !(v instanceof Uint8Array)) {
        if (Object.hasOwn(v, REF)) {
          const id = (v as Record<string, unknown>)[REF];
          const data = typeof id === 'number' ? next.get(id) : undefined;
          if (data === undefined) throw new TypeError(`snapshot refers to unknown buffer ${String(id)}`);
          return data;
        }
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = walk(x);
        return out;
      }
      return v;
    };
    const tree = walk(enc.tree);
    this.held = next;
    return tree;
  }
}

/** A self-contained encoding (every buffer included), e.g. to recreate a kernel in a fresh runner. */
export function encodeWhole(snapshot: unknown): EncodedSnapshot {
  return new SnapshotEncoder().encode(snapshot);
}

export function decodeWhole(enc: EncodedSnapshot): unknown {
  return new SnapshotDecoder().decode(enc);
}
