/**
 * Exec through shell sessions on the in-process host: a real session worker running the shell over the
 * syscall channels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKernel } from './local-host.js';
import { install } from './testing/programs.js';

describe('exec', () => {
  let k: LocalKernel;
  beforeAll(async () => {
    k = await LocalKernel.create();
    await install(k, 'hello', 'cat', 'exit');
  });
  afterAll(() => k.close());

  it('runs a command line and collects its output', async () => {
    const r = await k.exec('echo hi; echo err >&2; exit 3');
    expect(r).toMatchObject({ exitCode: 3, stdout: 'hi\n', stderr: 'err\n' });
  });

  it('keeps session state between execs', async () => {
    await k.exec('X=41; cd /tmp; f() { echo "f:$1"; }');
    const r = await k.exec('echo $((X+1)) $PWD; f z');
    expect(r.stdout).toBe('42 /tmp\nf:z\n');
  });

  it('named sessions are independent', async () => {
    await k.exec('Y=a', { session: 's1' });
    expect((await k.exec('echo "[$Y]"', { session: 's2' })).stdout).toBe('[]\n');
    expect((await k.exec('echo "[$Y]"', { session: 's1' })).stdout).toBe('[a]\n');
  });

  it('sees files written through the kernel fs and writes files the kernel sees', async () => {
    await k.fs.writeFile('/tmp/in.txt', 'b\na\nc\n');
    const r = await k.exec('sort /tmp/in.txt > /tmp/out.txt && wc -l < /tmp/out.txt');
    expect(r.stdout.trim()).toBe('3');
    expect(Buffer.from(await k.fs.readFile('/tmp/out.txt')).toString()).toBe('a\nb\nc\n');
  });

  it('runs wasm programs from PATH and by path, with pipes between them and builtins', async () => {
    const r = await k.exec('export PATH=/bin:$PATH; hello.wasm | tr a-z A-Z; echo abc | /bin/cat.wasm | wc -c');
    expect(r.stdout).toBe('HELLO WORLD\n4\n');
  });

  it('passes stdin to the command', async () => {
    const r = await k.exec('cat | tr a-z A-Z', { stdin: 'hello\n' });
    expect(r.stdout).toBe('HELLO\n');
  });

  it('per-call cwd and env apply to that call only', async () => {
    const r = await k.exec('pwd; echo $V', { session: 'cwd', cwd: '/etc', env: { V: 'v1' } });
    expect(r.stdout).toBe('/etc\nv1\n');
    expect((await k.exec('pwd; echo "[$V]"', { session: 'cwd' })).stdout).toBe('/\n[]\n');
  });

  it('a timeout kills the foreground job and reports 124', async () => {
    const r = await k.exec('echo start; sleep 5; echo never', { timeoutMs: 300, session: 't' });
    expect(r.exitCode).toBe(124);
    expect(r.stdout).toBe('start\n');
    expect((await k.exec('echo after', { session: 't' })).stdout).toBe('after\n');
  });

  it('a runaway builtin loop is stopped by the timeout', async () => {
    const r = await k.exec('while true; do :; done', { timeoutMs: 300, session: 'loop' });
    expect(r.exitCode).toBe(124);
    expect((await k.exec('echo alive', { session: 'loop' })).stdout).toBe('alive\n');
  });

  it('streams output before the command ends', async () => {
    const run = k.execStream('echo first; sleep 1; echo second', { session: 'stream' });
    let ended = false;
    void run.done.then(() => {
      ended = true;
    });
    const it = run.events[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.value).toMatchObject({ type: 'stdout' });
    // The first line arrived while the command was still running (it sleeps before its second line).
    expect(ended).toBe(false);
    const rest: string[] = [];
    for (let e = await it.next(); !e.done; e = await it.next()) {
      if (e.value.type === 'stdout') rest.push(Buffer.from(e.value.data).toString());
    }
    expect(rest.join('')).toBe('second\n');
    expect((await run.done).exitCode).toBe(0);
  });
});
