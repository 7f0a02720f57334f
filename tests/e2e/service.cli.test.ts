/**
 * The CLI contract (DESIGN.md §7) for the service commands, run in process against a server started by the
 * test: outputs, --json, and exit statuses (the command's own, 255 for burrow's failures, 2 for usage).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServiceCommand } from '../../packages/cli/src/commands/service-commands.js';
import { startHttp } from './harness.js';

interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

describe('burrow CLI service commands', () => {
  let t: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    t = await startHttp();
  });
  afterAll(async () => {
    await t.stop();
  });

  async function burrow(args: string[], stdin = ''): Promise<Ran> {
    const [name, ...rest] = args;
    const input = new PassThrough();
    input.end(stdin);
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
    out.on('data', (c: Buffer) => chunks.out.push(c));
    err.on('data', (c: Buffer) => chunks.err.push(c));
    const status = await runServiceCommand(name ?? '', rest, { stdin: input, stdout: out, stderr: err, env: { BURROW_URL: t.url } });
    return { status, stdout: Buffer.concat(chunks.out).toString(), stderr: Buffer.concat(chunks.err).toString() };
  }

  it('creates, lists and removes sandboxes; an existing id is an error unless --if-not-exists', async () => {
    expect(await burrow(['create', 'cli-a', '--label', 'k=v'])).toMatchObject({ status: 0, stdout: 'cli-a\n' });
    expect((await burrow(['create', 'cli-a'])).status).toBe(255);
    expect((await burrow(['create', 'cli-a', '--if-not-exists'])).stdout).toBe('cli-a\n');
    const ls = await burrow(['ls', '--json']);
    expect(JSON.parse(ls.stdout).sandboxes.map((s: { id: string }) => s.id)).toEqual(['cli-a']);
    expect((await burrow(['ls'])).stdout).toMatch(/^cli-a\t.*\tk=v\n$/);
    expect((await burrow(['rm', 'cli-a'])).status).toBe(0);
    const gone = await burrow(['rm', 'cli-a']);
    expect(gone.status).toBe(255);
    expect(gone.stderr).toMatch(/no sandbox 'cli-a'/);
  });

  it('exits 2 on usage errors and 255 when the server is unreachable', async () => {
    expect((await burrow(['create', '--bogus'])).status).toBe(2);
    expect((await burrow(['exec', 'x'])).status).toBe(2);
    expect((await burrow(['create', 'bad id!'])).status).toBe(2);
    const down = await burrow(['ls', '--url', 'http://127.0.0.1:9']);
    expect(down.status).toBe(255);
    expect(down.stderr).toMatch(/burrow serve/);
  });

  it('copies files and directories both ways', async () => {
    await burrow(['create', 'cli-cp']);
    const dir = mkdtempSync(join(tmpdir(), 'burrow-cp-'));
    writeFileSync(join(dir, 'one.txt'), 'one');
    expect((await burrow(['cp', join(dir, 'one.txt'), 'cli-cp:/in/one.txt'])).status).toBe(0);
    expect((await burrow(['cp', dir, 'cli-cp:/tree'])).status).toBe(0);
    expect((await burrow(['cp', 'cli-cp:/tree', join(dir, 'back')])).status).toBe(0);
    expect(readFileSync(join(dir, 'back', 'one.txt'), 'utf8')).toBe('one');
    expect((await burrow(['cp', 'cli-cp:/in/one.txt', join(dir, 'copy.txt'), '--json'])).stdout).toBe('{"files":1,"bytes":3}\n');
    expect(readFileSync(join(dir, 'copy.txt'), 'utf8')).toBe('one');
    await burrow(['rm', 'cli-cp']);
  });

  it("exec streams output, forwards stdin and exits with the command's status", async () => {
    await burrow(['create', 'cli-x']);
    const r = await burrow(['exec', 'cli-x', '--', 'echo', 'hi;', 'exit', '7']);
    expect(r).toMatchObject({ status: 7, stdout: 'hi\n' });
    expect((await burrow(['exec', 'cli-x', '--', 'cat'], 'piped')).stdout).toBe('piped');
    expect((await burrow(['exec', 'cli-x', '--timeout', '200', '--', 'sleep', '5'])).status).toBe(124);
    const started = await burrow(['start', 'cli-x', '--name', 'bg', '--', 'echo', 'in', 'background']);
    expect(started.stdout).toBe('bg\n');
    expect((await burrow(['logs', 'cli-x', 'bg', '-f'])).stdout).toBe('in background\n');
    expect((await burrow(['ps', 'cli-x'])).stdout).toMatch(/^bg\texited\t0\t/);
    expect((await burrow(['sh', 'cli-x'], 'X=5\necho $X\nexit 3\n'))).toMatchObject({ status: 3, stdout: '5\n' });
    await burrow(['rm', 'cli-x']);
  });
});
