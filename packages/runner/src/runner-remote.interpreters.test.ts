/**
 * Python and JavaScript through a hardened runner process, started from shell command lines: the runner's
 * permission model must let their runtimes load (Pyodide, QuickJS, the type stripper) and nothing else.
 */
import type { RunnerProcess } from '@burrow/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunner } from './testing/runner-fixtures.js';

let s: Awaited<ReturnType<typeof startRunner>>;
let runner: RunnerProcess;

describe('interpreters in a runner process', () => {
  beforeAll(async () => {
    s = await startRunner([]);
    runner = s.runner;
  });
  afterAll(() => runner.terminate());

  it('node runs JavaScript and TypeScript from the shell', async () => {
    const r = await s.kernel.exec(`node -e "console.log(6 * 7, require('path').join('a', 'b'))"`);
    expect(r).toMatchObject({ exitCode: 0, stdout: '42 a/b\n' });
    await s.kernel.fs.writeFile('/tmp/t.ts', 'const n: number = 5;\nconsole.log(`ts ${n}`);\n');
    expect((await s.kernel.exec('node /tmp/t.ts')).stdout).toBe('ts 5\n');
  });

  it('python3 runs and shares the sandbox filesystem with the shell and node', async () => {
    const r = await s.kernel.exec(
      `python3 -c "open('/tmp/py.txt', 'w').write('from python')" && cat /tmp/py.txt && node -e "process.stdout.write(require('fs').readFileSync('/tmp/py.txt', 'utf8').toUpperCase())"`,
      { timeoutMs: 120_000 },
    );
    expect(r).toMatchObject({ exitCode: 0, stdout: 'from pythonFROM PYTHON' });
  }, 150_000);
});
