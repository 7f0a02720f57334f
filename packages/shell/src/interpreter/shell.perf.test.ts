import { describe, expect, it } from 'vitest';
import { exec, makeShell } from './testing/run-shell.js';

// A coarse guard, not a benchmark: per-exec cost must stay well under just-bash's ~0.8 ms (FACTS.md).
describe('performance', () => {
  it('runs 1000 × echo and 1000 × a three-stage pipeline quickly', async () => {
    const { shell } = makeShell();
    for (let i = 0; i < 200; i++) await exec(shell, 'echo hi | cat | cat');
    let t = performance.now();
    for (let i = 0; i < 1000; i++) await exec(shell, 'echo hi');
    const echoMs = (performance.now() - t) / 1000;
    t = performance.now();
    for (let i = 0; i < 1000; i++) await exec(shell, 'echo hi | tr a-z A-Z | cat');
    const pipeMs = (performance.now() - t) / 1000;
    process.stdout.write(`echo ${echoMs.toFixed(3)} ms/exec, pipeline ${pipeMs.toFixed(3)} ms/exec\n`);
    expect(echoMs).toBeLessThan(0.4);
    expect(pipeMs).toBeLessThan(0.4);
  });
});
