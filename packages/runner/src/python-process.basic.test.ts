import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalKernel } from './local-host.js';
import type { PythonPool } from './python-pool.js';
import { pythonKernel, testPythonPool } from './testing/python-kernel.js';
import { run } from './testing/programs.js';

const ENV = { PATH: '/usr/bin:/bin', HOME: '/root' };

describe('python3 processes', () => {
  let pool: PythonPool;
  let k: LocalKernel;
  beforeAll(async () => {
    pool = testPythonPool();
    await pool.prewarm();
  }, 180_000);
  afterAll(() => pool.close());
  afterEach(() => k?.close());

  it('runs -c with argv and prints to stdout', async () => {
    k = await pythonKernel(pool);
    const r = await run(k, ['python3', '-c', 'import sys; print("hi", sys.argv[1:])', 'a', 'b c'], { env: ENV });
    expect(r.stdout).toBe("hi ['a', 'b c']\n");
    expect(r.exitCode).toBe(0);
  });

  it('exits with the sys.exit status, and 1 with a traceback on an uncaught exception', async () => {
    k = await pythonKernel(pool);
    const a = await run(k, ['python3', '-c', 'import sys; sys.exit(7)'], { env: ENV });
    expect(a.exitCode).toBe(7);
    const b = await run(k, ['python3', '-c', 'def f():\n    raise ValueError("boom")\nf()'], { env: ENV });
    expect(b.exitCode).toBe(1);
    expect(b.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "<string>", line 3/);
    expect(b.stderr).toContain('ValueError: boom');
    expect(b.stderr).not.toContain('_burrow_main');
    const c = await run(k, ['python3', '-c', 'import sys; sys.exit("bad thing")'], { env: ENV });
    expect([c.exitCode, c.stderr]).toEqual([1, 'bad thing\n']);
  });

  it('runs a file with arguments, and -m modules', async () => {
    k = await pythonKernel(pool);
    await k.fs.writeFile('/root/prog.py', 'import sys, os\nprint(__name__, sys.argv, os.getcwd())\n');
    const r = await run(k, ['python3', 'prog.py', 'x'], { env: ENV, cwd: '/root' });
    expect(r.stdout).toBe("__main__ ['prog.py', 'x'] /root\n");
    const j = await run(k, ['python3', '-m', 'json.tool'], { env: ENV, stdin: '{"b": [1, 2]}' });
    expect(j.stdout).toBe('{\n    "b": [\n        1,\n        2\n    ]\n}\n');
    const missing = await run(k, ['python3', 'nope.py'], { env: ENV, cwd: '/root' });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("can't open file '/root/nope.py'");
  });

  it('reads its program from stdin, and input() and sys.stdin as streams', async () => {
    k = await pythonKernel(pool);
    const a = await run(k, ['python3'], { env: ENV, stdin: 'x = 6 * 7\nprint(x)\n' });
    expect(a.stdout).toBe('42\n');
    const b = await run(k, ['python3', '-c', 'n = input(); print(n.upper()); print(sum(int(l) for l in __import__("sys").stdin))'], {
      env: ENV,
      stdin: 'hello\n1\n2\n3\n',
    });
    expect(b.stdout).toBe('HELLO\n6\n');
  });

  it('sees os.environ and the cwd it was given', async () => {
    k = await pythonKernel(pool);
    const r = await run(k, ['python3', '-c', 'import os; print(os.environ["FOO"], os.getcwd(), "HOME" in os.environ)'], {
      env: { ...ENV, FOO: 'bar baz' },
      cwd: '/tmp',
    });
    expect(r.stdout).toBe('bar baz /tmp True\n');
  });

  it('is started through PATH from a shell exec, in a pipeline', async () => {
    k = await pythonKernel(pool);
    const r = await k.exec(`python3 -c 'print(40 + 2)' | cat; echo "status $?"`);
    expect(r.stdout).toBe('42\nstatus 0\n');
    const s = await k.exec(`echo 'print("from stdin")' | python3; python3 -c 'raise SystemExit(5)'; echo $?`);
    expect(s.stdout).toBe('from stdin\n5\n');
  });
});
