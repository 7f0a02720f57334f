import { describe, expect, it } from 'vitest';
import { exec, makeShell, run } from './testing/run-shell.js';

describe('limits', () => {
  it('stops deep recursion with bash-style message', async () => {
    const { shell } = makeShell({ limits: { functionDepthMax: 50 } });
    const r = await exec(shell, 'f() { f; }; f; echo after');
    expect(r.stderr).toBe('environment: line 1: f: maximum function nesting level exceeded (50)\n');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('bounds the commands one exec may run', async () => {
    const { shell } = makeShell({ limits: { commandsPerExecMax: 500 } });
    const r = await exec(shell, 'while :; do :; done');
    expect(r.stderr).toBe('bash: line 1: maximum command count exceeded (500)\n');
    expect(r.exitCode).toBe(1);
    expect((await exec(shell, 'echo next')).stdout).toBe('next\n');
  });

  it('bounds brace expansion', async () => {
    const r = await run('echo {1..200000}; echo $?');
    expect(r.stderr).toBe('bash: line 1: brace expansion: too many words (limit 100000)\n');
    expect(r.stdout).toBe('1\n');
  });

  it('bounds string size from expansion', async () => {
    const r = await run('x=$(printf "%1000000s"); for i in 1 2 3 4 5 6; do x=$x$x; done; echo survived');
    expect(r.stderr).toMatch(/string too long|expansion too long/);
    expect(r.exitCode).not.toBe(0);
  });

  it('bounds pipeline width', async () => {
    const r = await run(`${Array(300).fill('true').join(' | ')}; echo $?`);
    expect(r.stderr).toContain('pipeline too long (limit 256 commands)');
    expect(r.stdout).toBe('1\n');
  });

  it('bounds here-document size', async () => {
    const { shell } = makeShell({ limits: { heredocBytesMax: 8 } });
    const r = await exec(shell, 'cat <<E\n0123456789\nE\necho $?');
    expect(r.stderr).toBe('bash: line 1: here-document too large (limit 8 bytes)\n');
    expect(r.stdout).toBe('1\n');
  });

  it('bounds the number of variables', async () => {
    const r = await run('declare v{1..50001}=x w{1..50001}=y; echo $?');
    expect(r.stderr).toContain('too many variables (limit 100000)');
    expect(r.stdout).toBe('1\n');
  });

  it('bounds eval nesting', async () => {
    const { shell } = makeShell({ limits: { evalDepthMax: 20, functionDepthMax: 5000 } });
    const r = await exec(shell, "e='eval \"$e\"'; eval \"$e\"; echo $?");
    expect(r.stderr).toContain('eval: maximum nesting level exceeded');
    expect(r.stdout).toBe('1\n');
  });
});
