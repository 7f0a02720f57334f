/**
 * Small structural checks for IPC messages: each `Check<T>` returns the value as a T (objects rebuilt with
 * their known fields only) or INVALID. Hand-written rather than a schema library so that a runner and the
 * CLI start without loading one (start-up time is part of `burrow wasm run`'s overhead).
 */

export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;
export type Check<T> = (v: unknown) => T | Invalid;

export const unknownValue: Check<unknown> = (v) => v;

export const boolean: Check<boolean> = (v) => (typeof v === 'boolean' ? v : INVALID);

export const bytes: Check<Uint8Array> = (v) => (v instanceof Uint8Array ? v : INVALID);

export function str(maxLength: number): Check<string> {
  return (v) => (typeof v === 'string' && v.length <= maxLength ? v : INVALID);
}

export function int(min: number, max: number): Check<number> {
  return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : INVALID);
}

export function literal<T extends string>(...values: readonly T[]): Check<T> {
  return (v) => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : INVALID);
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v) => (v === null ? null : check(v));
}

/** Marks an object field that may be absent (or undefined). */
export interface OptionalCheck<T> {
  optional: Check<T>;
}

export function optional<T>(check: Check<T>): OptionalCheck<T> {
  return { optional: check };
}

type Shape = Record<string, Check<unknown> | OptionalCheck<unknown>>;
type FieldType<C> = C extends OptionalCheck<infer T> ? T | undefined : C extends Check<infer T> ? T : never;
type Built<S extends Shape> = { [K in keyof S]: FieldType<S[K]> };

export function object<S extends Shape>(shape: S): Check<Built<S>> {
  const entries = Object.entries(shape);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return INVALID;
    const out: Record<string, unknown> = {};
    for (const [key, check] of entries) {
      const value = Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined;
      if (typeof check === 'object') {
        if (value === undefined) continue;
        const r = check.optional(value);
        if (r === INVALID) return INVALID;
        out[key] = r;
      } else {
        const r = check(value);
        if (r === INVALID) return INVALID;
        out[key] = r;
      }
    }
    return out as Built<S>;
  };
}

export function arrayOf<T>(check: Check<T>, maxLength = 1 << 20): Check<T[]> {
  return (v) => {
    if (!Array.isArray(v) || v.length > maxLength) return INVALID;
    const out: T[] = [];
    for (const item of v) {
      const r = check(item);
      if (r === INVALID) return INVALID;
      out.push(r);
    }
    return out;
  };
}

export const recordOfStrings: Check<Record<string, string>> = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return INVALID;
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') return INVALID;
    out[k] = value;
  }
  return out;
};

/** A record whose present values all pass `check` (for partial limit overrides). */
export function partialOf<T>(check: Check<T>): Check<Record<string, T>> {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return INVALID;
    const out: Record<string, T> = {};
    for (const [k, value] of Object.entries(v)) {
      const r = check(value);
      if (r === INVALID) return INVALID;
      out[k] = r;
    }
    return out;
  };
}

/** A tagged union: `tag` names the field whose string value picks the variant's check. */
export function oneOf<T>(tag: string, variants: Record<string, Check<T>>): Check<T> {
  return (v) => {
    if (typeof v !== 'object' || v === null) return INVALID;
    const key = (v as Record<string, unknown>)[tag];
    if (typeof key !== 'string' || !Object.hasOwn(variants, key)) return INVALID;
    const check = variants[key];
    return check === undefined ? INVALID : check(v);
  };
}
