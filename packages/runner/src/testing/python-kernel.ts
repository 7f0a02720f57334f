/**
 * Test helpers for Python: one PythonPool per test file (template image cached under the OS temp dir, so
 * it is made once per Pyodide build across runs), and LocalKernels that use it.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LocalKernel, type LocalKernelOptions } from '../local-host.js';
import { PythonPool } from '../python-pool.js';

export const TEST_CACHE_DIR = join(tmpdir(), 'burrow-test-python-cache');

export function testPythonPool(warm = 1): PythonPool {
  return new PythonPool({ cacheDir: TEST_CACHE_DIR, warm });
}

export function pythonKernel(python: PythonPool, opts: LocalKernelOptions = {}): Promise<LocalKernel> {
  return LocalKernel.create({ ...opts, python });
}

/**
 * Registers the set-up every Python test file shares: a pool with `warm` interpreters (prewarmed) and a
 * kernel using it for the whole file, both closed after it. `use` receives them once they exist.
 */
export function usePythonKernel(use: (k: LocalKernel, pool: PythonPool) => void, warm = 2): void {
  let pool: PythonPool | null = null;
  let k: LocalKernel | null = null;
  beforeAll(async () => {
    pool = testPythonPool(warm);
    await pool.prewarm();
    k = await pythonKernel(pool);
    use(k, pool);
  }, 180_000);
  afterAll(async () => {
    await k?.close();
    await pool?.close();
  });
}
