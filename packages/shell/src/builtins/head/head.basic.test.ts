import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { head } from './head.js';

const twelve = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join('\n') + '\n';

describe('head', () => {
  it('prints the first ten lines by default', async () => {
    const r = await runBuiltin(head, ['head'], { stdin: twelve });
    expect(r.stdout).toBe('l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\n');
    expect(r.exitCode).toBe(0);
  });

  it('takes -n N, -N and -c N', async () => {
    expect((await runBuiltin(head, ['head', '-n', '2'], { stdin: twelve })).stdout).toBe('l1\nl2\n');
    expect((await runBuiltin(head, ['head', '-3'], { stdin: twelve })).stdout).toBe('l1\nl2\nl3\n');
    expect((await runBuiltin(head, ['head', '-c5'], { stdin: twelve })).stdout).toBe('l1\nl2');
  });

  it('drops the last lines or bytes with a negative count', async () => {
    expect((await runBuiltin(head, ['head', '-n', '-10'], { stdin: twelve })).stdout).toBe('l1\nl2\n');
    expect((await runBuiltin(head, ['head', '-n', '-1'], { stdin: 'a\nb' })).stdout).toBe('a\n');
    expect((await runBuiltin(head, ['head', '-c', '-2'], { stdin: 'abcd' })).stdout).toBe('ab');
  });

  it('prints headers for several files and reports a missing one', async () => {
    const sys = createMemorySys({ '/a': '1\n2\n', '/b': 'x\n' });
    const r = await runBuiltin(head, ['head', '-n1', 'a', 'nope', 'b'], { sys });
    expect(r.stdout).toBe('==> a <==\n1\n\n==> b <==\nx\n');
    expect(r.stderr).toBe("head: cannot open 'nope' for reading: No such file or directory\n");
    expect(r.exitCode).toBe(1);
  });

  it('rejects a malformed count', async () => {
    const r = await runBuiltin(head, ['head', '-n', 'x'], { stdin: '' });
    // Without a UTF-8 locale in the environment GNU quotes with plain apostrophes.
    expect(r.stderr).toBe("head: invalid number of lines: 'x'\n");
    expect(r.exitCode).toBe(1);
  });

  it('returns as soon as it has its lines from an endless stream', async () => {
    let reads = 0;
    const endless = { read: async () => { reads++; return new TextEncoder().encode('y\n'.repeat(100)); } };
    const r = await runBuiltin(head, ['head', '-1'], { stdin: endless });
    expect(r.stdout).toBe('y\n');
    expect(reads).toBe(1);
  });
});
