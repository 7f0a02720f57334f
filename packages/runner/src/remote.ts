/**
 * The parent side of runner processes alone (no kernel code): for the CLI and the server, which drive
 * kernels in runners and never host one themselves.
 */
export { RUNNER_CRASHED, RemoteKernel } from './remote-kernel.js';
export { type CreateKernelOptions, type NetworkIsolation, RunnerProcess, type RunnerProcessOptions } from './runner-process.js';
