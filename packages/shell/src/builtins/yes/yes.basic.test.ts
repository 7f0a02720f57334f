import { describe, expect, it } from 'vitest';
import { memoryPipe, runBuiltin } from '../../testing/run-builtin.js';
import { seq } from '../seq/seq.js';
import { yes } from './yes.js';

describe('endless writers', () => {
  it('yes ends with 141 once its reader is gone', async () => {
    const pipe = memoryPipe(1024);
    const run = runBuiltin(yes, ['yes', 'hi'], { stdout: pipe.sink });
    const first = await pipe.source.read();
    expect(new TextDecoder().decode(first ?? new Uint8Array()).startsWith('hi\nhi\n')).toBe(true);
    pipe.closeReader();
    expect((await run).exitCode).toBe(141);
  });

  it('seq over a huge range stops as soon as its reader is gone', async () => {
    const pipe = memoryPipe(1024);
    const run = runBuiltin(seq, ['seq', '1', '1000000000'], { stdout: pipe.sink });
    const first = await pipe.source.read();
    expect(new TextDecoder().decode(first ?? new Uint8Array()).startsWith('1\n2\n3\n')).toBe(true);
    pipe.closeReader();
    expect((await run).exitCode).toBe(141);
  });
});
