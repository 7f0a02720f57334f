/**
 * The one set of platform error codes (DESIGN.md "Errors" 3). Every error body the server sends is
 * `{ error: { code, message, details } }` with a code from this list; clients branch on the code, never on the
 * message. Kernel errors reach clients through `errnoCode`, which keeps the errno name in the details.
 */
import { Errno } from '../errno.js';

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'not_found',
  'sandbox_not_found',
  'sandbox_exists',
  'process_not_found',
  'process_exists',
  'context_not_found',
  'context_exists',
  'file_not_found',
  'file_exists',
  'not_a_directory',
  'is_a_directory',
  'directory_not_empty',
  'invalid_path',
  'payload_too_large',
  'limit_reached',
  'timeout',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Details carried by an error body; `errno` names the kernel's answer when one caused it. */
export interface ErrorDetails {
  errno?: string;
  sandbox?: string;
  process?: string;
  context?: string;
  path?: string;
  issues?: Array<{ path: string; message: string }>;
  limit?: number;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetails };
}

const ERRNO_CODES: Partial<Record<Errno, ErrorCode>> = {
  [Errno.NOENT]: 'file_not_found',
  [Errno.EXIST]: 'file_exists',
  [Errno.NOTDIR]: 'not_a_directory',
  [Errno.ISDIR]: 'is_a_directory',
  [Errno.NOTEMPTY]: 'directory_not_empty',
  [Errno.INVAL]: 'bad_request',
  [Errno.NAMETOOLONG]: 'invalid_path',
  [Errno.LOOP]: 'invalid_path',
  [Errno.NOTCAPABLE]: 'invalid_path',
  [Errno.ACCES]: 'invalid_path',
  [Errno.PERM]: 'invalid_path',
  [Errno.ROFS]: 'invalid_path',
  [Errno.NOSPC]: 'limit_reached',
  [Errno.FBIG]: 'limit_reached',
  [Errno.AGAIN]: 'limit_reached',
  [Errno.MFILE]: 'limit_reached',
  [Errno.NFILE]: 'limit_reached',
  [Errno.NOMEM]: 'limit_reached',
  [Errno.IO]: 'unavailable',
  [Errno.BADF]: 'unavailable',
};

/** The platform code for a kernel errno. */
export function errnoCode(errno: Errno): ErrorCode {
  return ERRNO_CODES[errno] ?? 'internal';
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
