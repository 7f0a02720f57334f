import { describe, expect, it } from 'vitest';
import { runBuiltin } from '../../testing/run-builtin.js';
import { expr } from './expr.js';

const run = (...args: string[]) => runBuiltin(expr, ['expr', ...args]);

describe('expr', () => {
  it('computes with GNU precedence and big integers', async () => {
    expect((await run('2', '*', '3', '+', '1')).stdout).toBe('7\n');
    expect((await run('(', '2', '+', '3', ')', '*', '4')).stdout).toBe('20\n');
    expect((await run('7', '/', '2')).stdout).toBe('3\n');
    expect((await run('99999999999999999999', '+', '1')).stdout).toBe('100000000000000000000\n');
  });

  it('exits 1 for a null or zero result and 2 for errors', async () => {
    expect(await run('5', '-', '5')).toEqual({ exitCode: 1, stdout: '0\n', stderr: '' });
    expect(await run('1', '/', '0')).toEqual({ exitCode: 2, stdout: '', stderr: 'expr: division by zero\n' });
    expect(await run('a', '+', '1')).toEqual({ exitCode: 2, stdout: '', stderr: 'expr: non-integer argument\n' });
    expect((await run('1', '2')).stderr).toBe("expr: syntax error: unexpected argument '2'\n");
  });

  it('matches anchored regexes and runs the string functions', async () => {
    expect((await run('abc', ':', 'a\\(.*\\)')).stdout).toBe('bc\n');
    expect((await run('abcdef', ':', 'abc')).stdout).toBe('3\n');
    expect((await run('substr', 'hello', '2', '3')).stdout).toBe('ell\n');
    expect((await run('index', 'hello', 'l')).stdout).toBe('3\n');
    expect((await run('length', 'hello')).stdout).toBe('5\n');
    expect((await run('10', '<', '9')).stdout).toBe('0\n');
    expect((await run('abc', '<', 'abd')).stdout).toBe('1\n');
  });
});
