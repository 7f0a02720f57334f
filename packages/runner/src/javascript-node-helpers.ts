/**
 * Test helper for the JavaScript runtime's runner tests: runs `node` with arguments in a LocalKernel and
 * collects its output and exit status.
 */
import type { LocalKernel } from './local-host.js';

async function collect(s: AsyncIterable<Uint8Array>): Promise<string> {
  let out = '';
  for await (const c of s) out += Buffer.from(c).toString();
  return out;
}

export async function runNode(
  k: LocalKernel,
  argv: string[],
  opts: { stdin?: string; cwd?: string; env?: Record<string, string> } = {},
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const p = k.spawn(['node', ...argv], {
    env: { PATH: '/usr/bin:/bin', HOME: '/root', ...opts.env },
    ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
  });
  if (opts.stdin !== undefined) await p.stdin.write(opts.stdin);
  await p.stdin.end();
  const [stdout, stderr, st] = await Promise.all([collect(p.stdout), collect(p.stderr), p.wait()]);
  return { stdout, stderr, exitCode: st.exitCode };
}
