/**
 * Exec and background processes through each transport. Long-running work is decoupled from requests: a
 * process outlives the client that started it and any client can read or follow its bounded log later.
 */
import { TimeoutError } from '@burrow/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Started, TRANSPORTS, withSandbox } from './harness.js';

describe.each(TRANSPORTS)('exec and processes over $name', (transport) => {
  let t: Started;
  beforeAll(async () => {
    t = await transport.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('runs a command and returns its output and status', async () => {
    await withSandbox(t.burrow, async (sb) => {
      const r = await sb.exec('echo hi; echo oops >&2; exit 3');
      expect(r).toMatchObject({ exitCode: 3, stdout: 'hi\n', stderr: 'oops\n' });
      expect((await sb.exec('cat', { stdin: 'from stdin' })).stdout).toBe('from stdin');
    });
  });

  it('keeps session state between execs and applies per-call cwd and env', async () => {
    await withSandbox(t.burrow, async (sb) => {
      await sb.exec('cd /tmp; X=42');
      expect((await sb.exec('echo $PWD $X')).stdout).toBe('/tmp 42\n');
      expect((await sb.exec('echo $PWD $Y', { cwd: '/', env: { Y: 'y' } })).stdout).toBe('/ y\n');
      const other = sb.sessions.get('other');
      expect((await other.exec('echo "[$X]"')).stdout).toBe('[]\n');
    });
  });

  it('streams ordered events ending with the exit', async () => {
    await withSandbox(t.burrow, async (sb) => {
      const events = [];
      for await (const e of sb.execStream('echo one; echo two >&2; echo three; exit 5')) events.push(e);
      expect(events.at(-1)).toEqual({ type: 'exit', exitCode: 5 });
      const text = events.map((e) => (e.type === 'stdout' || e.type === 'stderr' ? `${e.type}:${e.data}` : '')).join('');
      expect(text).toBe('stdout:one\nstderr:two\nstdout:three\n');
    });
  });

  it('ends a command at its timeout with status 124', async () => {
    await withSandbox(t.burrow, async (sb) => {
      const r = await sb.exec('sleep 10', { timeoutMs: 200 });
      expect(r.exitCode).toBe(124);
    });
  });

  it('starts a background process, follows its log, waits for a line and for its exit', async () => {
    await withSandbox(t.burrow, async (sb) => {
      const p = await sb.processes.start('echo starting; sleep 0.3; echo ready on 8080; sleep 0.2; echo bye', { name: 'srv' });
      expect(p).toMatchObject({ name: 'srv', status: 'running', exitCode: null });
      expect((await sb.processes.waitForLog('srv', /ready on (\d+)/)).line).toBe('ready on 8080');
      const seen: string[] = [];
      for await (const e of sb.processes.follow('srv')) {
        if (e.type === 'stdout') seen.push(e.data);
        if (e.type === 'exit') seen.push(`exit ${e.exitCode}`);
      }
      expect(seen.join('')).toBe('starting\nready on 8080\nbye\nexit 0');
      const done = await sb.processes.wait('srv');
      expect(done).toMatchObject({ status: 'exited', exitCode: 0 });
      expect((await sb.processes.logs('srv')).stdout).toBe('starting\nready on 8080\nbye\n');
      expect((await sb.processes.list()).map((x) => x.name)).toEqual(['srv']);
    });
  });

  it('kills a process with a signal; a wait that runs out is a TimeoutError', async () => {
    await withSandbox(t.burrow, async (sb) => {
      await sb.processes.start('sleep 30', { name: 'long' });
      await expect(sb.processes.wait('long', { timeoutMs: 100 })).rejects.toBeInstanceOf(TimeoutError);
      await sb.processes.kill('long', 'KILL');
      const done = await sb.processes.wait('long', { timeoutMs: 5000 });
      expect(done.status).toBe('exited');
      expect(done.exitCode).not.toBe(0);
    });
  });

  it('keeps a process running when the client that follows it goes away', async () => {
    await withSandbox(t.burrow, async (sb) => {
      await sb.processes.start('echo a; sleep 0.5; echo b', { name: 'keep' });
      const stop = new AbortController();
      for await (const e of sb.processes.follow('keep', { signal: stop.signal })) {
        if (e.type === 'stdout') stop.abort();
      }
      const done = await sb.processes.wait('keep', { timeoutMs: 5000 });
      expect(done.exitCode).toBe(0);
      expect((await sb.processes.logs('keep')).stdout).toBe('a\nb\n');
    });
  });
});
