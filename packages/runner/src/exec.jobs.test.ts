/**
 * Background jobs across execs on the in-process host: they outlive the exec that started them, keep
 * writing where they were redirected, and can be listed, waited for and killed by later execs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKernel } from './local-host.js';

describe('background jobs', () => {
  let k: LocalKernel;
  beforeAll(async () => {
    k = await LocalKernel.create();
  });
  afterAll(() => k.close());

  it('a job started with & outlives its exec and keeps writing to its redirection', async () => {
    const started = await k.exec('(sleep 0.3; echo done > /tmp/bg.txt) & echo started', { session: 'bg1' });
    expect(started).toMatchObject({ exitCode: 0, stdout: 'started\n' });
    expect((await k.exec('cat /tmp/bg.txt 2>/dev/null || echo missing', { session: 'bg1' })).stdout).toBe('missing\n');
    expect((await k.exec('wait; cat /tmp/bg.txt', { session: 'bg1' })).stdout).toBe('done\n');
  });

  it('jobs lists a running job and kill %1 ends it', async () => {
    await k.exec('sleep 30 &', { session: 'bg2' });
    expect((await k.exec('jobs', { session: 'bg2' })).stdout).toMatch(/\[1\]\+?\s+Running\s+sleep 30/);
    const killed = await k.exec('kill %1; wait %1; echo "status $?"', { session: 'bg2' });
    expect(killed.stdout).toBe('status 143\n');
  });

  it('an exec timeout does not kill background jobs', async () => {
    const r = await k.exec('(sleep 0.4; echo bg-ok > /tmp/bg3.txt) & sleep 5', { session: 'bg3', timeoutMs: 200 });
    expect(r.exitCode).toBe(124);
    expect((await k.exec('wait; cat /tmp/bg3.txt', { session: 'bg3' })).stdout).toBe('bg-ok\n');
  });
});
