/**
 * Test helpers for Python: one PythonPool per test file (template image cached under the OS temp dir, so
 * it is made once per Pyodide build across runs), and LocalKernels that use it.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKernel, type LocalKernelOptions } from '../local-host.js';
import { PythonPool } from '../python-pool.js';

export const TEST_CACHE_DIR = join(tmpdir(), 'burrow-test-python-cache');

export function testPythonPool(warm = 1): PythonPool {
  return new PythonPool({ cacheDir: TEST_CACHE_DIR, warm });
}

export function pythonKernel(python: PythonPool, opts: LocalKernelOptions = {}): Promise<LocalKernel> {
  return LocalKernel.create({ ...opts, python });
}
