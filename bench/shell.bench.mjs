/**
 * Shell benchmarks (issue: shell), side by side with just-bash (npm) on the same machine:
 * - 1000 × `echo hi`;
 * - 1000 × a three-stage pipeline over a 1 MiB file (`cat | grep | wc -l`);
 * - time to the first output byte of `seq 1 100000000 | grep 5 | head -1`.
 * Burrow runs each command line through a shell session in a worker thread over the syscall channel (the
 * real path of an exec); just-bash runs in the calling thread.
 */
import { Bash } from 'just-bash';
import { LocalKernel } from '../packages/runner/dist/local-host.js';
import { fmtMs, row, sample, summarize } from './lib.mjs';

const MIB_FILE = (() => {
  const lines = [];
  let size = 0;
  for (let i = 0; size < 1 << 20; i++) {
    const line = `line ${i} ${i % 7 === 0 ? 'foo' : 'bar'} ${'x'.repeat(40)}\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
})();

const PIPELINE = 'cat /data.txt | grep foo | wc -l';

export async function shellBenchmarks(out = console.log, n = 1000) {
  const k = await LocalKernel.create();
  await k.fs.writeFile('/data.txt', MIB_FILE);
  const jb = new Bash({ files: { '/data.txt': MIB_FILE } });
  const want = (await jb.exec(PIPELINE)).stdout;
  const got = (await k.exec(PIPELINE)).stdout;
  if (want.trim() !== got.trim()) throw new Error(`pipeline outputs differ: ${want} vs ${got}`);

  const echoB = summarize(await sample(() => k.exec('echo hi'), { n }));
  const echoJ = summarize(await sample(() => jb.exec('echo hi'), { n }));
  const pipeB = summarize(await sample(() => k.exec(PIPELINE), { n }));
  const pipeJ = summarize(await sample(() => jb.exec(PIPELINE), { n }));

  const firstByte = async () => {
    const t = performance.now();
    const run = k.execStream('seq 1 100000000 | grep 5 | head -1');
    let first = Number.NaN;
    for await (const e of run.events) {
      if (e.type === 'stdout' && Number.isNaN(first)) first = performance.now() - t;
    }
    await run.done;
    return first;
  };
  const firsts = [];
  for (let i = 0; i < 20; i++) firsts.push(await firstByte());
  const first = summarize(firsts);
  const tj = performance.now();
  await jb.exec('seq 1 1000000 | grep 5 | head -1');
  const jbFirst = performance.now() - tj;

  out(row(['benchmark', 'Burrow p50', 'Burrow p99', 'just-bash p50', 'just-bash p99', 'speed-up (p50)']));
  out(row(['---', '---', '---', '---', '---', '---']));
  out(row([`${n} × \`echo hi\``, fmtMs(echoB.p50), fmtMs(echoB.p99), fmtMs(echoJ.p50), fmtMs(echoJ.p99), `${(echoJ.p50 / echoB.p50).toFixed(2)}×`]));
  out(row([`${n} × \`${PIPELINE}\` (1 MiB)`, fmtMs(pipeB.p50), fmtMs(pipeB.p99), fmtMs(pipeJ.p50), fmtMs(pipeJ.p99), `${(pipeJ.p50 / pipeB.p50).toFixed(2)}×`]));
  out('');
  out(`First output byte of \`seq 1 100000000 | grep 5 | head -1\` (Burrow, streamed, 20 runs): p50 ${fmtMs(first.p50)}, p99 ${fmtMs(first.p99)}.`);
  out(`just-bash buffers output (no streaming); the whole of \`seq 1 1000000 | grep 5 | head -1\` (100× smaller) took ${fmtMs(jbFirst)} there.`);
  await k.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await shellBenchmarks(console.log, Number(process.argv[2] ?? 1000));
}
