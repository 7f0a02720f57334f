/**
 * @burrow/server: the service (HTTP API, fleet, runner supervision) and the embedded transport.
 */
export { App, type AppOptions, VERSION } from './app.js';
export { ConfigError, DEFAULT_HOST, DEFAULT_PORT, loadConfig, type ServerConfig } from './config.js';
export { type EmbeddedOptions, embedded } from './embedded.js';
export { createLogger, type Logger, type LogLevel } from './log.js';
export type { HostFactory, KernelHost } from './runners/kernel-host.js';
export { SERVE_USAGE, serve } from './serve.js';
