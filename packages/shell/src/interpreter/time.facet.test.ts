/**
 * The `time` keyword: the pipeline's elapsed time (from the session clock) on stderr in bash's default layout,
 * `time -p`'s POSIX layout, or TIMEFORMAT's; the pipeline's status is kept.
 */
import { describe, expect, it } from 'vitest';
import { exec, makeShell } from './testing/run-shell.js';

describe('time', () => {
  it('reports elapsed time in the default, -p and TIMEFORMAT layouts', async () => {
    const { shell } = makeShell();
    const r = await exec(shell, 'time sleep 0.5; echo "rc=$?"');
    expect(r.stdout).toBe('rc=0\n');
    expect(r.stderr).toBe('\nreal\t0m0.500s\nuser\t0m0.000s\nsys\t0m0.000s\n');
    expect((await exec(shell, 'time -p sleep 0.25')).stderr).toBe('real 0.25\nuser 0.00\nsys 0.00\n');
    expect((await exec(shell, "TIMEFORMAT='%1R s'; time sleep 0.2")).stderr).toBe('0.2 s\n');
    expect((await exec(shell, 'TIMEFORMAT=; time false; echo $?'))).toEqual({ stdout: '1\n', stderr: '', exitCode: 0 });
  });

  it('prints back in function bodies', async () => {
    const { shell } = makeShell();
    expect((await exec(shell, 'f() { time -p true; }; declare -f f')).stdout).toContain('time -p true');
  });
});
