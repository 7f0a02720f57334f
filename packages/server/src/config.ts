/**
 * Server configuration from, in order of precedence: command-line flags, environment variables, a JSON
 * config file (`--config FILE`, `BURROW_CONFIG`, else `DATA_DIR/config.json` when present), defaults.
 * Keys come from a keys file (a JSON object mapping keys to tenant names) and from BURROW_API_KEY (one key of
 * the `default` tenant).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_TENANT } from './http/auth.js';
import { isLogLevel, type LogLevel } from './log.js';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  keys: Record<string, string>;
  logLevel: LogLevel;
}

/** A configuration mistake of the caller (the CLI exits 2 on it). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

const FLAGS = ['port', 'host', 'data-dir', 'keys', 'config', 'log-level'] as const;
type Flag = (typeof FLAGS)[number];

export function parseServeFlags(argv: string[]): Partial<Record<Flag, string>> {
  const out: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const name = (eq > 0 ? arg.slice(2, eq) : arg.slice(2)) as Flag;
    if (!arg.startsWith('--') || !FLAGS.includes(name)) throw new ConfigError(`unknown option '${arg}'`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new ConfigError(`option --${name} needs a value`);
    out[name] = value;
  }
  return out;
}

export function loadConfig(argv: string[], env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const flags = parseServeFlags(argv);
  const dataDir = resolve(flags['data-dir'] ?? env.BURROW_DATA_DIR ?? '.burrow');
  const configPath = flags.config ?? env.BURROW_CONFIG ?? join(dataDir, 'config.json');
  const explicit = flags.config !== undefined || env.BURROW_CONFIG !== undefined;
  const file = explicit || existsSync(configPath) ? readJsonObject(configPath, 'config file') : {};
  const str = (k: string): string | undefined => (typeof file[k] === 'string' ? (file[k] as string) : undefined);
  const portText = flags.port ?? env.BURROW_PORT ?? (typeof file.port === 'number' ? String(file.port) : undefined);
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`port must be 0-65535, not '${portText}'`);
  const logLevel = flags['log-level'] ?? env.BURROW_LOG_LEVEL ?? str('logLevel') ?? 'info';
  if (!isLogLevel(logLevel)) throw new ConfigError(`log level must be debug, info, warn, error or silent, not '${logLevel}'`);
  const keysFile = flags.keys ?? env.BURROW_KEYS_FILE ?? str('keysFile');
  const keys: Record<string, string> = {};
  if (keysFile !== undefined) Object.assign(keys, keysFrom(readJsonObject(keysFile, 'keys file'), keysFile));
  if (typeof file.keys === 'object' && file.keys !== null) Object.assign(keys, keysFrom(file.keys as Record<string, unknown>, configPath));
  const apiKey = env.BURROW_API_KEY;
  if (apiKey !== undefined && apiKey !== '') keys[apiKey] = keys[apiKey] ?? DEFAULT_TENANT;
  return { host: flags.host ?? env.BURROW_HOST ?? str('host') ?? DEFAULT_HOST, port, dataDir, keys, logLevel };
}

function readJsonObject(path: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`cannot read the ${what} ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`the ${what} ${path} must hold a JSON object`);
  return value as Record<string, unknown>;
}

function keysFrom(obj: Record<string, unknown>, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, tenant] of Object.entries(obj)) {
    if (typeof tenant !== 'string' || tenant === '' || key === '') throw new ConfigError(`${where}: each key must map to a tenant name`);
    out[key] = tenant;
  }
  return out;
}

/** Whether a listen address stays on this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
