/**
 * Code-interpreter contexts through a runner process: the `context` and `run-code` IPC requests, output
 * streamed as events before the reply, errors keeping their errno across the channel, and malformed
 * context requests refused with an error reply.
 */
import type { RunnerProcess } from '@burrow/runner';
import { Errno, isKernelError } from '@burrow/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseParentMessage, parseRunnerMessage } from './ipc.js';
import { startRunner } from './testing/runner-fixtures.js';

let s: Awaited<ReturnType<typeof startRunner>>;
let runner: RunnerProcess;

describe('contexts in a runner process', () => {
  beforeAll(async () => {
    s = await startRunner([]);
    runner = s.runner;
  });
  afterAll(() => runner.terminate());

  it('keeps variables across runCode calls and streams output in order before the result', async () => {
    const ctx = await s.kernel.contexts.create({ id: 'a' });
    expect(ctx).toMatchObject({ id: 'a', language: 'python', busy: false });
    await s.kernel.runCode('x = 20', { context: 'a' });
    const seen: string[] = [];
    const r = await s.kernel.runCode('import sys\nprint("one")\nsys.stderr.write("two\\n")\nprint("three")\nx * 2 + 2', {
      context: 'a',
      onStdout: (t) => seen.push(`out:${t}`),
      onStderr: (t) => seen.push(`err:${t}`),
    });
    expect(r.results[0]?.['text/plain']).toBe('42');
    expect(r.stdout).toBe('one\nthree\n');
    expect(r.stderr).toBe('two\n');
    expect(seen.join('')).toBe('out:one\nerr:two\nout:three\n');
    expect(r.error).toBeUndefined();
  }, 120_000);

  it('returns a raised exception as a value and lists, interrupts and deletes contexts', async () => {
    const r = await s.kernel.runCode('1 / 0', { context: 'a' });
    expect(r.error?.name).toBe('ZeroDivisionError');
    await s.kernel.contexts.create({ id: 'b' });
    expect((await s.kernel.contexts.list()).map((c) => c.id).sort()).toEqual(['a', 'b']);
    await s.kernel.contexts.interrupt('b');
    await s.kernel.contexts.delete('b');
    expect((await s.kernel.contexts.list()).map((c) => c.id)).toEqual(['a']);
    const missing = await s.kernel.runCode('1', { context: 'b' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isKernelError(missing) && missing.errno).toBe(Errno.NOENT);
    const dup = await s.kernel.contexts.create({ id: 'a' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isKernelError(dup) && dup.errno).toBe(Errno.EXIST);
  }, 120_000);

  it('a cell writes files that the sandbox sees', async () => {
    await s.kernel.runCode('open("/tmp/from-cell.txt", "w").write("cell")', { context: 'a' });
    expect(new TextDecoder().decode(await s.kernel.fs.readFile('/tmp/from-cell.txt'))).toBe('cell');
  }, 60_000);
});

describe('context message checks', () => {
  it('accepts well-formed context requests and events and refuses malformed ones', () => {
    const ok = { t: 'req', id: 1, req: { op: 'context', sandbox: 's', ctx: { call: 'create', id: 'c', language: 'javascript' } } };
    expect(parseParentMessage(ok)).toEqual(ok);
    const badLanguage = { t: 'req', id: 1, req: { op: 'context', sandbox: 's', ctx: { call: 'create', language: 'cobol' } } };
    expect(parseParentMessage(badLanguage)).toBeUndefined();
    const run = { t: 'req', id: 2, req: { op: 'run-code', sandbox: 's', run: 3, code: '1', opts: {}, stream: true } };
    expect(parseParentMessage(run)).toEqual(run);
    expect(parseParentMessage({ ...run, req: { ...run.req, stream: 'yes' } })).toBeUndefined();
    const out = { t: 'code-output', sandbox: 's', run: 3, stream: 'stdout', text: 'hi' };
    expect(parseRunnerMessage(out)).toEqual(out);
    expect(parseRunnerMessage({ ...out, stream: 'stdin' })).toBeUndefined();
  });
});
