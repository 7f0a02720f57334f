/**
 * Resource bombs, each stopped by its limit with a clear report: memory, CPU, wall time, output, processes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LocalKernel } from './local-host.js';
import { install, run } from './testing/programs.js';

describe('resource limits', () => {
  let k: LocalKernel | undefined;
  afterEach(async () => {
    await k?.close();
    k = undefined;
  });

  it('memory bomb: growth fails inside the guest at the memory limit', async () => {
    k = await LocalKernel.create({ processLimits: { memoryBytesMax: 16 * 1024 * 1024 } });
    await install(k, 'memgrow');
    const r = await run(k, ['/bin/memgrow.wasm']);
    expect(r.exitCode).toBe(0);
    const mib = Number(/allocated (\d+) MiB/.exec(r.stdout)?.[1]);
    expect(mib).toBeGreaterThan(0);
    expect(mib).toBeLessThan(16);
  });

  it('memory bomb: a module whose initial memory is over the limit does not start (ENOMEM)', async () => {
    k = await LocalKernel.create({ processLimits: { memoryBytesMax: 64 * 1024 } });
    await install(k, 'hello');
    await expect(run(k, ['/bin/hello.wasm'])).rejects.toMatchObject({ errno: 48 });
  });

  it('memory bomb: spawns that would pass the sandbox memory limit fail with ENOMEM', async () => {
    k = await LocalKernel.create({ sandboxLimits: { memoryBytesMax: 64 * 1024 } });
    await install(k, 'cat');
    const a = k.spawn(['/bin/cat.wasm']);
    await a.stdin.write('x\n');
    await a.stdout[Symbol.asyncIterator]().next();
    const b = k.spawn(['/bin/cat.wasm']);
    await expect(b.wait()).rejects.toMatchObject({ errno: 48 });
    await a.stdin.end();
    expect((await a.wait()).exitCode).toBe(0);
  });

  it('CPU loop: a loop without syscalls is stopped at the CPU limit with 137 and the limit named', async () => {
    k = await LocalKernel.create({ processLimits: { cpuMsMax: 300 } });
    await install(k, 'spin');
    const r = await run(k, ['/bin/spin.wasm']);
    expect(r.exitCode).toBe(137);
    expect(r.status.reason).toBe('cpuMsMax');
    expect(r.stderr).toMatch(/cpuMsMax limit \(300 ms\) exceeded/);
  });

  it('CPU loop: time blocked in a syscall is not charged', async () => {
    k = await LocalKernel.create({ processLimits: { cpuMsMax: 200 } });
    await install(k, 'cat');
    const p = k.spawn(['/bin/cat.wasm']);
    await new Promise((r) => setTimeout(r, 500));
    await p.stdin.end();
    expect((await p.wait()).exitCode).toBe(0);
  });

  it('wall clock: a process over its wall-time limit is stopped with 137', async () => {
    k = await LocalKernel.create({ processLimits: { wallMsMax: 300 } });
    await install(k, 'cat');
    const p = k.spawn(['/bin/cat.wasm']);
    const st = await p.wait();
    expect(st.exitCode).toBe(137);
    expect(st.reason).toBe('wallMsMax');
  });

  it('output flood: a process past its output limit is stopped with 137', async () => {
    k = await LocalKernel.create({ processLimits: { outputBytesMax: 1024 * 1024 } });
    await install(k, 'output-flood');
    const r = await run(k, ['/bin/output-flood.wasm']);
    expect(r.exitCode).toBe(137);
    expect(r.status.reason).toBe('outputBytesMax');
    expect(r.stdout.length).toBeLessThanOrEqual(1024 * 1024);
    expect(r.stderr).toMatch(/outputBytesMax limit \(1048576 bytes\) exceeded/);
  });

  it('process bomb: spawning past the process limit fails with EAGAIN', async () => {
    k = await LocalKernel.create({ sandboxLimits: { processesMax: 2 } });
    await install(k, 'cat');
    const a = k.spawn(['/bin/cat.wasm']);
    const b = k.spawn(['/bin/cat.wasm']);
    const c = k.spawn(['/bin/cat.wasm']);
    await expect(c.wait()).rejects.toMatchObject({ errno: 6 });
    await a.stdin.end();
    await b.stdin.end();
    expect((await a.wait()).exitCode).toBe(0);
    expect((await b.wait()).exitCode).toBe(0);
  });
});
