/**
 * Binary signatures recognised by `file`, each answering with the description file 5.44 prints for it: ELF,
 * WebAssembly, gzip, zip, tar, PNG, JPEG and PDF. Only the leading bytes of a file are looked at; details that
 * need the whole file (ELF interpreter, build id, stripped) are not reported.
 */
import { strftime } from '../fs-shared/format.js';

const ascii = (b: Uint8Array, at: number, n: number): string => String.fromCharCode(...b.subarray(at, at + n));

/** The description of `b` (the first bytes of a file) when a signature matches. */
export function binaryMagic(b: Uint8Array): string | undefined {
  if (ascii(b, 0, 4) === '\x7fELF') return elf(b);
  if (ascii(b, 0, 4) === '\0asm' && b.length >= 8) {
    const version = new DataView(b.buffer, b.byteOffset).getUint32(4, true);
    return `WebAssembly (wasm) binary module version 0x${version.toString(16)}${version === 1 ? ' (MVP)' : ''}`;
  }
  if (b[0] === 0x1f && b[1] === 0x8b) return gzip(b);
  if (ascii(b, 0, 4) === 'PK\x03\x04') return zip(b);
  if (ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return png(b);
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b);
  if (ascii(b, 0, 5) === '%PDF-') return `PDF document, version ${ascii(b, 5, 3)}`;
  if (b.length >= 512 && ascii(b, 257, 8) === 'ustar  \0') return 'POSIX tar archive (GNU)';
  if (b.length >= 512 && ascii(b, 257, 6) === 'ustar\0') return 'POSIX tar archive';
  return undefined;
}

const ELF_MACHINES: Record<number, string> = {
  3: 'Intel 80386',
  8: 'MIPS, MIPS-I',
  20: 'PowerPC or cisco 4500',
  40: 'ARM',
  62: 'x86-64',
  183: 'ARM aarch64',
  243: 'UCB RISC-V',
};
const ELF_TYPES: Record<number, string> = { 1: 'relocatable', 2: 'executable', 3: 'shared object', 4: 'core file' };
const ELF_ABIS: Record<number, string> = { 0: 'SYSV', 3: 'GNU/Linux', 9: 'FreeBSD' };

function elf(b: Uint8Array): string {
  const bits = b[4] === 2 ? '64' : '32';
  const little = b[5] !== 2;
  const u16 = (at: number): number => (little ? (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) : ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0));
  const type = ELF_TYPES[u16(16)] ?? 'unknown type';
  const machine = ELF_MACHINES[u16(18)] ?? `unknown arch 0x${u16(18).toString(16)}`;
  const abi = ELF_ABIS[b[7] ?? 0] ?? `unknown ABI ${b[7] ?? 0}`;
  return `ELF ${bits}-bit ${little ? 'LSB' : 'MSB'} ${type}, ${machine}, (${abi})`;
}

function gzip(b: Uint8Array): string {
  const flags = b[3] ?? 0;
  const parts = ['gzip compressed data'];
  let at = 10;
  if (flags & 0x04) at += 2 + ((b[10] ?? 0) | ((b[11] ?? 0) << 8));
  if (flags & 0x08) {
    const end = b.indexOf(0, at);
    parts.push(`was "${new TextDecoder().decode(b.subarray(at, end === -1 ? b.length : end))}"`);
  }
  const mtime = ((b[4] ?? 0) | ((b[5] ?? 0) << 8) | ((b[6] ?? 0) << 16) | ((b[7] ?? 0) << 24)) >>> 0;
  if (mtime !== 0) parts.push(`last modified: ${strftime('%a %b %e %H:%M:%S %Y', mtime * 1000)}`);
  if (b[8] === 2) parts.push('max compression');
  if (b[8] === 4) parts.push('max speed');
  if (b[9] === 3) parts.push('from Unix');
  return parts.join(', ');
}

/** The tail of a gzip file holds its uncompressed size modulo 2^32. */
export function gzipSizeSuffix(tail: Uint8Array): string {
  if (tail.length < 4) return '';
  const n = tail.length;
  const size = ((tail[n - 4] ?? 0) | ((tail[n - 3] ?? 0) << 8) | ((tail[n - 2] ?? 0) << 16) | ((tail[n - 1] ?? 0) << 24)) >>> 0;
  return `, original size modulo 2^32 ${size}`;
}

function zip(b: Uint8Array): string {
  const version = (b[4] ?? 0) | ((b[5] ?? 0) << 8);
  const method = (b[8] ?? 0) | ((b[9] ?? 0) << 8);
  const methodName = method === 0 ? 'store' : method === 8 ? 'deflate' : `${method}`;
  return `Zip archive data, at least v${Math.floor(version / 10)}.${version % 10} to extract, compression method=${methodName}`;
}

const PNG_COLOR: Record<number, [string, boolean]> = {
  0: ['grayscale', false],
  2: ['RGB', true],
  3: ['colormap', false],
  4: ['gray+alpha', false],
  6: ['RGBA', true],
};

function png(b: Uint8Array): string {
  if (ascii(b, 12, 4) !== 'IHDR' || b.length < 29) return 'PNG image data';
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const [color, perColor] = PNG_COLOR[b[25] ?? 0] ?? ['unknown', false];
  const depth = `${b[24] ?? 0}-bit${perColor ? '/color' : ''}`;
  const interlace = b[28] === 1 ? 'interlaced' : 'non-interlaced';
  return `PNG image data, ${view.getUint32(16)} x ${view.getUint32(20)}, ${depth} ${color}, ${interlace}`;
}

function jpeg(b: Uint8Array): string {
  const parts = ['JPEG image data'];
  const u16 = (at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
  if (ascii(b, 6, 5) === 'JFIF\0') {
    const units = ['aspect ratio', 'resolution (DPI)', 'resolution (DPCM)'][b[13] ?? 0] ?? 'unknown units';
    parts.push(`JFIF standard ${b[11] ?? 0}.${String(b[12] ?? 0).padStart(2, '0')}`, units);
    parts.push(`density ${u16(14)}x${u16(16)}`, `segment length ${u16(4)}`);
  }
  let at = 2;
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1] ?? 0;
    if (marker === 0xc0 || marker === 0xc2) {
      parts.push(marker === 0xc0 ? 'baseline' : 'progressive', `precision ${b[at + 4] ?? 0}`);
      parts.push(`${u16(at + 7)}x${u16(at + 5)}`, `components ${b[at + 9] ?? 0}`);
      break;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    at += 2 + u16(at + 2);
  }
  return parts.join(', ');
}
