/**
 * Python benchmarks (issue: Python and JavaScript in the sandbox). Side by side:
 * - `python3 -c 'print(1)'` in a fresh sandbox, from the warm pool and from a cold template image, against
 *   a fresh Pyodide boot and just-bash's python3 (when it is installed);
 * - runCode('1+1') in a warm context;
 * - RSS per idle Python context.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LocalKernel, PythonPool } from '../packages/runner/dist/index.js';
import { fmtMs, row, sample, summarize } from './lib.mjs';

async function python1(k) {
  const p = k.spawn(['python3', '-c', 'print(1)'], { env: { PATH: '/usr/bin:/bin' } });
  let out = '';
  const drain = async (s, keep) => {
    for await (const c of s) if (keep) out += Buffer.from(c).toString();
  };
  await Promise.all([drain(p.stdout, true), drain(p.stderr, false), p.stdin.end()]);
  const st = await p.wait();
  if (st.exitCode !== 0 || out !== '1\n') throw new Error(`python3 exited ${st.exitCode}: ${out}`);
}

/** A fresh Pyodide boot in a new worker thread, as a process without a template would pay. */
function freshBoot() {
  const src = `
    import { parentPort } from 'node:worker_threads';
    import { loadPyodide } from '${new URL('../node_modules/pyodide/pyodide.mjs', import.meta.url).href}';
    const py = await loadPyodide({ stdout: () => {} });
    py.runPython('print(1)');
    parentPort.postMessage('done');`;
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(src)}`), { eval: false });
    w.once('message', () => {
      void w.terminate();
      resolve();
    });
    w.once('error', reject);
  });
}

export async function pythonBenchmarks(out = console.log) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'burrow-bench-py-'));
  const rows = [];

  // The template image is made once per build (the first use); its cost is reported, not sampled.
  const warmPool = new PythonPool({ cacheDir, warm: 1 });
  let t = performance.now();
  await warmPool.template();
  const templateMs = performance.now() - t;

  const fromPool = [];
  for (let i = 0; i < 12; i++) {
    await warmPool.prewarm();
    const k = await LocalKernel.create({ python: warmPool });
    t = performance.now();
    await python1(k);
    fromPool.push(performance.now() - t);
    await k.close();
  }
  await warmPool.close();
  const pool = summarize(fromPool.slice(2));

  const coldPool = new PythonPool({ cacheDir, warm: 0 });
  const cold = summarize(
    await sample(
      async () => {
        const k = await LocalKernel.create({ python: coldPool });
        await python1(k);
        await k.close();
      },
      { n: 6, warmup: 1 },
    ),
  );
  await coldPool.close();

  let boot = null;
  try {
    boot = summarize(await sample(freshBoot, { n: 3, warmup: 0 }));
  } catch (e) {
    out(`(fresh Pyodide boot failed: ${e instanceof Error ? e.message : e})`);
  }

  let jb = null;
  try {
    const { Bash } = await import('just-bash');
    const bash = new Bash({ python: true });
    const probe = await bash.exec(`python3 -c 'print(1)'`);
    if (probe.stdout === '1\n') {
      jb = summarize(await sample(async () => bash.exec(`python3 -c 'print(1)'`), { n: 3, warmup: 0 }));
    } else out(`(just-bash python3 did not print 1: ${JSON.stringify(probe.stderr).slice(0, 200)})`);
  } catch (e) {
    out(`(just-bash python3 unavailable: ${e instanceof Error ? e.message : e})`);
  }

  out('### python3 -c \'print(1)\' in a fresh sandbox\n');
  out(row(['how', 'p50', 'p99', 'n', 'vs fresh boot']));
  out(row(['---', '---', '---', '---', '---']));
  const ratio = (s) => (boot === null ? 'n/a' : `${(boot.p50 / s.p50).toFixed(1)}× faster`);
  rows.push(['Burrow, warm pool', pool], ['Burrow, cold image', cold]);
  if (boot !== null) rows.push(['fresh Pyodide boot (worker)', boot]);
  if (jb !== null) rows.push(["just-bash python3", jb]);
  for (const [name, s] of rows) out(row([name, fmtMs(s.p50), fmtMs(s.p99), String(s.n), ratio(s)]));
  out(`\nTemplate image made once per Pyodide build: ${fmtMs(templateMs)} (cached in the data directory).\n`);

  // runCode in a warm context, and RSS per idle context.
  const ctxPool = new PythonPool({ cacheDir, warm: 0 });
  const k = await LocalKernel.create({ python: ctxPool });
  await k.contexts.create({ id: 'bench' });
  const rc = summarize(await sample(() => k.runCode('1+1', { context: 'bench' }), { n: 300, warmup: 30 }));
  out('### runCode\n');
  out(row(['what', 'p50', 'p99', 'n']));
  out(row(['---', '---', '---', '---']));
  out(row(["runCode('1+1'), warm context", fmtMs(rc.p50), fmtMs(rc.p99), String(rc.n)]));
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const extra = 4;
  for (let i = 0; i < extra; i++) await k.contexts.create({ id: `idle-${i}` });
  await new Promise((r) => setTimeout(r, 500));
  const perCtx = (process.memoryUsage().rss - before) / extra;
  out(`\nRSS per idle Python context: ${(perCtx / 1024 / 1024).toFixed(0)} MiB (${extra} contexts, one process).\n`);
  await k.close();
  await ctxPool.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await pythonBenchmarks();
  process.exit(0);
}
