import { describe, expect, it } from 'vitest';
import { createMemorySys, type MemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { split } from './split.js';

const seq = (n: number): string => Array.from({ length: n }, (_, i) => `${i + 1}\n`).join('');
const names = async (sys: MemorySys, dir = '/w'): Promise<string[]> => (await sys.readdir(dir)).map((e) => e.name).sort();
const text = async (sys: MemorySys, path: string): Promise<string> => new TextDecoder().decode(await sys.readFile(path));

describe('split', () => {
  it('cuts stdin into 1000-line pieces by default', async () => {
    const sys = createMemorySys({ '/w/': '' });
    const r = await runBuiltin(split, ['split'], { sys, cwd: '/w', stdin: seq(2500) });
    expect(r).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await names(sys)).toEqual(['xaa', 'xab', 'xac']);
    expect(await text(sys, '/w/xac')).toBe(seq(2500).split('\n').slice(2000).join('\n'));
  });
  it('widens alphabetic suffixes after xyz as GNU split does', async () => {
    const sys = createMemorySys({ '/w/': '' });
    await runBuiltin(split, ['split', '-l', '1'], { sys, cwd: '/w', stdin: seq(700) });
    const all = await names(sys);
    expect(all.length).toBe(700);
    expect(all.slice(647, 652)).toEqual(['xyx', 'xyy', 'xyz', 'xzaaa', 'xzaab']);
    expect(await text(sys, '/w/xzaaa')).toBe('651\n');
  });
  it('widens numeric suffixes after x89 with -d', async () => {
    const sys = createMemorySys({ '/w/': '' });
    await runBuiltin(split, ['split', '-l', '1', '-d'], { sys, cwd: '/w', stdin: seq(100) });
    expect((await names(sys)).slice(88, 92)).toEqual(['x88', 'x89', 'x9000', 'x9001']);
  });
  it('stops when a fixed suffix length runs out', async () => {
    const sys = createMemorySys({ '/w/': '' });
    const r = await runBuiltin(split, ['split', '-l', '1', '-a', '1'], { sys, cwd: '/w', stdin: seq(30) });
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: 'split: output file suffixes exhausted\n' });
    expect((await names(sys)).slice(-2)).toEqual(['xy', 'xz']);
  });
  it('cuts by bytes with a prefix, across input chunks', async () => {
    const sys = createMemorySys({ '/w/in': 'abcdefghij' });
    const r = await runBuiltin(split, ['split', '-b', '4', 'in', 'p_'], { sys, cwd: '/w' });
    expect(r.exitCode).toBe(0);
    expect(await names(sys)).toEqual(['in', 'p_aa', 'p_ab', 'p_ac']);
    expect([await text(sys, '/w/p_aa'), await text(sys, '/w/p_ac')]).toEqual(['abcd', 'ij']);
    const big = createMemorySys({ '/w/': '' });
    await runBuiltin(split, ['split', '-b', '1K', '-'], { sys: big, cwd: '/w', stdin: 'z'.repeat(2500) });
    expect((await big.stat('/w/xab')).size).toBe(1024);
    expect((await big.stat('/w/xac')).size).toBe(452);
  });
  it('rejects bad counts and missing input as GNU split does', async () => {
    const bad = await runBuiltin(split, ['split', '-l', 'x']);
    expect(bad).toEqual({ exitCode: 1, stdout: '', stderr: 'split: invalid number of lines: \'x\'\n' });
    const missing = await runBuiltin(split, ['split', 'nope']);
    expect(missing.stderr).toBe("split: cannot open 'nope' for reading: No such file or directory\n");
  });
});
