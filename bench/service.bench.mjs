/**
 * Service benchmarks (issue: the service), HTTP side by side with the embedded transport (the ratio is the
 * HTTP overhead):
 * - create a sandbox + first `echo hi`, p50/p99 (targets over HTTP: p50 < 5 ms, p99 < 20 ms);
 * - simple execs per second with 16 concurrent clients (target over HTTP: ≥ 5,000/s on 2 cores); the HTTP load
 *   comes from a separate process so the server has its process to itself.
 * Run directly (`node bench/service.bench.mjs`) or through bench/run.js; `--load URL SECONDS` is the load
 * generator's entry.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../packages/sdk/dist/index.js';
import { App, createLogger, embedded } from '../packages/server/dist/index.js';
import { fmtMs, row, sample, summarize } from './lib.mjs';

const CLIENTS = 16;
const LOAD_SECONDS = 5;

/** Runs `CLIENTS` loops of `exec('echo hi')` for `seconds` against one sandbox each; returns execs/s. */
async function execRate(burrow, seconds) {
  const boxes = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => burrow.sandbox(`load-${process.pid}-${i}`)));
  for (const b of boxes) await b.exec('echo hi');
  const until = performance.now() + seconds * 1000;
  let count = 0;
  const started = performance.now();
  await Promise.all(
    boxes.map(async (b) => {
      while (performance.now() < until) {
        const r = await b.exec('echo hi');
        if (r.exitCode !== 0) throw new Error(`exec failed: ${r.stderr}`);
        count++;
      }
    }),
  );
  const rate = count / ((performance.now() - started) / 1000);
  await Promise.all(boxes.map((b) => b.destroy()));
  return rate;
}

async function createAndExec(burrow, n) {
  let i = 0;
  const ids = [];
  const samples = await sample(
    async () => {
      const id = `bench-${process.pid}-${i++}`;
      ids.push(id);
      const sb = await burrow.create({ id });
      const r = await sb.exec('echo hi');
      if (r.stdout !== 'hi\n') throw new Error(`unexpected output ${JSON.stringify(r)}`);
    },
    { n, warmup: 10 },
  );
  for (const id of ids) await (await burrow.get(id)).destroy();
  return summarize(samples);
}

function loadFromChild(url, seconds) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url).pathname, ['--load', url, String(seconds)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve(m.rate));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited ${code}`));
    });
  });
}

export async function serviceBenchmarks({ n = 200, seconds = LOAD_SECONDS } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'burrow-bench-'));
  const app = new App({ dataDir: join(dataDir, 'http'), log: createLogger('warn') });
  const { port } = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const http = connect({ url });
  const local = embedded({ dataDir: join(dataDir, 'embedded'), log: createLogger('warn') });
  try {
    const createHttp = await createAndExec(http, n);
    const createEmbedded = await createAndExec(local, n);
    const rateHttp = await loadFromChild(url, seconds);
    const rateEmbedded = await execRate(local, seconds);
    console.log('\n## Service\n');
    console.log(row(['what', 'HTTP', 'embedded', 'HTTP / embedded']));
    console.log(row(['---', '---', '---', '---']));
    console.log(row(['create + first `echo hi`, p50', fmtMs(createHttp.p50), fmtMs(createEmbedded.p50), (createHttp.p50 / createEmbedded.p50).toFixed(2)]));
    console.log(row(['create + first `echo hi`, p99', fmtMs(createHttp.p99), fmtMs(createEmbedded.p99), (createHttp.p99 / createEmbedded.p99).toFixed(2)]));
    console.log(
      row([`\`echo hi\` execs/s, ${CLIENTS} concurrent clients`, rateHttp.toFixed(0), rateEmbedded.toFixed(0), (rateHttp / rateEmbedded).toFixed(2)]),
    );
    console.log(`\nn = ${n} creates per transport; ${seconds} s of load per transport; HTTP load from a separate process.\n`);
  } finally {
    await local.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--load') {
  const rate = await execRate(connect({ url: process.argv[3] }), Number(process.argv[4]));
  process.send?.({ rate });
  process.exit(0);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  await serviceBenchmarks();
}
