import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalKernel } from './local-host.js';

const bench = (name: string) => readFileSync(new URL(`../../../bench/wasm/${name}`, import.meta.url));

async function collect(s: AsyncIterable<Uint8Array>): Promise<string> {
  let out = '';
  for await (const c of s) out += Buffer.from(c).toString();
  return out;
}

describe('LocalKernel', () => {
  let k: LocalKernel | undefined;
  afterEach(async () => {
    await k?.close();
    k = undefined;
  });

  it('runs hello world in a worker and streams its stdout', async () => {
    k = await LocalKernel.create();
    await k.fs.writeFile('/bin/hello.wasm', bench('hello.wasm'));
    const p = k.spawn(['/bin/hello.wasm']);
    const [out, st] = await Promise.all([collect(p.stdout), p.wait()]);
    expect(out).toBe('hello world\n');
    expect(st.exitCode).toBe(0);
  });

  it('reports ENOENT for a missing program through wait()', async () => {
    k = await LocalKernel.create();
    const p = k.spawn(['/bin/nope.wasm']);
    await expect(p.wait()).rejects.toMatchObject({ errno: 44 });
  });

  it('makes many syscalls over the channel', async () => {
    k = await LocalKernel.create();
    await k.fs.writeFile('/bin/loop.wasm', bench('syscall-loop.wasm'));
    const p = k.spawn(['/bin/loop.wasm', '20000']);
    const st = await p.wait();
    expect(st.exitCode).toBe(0);
  });
});
