import { Errno, KernelError } from '@burrow/protocol';
import type { RunnerProcess } from '@burrow/runner';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, startRunner } from './testing/runner-fixtures.js';

let runner: RunnerProcess | null = null;
afterEach(() => {
  runner?.terminate();
  runner = null;
});

describe('RemoteKernel: processes in a runner process', () => {
  it('runs hello world in a separate, hardened process', async () => {
    const s = await startRunner(['hello']);
    runner = s.runner;
    expect(s.runner.pid).not.toBe(process.pid);
    const p = s.kernel.spawn(['/bin/hello'], { preopens: [] });
    const [out, err, status] = await Promise.all([collect(p.stdout), collect(p.stderr), p.wait()]);
    expect(out).toBe('hello world\n');
    expect(err).toBe('');
    expect(status.exitCode).toBe(0);
    expect(await p.pid).toBeGreaterThan(0);
  });

  it('passes argv and env, and reports the exit status', async () => {
    const s = await startRunner(['args', 'exit']);
    runner = s.runner;
    const p = s.kernel.spawn(['/bin/args', 'x y', '--z'], { env: { K: 'v=1' }, preopens: [] });
    expect(await collect(p.stdout)).toBe('argc 3\nargv[0]=/bin/args\nargv[1]=x y\nargv[2]=--z\nenv K=v=1\n');
    const q = s.kernel.spawn(['/bin/exit', '42'], { preopens: [] });
    expect((await q.wait()).exitCode).toBe(42);
  });

  it('fails a spawn with the kernel errno: wait() and pid reject with KernelError', async () => {
    const s = await startRunner([]);
    runner = s.runner;
    const p = s.kernel.spawn(['/bin/missing']);
    const e = await p.wait().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KernelError);
    expect((e as KernelError).errno).toBe(Errno.NOENT);
    await expect(p.pid).rejects.toBeInstanceOf(KernelError);
  });

  it('answers fs calls with the same values and errors as the kernel', async () => {
    const s = await startRunner([]);
    runner = s.runner;
    const fs = s.kernel.fs;
    await fs.mkdir('/a/b', { recursive: true });
    await fs.writeFile('/a/b/f.txt', 'data', { mode: 0o640 });
    await fs.symlink('b/f.txt', '/a/link');
    expect(Buffer.from(await fs.readFile('/a/link')).toString()).toBe('data');
    const st = await fs.stat('/a/b/f.txt');
    expect([st.kind, st.size, st.mode & 0o777]).toEqual(['file', 4, 0o640]);
    expect((await fs.stat('/a/link', { follow: false })).kind).toBe('symlink');
    expect((await fs.readdir('/a')).map((e) => e.name).sort()).toEqual(['b', 'link']);
    await fs.rename('/a/b/f.txt', '/a/g.txt');
    await fs.remove('/a/b');
    expect((await fs.readdir('/a')).map((e) => e.name).sort()).toEqual(['g.txt', 'link']);
    const e = await fs.readFile('/nope').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KernelError);
    expect((e as KernelError).errno).toBe(Errno.NOENT);
  });

  it('lists processes and keeps sandboxes of one runner apart', async () => {
    const s = await startRunner(['hello']);
    runner = s.runner;
    const other = await s.runner.createKernel('sb-2');
    await s.kernel.fs.writeFile('/only-here', 'x');
    await expect(other.fs.stat('/only-here')).rejects.toBeInstanceOf(KernelError);
    const p = s.kernel.spawn(['/bin/hello'], { preopens: [] });
    await p.wait();
    const infos = await s.kernel.processes();
    expect(infos.map((i) => i.argv[0])).toContain('/bin/hello');
    expect(await other.processes()).toEqual([]);
    await other.close();
    await expect(s.runner.createKernel('sb-1')).rejects.toThrow();
  });
});
