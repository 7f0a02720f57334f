/**
 * Programs started by interpreters reach the same commands as the shell: a Python subprocess or a Node
 * child process can run a shell builtin by name (its /usr/bin marker runs through a one-shot shell) and a
 * command line with shell syntax (through /bin/sh).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKernel } from './local-host.js';

describe('commands from interpreters', () => {
  let k: LocalKernel;
  beforeAll(async () => {
    k = await LocalKernel.create();
    await k.fs.writeFile('/work/a.txt', 'b\na\n');
  });
  afterAll(() => k.close());

  it('python subprocess runs a builtin by name and a pipeline with shell=True', async () => {
    const script = [
      'import subprocess',
      "r = subprocess.run(['sort', '/work/a.txt'], capture_output=True, text=True)",
      'print(r.returncode, repr(r.stdout))',
      "print(subprocess.check_output('cat /work/a.txt | wc -l', shell=True, text=True).strip())",
    ].join('\n');
    await k.fs.writeFile('/work/p.py', script);
    const r = await k.exec('python3 /work/p.py', { timeoutMs: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("0 'a\\nb\\n'\n2\n");
  });

  it('node execSync runs a command line with shell syntax and spawnSync runs a builtin', async () => {
    const script = [
      "const cp = require('child_process');",
      "process.stdout.write(cp.execSync('sort /work/a.txt | head -1').toString());",
      "const r = cp.spawnSync('wc', ['-l', '/work/a.txt']);",
      'console.log(r.status, String(r.stdout).trim());',
    ].join('\n');
    await k.fs.writeFile('/work/n.js', script);
    const r = await k.exec('node /work/n.js', { timeoutMs: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('a\n0 2 /work/a.txt\n');
  });
});
