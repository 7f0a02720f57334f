/**
 * Runs every benchmark and prints markdown for docs/benchmarks.md.
 */
import { kernelBenchmarks } from './kernel.bench.mjs';
import { shellBenchmarks } from './shell.bench.mjs';
import { serviceBenchmarks } from './service.bench.mjs';
import { pythonBenchmarks } from './python.bench.mjs';
import { javascriptBenchmarks } from './javascript.bench.mjs';

console.log(`Machine: ${process.platform} ${process.arch}, Node ${process.version}, ${new Date().toISOString()}\n`);
console.log('## Kernel\n');
await kernelBenchmarks();
await serviceBenchmarks();
console.log('\n## Shell\n');
await shellBenchmarks();
console.log('\n## JavaScript\n');
await javascriptBenchmarks();
console.log('\n## Python\n');
await pythonBenchmarks();
