/**
 * `burrow wasm run` end to end: the built CLI as a user runs it (a real runner process, real workers), with
 * the C programs of tests/wasm/bin. Needs `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'packages/cli/dist/main.js');
const BIN = 'tests/wasm/bin';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function burrow(args: string[], opts: { stdin?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(opts.stdin ?? '');
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'burrow-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('burrow wasm run', () => {
  it('runs hello world with nothing else on stdout or stderr', async () => {
    expect(await burrow(['wasm', 'run', `${BIN}/hello.wasm`])).toEqual({ code: 0, stdout: 'hello world\n', stderr: '' });
  });

  it('gives argv[0] = FILE as written, the arguments after FILE, and only --env variables', async () => {
    const r = await burrow(['wasm', 'run', '--env', 'A=1', '--env=B=x y', `${BIN}/args.wasm`, '-v', '--env', 'C=3']);
    expect(r.stdout).toBe(`argc 4\nargv[0]=${BIN}/args.wasm\nargv[1]=-v\nargv[2]=--env\nargv[3]=C=3\nenv A=1\nenv B=x y\n`);
    expect(r.code).toBe(0);
  });

  it("exits with the program's status", async () => {
    expect((await burrow(['wasm', 'run', `${BIN}/exit.wasm`, '3'])).code).toBe(3);
    expect((await burrow(['wasm', 'run', `${BIN}/exit.wasm`, '255'])).code).toBe(255);
  });

  it('forwards stdin until its end', async () => {
    const input = 'one\ntwo\n'.repeat(5000);
    const r = await burrow(['wasm', 'run', `${BIN}/cat.wasm`], { stdin: input });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(input);
    const wc = await burrow(['wasm', 'run', `${BIN}/wc-stdin.wasm`], { stdin: 'a\nb\nc' });
    expect(wc.stdout).toBe('5 2\n');
  });

  it('copies --dir trees in (symlinks as symlinks), preopened under GUESTDIR; host files stay untouched', async () => {
    const host = join(tmp, 'tree');
    mkdirSync(join(host, 'sub'), { recursive: true });
    writeFileSync(join(host, 'sub', 'f.txt'), 'from the host\n');
    symlinkSync('sub/f.txt', join(host, 'link'));
    const viaGuest = await burrow(['wasm', 'run', '--dir', `${host}::/data`, `${BIN}/cat.wasm`, '/data/link']);
    expect(viaGuest).toEqual({ code: 0, stdout: 'from the host\n', stderr: '' });
    const relative = await burrow(['wasm', 'run', '--dir', '.', join(ROOT, BIN, 'cat.wasm'), 'sub/f.txt'], { cwd: host });
    expect(relative.stdout).toBe('from the host\n');
    const writes = await burrow(['wasm', 'run', '--dir', `${host}::/w`, `${BIN}/write-no-close.wasm`, '/w/new.txt', 'x']);
    expect(writes.code).toBe(0);
    expect(existsSync(join(host, 'new.txt'))).toBe(false);
    expect(readFileSync(join(host, 'sub', 'f.txt'), 'utf8')).toBe('from the host\n');
  });

  it('gives no filesystem without --dir', async () => {
    const r = await burrow(['wasm', 'run', `${BIN}/cat.wasm`, '/etc/passwd']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('reports a trap with 134 and a message on stderr', async () => {
    const r = await burrow(['wasm', 'run', `${BIN}/trap.wasm`]);
    expect(r.code).toBe(134);
    expect(r.stderr).toMatch(/trap/);
  });

  it('usage errors exit 2; its own failures exit 255 with one message', async () => {
    const usage = await burrow(['wasm', 'run', '--frobnicate', 'x.wasm']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown option/);
    expect((await burrow(['wasm', 'run'])).code).toBe(2);
    expect((await burrow(['frob'])).code).toBe(2);
    const missing = await burrow(['wasm', 'run', 'no-such.wasm']);
    expect(missing.code).toBe(255);
    expect(missing.stderr).toMatch(/^burrow: cannot read no-such\.wasm/);
    const notWasm = join(tmp, 'not.wasm');
    writeFileSync(notWasm, 'text');
    expect((await burrow(['wasm', 'run', notWasm])).code).toBe(255);
    expect((await burrow(['wasm', 'run', '--dir', join(tmp, 'absent'), `${BIN}/hello.wasm`])).code).toBe(255);
  });

  it('prints help', async () => {
    const top = await burrow(['--help']);
    expect([top.code, top.stdout]).toEqual([0, expect.stringContaining('wasm run')]);
    const sub = await burrow(['wasm', 'run', '--help']);
    expect([sub.code, sub.stdout]).toEqual([0, expect.stringContaining('--dir HOSTDIR[::GUESTDIR]')]);
  });
});
