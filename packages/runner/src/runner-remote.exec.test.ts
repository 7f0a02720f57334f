/**
 * Exec through a runner process: buffered execs in one round trip, streamed execs, and signals to the
 * foreground job of either.
 */
import type { RunnerProcess } from '@burrow/runner';
import { afterEach, describe, expect, it } from 'vitest';
import { startRunner } from './testing/runner-fixtures.js';

let runner: RunnerProcess | null = null;
afterEach(() => {
  runner?.terminate();
  runner = null;
});

describe('RemoteKernel: exec', () => {
  it('a buffered exec returns the output, the status and keeps session state', async () => {
    const s = await startRunner([]);
    runner = s.runner;
    expect(await s.kernel.exec('X=7; echo out; echo err >&2; exit 5')).toEqual({ exitCode: 5, stdout: 'out\n', stderr: 'err\n' });
    expect((await s.kernel.exec('echo $X')).stdout).toBe('7\n');
  });

  it('aborting a buffered exec sends SIGHUP to its foreground job', async () => {
    const s = await startRunner([]);
    runner = s.runner;
    await s.kernel.exec('true');
    const abort = new AbortController();
    const pending = s.kernel.exec('echo before; sleep 10; echo after', { signal: abort.signal });
    setTimeout(() => abort.abort(), 300);
    const r = await pending;
    expect(r.stdout).toBe('before\n');
    expect(r.exitCode).toBe(129);
  });

  it('a signal that arrives before its exec starts still ends it', async () => {
    const s = await startRunner([]);
    runner = s.runner;
    const abort = new AbortController();
    abort.abort();
    const r = await s.kernel.exec('echo never', { signal: abort.signal });
    expect(r.exitCode).toBe(129);
    expect(r.stdout).toBe('');
  });

  it('a streamed exec delivers events in order and ends with the exit event', async () => {
    const s = await startRunner([]);
    runner = s.runner;
    const run = s.kernel.execStream('echo a; echo b >&2; echo c');
    const seen: string[] = [];
    for await (const e of run.events) seen.push(e.type === 'exit' ? `exit ${e.exitCode}` : `${e.type}:${Buffer.from(e.data).toString().trim()}`);
    expect(seen).toEqual(['stdout:a', 'stderr:b', 'stdout:c', 'exit 0']);
  });
});
