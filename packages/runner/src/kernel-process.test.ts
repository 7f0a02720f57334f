/**
 * Processes end to end on the in-process host: real worker threads running the committed C programs.
 * Exit statuses, traps, stdin streaming, signals and the process table.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalKernel } from './local-host.js';
import { install, run } from './testing/programs.js';

describe('processes', () => {
  let k: LocalKernel;
  beforeEach(async () => {
    k = await LocalKernel.create();
    await install(k, 'hello', 'exit', 'trap', 'abort', 'cat', 'args', 'spin', 'stdout-stderr', 'big-output');
  });
  afterEach(() => k.close());

  it('exit status is the program’s', async () => {
    for (const code of [0, 1, 42, 255]) {
      expect((await run(k, ['/bin/exit.wasm', String(code)])).exitCode).toBe(code);
    }
  });

  it('a trap ends the process with 134 and a message on stderr', async () => {
    const r = await run(k, ['/bin/trap.wasm']);
    expect(r.exitCode).toBe(134);
    expect(r.stdout).toBe('before trap\n');
    expect(r.stderr).toMatch(/trapped: unreachable/);
    expect(r.status.reason).toBe('trap');
  });

  it('abort() ends the process with 134', async () => {
    expect((await run(k, ['/bin/abort.wasm'])).exitCode).toBe(134);
  });

  it('args and environment reach the program', async () => {
    const r = await run(k, ['/bin/args.wasm', 'a b', 'c'], { env: { FOO: 'bar' } });
    expect(r.stdout).toContain('a b');
    expect(r.stdout).toContain('FOO=bar');
  });

  it('stdin streams through a pipe to end of file', async () => {
    const input = 'x'.repeat(300_000);
    const r = await run(k, ['/bin/cat.wasm'], { stdin: input });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(input);
  });

  it('large output arrives whole and in order', async () => {
    const r = await run(k, ['/bin/big-output.wasm', '4']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.length).toBe(4 * 1024 * 1024);
    expect(r.stdout.slice(0, 64)).toBe('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+\n');
  });

  it('SIGTERM ends a running process with 143, SIGINT with 130, SIGKILL with 137', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130], ['SIGKILL', 137]] as const) {
      const p = k.spawn(['/bin/spin.wasm']);
      const it = p.stdout[Symbol.asyncIterator]();
      await it.next();
      await p.kill(signal);
      const st = await p.wait();
      expect(st.exitCode).toBe(code);
      expect(st.signal).toBe(signal);
    }
  });

  it('the process table shows live and exited processes', async () => {
    const p = k.spawn(['/bin/spin.wasm', 'x']);
    const pid = await p.pid;
    await p.stdout[Symbol.asyncIterator]().next();
    const live = (await k.processes()).find((q) => q.pid === pid);
    expect(live).toMatchObject({ state: 'running', argv: ['/bin/spin.wasm', 'x'], exitCode: null });
    await k.kill(pid, 'SIGKILL');
    await p.wait();
    const gone = (await k.processes()).find((q) => q.pid === pid);
    expect(gone).toMatchObject({ state: 'exited', exitCode: 137 });
  });

  it('a worker is reused for the next process after one exits', async () => {
    for (let i = 0; i < 20; i++) expect((await run(k, ['/bin/hello.wasm'])).stdout).toBe('hello world\n');
  });
});
