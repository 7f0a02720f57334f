import { Errno, KernelError } from '@burrow/protocol';
import { RUNNER_CRASHED, type RunnerProcess } from '@burrow/runner';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, sleep, startRunner } from './testing/runner-fixtures.js';

let runner: RunnerProcess | null = null;
afterEach(() => {
  runner?.terminate();
  runner = null;
});

async function waitFor(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not reached');
    await sleep(10);
  }
}

describe('a runner that dies', () => {
  it('reports its processes killed, is restarted, and its sandboxes keep their files', async () => {
    const s = await startRunner(['spin', 'hello']);
    runner = s.runner;
    await s.kernel.fs.mkdir('/data');
    await s.kernel.fs.writeFile('/data/kept.txt', 'still here');
    const p = s.kernel.spawn(['/bin/spin'], { preopens: [] });
    const out = p.stdout[Symbol.asyncIterator]();
    expect(Buffer.from(((await out.next()).value as Uint8Array) ?? []).toString()).toContain('spinning');
    const oldPid = s.runner.pid;
    expect(oldPid).toBeDefined();
    process.kill(oldPid as number, 'SIGKILL');

    expect(await p.wait()).toEqual(RUNNER_CRASHED);
    expect((await out.next()).done).toBe(true);
    await waitFor(() => s.runner.restarts === 1 && s.runner.pid !== undefined);
    expect(s.runner.pid).not.toBe(oldPid);

    // Calls made during the restart wait for the new runner; the files come back from the snapshot.
    expect(Buffer.from(await s.kernel.fs.readFile('/data/kept.txt')).toString()).toBe('still here');
    const q = s.kernel.spawn(['/bin/hello'], { preopens: [] });
    expect(await collect(q.stdout)).toBe('hello world\n');
    expect((await q.wait()).exitCode).toBe(0);
  });

  it('fails the calls it had in flight with EIO and serves later ones', async () => {
    const s = await startRunner(['spin']);
    runner = s.runner;
    await s.kernel.fs.writeFile('/f', 'x');
    const p = s.kernel.spawn(['/bin/spin'], { preopens: [] });
    await p.pid;
    const stdinWrite = p.stdin.write('never read');
    const killed = s.runner.pid as number;
    process.kill(killed, 'SIGKILL');
    const e = await stdinWrite.catch((x: unknown) => x);
    // The write either was taken before the crash or failed with it; it never hangs.
    if (e !== undefined) {
      expect(e).toBeInstanceOf(KernelError);
      expect((e as KernelError).errno).toBe(Errno.IO);
    }
    expect((await p.wait()).reason).toBe('runner-crashed');
    expect((await s.kernel.fs.stat('/f')).size).toBe(1);
  });

  it('keeps each sandbox of the runner, with its own files', async () => {
    const s = await startRunner([]);
    runner = s.runner;
    const other = await s.runner.createKernel('sb-2');
    await s.kernel.fs.writeFile('/one', '1');
    await other.fs.writeFile('/two', '22');
    process.kill(s.runner.pid as number, 'SIGKILL');
    await waitFor(() => s.runner.restarts === 1);
    expect((await s.kernel.fs.stat('/one')).size).toBe(1);
    expect((await other.fs.stat('/two')).size).toBe(2);
    await expect(other.fs.stat('/one')).rejects.toBeInstanceOf(KernelError);
  });
});
