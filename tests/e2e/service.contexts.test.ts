/**
 * Code-interpreter contexts through each transport: variables persist across runCode calls, a raised
 * exception is a value (`error`), contexts are independent, named contexts are created on first use,
 * output streams before the result, and context errors carry their own codes. JavaScript contexts run
 * through the same calls.
 */
import { ConflictError, NotFoundError } from '@burrow/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Started, TRANSPORTS, withSandbox } from './harness.js';

const PY_MS = 120_000;

describe.each(TRANSPORTS)('contexts over $name', (transport) => {
  let t: Started;
  beforeAll(async () => {
    t = await transport.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('keeps Python variables across calls in the default context and returns the last value', async () => {
    await withSandbox(t.burrow, async (sb) => {
      await sb.runCode('x = 6');
      const r = await sb.runCode('print("hello")\nx * 7');
      expect(r.stdout).toBe('hello\n');
      expect(r.results[0]?.['text/plain']).toBe('42');
      expect(r.error).toBeUndefined();
      expect((await sb.contexts.list()).map((c) => c.id)).toContain('python');
    });
  }, PY_MS);

  it('gives a raised exception as error, and keeps two contexts independent', async () => {
    await withSandbox(t.burrow, async (sb) => {
      const raised = await sb.runCode('raise ValueError("bad value")');
      expect(raised.error).toMatchObject({ name: 'ValueError', value: 'bad value' });
      expect(raised.error?.traceback).toContain('ValueError');
      const a = await sb.contexts.create({ id: 'a', cwd: '/tmp' });
      expect(a).toEqual({ id: 'a', language: 'python', cwd: '/tmp', busy: false });
      await sb.runCode('v = "in a"', { context: 'a' });
      await sb.runCode('v = "in b"', { context: 'b' });
      expect((await sb.runCode('v', { context: 'a' })).results[0]?.['text/plain']).toBe("'in a'");
      expect((await sb.runCode('v', { context: 'b' })).results[0]?.['text/plain']).toBe("'in b'");
      await expect(sb.contexts.create({ id: 'a' })).rejects.toBeInstanceOf(ConflictError);
      await expect(sb.contexts.create({ id: 'a' })).rejects.toMatchObject({ code: 'context_exists' });
    });
  }, PY_MS);

  it('deletes and interrupts contexts, with context_not_found for unknown ones', async () => {
    await withSandbox(t.burrow, async (sb) => {
      await sb.runCode('k = 1', { context: 'gone' });
      await sb.contexts.interrupt('gone');
      await sb.contexts.delete('gone');
      expect((await sb.contexts.list()).map((c) => c.id)).not.toContain('gone');
      // A deleted context starts afresh on its next use.
      expect((await sb.runCode('k', { context: 'gone' })).error?.name).toBe('NameError');
      await expect(sb.contexts.delete('never')).rejects.toBeInstanceOf(NotFoundError);
      await expect(sb.contexts.interrupt('never')).rejects.toMatchObject({ code: 'context_not_found' });
    });
  }, PY_MS);

  it('streams output to callbacks in order and interrupts a cell past its timeout', async () => {
    await withSandbox(t.burrow, async (sb) => {
      const seen: string[] = [];
      const r = await sb.runCode('import sys\nprint("a")\nsys.stderr.write("b\\n")\nprint("c")\n3', {
        onStdout: (s) => seen.push(`1${s}`),
        onStderr: (s) => seen.push(`2${s}`),
      });
      expect(seen.join('')).toBe('1a\n2b\n1c\n');
      expect(r).toMatchObject({ stdout: 'a\nc\n', stderr: 'b\n' });
      expect(r.results[0]?.['text/plain']).toBe('3');
      const slow = await sb.runCode('while True: pass', { timeoutMs: 500 });
      expect(slow.error?.name).toBe('TimeoutError');
      expect((await sb.runCode('1 + 1')).results[0]?.['text/plain']).toBe('2');
    });
  }, PY_MS);

  it('runs JavaScript and TypeScript contexts with persistent variables', async () => {
    await withSandbox(t.burrow, async (sb) => {
      await sb.runCode('var n = 20', { language: 'javascript' });
      const r = await sb.runCode('console.log("js"); n + 22', { language: 'javascript' });
      expect(r.stdout).toBe('js\n');
      expect(r.results[0]?.['text/plain']).toBe('42');
      const thrown = await sb.runCode('throw new TypeError("nope")', { language: 'javascript' });
      expect(thrown.error).toMatchObject({ name: 'TypeError', value: 'nope' });
      await sb.runCode('const m: number = 5', { context: 'ts', language: 'typescript' });
      expect((await sb.runCode('m * 2', { context: 'ts' })).results[0]?.['text/plain']).toBe('10');
      const langs = Object.fromEntries((await sb.contexts.list()).map((c) => [c.id, c.language]));
      expect(langs).toMatchObject({ javascript: 'javascript', ts: 'typescript' });
    });
  }, PY_MS);
});
