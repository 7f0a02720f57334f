/**
 * How a runner process is started hardened (DESIGN.md, "Runner isolation"): the Node flags of the permission
 * model (read access only to the built packages a runner loads and their node_modules, workers allowed,
 * nothing else), no code generation from strings, no warnings on stderr, an empty environment, and its own
 * network namespace through `unshare` where the OS allows it.
 *
 * Node 20 takes one `--allow-fs-read` flag per path (no comma lists). Process workers inherit the permission
 * model and the code-generation ban from the runner (checked by the runner's security tests).
 */
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Packages a runner loads at run time, besides its own. */
const RUNTIME_PACKAGES = ['@burrow/kernel', '@burrow/runtimes', '@burrow/protocol', '@burrow/shell'] as const;

/** The runner entry point, next to this file in the built package. */
export const RUNNER_MAIN: string = fileURLToPath(new URL('./main.js', import.meta.url));

function packageRoot(file: string): string | null {
  let dir = dirname(file);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

let cachedReadPaths: string[] | null = null;

/**
 * Paths a runner may read: each runtime package's `package.json` and `dist/`, and every `node_modules`
 * directory above those packages (where their dependencies and the workspace links live).
 */
export function runnerReadPaths(): string[] {
  if (cachedReadPaths !== null) return cachedReadPaths;
  const roots = new Set<string>();
  const own = packageRoot(RUNNER_MAIN);
  if (own !== null) roots.add(own);
  for (const name of RUNTIME_PACKAGES) {
    let resolved: string;
    try {
      resolved = realpathSync(fileURLToPath(import.meta.resolve(name)));
    } catch {
      continue; // not installed here: the runner does not load it
    }
    const root = packageRoot(resolved);
    if (root !== null) roots.add(root);
  }
  const paths = new Set<string>();
  for (const root of roots) {
    paths.add(join(root, 'package.json'));
    paths.add(join(root, 'dist'));
    for (let dir = root; ; ) {
      const nm = join(dir, 'node_modules');
      if (existsSync(nm)) paths.add(nm);
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  cachedReadPaths = [...paths];
  return cachedReadPaths;
}

/** Node flags of a runner process. */
export function runnerNodeFlags(readPaths: readonly string[]): string[] {
  return [
    '--experimental-permission',
    ...readPaths.map((p) => `--allow-fs-read=${p}`),
    '--allow-worker',
    '--disallow-code-generation-from-strings',
    '--no-warnings',
  ];
}

/** A runner's environment: empty. Node needs no variable to run, and a runner must hold no credentials. */
export function runnerEnv(): Record<string, string> {
  return {};
}

let cachedUnshare: string | null | undefined;

/** Absolute path of `unshare`, found on the parent's PATH, or null. */
export function findUnshare(): string | null {
  if (cachedUnshare !== undefined) return cachedUnshare;
  cachedUnshare = null;
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'unshare');
    try {
      accessSync(candidate, constants.X_OK);
      cachedUnshare = candidate;
      break;
    } catch {
      // not in this PATH entry
    }
  }
  return cachedUnshare;
}

/**
 * Arguments that put a command in a new, empty network namespace: as root `unshare -n`; otherwise `-r -n`
 * (a user namespace maps the caller to root first), which works where unprivileged user namespaces are allowed.
 */
export function unshareArgs(): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root ? ['-n'] : ['-r', '-n'];
}
