import { describe, expect, it } from 'vitest';
import type { LocalKernel } from './local-host.js';
import type { PythonPool } from './python-pool.js';
import { pythonKernel, usePythonKernel } from './testing/python-kernel.js';

describe('code-interpreter contexts', () => {
  let k: LocalKernel;
  let pool: PythonPool;
  usePythonKernel((kernel, p) => {
    k = kernel;
    pool = p;
  });

  it('keeps variables, imports and functions across calls and returns the last value as MIME bundles', async () => {
    const a = await k.contexts.create({ id: 'a' });
    expect(a.language).toBe('python');
    const r1 = await k.runCode('import math\nx = 20\ndef f(y):\n    return x + y\nprint("side")\nf(22)', { context: 'a' });
    expect(r1.stdout).toBe('side\n');
    expect(r1.results).toEqual([{ 'text/plain': '42', 'application/json': 42 }]);
    const r2 = await k.runCode('{"r": f(1), "pi": round(math.pi, 2)}', { context: 'a' });
    expect(r2.results[0]?.['application/json']).toEqual({ r: 21, pi: 3.14 });
    const r3 = await k.runCode('x = 5', { context: 'a' });
    expect(r3.results).toEqual([]);
  });

  it('gives text/html and images for values that provide them', async () => {
    await k.contexts.create({ id: 'html' });
    const r = await k.runCode(
      'class T:\n    def _repr_html_(self): return "<b>t</b>"\n    def _repr_png_(self): return b"\\x89PNG"\n    def _repr_svg_(self): return "<svg/>"\n    def __repr__(self): return "T()"\nT()',
      { context: 'html' },
    );
    expect(r.results[0]).toEqual({ 'text/plain': 'T()', 'text/html': '<b>t</b>', 'image/png': 'iVBORw==', 'image/svg+xml': '<svg/>' });
  });

  it('reports errors with name, value and traceback, and streams output', async () => {
    const seen: string[] = [];
    const r = await k.runCode('print("a")\nimport sys\nprint("b", file=sys.stderr)\n{}["missing"]', {
      onStdout: (t) => seen.push(`out:${t}`),
      onStderr: (t) => seen.push(`err:${t}`),
    });
    expect(r.error?.name).toBe('KeyError');
    expect(r.error?.value).toBe("'missing'");
    expect(r.error?.traceback).toContain('File "<cell>", line 4');
    expect(seen.join('')).toBe('out:a\nerr:b\n');
    expect(r.stderr).toBe('b\n');
  });

  it('lists, runs contexts independently, and deletes them', async () => {
    await k.contexts.create({ id: 'p' });
    await k.contexts.create({ id: 'q' });
    await Promise.all([k.runCode('v = "p"', { context: 'p' }), k.runCode('v = "q"', { context: 'q' })]);
    const [p, q] = await Promise.all([k.runCode('v', { context: 'p' }), k.runCode('v', { context: 'q' })]);
    expect([p.results[0]?.['text/plain'], q.results[0]?.['text/plain']]).toEqual(["'p'", "'q'"]);
    expect((await k.contexts.list()).map((c) => c.id)).toEqual(expect.arrayContaining(['p', 'q']));
    await k.contexts.delete('q');
    expect((await k.contexts.list()).map((c) => c.id)).not.toContain('q');
    await expect(k.runCode('1', { context: 'q' })).rejects.toMatchObject({ errno: 44 });
  });

  it('interrupts a running cell with KeyboardInterrupt, and times out runaway cells', async () => {
    await k.contexts.create({ id: 'loop' });
    const run = k.runCode('n = 0\nwhile True:\n    n += 1', { context: 'loop' });
    await new Promise((r) => setTimeout(r, 300));
    await k.contexts.interrupt('loop');
    const r = await run;
    expect(r.error?.name).toBe('KeyboardInterrupt');
    const after = await k.runCode('n > 0', { context: 'loop' });
    expect(after.results[0]?.['text/plain']).toBe('True');
    const t = await k.runCode('while True: pass', { context: 'loop', timeoutMs: 300 });
    expect(t.error?.name).toBe('TimeoutError');
  });

  it('sees the sandbox filesystem', async () => {
    await k.fs.writeFile('/root/data.txt', 'sandbox file');
    const r = await k.runCode('open("/root/data.txt").read()');
    expect(r.results[0]?.['text/plain']).toBe("'sandbox file'");
  });

  it('images an idle context; a context restored from the image in a fresh kernel has its variables', async () => {
    await k.contexts.create({ id: 'img' });
    await k.runCode('import json\nstate = {"n": 41}\ndef bump():\n    state["n"] += 1\n    return state["n"]', { context: 'img' });
    const image = await k.contexts.image('img');
    expect(image.length).toBeGreaterThan(1_000_000);
    const fresh = await pythonKernel(pool);
    try {
      await fresh.contexts.create({ id: 'woke', image });
      const r = await fresh.runCode('bump(), json.dumps(state)', { context: 'woke' });
      expect(r.results[0]?.['text/plain']).toBe('(42, \'{"n": 42}\')');
    } finally {
      await fresh.close();
    }
  });
});
