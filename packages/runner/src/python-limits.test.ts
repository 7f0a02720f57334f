import { describe, expect, it } from 'vitest';
import type { LocalKernel } from './local-host.js';
import { run } from './testing/programs.js';
import { usePythonKernel } from './testing/python-kernel.js';

const ENV = { PATH: '/usr/bin:/bin' };
const MiB = 1024 * 1024;

describe('python limits and signals', () => {
  let k: LocalKernel;
  usePythonKernel((kernel) => {
    k = kernel;
  });

  it('raises MemoryError past the memory limit, and the program goes on', async () => {
    const r = await run(
      k,
      ['python3', '-c', 'try:\n    b = bytearray(400 * 1024 * 1024)\n    print("allocated")\nexcept MemoryError:\n    print("MemoryError")\nprint(len(bytearray(1024)))'],
      { env: ENV, limits: { memoryBytesMax: 128 * MiB } },
    );
    expect(r.stdout).toBe('MemoryError\n1024\n');
    expect(r.exitCode).toBe(0);
  });

  it('stops a runaway Python loop at the CPU limit with 137 and names the limit', async () => {
    const r = await run(k, ['python3', '-c', 'while True: pass'], { env: ENV, limits: { cpuMsMax: 400 } });
    expect(r.exitCode).toBe(137);
    expect(r.stderr).toContain('cpuMsMax');
  });

  it('stops a loop inside C code (a catastrophic regex) at the wall-time limit', async () => {
    const started = Date.now();
    const r = await run(k, ['python3', '-c', 'import re\nre.match(r"(a*)*b", "a" * 64)\nprint("done")'], {
      env: ENV,
      limits: { wallMsMax: 1500 },
    });
    expect(r.exitCode).toBe(137);
    expect(r.stderr).toContain('wallMsMax');
    expect(r.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('turns SIGINT into KeyboardInterrupt', async () => {
    const p = k.spawn(['python3', '-c', 'import sys\nprint("ready", flush=True)\nwhile True: pass'], { env: ENV });
    const reader = p.stdout[Symbol.asyncIterator]();
    const first = await reader.next();
    expect(Buffer.from(first.value ?? new Uint8Array()).toString()).toBe('ready\n');
    await k.kill(await p.pid, 'SIGINT');
    const errs: Uint8Array[] = [];
    for await (const c of p.stderr) errs.push(c);
    const st = await p.wait();
    expect(st.exitCode).toBe(130);
    expect(Buffer.concat(errs).toString()).toContain('KeyboardInterrupt');
  });
});
