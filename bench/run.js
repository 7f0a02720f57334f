/**
 * Runs every benchmark and prints markdown for docs/benchmarks.md.
 */
import { kernelBenchmarks } from './kernel.bench.mjs';

console.log(`Machine: ${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString()}\n`);
console.log('## Kernel\n');
await kernelBenchmarks();
