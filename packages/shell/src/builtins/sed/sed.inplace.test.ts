import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { sed } from './sed.js';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('sed -i', () => {
  it('edits files in place, each as its own stream', async () => {
    const sys = createMemorySys({ '/a': 'one\ntwo\n', '/b': 'three\n' });
    const r = await runBuiltin(sed, ['sed', '-i', '1s/^/>/', '/a', '/b'], { sys });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(text(await sys.readFile('/a'))).toBe('>one\ntwo\n');
    expect(text(await sys.readFile('/b'))).toBe('>three\n');
  });

  it('keeps a backup with a suffix', async () => {
    const sys = createMemorySys({ '/a': 'x\n' });
    await runBuiltin(sed, ['sed', '-i.bak', 's/x/y/', '/a'], { sys });
    expect(text(await sys.readFile('/a'))).toBe('y\n');
    expect(text(await sys.readFile('/a.bak'))).toBe('x\n');
  });

  it('writes w files', async () => {
    const sys = createMemorySys({ '/in': 'a\nb\na\n' });
    const r = await runBuiltin(sed, ['sed', '-n', '/a/w /out', '/in'], { sys });
    expect(r.stdout).toBe('');
    expect(text(await sys.readFile('/out'))).toBe('a\na\n');
  });
});
