/**
 * The Pyodide build this package runs, read from its package.json without loading Pyodide, and the key of
 * its template image: the build plus a hash of the Python sources preloaded into the image, since an image
 * restores only into the exact build that made it and carries the modules it had imported.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { PYTHON_SOURCES } from './python-sources.js';

const require = createRequire(import.meta.url);

export const PYODIDE_VERSION: string = (require('pyodide/package.json') as { version: string }).version;

export const PYTHON_TEMPLATE_KEY: string = `${PYODIDE_VERSION}-${createHash('sha256')
  .update(JSON.stringify(PYTHON_SOURCES))
  .digest('hex')
  .slice(0, 12)}`;
