import { describe, expect, it } from 'vitest';
import type { Builtin } from '../types.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { printenv } from '../printenv/printenv.js';
import { env } from './env.js';

describe('env', () => {
  it('prints the environment, modified by -i, -u and assignments', async () => {
    const r = await runBuiltin(env, ['env', '-u', 'B', 'C=3'], { env: { A: '1', B: '2' } });
    expect(r.stdout).toBe('A=1\nC=3\n');
    expect((await runBuiltin(env, ['env', '-i', '-0', 'X=y'], { env: { A: '1' } })).stdout).toBe('X=y\0');
  });
  it('runs a command with the new environment and cwd', async () => {
    let seen: Record<string, string> = {};
    const show: Builtin = async (ctx) => {
      seen = { ...ctx.env, CWD: ctx.cwd };
      return 5;
    };
    const r = await runBuiltin(env, ['env', '-i', '-C', '/tmp', 'K=v', 'show'], {
      env: { A: '1' },
      registry: { show },
    });
    expect(r.exitCode).toBe(5);
    expect(seen).toEqual({ K: 'v', CWD: '/tmp' });
  });
  it('gives 127 for an unknown command and 125 for bad options', async () => {
    const r = await runBuiltin(env, ['env', 'nocmd']);
    expect(r.exitCode).toBe(127);
    const bad = await runBuiltin(env, ['env', '-q']);
    expect(bad.exitCode).toBe(125);
    expect(bad.stderr).toBe("env: invalid option -- 'q'\nTry 'env --help' for more information.\n");
  });
});

describe('printenv', () => {
  it('prints named values and fails for unset ones', async () => {
    const r = await runBuiltin(printenv, ['printenv', 'HOME', 'NOPE'], { env: { HOME: '/root' } });
    expect(r).toEqual({ exitCode: 1, stdout: '/root\n', stderr: '' });
    expect((await runBuiltin(printenv, ['printenv'], { env: { A: 'b' } })).stdout).toBe('A=b\n');
  });
});
