import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { collectingSink, makeContext, memoryPipe } from '../../testing/run-builtin.js';
import { sed } from './sed.js';

const enc = new TextEncoder();

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('sed streaming', () => {
  it('edits lines of an open stream as they arrive', async () => {
    const input = memoryPipe();
    const out = collectingSink();
    const ctx = makeContext({
      argv: ['sed', 's/a/A/'],
      stdin: input.source,
      stdout: out,
      stderr: collectingSink(),
      env: {},
      cwd: '/',
      sys: createMemorySys(),
      signal: new AbortController().signal,
      registry: {},
    });
    const done = sed(ctx);
    await input.sink.write(enc.encode('abc\n'));
    await until(() => out.text() !== '');
    expect(out.text()).toBe('Abc\n');
    await input.sink.write(enc.encode('bca\n'));
    await until(() => out.text().length > 4);
    expect(out.text()).toBe('Abc\nbcA\n');
    input.closeWriter();
    expect(await done).toBe(0);
  });
});
