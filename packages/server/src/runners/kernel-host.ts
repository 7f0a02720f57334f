/**
 * Where kernels live. A KernelHost hosts the kernels of several sandboxes of one tenant; the production host
 * is a hardened runner child process (RunnerProcess, which restarts its child when it dies and recreates the
 * kernels there). Tests may supply in-process hosts through AppOptions.
 */
import type { KernelApi } from '@burrow/kernel';
import { RunnerProcess } from '@burrow/runner';

export interface KernelHost {
  createKernel(key: string): Promise<KernelApi>;
  close(): Promise<void>;
}

export type HostFactory = (tenant: string) => Promise<KernelHost>;

/** Starts a hardened runner process for a tenant. */
export const runnerHost: HostFactory = async () => {
  const runner = await RunnerProcess.start({
    onWarning: (message) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg: message })}\n`),
  });
  return {
    createKernel: (key) => runner.createKernel(key),
    close: () => runner.close(),
  };
};
