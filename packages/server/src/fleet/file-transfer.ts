/**
 * Streaming file transfer over a sandbox's KernelFs, for any transport: a download reads the file in chunks
 * of DOWNLOAD_CHUNK_BYTES, an upload writes the incoming bytes to a temporary file beside the target in
 * chunks of at most UPLOAD_CHUNK_BYTES and renames it over the target at the end. Neither ever holds the
 * whole file.
 *
 * Invariants: an upload replaces the target atomically or not at all (a failed, aborted or oversized upload
 * leaves the old file as it was and removes its temporary file); a download yields exactly the `size` bytes
 * that its stat reported, or fails (a file that shrinks while it is read ends the download with an error).
 * A download is not a snapshot: a file rewritten during it may be read partly old, partly new.
 */
import { randomBytes } from 'node:crypto';
import type { KernelFs } from '@burrow/kernel';
import { type BurrowError, burrowError, Errno, isKernelError, KernelError, SERVICE_LIMITS } from '@burrow/protocol';

/** Bytes per read of a download: a few IPC round trips per MiB, little memory per transfer. */
export const DOWNLOAD_CHUNK_BYTES = SERVICE_LIMITS.downloadChunkBytes;
/** Most bytes per write of an upload: small request chunks are coalesced up to it, large ones split. */
export const UPLOAD_CHUNK_BYTES = SERVICE_LIMITS.uploadChunkBytes;

export interface FileDownload {
  /** The file's size when the download opened; `chunks` yields exactly this many bytes. */
  size: number;
  chunks: AsyncGenerator<Uint8Array, void, undefined>;
}

/**
 * Opens a download: stats the file and reads its first chunk, so a missing file or a directory fails here,
 * before a caller has sent anything.
 */
export async function openDownload(fs: KernelFs, path: string, chunkBytes = DOWNLOAD_CHUNK_BYTES): Promise<FileDownload> {
  const { size } = await fs.stat(path);
  const first = await fs.readFileChunk(path, 0, Math.min(chunkBytes, size));
  return { size, chunks: downloadChunks(fs, path, size, first, chunkBytes) };
}

async function* downloadChunks(
  fs: KernelFs,
  path: string,
  size: number,
  first: Uint8Array,
  chunkBytes: number,
): AsyncGenerator<Uint8Array, void, undefined> {
  let offset = 0;
  let chunk = first;
  for (;;) {
    const part = chunk.length > size - offset ? chunk.subarray(0, size - offset) : chunk;
    if (part.length > 0) yield part;
    offset += part.length;
    if (offset >= size) return;
    if (part.length === 0) throw new Error(`${path} shrank while it was being read`);
    chunk = await fs.readFileChunk(path, offset, Math.min(chunkBytes, size - offset));
  }
}

export interface UploadOptions {
  /** The most bytes the upload may carry (payload_too_large past it). */
  limitBytes: number;
  chunkBytes?: number;
}

/**
 * Writes `source` to `path` through a temporary file in the same directory (created, with missing parents,
 * on the first chunk) and renames it over `path` once `source` ends. An existing file's mode carries over.
 * Returns the byte count. If `source` throws, the upload fails with that error and changes nothing.
 */
export async function uploadFile(fs: KernelFs, path: string, source: AsyncIterable<Uint8Array>, opts: UploadOptions): Promise<number> {
  const chunkBytes = opts.chunkBytes ?? UPLOAD_CHUNK_BYTES;
  const slash = path.lastIndexOf('/');
  if (slash === path.length - 1) throw new KernelError(Errno.ISDIR);
  const dir = path.slice(0, slash);
  const mode = await existingMode(fs, path);
  if (dir !== '') await fs.mkdir(dir, { recursive: true });
  const temp = `${dir}/.burrow-upload-${randomBytes(8).toString('hex')}`;
  let created = false;
  let total = 0;
  const flush = async (data: Uint8Array): Promise<void> => {
    if (created) await fs.appendFile(temp, data);
    else {
      created = true;
      await fs.writeFile(temp, data, mode === undefined ? {} : { mode });
    }
  };
  try {
    let parts: Uint8Array[] = [];
    let held = 0;
    for await (const chunk of source) {
      total += chunk.length;
      if (total > opts.limitBytes) throw tooLarge(opts.limitBytes);
      for (let at = 0; at < chunk.length; ) {
        const take = Math.min(chunk.length - at, chunkBytes - held);
        parts.push(at === 0 && take === chunk.length ? chunk : chunk.subarray(at, at + take));
        held += take;
        at += take;
        if (held === chunkBytes) {
          await flush(joined(parts, held));
          parts = [];
          held = 0;
        }
      }
    }
    if (held > 0 || !created) await flush(joined(parts, held));
    await fs.rename(temp, path);
    return total;
  } catch (e) {
    if (created) await fs.remove(temp).catch(() => {});
    throw e;
  }
}

/** The permission bits of the file at `path`, undefined when there is none; a directory there is EISDIR. */
async function existingMode(fs: KernelFs, path: string): Promise<number | undefined> {
  try {
    const st = await fs.stat(path);
    if (st.kind === 'dir') throw new KernelError(Errno.ISDIR);
    return st.mode & 0o7777;
  } catch (e) {
    if (isKernelError(e) && e.errno === Errno.NOENT) return undefined;
    throw e;
  }
}

function joined(parts: Uint8Array[], bytes: number): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function tooLarge(limitBytes: number): BurrowError {
  return burrowError('payload_too_large', `request body is larger than ${limitBytes} bytes`, { limit: limitBytes });
}
