/**
 * Reading and writing the zip container for zip and unzip. Writing goes through fflate's `zipSync` (stored or
 * deflated entries, Unix modes in the external attributes, an extended-timestamp extra field with the mtime);
 * reading parses the central directory here, because fflate's readers do not expose modes or times, and
 * inflates with fflate. Times are UTC (the sandbox's local time). Zip64 archives are not read.
 */
import { crc32 } from 'node:zlib';
import { type DeflateOptions, inflateSync, type ZipOptions, zipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are reported as unsupported. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  mtimeMs: number;
  /** Unix mode with type bits, or 0 when the archive was not made on Unix. */
  unixMode: number;
  localOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EXTENDED_TIMESTAMP = 0x5455;
const S_IFMT = 0o170000;
export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;

const decoder = new TextDecoder();

/** Central-directory entries of a whole archive, in order. */
export function readEntries(archive: Uint8Array): ZipEntry[] {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  let eocd = -1;
  for (let i = archive.length - 22; i >= 0 && i >= archive.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new ZipFormatError('end-of-central-directory signature not found');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > archive.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('bad central directory');
    }
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = decoder.decode(archive.subarray(at + 46, at + 46 + nameLength));
    const extra = archive.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const external = view.getUint32(at + 38, true);
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      mtimeMs: extendedTime(extra) ?? dosTime(view.getUint16(at + 14, true), view.getUint16(at + 12, true)),
      unixMode: madeBy === 3 ? external >>> 16 : 0,
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed data of `entry`; throws ZipFormatError on damage or a CRC mismatch. */
export function entryData(archive: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const at = entry.localOffset;
  if (at + 30 > archive.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipFormatError('bad local header');
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const raw = archive.subarray(start, start + entry.compressedSize);
  if (raw.length !== entry.compressedSize) throw new ZipFormatError('truncated entry');
  let data: Uint8Array;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = inflateSync(raw, { out: new Uint8Array(entry.size) });
    } catch {
      throw new ZipFormatError('bad deflate data');
    }
  } else throw new ZipFormatError(`compression method ${entry.method}`);
  if (data.length !== entry.size || crc32(data) >>> 0 !== entry.crc) throw new ZipFormatError('bad CRC');
  return data;
}

/** Is `entry` a directory, a symlink or a regular file? */
export function entryKind(entry: ZipEntry): 'dir' | 'symlink' | 'file' {
  if (entry.name.endsWith('/') || (entry.unixMode & S_IFMT) === S_IFDIR) return 'dir';
  if ((entry.unixMode & S_IFMT) === S_IFLNK) return 'symlink';
  return 'file';
}

function dosTime(date: number, time: number): number {
  return Date.UTC(
    (date >> 9) + 1980,
    ((date >> 5) & 0xf) - 1,
    date & 0x1f,
    time >> 11,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2,
  );
}

function extendedTime(extra: Uint8Array): number | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === EXTENDED_TIMESTAMP && size >= 5 && (view.getUint8(at + 4) & 1) === 1) {
      return view.getUint32(at + 5, true) * 1000;
    }
    at += 4 + size;
  }
  return undefined;
}

/** One entry to write: directories end with `/`; `unixMode` includes the type bits. */
export interface NewEntry {
  name: string;
  data: Uint8Array;
  unixMode: number;
  mtimeMs: number;
  /** Deflate level, 0 to store. */
  level: number;
}

/** An archive of `entries` in order. */
export function writeArchive(entries: readonly NewEntry[]): Uint8Array {
  const files: Record<string, [Uint8Array, ZipOptions & { os: number; attrs: number; extra: Record<number, Uint8Array> }]> = {};
  for (const e of entries) {
    const stamp = new Uint8Array(5);
    stamp[0] = 1;
    new DataView(stamp.buffer).setUint32(1, Math.floor(e.mtimeMs / 1000), true);
    const dosAttrs = (e.unixMode & S_IFMT) === S_IFDIR ? 0x10 : 0;
    files[e.name] = [
      e.data,
      {
        level: Math.min(9, Math.max(0, Math.trunc(e.level))) as DeflateOptions['level'],
        mtime: new Date(e.mtimeMs + new Date(e.mtimeMs).getTimezoneOffset() * 60_000),
        os: 3,
        attrs: ((e.unixMode << 16) | dosAttrs) >>> 0,
        extra: { [EXTENDED_TIMESTAMP]: stamp },
      },
    ];
  }
  return zipSync(files);
}

/** Info-ZIP's percent(): the space saved, rounded half up, as printed by `zip` and `unzip -v`. */
export function savedPercent(size: number, compressedSize: number): number {
  if (size <= compressedSize) return 0;
  return Math.trunc((1 + Math.trunc((200 * (size - compressedSize)) / size)) / 2);
}
