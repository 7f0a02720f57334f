import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { cmp } from './cmp.js';

const files = { '/a': 'abc\ndef\n', '/b': 'abc\ndxf\n', '/c': 'abc\n', '/e': '' };

describe('cmp', () => {
  it('reports the first difference by byte and line, per locale', async () => {
    const sys = createMemorySys(files);
    expect(await runBuiltin(cmp, ['cmp', '/a', '/b'], { sys })).toEqual({ exitCode: 1, stdout: '/a /b differ: char 6, line 2\n', stderr: '' });
    const utf8 = await runBuiltin(cmp, ['cmp', '/a', '/b'], { sys, env: { LANG: 'C.UTF-8' } });
    expect(utf8.stdout).toBe('/a /b differ: byte 6, line 2\n');
    expect(await runBuiltin(cmp, ['cmp', '/a', '/a'], { sys })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('lists differing bytes with -l, stays quiet with -s, and reports EOF and missing files', async () => {
    const sys = createMemorySys(files);
    expect((await runBuiltin(cmp, ['cmp', '-l', '/a', '/b'], { sys })).stdout).toBe('6 145 170\n');
    expect(await runBuiltin(cmp, ['cmp', '-s', '/a', '/b'], { sys })).toEqual({ exitCode: 1, stdout: '', stderr: '' });
    expect((await runBuiltin(cmp, ['cmp', '/a', '/c'], { sys })).stderr).toBe('cmp: EOF on /c after byte 4, line 1\n');
    expect((await runBuiltin(cmp, ['cmp', '/e', '/a'], { sys })).stderr).toBe('cmp: EOF on /e which is empty\n');
    expect(await runBuiltin(cmp, ['cmp', '/a', '/nope'], { sys })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'cmp: /nope: No such file or directory\n',
    });
  });
});
