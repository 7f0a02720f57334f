import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { collectingSink, runBuiltin } from '../../testing/run-builtin.js';
import { gunzip, gzip, zcat } from './gzip.js';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('gzip', () => {
  it('compresses a file in place and gunzip restores it', async () => {
    const sys = createMemorySys({ '/f': 'hello hello hello\n' });
    expect((await runBuiltin(gzip, ['gzip', 'f'], { sys })).exitCode).toBe(0);
    await expect(sys.stat('/f')).rejects.toThrow();
    expect(text(gunzipSync(await sys.readFile('/f.gz')))).toBe('hello hello hello\n');
    expect((await runBuiltin(gunzip, ['gunzip', 'f.gz'], { sys })).exitCode).toBe(0);
    expect(text(await sys.readFile('/f'))).toBe('hello hello hello\n');
    await expect(sys.stat('/f.gz')).rejects.toThrow();
  });
  it('keeps the input with -k and filters stdin to stdout', async () => {
    const sys = createMemorySys({ '/f': 'x' });
    await runBuiltin(gzip, ['gzip', '-k', 'f'], { sys });
    expect((await sys.stat('/f')).type).toBe('file');
    const sink = collectingSink();
    await runBuiltin(gzip, ['gzip'], { stdin: 'data\n', stdout: sink });
    expect(text(gunzipSync(sink.bytes()))).toBe('data\n');
  });
  it('zcat prints decompressed files and rejects non-gzip input', async () => {
    const sys = createMemorySys({ '/a.gz': gzipSync('one\n'), '/b.gz': gzipSync('two\n'), '/plain': 'no' });
    expect((await runBuiltin(zcat, ['zcat', 'a.gz', 'b.gz'], { sys })).stdout).toBe('one\ntwo\n');
    const bad = await runBuiltin(zcat, ['zcat', 'plain'], { sys });
    expect(bad).toEqual({ exitCode: 1, stdout: '', stderr: 'zcat: plain: not in gzip format\n' });
  });
  it('refuses to overwrite without -f', async () => {
    const sys = createMemorySys({ '/f': 'x', '/f.gz': 'old' });
    const r = await runBuiltin(gzip, ['gzip', 'f'], { sys });
    expect(r).toEqual({ exitCode: 2, stdout: '', stderr: 'gzip: f.gz already exists; not overwritten\n' });
  });
});
