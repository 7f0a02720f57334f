import type { RunnerProcess } from '@burrow/runner';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, sleep, startRunner } from './testing/runner-fixtures.js';

let runner: RunnerProcess | null = null;
afterEach(() => {
  runner?.terminate();
  runner = null;
});

const WINDOW = 64 * 1024;

async function readUntil(it: AsyncIterator<Uint8Array>, text: string, sofar = ''): Promise<string> {
  let acc = sofar;
  while (!acc.includes(text)) {
    const r = await it.next();
    if (r.done === true) throw new Error(`stream ended before ${JSON.stringify(text)}; got ${JSON.stringify(acc)}`);
    acc += Buffer.from(r.value).toString();
  }
  return acc;
}

describe('RemoteKernel: stdio across the process boundary', () => {
  it('streams stdin to the process and its output back, line by line', async () => {
    const s = await startRunner(['echo-stdin-lines']);
    runner = s.runner;
    const p = s.kernel.spawn(['/bin/echo-stdin-lines'], { preopens: [] });
    const out = p.stdout[Symbol.asyncIterator]();
    await p.stdin.write('first\n');
    // The answer to the first line arrives while stdin is still open: nothing waits for EOF.
    let got = await readUntil(out, 'line 1: first\n');
    await p.stdin.write(new TextEncoder().encode('second\n'));
    got = await readUntil(out, 'line 2: second\n', got);
    await p.stdin.end();
    got = await readUntil(out, 'lines 2\n', got);
    expect(got).toBe('line 1: first\nline 2: second\nlines 2\n');
    expect((await p.wait()).exitCode).toBe(0);
  });

  it('keeps stdout and stderr apart', async () => {
    const s = await startRunner(['stdout-stderr']);
    runner = s.runner;
    const p = s.kernel.spawn(['/bin/stdout-stderr', '3'], { preopens: [] });
    const [out, err, st] = await Promise.all([collect(p.stdout), collect(p.stderr), p.wait()]);
    expect([out, err, st.exitCode]).toEqual(['to stdout\n', 'to stderr\n', 3]);
  });

  it('carries large output intact', async () => {
    const s = await startRunner(['big-output']);
    runner = s.runner;
    const p = s.kernel.spawn(['/bin/big-output', '8'], { preopens: [] });
    let bytes = 0;
    let bad = 0;
    const line = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+\n';
    let carry = '';
    for await (const c of p.stdout) {
      bytes += c.length;
      const text = carry + Buffer.from(c).toString('latin1');
      const whole = text.length - (text.length % 64);
      for (let i = 0; i < whole; i += 64) if (text.slice(i, i + 64) !== line) bad++;
      carry = text.slice(whole);
    }
    expect((await p.wait()).exitCode).toBe(0);
    expect(bytes).toBe(8 * 1024 * 1024);
    expect(bad).toBe(0);
  });

  it('backpressure: a parent that stops reading stops the producer, with at most a window in flight', async () => {
    const s = await startRunner(['output-flood'], { outputWindowBytes: WINDOW });
    runner = s.runner;
    const p = s.kernel.spawn(['/bin/output-flood'], { preopens: [] });
    const queuedNow = (): number => (p.stdout as unknown as { queuedBytes: number }).queuedBytes;
    // Wait for output to start (a loaded machine may take a while), then give an unchecked producer time to overrun.
    for (let i = 0; i < 1000 && queuedNow() === 0; i++) await sleep(10);
    await sleep(500);
    const queued = queuedNow();
    // One window plus at most one chunk read past it (64 KiB), however fast the producer is.
    expect(queued).toBeGreaterThan(0);
    expect(queued).toBeLessThanOrEqual(WINDOW + 64 * 1024);
    const info = (await s.kernel.processes()).find((i) => i.argv[0] === '/bin/output-flood');
    expect(info?.state).toBe('running');
    // Reading again lets it go on.
    const it = p.stdout[Symbol.asyncIterator]();
    let read = 0;
    while (read < 4 * WINDOW + 1) {
      const r = await it.next();
      if (r.done === true) break;
      read += r.value.length;
    }
    expect(read).toBeGreaterThan(4 * WINDOW);
    await p.kill('SIGKILL');
    const st = await p.wait();
    expect([st.exitCode, st.signal]).toEqual([137, 'SIGKILL']);
  });

  it('kill ends a running process with 128 + signal', async () => {
    const s = await startRunner(['spin']);
    runner = s.runner;
    const p = s.kernel.spawn(['/bin/spin'], { preopens: [] });
    const out = p.stdout[Symbol.asyncIterator]();
    await readUntil(out, 'spinning');
    await p.kill('SIGTERM');
    const st = await p.wait();
    expect([st.exitCode, st.signal]).toEqual([143, 'SIGTERM']);
    const q = s.kernel.spawn(['/bin/spin'], { preopens: [] });
    await s.kernel.kill(await q.pid, 'SIGINT');
    expect((await q.wait()).exitCode).toBe(130);
  });
});
