/**
 * Where kernels live. A KernelHost hosts the kernels of several sandboxes of one tenant; the production host
 * is a hardened runner child process (RunnerProcess, which restarts its child when it dies and recreates the
 * kernels there). Tests may supply in-process hosts through AppOptions.
 */
import type { KernelApi } from '@burrow/kernel';
import { PythonPool, RunnerProcess } from '@burrow/runner';

export interface KernelHost {
  createKernel(key: string): Promise<KernelApi>;
  close(): Promise<void>;
}

export type HostFactory = (tenant: string) => Promise<KernelHost>;

/**
 * Starts hardened runner processes for tenants. The Python template image is made once per Pyodide build by
 * this (trusted) process and cached under `cacheDir`, then handed to every runner: a runner may not write
 * files, and a template shared through a directory runners could write would let one tenant's runner poison
 * another tenant's Python.
 */
export function runnerHosts(cacheDir?: string): HostFactory {
  let template: Promise<Uint8Array> | null = null;
  const pythonTemplate = (): Promise<Uint8Array> => {
    template ??= (async () => {
      const pool = new PythonPool({ ...(cacheDir === undefined ? {} : { cacheDir }), warm: 0 });
      try {
        return new Uint8Array(await pool.template()).slice();
      } finally {
        await pool.close();
      }
    })();
    return template;
  };
  return async () => {
    const runner = await RunnerProcess.start({
      onWarning: (message) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg: message })}\n`),
    });
    void pythonTemplate()
      .then((image) => runner.setPythonTemplate(image))
      .catch((e: unknown) => {
        // Without it each runner makes its own template on its first python3: slower, not wrong.
        process.stderr.write(`${JSON.stringify({ level: 'warn', msg: 'python template', error: String(e) })}\n`);
      });
    return {
      createKernel: (key) => runner.createKernel(key),
      close: () => runner.close(),
    };
  };
}

/** A runner host factory without a template cache directory (the template is still made once per process). */
export const runnerHost: HostFactory = runnerHosts();
