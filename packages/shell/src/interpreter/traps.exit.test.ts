/**
 * EXIT and ERR traps: an EXIT trap set during an exec runs when that exec ends (normally, by `exit N`, by
 * errexit, or by a signal) and is then cleared; ERR traps follow bash's errexit and errtrace rules.
 */
import { describe, expect, it } from 'vitest';
import { exec, makeShell, run } from './testing/run-shell.js';

describe('EXIT traps', () => {
  it('runs at the end of the exec that set it', async () => {
    const r = await run('trap "echo bye" EXIT; echo hi');
    expect(r).toEqual({ stdout: 'hi\nbye\n', stderr: '', exitCode: 0 });
  });

  it('runs on exit N and keeps N, with $? set to it inside the trap', async () => {
    const r = await run('trap \'echo "trapped $?"\' EXIT; exit 3; echo never');
    expect(r).toEqual({ stdout: 'trapped 3\n', stderr: '', exitCode: 3 });
  });

  it('runs when errexit ends the exec', async () => {
    const r = await run('set -e; trap \'echo "cleanup $?"\' EXIT; false; echo never');
    expect(r).toEqual({ stdout: 'cleanup 1\n', stderr: '', exitCode: 1 });
  });

  it('takes the status of an exit inside the trap', async () => {
    expect((await run('trap "exit 7" EXIT; echo x')).exitCode).toBe(7);
    expect((await run('trap false EXIT; true')).exitCode).toBe(0);
  });

  it('is cleared after it runs, so the next exec does not run it again', async () => {
    const { shell } = makeShell();
    expect((await exec(shell, 'trap "echo bye" EXIT; echo one')).stdout).toBe('one\nbye\n');
    const second = await exec(shell, 'echo two; trap -p EXIT', { close: true });
    expect(second.stdout).toBe('two\n');
  });

  it('runs once per subshell, not in the parent, and last setting wins', async () => {
    expect((await run('(trap "echo sub" EXIT; echo in); echo out')).stdout).toBe('in\nsub\nout\n');
    expect((await run('trap "echo a" EXIT; trap "echo b" EXIT; echo c')).stdout).toBe('c\nb\n');
    expect((await run('trap "echo a" EXIT; trap - EXIT; echo c')).stdout).toBe('c\n');
  });
});

describe('ERR traps', () => {
  it('fires on a failing command but not in conditions, && lists or negations', async () => {
    const r = await run('trap "echo ERR" ERR; if false; then :; fi; false || true; ! false; false; echo ok');
    expect(r.stdout).toBe('ERR\nok\n');
  });

  it('runs before errexit ends the exec, then the EXIT trap', async () => {
    const r = await run('set -e; trap "echo err" ERR; trap "echo exit" EXIT; false; echo never');
    expect(r).toEqual({ stdout: 'err\nexit\n', stderr: '', exitCode: 1 });
  });

  it('does not fire inside functions without errtrace, and does with set -E', async () => {
    expect((await run('trap "echo ERR" ERR; f() { false; echo after; }; f')).stdout).toBe('after\n');
    expect((await run('set -E; trap "echo ERR" ERR; f() { false; echo after; }; f')).stdout).toBe('ERR\nafter\n');
  });

  it('ends with 1 for an unbound variable under set -eu and 127 under set -u', async () => {
    expect((await run('set -eu; echo $nope')).exitCode).toBe(1);
    expect((await run('set -u; echo $nope')).exitCode).toBe(127);
  });
});
