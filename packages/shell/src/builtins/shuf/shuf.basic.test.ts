import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { shuf } from './shuf.js';

const sorted = (s: string): string[] => s.split('\n').filter((l) => l !== '').sort();

describe('shuf', () => {
  it('permutes all input lines', async () => {
    const r = await runBuiltin(shuf, ['shuf'], { stdin: 'a\nb\nc\nd\n' });
    expect(sorted(r.stdout)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.exitCode).toBe(0);
  });

  it('draws -n distinct values from a range', async () => {
    const r = await runBuiltin(shuf, ['shuf', '-n', '3', '-i', '1-10']);
    const got = sorted(r.stdout).map(Number);
    expect(got).toHaveLength(3);
    expect(new Set(got).size).toBe(3);
    for (const n of got) expect(n >= 1 && n <= 10).toBe(true);
  });

  it('repeats with -r and takes -e arguments', async () => {
    const r = await runBuiltin(shuf, ['shuf', '-r', '-n', '5', '-e', 'x', 'y']);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(5);
    for (const l of lines) expect(['x', 'y']).toContain(l);
  });

  it('uses the sys random source, so the same bytes give the same order', async () => {
    const fixed = (): ReturnType<typeof createMemorySys> => {
      const sys = createMemorySys();
      let k = 0;
      sys.randomBytes = (n) => Uint8Array.from({ length: n }, () => (k++ * 37) & 0xff);
      return sys;
    };
    const a = await runBuiltin(shuf, ['shuf', '-i', '1-20'], { sys: fixed() });
    const b = await runBuiltin(shuf, ['shuf', '-i', '1-20'], { sys: fixed() });
    expect(a.stdout).toBe(b.stdout);
    expect(sorted(a.stdout)).toHaveLength(20);
  });
});
