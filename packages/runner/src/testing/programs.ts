/**
 * Test helpers: the committed wasm test programs (tests/wasm/bin) and a way to run one to completion with
 * its output collected.
 */
import { readFileSync } from 'node:fs';
import type { ExitStatus, KernelApi, SpawnOptions } from '@burrow/kernel';

const BIN = new URL('../../../../tests/wasm/bin/', import.meta.url);

export function program(name: string): Uint8Array {
  return readFileSync(new URL(`${name}.wasm`, BIN));
}

/** Installs test programs as /bin/NAME.wasm. */
export async function install(k: KernelApi, ...names: string[]): Promise<void> {
  for (const n of names) await k.fs.writeFile(`/bin/${n}.wasm`, program(n));
}

export interface RunResult {
  status: ExitStatus;
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function text(s: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const c of s) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

export async function run(
  k: KernelApi,
  argv: string[],
  opts: SpawnOptions & { stdin?: string | Uint8Array } = {},
): Promise<RunResult> {
  const { stdin, ...spawnOpts } = opts;
  const p = k.spawn(argv, spawnOpts);
  const feed = (async () => {
    try {
      if (stdin !== undefined) await p.stdin.write(stdin);
    } catch {
      // the program exited before reading all of its stdin
    }
    await p.stdin.end();
  })();
  const [stdout, stderr, status] = await Promise.all([text(p.stdout), text(p.stderr), p.wait(), feed]);
  return { status, exitCode: status.exitCode, stdout, stderr };
}
