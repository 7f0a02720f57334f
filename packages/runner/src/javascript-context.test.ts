/**
 * JavaScript and TypeScript code-interpreter contexts through the kernel (LocalKernel, real workers):
 * per-language default contexts, variables across cells, timers inside a cell, errors, images restored into a
 * fresh kernel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKernel } from './local-host.js';

describe('javascript contexts', () => {
  let k: LocalKernel;
  beforeAll(async () => {
    k = await LocalKernel.create();
  });
  afterAll(() => k.close());

  it('the default javascript context keeps variables between calls', async () => {
    await k.runCode('var total = 40; function add(n) { return total + n }', { language: 'javascript' });
    const r = await k.runCode('add(2)', { language: 'javascript' });
    expect(r.results).toEqual([{ 'text/plain': '42', 'application/json': 42 }]);
    const list = await k.contexts.list();
    expect(list.find((c) => c.id === 'javascript')).toMatchObject({ language: 'javascript' });
  });

  it('a cell can wait for a timer (the sleep parks in the kernel)', async () => {
    const r = await k.runCode('new Promise((resolve) => setTimeout(() => resolve("late"), 30))', { language: 'javascript' });
    expect(r.results[0]?.['text/plain']).toBe("'late'");
  });

  it('typescript cells are stripped of types and keep their own state', async () => {
    await k.contexts.create({ id: 'ts1', language: 'typescript' });
    await k.runCode('const greet = (name: string): string => `hi ${name}`;', { context: 'ts1' });
    const r = await k.runCode('greet("ts")', { context: 'ts1' });
    expect(r.results[0]?.['text/plain']).toBe("'hi ts'");
  });

  it('an error is a value with a name and a traceback; output streams to callbacks', async () => {
    const seen: string[] = [];
    const r = await k.runCode('console.log("before"); null.x', { language: 'javascript', onStdout: (t) => seen.push(t) });
    expect(r.error?.name).toBe('TypeError');
    expect(r.stdout).toBe('before\n');
    expect(seen.join('')).toBe('before\n');
  });

  it('an image restored into a fresh kernel has the same variables', async () => {
    await k.contexts.create({ id: 'img', language: 'javascript' });
    await k.runCode('globalThis.kept = { a: [1, 2, 3], s: "x" }', { context: 'img' });
    const image = await k.contexts.image('img');
    const fresh = await LocalKernel.create();
    try {
      await fresh.contexts.create({ id: 'back', language: 'javascript', image });
      const r = await fresh.runCode('kept.a.length + kept.s', { context: 'back' });
      expect(r.results[0]?.['text/plain']).toBe("'3x'");
    } finally {
      await fresh.close();
    }
  });
});
