/**
 * HTTP status of every error code. Typed as a complete Record so a new code cannot ship without one; only the
 * HTTP layer reads it.
 */
import type { ErrorCode } from './codes.js';

export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = Object.freeze({
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  sandbox_not_found: 404,
  sandbox_exists: 409,
  process_not_found: 404,
  process_exists: 409,
  context_not_found: 404,
  context_exists: 409,
  file_not_found: 404,
  file_exists: 409,
  not_a_directory: 409,
  is_a_directory: 409,
  directory_not_empty: 409,
  invalid_path: 400,
  payload_too_large: 413,
  limit_reached: 429,
  timeout: 408,
  unavailable: 503,
  internal: 500,
});
