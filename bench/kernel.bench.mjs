/**
 * Kernel benchmarks (issue: kernel). Side by side with Node's node:wasi running the same modules:
 * - spawn + run hello world in a warm kernel, p50/p99;
 * - syscall round trip worker ↔ kernel (fd_fdstat_get in a loop), per call;
 * - write + read back a 1 MiB file through the WASI host vs Node's native fs and vs node:wasi on a real dir.
 */
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';
import { LocalKernel } from '../packages/runner/dist/local-host.js';
import { fmtMs, row, sample, summarize } from './lib.mjs';

const here = new URL('./wasm/', import.meta.url);
const hello = readFileSync(new URL('hello.wasm', here));
const loop = readFileSync(new URL('syscall-loop.wasm', here));
const fileIo = readFileSync(new URL('file-io.wasm', here));

async function run(k, argv) {
  const p = k.spawn(argv);
  const drain = async (s) => {
    for await (const _ of s) {
      // discard
    }
  };
  await Promise.all([drain(p.stdout), drain(p.stderr), p.stdin.end()]);
  const st = await p.wait();
  if (st.exitCode !== 0) throw new Error(`${argv[0]} exited ${st.exitCode}`);
}

function nodeWasiRun(module, args, preopens = {}) {
  const devnull = openSync('/dev/null', 'w');
  const wasi = new WASI({ version: 'preview1', args, env: {}, preopens, returnOnExit: true, stdout: devnull });
  const inst = new WebAssembly.Instance(module, wasi.getImportObject());
  const code = wasi.start(inst);
  closeSync(devnull);
  if (code !== 0) throw new Error(`exit ${code}`);
}

export async function kernelBenchmarks(out = console.log) {
  const k = await LocalKernel.create();
  await k.fs.writeFile('/bin/hello.wasm', hello);
  await k.fs.writeFile('/bin/loop.wasm', loop);
  await k.fs.writeFile('/bin/file-io.wasm', fileIo);
  await k.fs.mkdir('/tmp', { recursive: true });
  const helloModule = new WebAssembly.Module(hello);
  const loopModule = new WebAssembly.Module(loop);
  const fileIoModule = new WebAssembly.Module(fileIo);

  out('### Spawn + run hello world in a warm kernel\n');
  const burrowSpawn = summarize(await sample(() => run(k, ['/bin/hello.wasm']), { n: 500 }));
  const nodeSpawn = summarize(await sample(() => nodeWasiRun(helloModule, ['hello']), { n: 500 }));
  out(row(['host', 'p50', 'p99', 'ratio (p50)']));
  out(row(['---', '---', '---', '---']));
  out(row(['Burrow (worker + kernel)', fmtMs(burrowSpawn.p50), fmtMs(burrowSpawn.p99), '1.00']));
  out(row(['node:wasi (same thread)', fmtMs(nodeSpawn.p50), fmtMs(nodeSpawn.p99), (nodeSpawn.p50 / burrowSpawn.p50).toFixed(2)]));

  out('\n### Syscall round trip (fd_fdstat_get, 200,000 calls per run)\n');
  const calls = 200_000;
  const burrowLoop = summarize(await sample(() => run(k, ['/bin/loop.wasm', String(calls)]), { n: 7, warmup: 1 }));
  const nodeLoop = summarize(await sample(() => nodeWasiRun(loopModule, ['loop', String(calls)]), { n: 7, warmup: 1 }));
  const perCall = (s) => (s.p50 * 1000) / calls;
  out(row(['host', 'per call (p50 of runs)', 'ratio']));
  out(row(['---', '---', '---']));
  out(row(['Burrow (worker ↔ kernel channel)', `${perCall(burrowLoop).toFixed(2)} µs`, '1.00']));
  out(row(['node:wasi (in-thread host call)', `${perCall(nodeLoop).toFixed(2)} µs`, (perCall(nodeLoop) / perCall(burrowLoop)).toFixed(2)]));

  out('\n### Write + read back a 1 MiB file (64 KiB calls), per round\n');
  const rounds = 20;
  const burrowFile = summarize(await sample(() => run(k, ['/bin/file-io.wasm', '/tmp/f.bin', '1', String(rounds)]), { n: 10, warmup: 2 }));
  const dir = mkdtempSync(join(tmpdir(), 'burrow-bench-'));
  const nodeWasiFile = summarize(await sample(() => nodeWasiRun(fileIoModule, ['file-io', '/d/f.bin', '1', String(rounds)], { '/d': dir }), { n: 10, warmup: 2 }));
  const mib = Buffer.alloc(1 << 20, 120);
  const nativeFile = summarize(
    await sample(
      () => {
        for (let i = 0; i < rounds; i++) {
          writeFileSync(join(dir, 'native.bin'), mib);
          readFileSync(join(dir, 'native.bin'));
        }
      },
      { n: 10, warmup: 2 },
    ),
  );
  rmSync(dir, { recursive: true, force: true });
  out(row(['host', 'p50 per 1 MiB write+read', 'ratio']));
  out(row(['---', '---', '---']));
  out(row(['Burrow WASI host (in-memory vfs)', fmtMs(burrowFile.p50 / rounds), '1.00']));
  out(row(['node:wasi on a real directory', fmtMs(nodeWasiFile.p50 / rounds), (nodeWasiFile.p50 / burrowFile.p50).toFixed(2)]));
  out(row(['Node native fs (writeFileSync+readFileSync)', fmtMs(nativeFile.p50 / rounds), (nativeFile.p50 / burrowFile.p50).toFixed(2)]));
  await k.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await kernelBenchmarks();
}
