/**
 * The whole guest prelude, in dependency order, evaluated once per fresh interpreter (images carry it).
 * After it runs, `globalThis.__burrow` holds the runtime and the Node globals exist.
 */
import { BUFFER_SOURCE } from './buffer-source.js';
import { CORE_SOURCE } from './core-source.js';
import { FS_SOURCE } from './fs-source.js';
import { MODULES_SOURCE } from './modules-source.js';
import { PATH_SOURCE } from './path-source.js';
import { PROCESS_SOURCE } from './process-source.js';
import { SYSTEM_SOURCE } from './system-source.js';
import { UTIL_SOURCE } from './util-source.js';

const EAGER = `
(function (B) {
  B.builtin('buffer'); B.builtin('url'); B.builtin('crypto');
  delete globalThis.__burrow_host;
})(globalThis.__burrow);
`;

export const PRELUDE_PARTS: ReadonlyArray<readonly [string, string]> = [
  ['burrow:core', CORE_SOURCE],
  ['burrow:util', UTIL_SOURCE],
  ['burrow:buffer', BUFFER_SOURCE],
  ['burrow:path', PATH_SOURCE],
  ['burrow:process', PROCESS_SOURCE],
  ['burrow:fs', FS_SOURCE],
  ['burrow:system', SYSTEM_SOURCE],
  ['burrow:modules', MODULES_SOURCE],
  ['burrow:eager', EAGER],
];
