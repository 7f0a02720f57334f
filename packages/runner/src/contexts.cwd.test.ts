/**
 * A context starts in the working directory and with the environment it was created with, in every language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKernel } from './local-host.js';

describe('context working directory and environment', () => {
  let k: LocalKernel;
  beforeAll(async () => {
    k = await LocalKernel.create();
  });
  afterAll(() => k.close());

  it('python', async () => {
    await k.contexts.create({ id: 'py-cwd', cwd: '/tmp', env: { FOO: 'bar' } });
    const r = await k.runCode('import os; [os.getcwd(), os.environ.get("FOO")]', { context: 'py-cwd' });
    expect(r.results[0]?.['application/json']).toEqual(['/tmp', 'bar']);
  }, 60_000);

  it('javascript', async () => {
    await k.contexts.create({ id: 'js-cwd', cwd: '/tmp', env: { FOO: 'baz' }, language: 'javascript' });
    const r = await k.runCode('[process.cwd(), process.env.FOO]', { context: 'js-cwd' });
    expect(r.results[0]?.['application/json']).toEqual(['/tmp', 'baz']);
  });
});
