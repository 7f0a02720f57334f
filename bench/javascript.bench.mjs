/**
 * JavaScript runtime benchmarks: runCode('1+1') in a warm context, RSS per idle context, and the spawn of
 * `node -e 'console.log(1)'` through a LocalKernel with real workers.
 */
import { CHANNEL_BYTES, DOORBELL_BYTES } from '@burrow/protocol';
import { LocalKernel } from '../packages/runner/dist/index.js';
import { JsContext } from '../packages/runtimes/dist/javascript/js-context.js';
import { fmtMs, row, sample, summarize } from './lib.mjs';

function contextOptions() {
  return {
    channel: new SharedArrayBuffer(CHANNEL_BYTES),
    doorbell: new SharedArrayBuffer(DOORBELL_BYTES),
    pid: 1,
    cwd: '/root',
    env: { HOME: '/root' },
  };
}

async function drain(stream) {
  for await (const _ of stream) {
    // output is not checked here
  }
}

export async function javascriptBenchmarks() {
  console.log(row(['JavaScript', 'p50', 'p99', 'n']));
  console.log(row(['---', '---', '---', '---']));

  const ctx = await JsContext.create(contextOptions());
  const cell = summarize(await sample(() => ctx.runCode('1+1'), { n: 500 }));
  console.log(row(["runCode('1+1') in a warm context", fmtMs(cell.p50), fmtMs(cell.p99), cell.n]));
  ctx.dispose();

  const n = 10;
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const idle = [];
  for (let i = 0; i < n; i++) idle.push(await JsContext.create(contextOptions()));
  const perContext = (process.memoryUsage().rss - before) / n;
  console.log(row(['RSS per idle JS context', `${(perContext / 1024 / 1024).toFixed(1)} MiB`, '', n]));
  for (const c of idle) c.dispose();

  const k = await LocalKernel.create();
  const spawn = summarize(
    await sample(
      async () => {
        const p = k.spawn(['node', '-e', 'console.log(1)'], { env: { PATH: '/usr/bin:/bin' } });
        await p.stdin.end();
        await Promise.all([drain(p.stdout), drain(p.stderr), p.wait()]);
      },
      { n: 30, warmup: 3 },
    ),
  );
  console.log(row(["`node -e 'console.log(1)'` spawn", fmtMs(spawn.p50), fmtMs(spawn.p99), spawn.n]));
  await k.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await javascriptBenchmarks();
