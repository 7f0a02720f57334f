/**
 * The Pyodide build this package runs, read from its package.json without loading Pyodide: template images
 * are keyed by it, since an image restores only into the exact build that made it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const PYODIDE_VERSION: string = (require('pyodide/package.json') as { version: string }).version;
