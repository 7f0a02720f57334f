/**
 * Security tests of runner isolation (DESIGN.md, "Runner isolation"), one per class, through the runner's
 * test-only probes: each asks the real hardened runner process to do what it must not be able to do.
 */
import { existsSync } from 'node:fs';
import { createServer, connect as netConnect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunnerProcess } from '@burrow/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRoot } from './testing/runner-fixtures.js';

let runner: RunnerProcess;
const warnings: string[] = [];

beforeAll(async () => {
  runner = await RunnerProcess.start({ probes: true, onWarning: (m) => warnings.push(m) });
});
afterAll(() => runner.terminate());

async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer((s) => s.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return { server, port: addr.port };
}

describe('runner isolation', () => {
  it.skipIf(!isRoot())('runner has no network (own network namespace; needs root for unshare -n)', async () => {
    expect(runner.networkIsolation).toBe('namespace');
    expect(warnings).toEqual([]);
    const { server, port } = await listen();
    try {
      // Control: the same connection works from the parent.
      const ok = await new Promise<boolean>((resolve) => {
        const s = netConnect(port, '127.0.0.1', () => {
          s.destroy();
          resolve(true);
        }).on('error', () => resolve(false));
      });
      expect(ok).toBe(true);
      expect(await runner.probe('connect', `127.0.0.1:${port}`)).toBe('ENETUNREACH');
      expect(await runner.probe('connect', '1.1.1.1:80')).toBe('ENETUNREACH');
    } finally {
      server.close();
    }
  });

  it('runner cannot write host files', async () => {
    const target = join(tmpdir(), `burrow-probe-${process.pid}-${Date.now()}`);
    expect(await runner.probe('write-file', target)).toBe('ERR_ACCESS_DENIED');
    expect(existsSync(target)).toBe(false);
  });

  it('runner cannot read host files outside its code', async () => {
    expect(await runner.probe('read-file', '/etc/passwd')).toBe('ERR_ACCESS_DENIED');
    expect(await runner.probe('read-file', join(process.cwd(), 'package.json'))).toBe('ERR_ACCESS_DENIED');
  });

  it('runner cannot spawn processes', async () => {
    expect(await runner.probe('child-process', '/bin/true')).toBe('ERR_ACCESS_DENIED');
  });

  it('runner cannot eval strings', async () => {
    expect(await runner.probe('eval')).toBe('EvalError');
  });

  it('process workers inherit the restrictions (eval strings in a worker)', async () => {
    expect(await runner.probe('worker-eval')).toBe('EvalError');
  });

  it('runner environment is empty (no credentials inherited)', async () => {
    process.env.BURROW_TEST_SECRET = 'secret';
    const r = await RunnerProcess.start({ probes: true, onWarning: () => {} });
    try {
      expect(JSON.parse(await r.probe('env'))).toEqual([]);
    } finally {
      r.terminate();
      delete process.env.BURROW_TEST_SECRET;
    }
  });

  it('a runner without probes refuses them', async () => {
    const r = await RunnerProcess.start({ onWarning: () => {} });
    try {
      await expect(r.probe('eval')).rejects.toThrow(/not enabled/);
    } finally {
      r.terminate();
    }
  });
});
