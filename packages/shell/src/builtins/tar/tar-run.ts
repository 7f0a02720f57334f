/**
 * What one tar invocation decided from its arguments, and the rules shared by creating, listing and extracting:
 * GNU's `--exclude` matching and the `tar: ` message forms. Messages that are not fatal set `failed`, which makes
 * the command end with GNU's "Exiting with failure status" line and status 2.
 */
import { errnoMessage, isKernelError } from '@burrow/protocol';
import { fnmatch } from '../../pattern/fnmatch.js';
import type { Io } from '../fs-shared/command.js';

export interface TarRun {
  io: Io;
  mode: 'create' | 'extract' | 'list';
  /** Archive operand of -f, `-` for stdin/stdout. */
  archive: string;
  gzip: boolean;
  verbose: boolean;
  /** Absolute directory of -C (the cwd when not given). */
  directory: string;
  stripComponents: number;
  excludes: string[];
  keepOld: boolean;
  toStdout: boolean;
  absoluteNames: boolean;
  dereference: boolean;
  /** Do not restore modification times on extraction (-m). */
  touch: boolean;
  failed: boolean;
  /** `Removing leading '/'` is said once per run. */
  warnedLeadingSlash: boolean;
}

/** `tar: message`, and the run fails. */
export async function tarError(run: TarRun, message: string): Promise<void> {
  run.failed = true;
  await run.io.warn(message);
}

/** `tar: NAME: What: strerror`, and the run fails. */
export async function tarFail(run: TarRun, name: string, what: string, err: unknown): Promise<void> {
  await tarError(run, `${name}: ${what}: ${errnoText(err)}`);
}

/**
 * GNU's default exclusion matching (unanchored, wildcards match `/`): a pattern excludes a member when it matches
 * any run of whole components of its name, so `sub` excludes `d/sub` and everything below it, and `*.o` any
 * object file at any depth.
 */
export function isExcluded(run: TarRun, name: string): boolean {
  if (run.excludes.length === 0) return false;
  const parts = name.split('/').filter((p) => p !== '');
  for (const pattern of run.excludes) {
    const clean = pattern.replace(/\/+$/u, '');
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j <= parts.length; j++) {
        if (fnmatch(clean, parts.slice(i, j).join('/'))) return true;
      }
    }
  }
  return false;
}

/** Strip leading `/` from a member name (saying so once), unless -P keeps absolute names. */
export async function relativeName(run: TarRun, name: string): Promise<string> {
  if (run.absoluteNames || !name.startsWith('/')) return name;
  if (!run.warnedLeadingSlash) {
    run.warnedLeadingSlash = true;
    await run.io.warn("Removing leading `/' from member names");
  }
  const stripped = name.replace(/^\/+/u, '');
  return stripped === '' ? './' : stripped;
}

/** The strerror text of a failure. */
export function errnoText(err: unknown): string {
  if (isKernelError(err)) return errnoMessage(err.errno);
  return err instanceof Error ? err.message : String(err);
}
