/**
 * @burrow/runner: kernel hosts. LocalKernel runs a kernel in this process (tests, tools); RunnerProcess starts
 * a hardened runner child process and RemoteKernel drives one sandbox's kernel in it over IPC.
 */
export { LocalKernel, type LocalKernelOptions } from './local-host.js';
export { type CreateKernelOptions, type NetworkIsolation, RunnerProcess, type RunnerProcessOptions } from './runner-process.js';
export { RUNNER_CRASHED, RemoteKernel } from './remote-kernel.js';
export type { ProbeKind } from './ipc.js';
export { WorkerPool } from './worker-pool.js';
export { PythonPool, type PythonPoolOptions } from './python-pool.js';
