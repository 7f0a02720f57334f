import { describe, expect, it } from 'vitest';
import { runBuiltin } from '../../testing/run-builtin.js';
import { sleep } from '../sleep/sleep.js';
import type { Builtin } from '../types.js';
import { timeout } from './timeout.js';

const registry = { sleep };

describe('timeout', () => {
  it('passes through the status of a command that ends in time', async () => {
    const quick: Builtin = async () => 3;
    expect((await runBuiltin(timeout, ['timeout', '5', 'quick'], { registry: { quick } })).exitCode).toBe(3);
  });
  it('aborts a slow command and exits 124', async () => {
    const started = Date.now();
    const r = await runBuiltin(timeout, ['timeout', '0.05', 'sleep', '10'], { registry });
    expect(r.exitCode).toBe(124);
    expect(Date.now() - started).toBeLessThan(2000);
    const kept = await runBuiltin(timeout, ['timeout', '--preserve-status', '0.05', 'sleep', '10'], { registry });
    expect(kept.exitCode).toBe(130);
  });
  it('gives up on a command that ignores the abort after -k', async () => {
    const stubborn: Builtin = () => new Promise<number>((resolve) => setTimeout(() => resolve(0), 3000));
    const r = await runBuiltin(timeout, ['timeout', '-k', '0.05', '0.05', 'stubborn'], { registry: { stubborn } });
    expect(r.exitCode).toBe(137);
  });
  it('reports usage errors with 125 and unknown commands with 127', async () => {
    const bad = await runBuiltin(timeout, ['timeout', 'x', 'sleep', '1'], { registry });
    expect(bad).toEqual({
      exitCode: 125,
      stdout: '',
      stderr: "timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\n",
    });
    expect((await runBuiltin(timeout, ['timeout', '1', 'nocmd'])).exitCode).toBe(127);
  });
});

describe('sleep', () => {
  it('sleeps for the sum of its operands', async () => {
    const started = Date.now();
    expect((await runBuiltin(sleep, ['sleep', '0.03', '0.03s'])).exitCode).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
  it('rejects bad intervals', async () => {
    const r = await runBuiltin(sleep, ['sleep', 'x']);
    expect(r).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
    });
  });
  it('ends early when aborted', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 20);
    expect((await runBuiltin(sleep, ['sleep', '10'], { signal: abort.signal })).exitCode).toBe(130);
  });
});
