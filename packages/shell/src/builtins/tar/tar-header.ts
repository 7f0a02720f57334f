/**
 * The tar archive format: 512-byte ustar headers (POSIX 1003.1-1988) with pax extended headers (`x`) where a
 * name, link target, size or time does not fit a ustar field, as GNU tar writes with `--format=posix`. Reading
 * also accepts GNU tar's own format (`ustar  ` magic, `L`/`K` long-name records, base-256 numbers) and v7
 * headers. Invariants: every record is a multiple of 512 bytes; a member's data follows its header padded with
 * zeros to the next 512-byte boundary; an archive ends with two zero blocks and is padded to a 10240-byte record,
 * as GNU tar's default blocking factor of 20 does.
 */

export const BLOCK_BYTES = 512;
export const RECORD_BYTES = 10240;

export type MemberType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** A member as stored: `name` is the full member name (directories end with `/`). */
export interface TarMember {
  name: string;
  type: MemberType;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  size: number;
  mtimeMs: number;
  /** Symlink target or the name a hard link points to. */
  linkName: string;
  /** The raw typeflag, for messages about unsupported member types. */
  typeflag: string;
}

/** An archive that cannot be parsed; `atStart` tells whether no member was read before the damage. */
export class TarFormatError extends Error {
  constructor(readonly atStart: boolean) {
    super(atStart ? 'This does not look like a tar archive' : 'Unexpected EOF in archive');
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const TYPEFLAG: Record<MemberType, string> = { file: '0', hardlink: '1', symlink: '2', dir: '5', other: '0' };
const OCTAL_SIZE_MAX = 0o77777777777;

/** Header (and pax header, when needed) of `m`, ready to be followed by its data. */
export function encodeHeader(m: TarMember): Uint8Array {
  const pax: Array<[string, string]> = [];
  let name: Uint8Array = encoder.encode(m.name);
  let prefix: Uint8Array = new Uint8Array(0);
  if (name.length > 100) {
    const split = splitName(name);
    if (split === undefined) {
      pax.push(['path', m.name]);
      name = name.subarray(0, 100);
    } else [prefix, name] = split;
  }
  let link: Uint8Array = encoder.encode(m.linkName);
  if (link.length > 100) {
    pax.push(['linkpath', m.linkName]);
    link = link.subarray(0, 100);
  }
  const size = m.type === 'file' ? m.size : 0;
  if (size > OCTAL_SIZE_MAX) pax.push(['size', String(size)]);
  const mtime = Math.floor(m.mtimeMs / 1000);
  if (mtime < 0 || mtime > OCTAL_SIZE_MAX) pax.push(['mtime', String(mtime)]);
  const header = ustarBlock({
    name,
    prefix,
    link,
    mode: m.mode & 0o7777,
    uid: m.uid,
    gid: m.gid,
    size: size > OCTAL_SIZE_MAX ? 0 : size,
    mtime: mtime < 0 || mtime > OCTAL_SIZE_MAX ? 0 : mtime,
    typeflag: TYPEFLAG[m.type],
    uname: m.uname,
    gname: m.gname,
  });
  if (pax.length === 0) return header;
  const body = encoder.encode(pax.map(([k, v]) => paxRecord(k, v)).join(''));
  const paxHeader = ustarBlock({
    name: encoder.encode(paxHeaderName(m.name)).subarray(0, 100),
    prefix: new Uint8Array(0),
    link: new Uint8Array(0),
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: body.length,
    mtime: mtime < 0 || mtime > OCTAL_SIZE_MAX ? 0 : mtime,
    typeflag: 'x',
    uname: '',
    gname: '',
  });
  const out = new Uint8Array(BLOCK_BYTES + padded(body.length) + BLOCK_BYTES);
  out.set(paxHeader, 0);
  out.set(body, BLOCK_BYTES);
  out.set(header, BLOCK_BYTES + padded(body.length));
  return out;
}

/** `n` rounded up to a whole number of blocks. */
export function padded(n: number): number {
  return Math.ceil(n / BLOCK_BYTES) * BLOCK_BYTES;
}

/** Split a long name into ustar's prefix (≤155 bytes) and name (≤100 bytes) at a `/`. */
function splitName(name: Uint8Array): [Uint8Array, Uint8Array] | undefined {
  for (let i = Math.min(name.length - 1, 155); i > 0; i--) {
    if (name[i] !== 0x2f) continue;
    if (name.length - i - 1 > 100) return undefined;
    if (name.length - i - 1 === 0) continue;
    return [name.subarray(0, i), name.subarray(i + 1)];
  }
  return undefined;
}

/** GNU's pax header name: `DIR/PaxHeaders/BASE`. */
function paxHeaderName(name: string): string {
  const trimmed = name.replace(/\/+$/u, '');
  const slash = trimmed.lastIndexOf('/');
  const dir = slash === -1 ? '.' : trimmed.slice(0, slash);
  return `${dir}/PaxHeaders/${trimmed.slice(slash + 1)}`;
}

/** `LEN key=value\n`, where LEN counts the whole record including its own digits. */
function paxRecord(key: string, value: string): string {
  const rest = encoder.encode(` ${key}=${value}\n`).length;
  let len = rest + 1;
  while (String(len).length + rest !== len) len = String(len).length + rest;
  return `${len} ${key}=${value}\n`;
}

interface UstarFields {
  name: Uint8Array;
  prefix: Uint8Array;
  link: Uint8Array;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: string;
  uname: string;
  gname: string;
}

function ustarBlock(f: UstarFields): Uint8Array {
  const b = new Uint8Array(BLOCK_BYTES);
  const octal = (at: number, width: number, value: number): void => {
    b.set(encoder.encode(`${value.toString(8).padStart(width - 1, '0')}\0`), at);
  };
  b.set(f.name, 0);
  octal(100, 8, f.mode);
  octal(108, 8, f.uid);
  octal(116, 8, f.gid);
  octal(124, 12, f.size);
  octal(136, 12, f.mtime);
  b[156] = f.typeflag.charCodeAt(0);
  b.set(f.link, 157);
  b.set(encoder.encode('ustar\u000000'), 257);
  b.set(encoder.encode(f.uname).subarray(0, 31), 265);
  b.set(encoder.encode(f.gname).subarray(0, 31), 297);
  octal(329, 8, 0);
  octal(337, 8, 0);
  b.set(f.prefix, 345);
  b.fill(0x20, 148, 156);
  const sum = b.reduce((n, x) => n + x, 0);
  b.set(encoder.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return b;
}

/** A member and where its data lies in the archive. */
export interface ReadMember {
  member: TarMember;
  dataOffset: number;
}

/** Members of a whole (uncompressed) archive in order. Throws TarFormatError on a damaged archive. */
export function* readMembers(archive: Uint8Array): Generator<ReadMember> {
  let at = 0;
  let pax: Record<string, string> = {};
  let globalPax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  let seen = false;
  while (at + BLOCK_BYTES <= archive.length) {
    const h = archive.subarray(at, at + BLOCK_BYTES);
    if (h.every((x) => x === 0)) return;
    if (!checksumOk(h)) throw new TarFormatError(!seen);
    seen = true;
    const typeflag = h[156] === 0 ? '0' : String.fromCharCode(h[156] ?? 0x30);
    const size = number(h, 124, 12);
    const dataOffset = at + BLOCK_BYTES;
    const hasData = !'123456'.includes(typeflag);
    const next = dataOffset + (hasData ? padded(size) : 0);
    if (hasData && dataOffset + size > archive.length) throw new TarFormatError(false);
    const data = archive.subarray(dataOffset, dataOffset + size);
    at = next;
    if (typeflag === 'x') {
      pax = { ...pax, ...parsePax(data) };
      continue;
    }
    if (typeflag === 'g') {
      globalPax = { ...globalPax, ...parsePax(data) };
      continue;
    }
    if (typeflag === 'L' || typeflag === 'K') {
      const text = cString(data, 0, data.length);
      if (typeflag === 'L') longName = text;
      else longLink = text;
      continue;
    }
    const attrs = { ...globalPax, ...pax };
    const magic = decoder.decode(h.subarray(257, 263));
    let name = cString(h, 0, 100);
    const prefix = magic === 'ustar\0' ? cString(h, 345, 155) : '';
    if (prefix !== '') name = `${prefix}/${name}`;
    name = attrs.path ?? longName ?? name;
    const member: TarMember = {
      name,
      type: memberType(typeflag, name),
      mode: number(h, 100, 8) & 0o7777,
      uid: attrs.uid !== undefined ? Number(attrs.uid) : number(h, 108, 8),
      gid: attrs.gid !== undefined ? Number(attrs.gid) : number(h, 116, 8),
      uname: attrs.uname ?? cString(h, 265, 32),
      gname: attrs.gname ?? cString(h, 297, 32),
      size: attrs.size !== undefined ? Number(attrs.size) : size,
      mtimeMs: (attrs.mtime !== undefined ? Math.floor(Number(attrs.mtime)) : number(h, 136, 12)) * 1000,
      linkName: attrs.linkpath ?? longLink ?? cString(h, 157, 100),
      typeflag,
    };
    if (attrs.size !== undefined && hasData) {
      at = dataOffset + padded(member.size);
      if (dataOffset + member.size > archive.length) throw new TarFormatError(false);
    }
    pax = {};
    longName = undefined;
    longLink = undefined;
    yield { member, dataOffset };
  }
  if (!seen && archive.length > 0) throw new TarFormatError(true);
}

function memberType(typeflag: string, name: string): MemberType {
  if (typeflag === '0' || typeflag === '7') return name.endsWith('/') ? 'dir' : 'file';
  if (typeflag === '5') return 'dir';
  if (typeflag === '2') return 'symlink';
  if (typeflag === '1') return 'hardlink';
  return 'other';
}

function checksumOk(h: Uint8Array): boolean {
  const stored = number(h, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK_BYTES; i++) {
    const x = i >= 148 && i < 156 ? 0x20 : (h[i] ?? 0);
    unsigned += x;
    signed += x >= 0x80 ? x - 256 : x;
  }
  return stored === unsigned || stored === signed;
}

/** An octal field (space- or NUL-terminated) or GNU's base-256 form (high bit of the first byte set). */
function number(h: Uint8Array, at: number, width: number): number {
  const first = h[at] ?? 0;
  if (first & 0x80) {
    let v = first & 0x3f;
    for (let i = 1; i < width; i++) v = v * 256 + (h[at + i] ?? 0);
    return first & 0x40 ? -v : v;
  }
  const text = decoder.decode(h.subarray(at, at + width)).replace(/[\0 ].*$/su, '').trim();
  const v = Number.parseInt(text === '' ? '0' : text, 8);
  return Number.isNaN(v) ? 0 : v;
}

function cString(b: Uint8Array, at: number, width: number): string {
  const field = b.subarray(at, at + width);
  const end = field.indexOf(0);
  return decoder.decode(end === -1 ? field : field.subarray(0, end));
}

function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) break;
    const len = Number.parseInt(decoder.decode(data.subarray(at, space)), 10);
    if (!Number.isFinite(len) || len <= 0 || at + len > data.length) break;
    const record = decoder.decode(data.subarray(space + 1, at + len - 1));
    const eq = record.indexOf('=');
    if (eq !== -1) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += len;
  }
  return out;
}
