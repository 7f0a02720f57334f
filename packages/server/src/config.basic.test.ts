/**
 * Configuration precedence (flags over environment over config file over defaults) and key sources.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'burrow-config-'));

  it('uses defaults, then the config file, then env, then flags', () => {
    expect(loadConfig(['--data-dir', dir], {})).toMatchObject({ host: '127.0.0.1', port: 8787, keys: {}, logLevel: 'info' });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ port: 9000, host: '127.0.0.2', logLevel: 'warn' }));
    expect(loadConfig(['--data-dir', dir], {})).toMatchObject({ port: 9000, host: '127.0.0.2', logLevel: 'warn' });
    expect(loadConfig(['--data-dir', dir], { BURROW_PORT: '9100' }).port).toBe(9100);
    expect(loadConfig(['--data-dir', dir, '--port=9200'], { BURROW_PORT: '9100' }).port).toBe(9200);
  });

  it('reads keys from a keys file and BURROW_API_KEY', () => {
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify({ k1: 'red', k2: 'blue' }));
    expect(loadConfig(['--data-dir', dir, '--keys', keys], { BURROW_API_KEY: 'k3' }).keys).toEqual({ k1: 'red', k2: 'blue', k3: 'default' });
  });

  it('refuses unknown flags, bad ports and unreadable files', () => {
    expect(() => loadConfig(['--nope'], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--data-dir', dir, '--port', 'x'], {})).toThrow(/port/);
    expect(() => loadConfig(['--data-dir', dir, '--keys', join(dir, 'missing.json')], {})).toThrow(/keys file/);
  });
});
