/**
 * Checks every path and name passes before the filesystem looks at it: no NUL byte (EINVAL), no empty path
 * (ENOENT), whole path and each component within the sandbox's byte limits (ENAMETOOLONG). Lengths are
 * counted in UTF-8 bytes, as the guest sees them.
 */
import { Errno, KernelError, type SandboxLimits } from '@burrow/protocol';

/** UTF-8 length of a string; a lone surrogate counts as the 3 bytes of U+FFFD that replace it. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Validates a whole path given to a filesystem call. */
export function checkPath(path: string, limits: SandboxLimits): void {
  if (path.includes('\0')) throw new KernelError(Errno.INVAL, 'NUL byte in path');
  if (path.length === 0) throw new KernelError(Errno.NOENT, 'empty path');
  // A string of n code units has at most 3n UTF-8 bytes, so short paths skip the count.
  if (path.length * 3 > limits.pathBytesMax && utf8Bytes(path) > limits.pathBytesMax) {
    throw new KernelError(Errno.NAMETOOLONG, 'path too long');
  }
}

/** Validates one component of a path. */
export function checkName(name: string, limits: SandboxLimits): void {
  if (name.length * 3 > limits.nameBytesMax && utf8Bytes(name) > limits.nameBytesMax) {
    throw new KernelError(Errno.NAMETOOLONG, 'name too long');
  }
}

/** Validates the target of a new symlink (stored verbatim, resolved later). */
export function checkSymlinkTarget(target: string, limits: SandboxLimits): void {
  if (target.includes('\0')) throw new KernelError(Errno.INVAL, 'NUL byte in symlink target');
  if (target.length === 0) throw new KernelError(Errno.NOENT, 'empty symlink target');
  if (target.length * 3 > limits.pathBytesMax && utf8Bytes(target) > limits.pathBytesMax) {
    throw new KernelError(Errno.NAMETOOLONG, 'symlink target too long');
  }
}

/** The non-empty components of a path ("a//b/" gives a, b). */
export function splitPath(path: string): string[] {
  const parts = path.split('/');
  const out: string[] = [];
  for (const p of parts) if (p !== '') out.push(p);
  return out;
}
