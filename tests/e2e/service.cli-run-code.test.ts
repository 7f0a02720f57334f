/**
 * `burrow run-code` (DESIGN.md §7 CLI contract) in process against a server started by the test: output
 * streamed then the result's text/plain, the default context persisting per language, named contexts,
 * exit 1 when the code raised, --json, and usage errors.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServiceCommand } from '../../packages/cli/src/commands/service-commands.js';
import { startHttp } from './harness.js';

interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

describe('burrow run-code', () => {
  let t: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    t = await startHttp();
    await t.burrow.create({ id: 'rc' });
  });
  afterAll(async () => {
    await t.stop();
  });

  async function burrow(args: string[]): Promise<Ran> {
    const [name, ...rest] = args;
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
    out.on('data', (c: Buffer) => chunks.out.push(c));
    err.on('data', (c: Buffer) => chunks.err.push(c));
    const status = await runServiceCommand(name ?? '', rest, { stdin: new PassThrough(), stdout: out, stderr: err, env: { BURROW_URL: t.url } });
    return { status, stdout: Buffer.concat(chunks.out).toString(), stderr: Buffer.concat(chunks.err).toString() };
  }

  it('prints output then the value, and the default context keeps its variables', async () => {
    expect(await burrow(['run-code', 'rc', 'x = 40'])).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await burrow(['run-code', 'rc', 'print("sum"); x + 2'])).toEqual({ status: 0, stdout: 'sum\n42\n', stderr: '' });
  }, 120_000);

  it('exits 1 with the traceback on stderr when the code raised', async () => {
    const r = await burrow(['run-code', 'rc', 'raise KeyError("k")']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('KeyError');
  }, 60_000);

  it('uses named contexts and languages, and --json prints the whole result', async () => {
    expect((await burrow(['run-code', 'rc', '--context', 'c1', 'y = 5'])).status).toBe(0);
    const named = await burrow(['run-code', 'rc', '--context', 'c1', '--json', 'y * 3']);
    expect(named.status).toBe(0);
    expect(JSON.parse(named.stdout)).toMatchObject({ results: [{ 'text/plain': '15' }], stdout: '', stderr: '' });
    const other = await burrow(['run-code', 'rc', '--json', '--', 'y']);
    expect(other.status).toBe(1);
    expect(JSON.parse(other.stdout).error.name).toBe('NameError');
    await burrow(['run-code', 'rc', '--language', 'javascript', 'var j = 2']);
    expect(await burrow(['run-code', 'rc', '--language', 'javascript', 'j * 21'])).toMatchObject({ status: 0, stdout: '42\n' });
  }, 120_000);

  it('refuses a bad language or missing code as usage errors', async () => {
    expect((await burrow(['run-code', 'rc', '--language', 'cobol', '1'])).status).toBe(2);
    expect((await burrow(['run-code', 'rc'])).status).toBe(2);
    expect((await burrow(['run-code', 'no-such-sandbox', '1'])).status).toBe(255);
  }, 30_000);
});
