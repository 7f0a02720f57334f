import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { memoryPipe, runBuiltin } from '../../testing/run-builtin.js';
import { cat } from './cat.js';

const SAMPLE = new Uint8Array([
  ...new TextEncoder().encode('a\tb\n\n\n'),
  0x01,
  0x7f,
  0xc3,
  0xa9,
  0x0a,
  ...new TextEncoder().encode('end'),
]);

describe('cat', () => {
  it('concatenates files and stdin in order', async () => {
    const sys = createMemorySys({ '/a': 'one\n', '/d/b': 'two\n' });
    const r = await runBuiltin(cat, ['cat', '/a', '-', 'b'], { sys, cwd: '/d', stdin: 'mid\n' });
    expect(r).toEqual({ exitCode: 0, stdout: 'one\nmid\ntwo\n', stderr: '' });
  });
  it('reads stdin without operands', async () => {
    const r = await runBuiltin(cat, ['cat'], { stdin: 'x\ny' });
    expect(r.stdout).toBe('x\ny');
  });
  it('reports missing files and directories and goes on', async () => {
    const sys = createMemorySys({ '/a': 'ok\n', '/d/': '' });
    const r = await runBuiltin(cat, ['cat', 'nope', '/d', '/a'], { sys });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('ok\n');
    expect(r.stderr).toBe('cat: nope: No such file or directory\ncat: /d: Is a directory\n');
  });
  it('shows everything with -A (output of GNU cat)', async () => {
    const r = await runBuiltin(cat, ['cat', '-A'], { stdin: SAMPLE });
    expect(r.stdout).toBe('a^Ib$\n$\n$\n^A^?M-CM-)$\nend');
  });
  it('numbers lines with -n and squeezes with -s', async () => {
    const r = await runBuiltin(cat, ['cat', '-ns'], { stdin: SAMPLE });
    expect(r.stdout).toBe('     1\ta\tb\n     2\t\n     3\t\x01\x7f\u00e9\n     4\tend');
  });
  it('numbers only non-blank lines with -b', async () => {
    const r = await runBuiltin(cat, ['cat', '-b'], { stdin: 'x\n\ny\n' });
    expect(r.stdout).toBe('     1\tx\n\n     2\ty\n');
  });
  it('keeps numbering across files', async () => {
    const sys = createMemorySys({ '/a': 'p\nq', '/b': 'r\n' });
    const r = await runBuiltin(cat, ['cat', '-n', '/a', '/b'], { sys });
    expect(r.stdout).toBe('     1\tp\n     2\tqr\n');
  });
  it('marks ends with -e and tabs with -T', async () => {
    expect((await runBuiltin(cat, ['cat', '-e'], { stdin: 'a\tb\n' })).stdout).toBe('a\tb$\n');
    expect((await runBuiltin(cat, ['cat', '-T'], { stdin: 'a\tb\n' })).stdout).toBe('a^Ib\n');
  });
  it('rejects unknown options as GNU does', async () => {
    const r = await runBuiltin(cat, ['cat', '-q']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("cat: invalid option -- 'q'\nTry 'cat --help' for more information.\n");
  });
});

describe('cat streaming', () => {
  it('passes stdin through chunk by chunk before it ends', async () => {
    const input = memoryPipe();
    const output = memoryPipe();
    const done = runBuiltin(cat, ['cat'], { stdin: input.source, stdout: output.sink });
    await input.sink.write(new TextEncoder().encode('first\n'));
    const got = await output.source.read();
    expect(new TextDecoder().decode(got ?? new Uint8Array())).toBe('first\n');
    input.closeWriter();
    expect((await done).exitCode).toBe(0);
  });
  it('ends quietly with 141 when its reader goes away', async () => {
    const sys = createMemorySys({ '/big': new Uint8Array(1 << 20).fill(0x61) });
    const output = memoryPipe(1024);
    const done = runBuiltin(cat, ['cat', '/big', '/big'], { sys, stdout: output.sink });
    await output.source.read();
    output.closeReader();
    const r = await done;
    expect(r.exitCode).toBe(141);
    expect(r.stderr).toBe('');
  });
  it('stops when aborted', async () => {
    const input = memoryPipe();
    const abort = new AbortController();
    const done = runBuiltin(cat, ['cat'], { stdin: input.source, signal: abort.signal });
    abort.abort();
    await input.sink.write(new TextEncoder().encode('late\n'));
    expect((await done).exitCode).toBe(130);
  });
});
