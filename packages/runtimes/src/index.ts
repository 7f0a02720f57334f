export { ChannelClient } from './wasi/channel-client.js';
export { GuestMemory } from './wasi/guest-memory.js';
export { PREVIEW1_FUNCTIONS, wasiImports } from './wasi/imports.js';
export { type RunSpec, runProcess } from './wasi/run-process.js';

/** The file a process worker thread runs. */
export const PROCESS_WORKER_URL: URL = new URL('./wasi/process-worker.js', import.meta.url);
export { PYODIDE_VERSION, PYTHON_TEMPLATE_KEY } from './python/pyodide-version.js';
