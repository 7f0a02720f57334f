import { describe, expect, it } from 'vitest';
import { builtins } from '../builtins/index.js';
import { controls, until } from './testing/controls.js';
import { Collect, exec, makeShell } from './testing/run-shell.js';

function setup() {
  const c = controls();
  const { shell } = makeShell({ builtins: { ...builtins, ...c.builtins } });
  return { c, shell };
}

describe('background jobs', () => {
  it('returns from exec while a job keeps running, lists it and kills it later', async () => {
    const { shell } = setup();
    const started = await exec(shell, 'gate &');
    expect(started.exitCode).toBe(0);
    expect(shell.runningJobs()).toBe(1);
    const listed = await exec(shell, 'jobs');
    expect(listed.stdout).toBe('[1]+  Running                 gate &\n');
    const killed = await exec(shell, 'kill %1; wait %1; echo $?');
    expect(killed.stdout).toBe('143\n');
    expect(shell.runningJobs()).toBe(0);
  });

  it('keeps writing where the job was started after exec returns', async () => {
    const { c, shell } = setup();
    const out = new Collect();
    await shell.exec('emit --gate later &', { stdout: out, stderr: new Collect() });
    expect(out.text()).toBe('');
    c.release();
    await until(() => out.text() === 'later\n');
    const r = await exec(shell, 'wait; jobs; echo waited');
    expect(r.stdout).toBe('waited\n');
  });

  it('gives wait the status of a job and $! its pid', async () => {
    const { shell } = setup();
    const r = await exec(shell, '(exit 3) & p=$!; wait $p; echo $? $((p > 0))');
    expect(r.stdout).toBe('3 1\n');
  });

  it('does not let a job change the session state', async () => {
    const { shell } = setup();
    const r = await exec(shell, 'x=1; x=2 & wait; echo $x');
    expect(r.stdout).toBe('1\n');
  });

  it('reports unknown jobs', async () => {
    const { shell } = setup();
    const r = await exec(shell, 'kill %4; echo $?; wait %9; echo $?');
    expect(r.stdout).toBe('1\n127\n');
    expect(r.stderr).toBe('bash: line 1: kill: %4: no such job\nbash: line 1: wait: %9: no such job\n');
  });

  it('brings a job to the foreground with fg', async () => {
    const { c, shell } = setup();
    await exec(shell, 'emit --gate fgdone &');
    const p = exec(shell, 'fg %1; echo "status $?"');
    c.release();
    expect((await p).stdout).toBe('emit --gate fgdone\nstatus 0\n');
  });
});
