import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { collectingSink, makeContext } from '../../testing/run-builtin.js';
import { tail } from './tail.js';

describe('tail -f', () => {
  it('prints what is appended to the file until aborted', async () => {
    const sys = createMemorySys({ '/log': 'one\ntwo\n' });
    const out = collectingSink();
    const ctl = new AbortController();
    const ctx = makeContext({
      argv: ['tail', '-n1', '-f', '-s', '0.01', '/log'],
      stdin: { read: async () => null },
      stdout: out,
      stderr: collectingSink(),
      env: {},
      cwd: '/',
      sys,
      signal: ctl.signal,
      registry: {},
    });
    const done = tail(ctx);
    for (let i = 0; i < 50 && out.text() === ''; i++) await new Promise((r) => setTimeout(r, 5));
    expect(out.text()).toBe('two\n');
    await sys.writeFile('/log', new TextEncoder().encode('three\n'), { append: true });
    for (let i = 0; i < 100 && !out.text().includes('three'); i++) await new Promise((r) => setTimeout(r, 5));
    expect(out.text()).toBe('two\nthree\n');
    ctl.abort();
    expect(await done).toBe(130);
  });
});
