/**
 * Test helpers for runner tests: the C test programs of tests/wasm/bin, output collection, and a started
 * runner that is always terminated after the test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CreateKernelOptions, RunnerProcess, type RunnerProcessOptions } from '@burrow/runner';

const BIN = fileURLToPath(new URL('../../../../tests/wasm/bin/', import.meta.url));

export function programPath(name: string): string {
  return `${BIN}${name}.wasm`;
}

export function program(name: string): Uint8Array {
  return readFileSync(programPath(name));
}

export async function collect(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const c of stream) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Starts a runner (warnings collected, not printed) and a kernel in it with the named programs at /bin. */
export async function startRunner(
  programs: string[],
  opts: RunnerProcessOptions = {},
  kernelOpts: CreateKernelOptions = {},
): Promise<{ runner: RunnerProcess; kernel: Awaited<ReturnType<RunnerProcess['createKernel']>>; warnings: string[] }> {
  const warnings: string[] = [];
  const runner = await RunnerProcess.start({ onWarning: (m) => warnings.push(m), ...opts });
  const kernel = await runner.createKernel('sb-1', kernelOpts);
  await kernel.fs.mkdir('/bin', { recursive: true });
  for (const name of programs) await kernel.fs.writeFile(`/bin/${name}`, program(name));
  return { runner, kernel, warnings };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
