import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { collectingSink, makeContext, memoryPipe, runBuiltin } from '../../testing/run-builtin.js';
import { grep } from './grep.js';

const enc = new TextEncoder();

describe('grep streaming', () => {
  it('prints a match from an endless stream before the stream ends', async () => {
    const input = memoryPipe();
    const out = collectingSink();
    const ctl = new AbortController();
    const ctx = makeContext({
      argv: ['grep', 'needle'],
      stdin: input.source,
      stdout: out,
      stderr: collectingSink(),
      env: {},
      cwd: '/',
      sys: createMemorySys(),
      signal: ctl.signal,
      registry: {},
    });
    const done = grep(ctx);
    await input.sink.write(enc.encode('hay\nneedle 1\nhay\n'));
    for (let i = 0; i < 20 && out.text() === ''; i++) await new Promise((r) => setTimeout(r, 5));
    expect(out.text()).toBe('needle 1\n');
    await input.sink.write(enc.encode('needle 2\n'));
    for (let i = 0; i < 20 && !out.text().includes('2'); i++) await new Promise((r) => setTimeout(r, 5));
    expect(out.text()).toBe('needle 1\nneedle 2\n');
    input.closeWriter();
    expect(await done).toBe(0);
  });

  it('ends quietly with 141 when its reader goes away', async () => {
    const pipe = memoryPipe(16);
    pipe.closeReader();
    const r = await runBuiltin(grep, ['grep', 'x'], { stdin: 'x\n'.repeat(1000), stdout: pipe.sink });
    expect(r.exitCode).toBe(141);
    expect(r.stderr).toBe('');
  });

  it('searches a tree with -r in directory order and honours --include', async () => {
    const sys = createMemorySys({ '/d/a.txt': 'hit\n', '/d/sub/b.log': 'hit\n', '/d/sub/c.txt': 'miss\nhit\n' });
    const all = await runBuiltin(grep, ['grep', '-rn', 'hit', 'd'], { sys });
    expect(all.stdout).toBe('d/a.txt:1:hit\nd/sub/b.log:1:hit\nd/sub/c.txt:2:hit\n');
    const some = await runBuiltin(grep, ['grep', '-r', '--include=*.txt', '-l', 'hit'], { sys, cwd: '/d' });
    expect(some.stdout).toBe('a.txt\nsub/c.txt\n');
  });

  it('stops reading at the first match with -q', async () => {
    let reads = 0;
    const endless = {
      read: async () => {
        reads++;
        return enc.encode('match\n');
      },
    };
    const r = await runBuiltin(grep, ['grep', '-q', 'match'], { stdin: endless });
    expect(r.exitCode).toBe(0);
    expect(reads).toBe(1);
  });
});
