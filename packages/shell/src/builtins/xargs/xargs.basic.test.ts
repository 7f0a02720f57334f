import { describe, expect, it } from 'vitest';
import { runBuiltin } from '../../testing/run-builtin.js';
import type { Builtin } from '../types.js';
import { xargs } from './xargs.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const echo: Builtin = async (ctx) => {
  await ctx.stdout.write(enc(`${ctx.argv.slice(1).join(' ')}\n`));
  return 0;
};
const fail: Builtin = async () => 1;
const registry = { echo, false: fail };

const run = (argv: string[], stdin: string) => runBuiltin(xargs, ['xargs', ...argv], { stdin, registry });

describe('xargs (outputs of GNU xargs)', () => {
  it('passes all items to one echo by default', async () => {
    expect((await run([], 'a b\nc\n')).stdout).toBe('a b c\n');
  });
  it('splits with -n and -L', async () => {
    expect((await run(['-n1', 'echo'], 'x y\n')).stdout).toBe('x\ny\n');
    expect((await run(['-L1', 'echo'], 'a b\nc\n')).stdout).toBe('a b\nc\n');
  });
  it('replaces with -I', async () => {
    expect((await run(['-I{}', 'echo', '[{}]'], 'a\nb\n')).stdout).toBe('[a]\n[b]\n');
    expect((await run(['-I', 'X', 'echo', 'X-X'], '  p q\n')).stdout).toBe('p q-p q\n');
  });
  it('reads NUL-separated items with -0 and custom delimiters with -d', async () => {
    expect((await run(['-0', '-n1', 'echo'], 'a\0b c\0')).stdout).toBe('a\nb c\n');
    expect((await run(['-d,', 'echo'], 'a,b c,d')).stdout).toBe('a b c d\n');
  });
  it('honours quotes', async () => {
    expect((await run(['-n1'], "a 'b c'\n")).stdout).toBe('a\nb c\n');
  });
  it('runs once on empty input unless -r', async () => {
    expect((await run(['echo', 'hi'], '\n')).stdout).toBe('hi\n');
    expect((await run(['-r', 'echo', 'hi'], '\n')).stdout).toBe('');
  });
  it('exits 123 when a command fails and 127 when it cannot be found', async () => {
    expect((await run(['false'], '')).exitCode).toBe(123);
    expect((await run(['nocmd'], 'x')).exitCode).toBe(127);
  });
  it('runs commands in parallel with -P', async () => {
    let running = 0;
    let peak = 0;
    const slow: Builtin = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      return 0;
    };
    await runBuiltin(xargs, ['xargs', '-P', '3', '-n', '1', 'slow'], { stdin: '1 2 3 4 5 6', registry: { slow } });
    expect(peak).toBe(3);
  });
  it('reports unmatched quotes', async () => {
    const r = await run([], "a 'b\n");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n',
    );
  });
});
