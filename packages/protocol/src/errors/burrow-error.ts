/**
 * The one error root of every Burrow client (the HTTP SDK and the embedded transport throw the same classes,
 * so `instanceof` works with either). Subclasses exist only where callers branch: not found, conflict,
 * auth, timeout, unavailable. A command that fails is not an error: exec resolves with its exit code.
 */
import type { ErrorCode, ErrorDetails } from './codes.js';

export class BurrowError extends Error {
  override readonly name: string = 'BurrowError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The sandbox, process or file does not exist (or belongs to another tenant). */
export class NotFoundError extends BurrowError {
  override readonly name: string = 'NotFoundError';
}

/** The sandbox, process or file already exists, or the target is of the wrong kind. */
export class ConflictError extends BurrowError {
  override readonly name: string = 'ConflictError';
}

/** The API key is missing or refused. */
export class AuthError extends BurrowError {
  override readonly name: string = 'AuthError';
}

/** A wait ended before its condition held. */
export class TimeoutError extends BurrowError {
  override readonly name: string = 'TimeoutError';
}

/** The server or the runner hosting the sandbox cannot be reached. */
export class UnavailableError extends BurrowError {
  override readonly name: string = 'UnavailableError';
}

const CLASS_OF: Partial<Record<ErrorCode, typeof BurrowError>> = {
  not_found: NotFoundError,
  sandbox_not_found: NotFoundError,
  process_not_found: NotFoundError,
  context_not_found: NotFoundError,
  file_not_found: NotFoundError,
  sandbox_exists: ConflictError,
  process_exists: ConflictError,
  context_exists: ConflictError,
  file_exists: ConflictError,
  not_a_directory: ConflictError,
  is_a_directory: ConflictError,
  directory_not_empty: ConflictError,
  unauthorized: AuthError,
  timeout: TimeoutError,
  unavailable: UnavailableError,
};

/** The error a client throws for a code: the subclass callers branch on, else the root. */
export function burrowError(code: ErrorCode, message: string, details: ErrorDetails = {}, status?: number): BurrowError {
  const Cls = CLASS_OF[code] ?? BurrowError;
  return new Cls(code, message, details, status);
}
