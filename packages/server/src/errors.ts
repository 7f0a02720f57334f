/**
 * One mapping from anything a service call throws to the platform's error: BurrowError keeps its code,
 * KernelError maps by errno (never by message), a validation failure is bad_request with its issues, and
 * anything else is internal (logged by the caller, its text not sent to clients).
 */
import { BurrowError, burrowError, type ErrorDetails, errnoCode, errnoName, isKernelError } from '@burrow/protocol';
import type { z } from 'zod';

export function toBurrowError(e: unknown): BurrowError {
  if (e instanceof BurrowError) return e;
  if (isKernelError(e)) {
    const code = errnoCode(e.errno);
    const name = errnoName(e.errno);
    const text = code === 'unavailable' ? `${name}: the runner hosting this sandbox is unavailable; retry shortly` : e.message;
    return burrowError(code, text, { errno: name });
  }
  return burrowError('internal', 'internal error: see the server log');
}

export function validationError(error: z.ZodError, what: string): BurrowError {
  const issues: NonNullable<ErrorDetails['issues']> = error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  const first = issues[0];
  const where = first === undefined ? '' : `: ${first.path === '' ? '' : `${first.path}: `}${first.message}`;
  return burrowError('bad_request', `invalid ${what}${where}`, { issues });
}

/** Validates a request value with its protocol schema (the same check for HTTP bodies and embedded calls). */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, what);
  return parsed.data;
}
