/**
 * `node` through LocalKernel with real workers: -e, -p, files, exit codes, uncaught errors, stdin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './javascript-node-helpers.js';
import { LocalKernel } from './local-host.js';

describe('node basics', () => {
  let k: LocalKernel;
  beforeAll(async () => {
    k = await LocalKernel.create();
  });
  afterAll(async () => {
    await k.close();
  });

  it('runs -e and prints with console.log', async () => {
    const r = await runNode(k, ['-e', 'console.log(1 + 1, "x", { a: [1, 2] })']);
    expect(r).toEqual({ stdout: '2 x { a: [ 1, 2 ] }\n', stderr: '', exitCode: 0 });
  });

  it('prints the value of -p', async () => {
    const r = await runNode(k, ['-p', '[6 * 7, process.argv.length]', 'a', 'b']);
    expect(r.stdout).toBe('[ 42, 3 ]\n');
  });

  it('runs a file with its arguments, cwd and env', async () => {
    await k.fs.mkdir('/work', { recursive: true });
    await k.fs.writeFile(
      '/work/main.js',
      'console.log(JSON.stringify([process.argv.slice(2), process.cwd(), process.env.GREETING, __filename]))',
    );
    const r = await runNode(k, ['main.js', 'one', 'two'], { cwd: '/work', env: { GREETING: 'hi' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([['one', 'two'], '/work', 'hi', '/work/main.js']);
  });

  it('exits with process.exit and process.exitCode', async () => {
    expect((await runNode(k, ['-e', 'console.log("a"); process.exit(7); console.log("b")'])).exitCode).toBe(7);
    const r = await runNode(k, ['-e', 'process.exitCode = 3; process.on("exit", (c) => console.log("exit", c))']);
    expect(r).toMatchObject({ stdout: 'exit 3\n', exitCode: 3 });
  });

  it('prints an uncaught error with its stack and exits 1', async () => {
    await k.fs.writeFile('/work/boom.js', 'function inner() { throw new TypeError("bad thing"); }\ninner();\n');
    const r = await runNode(k, ['/work/boom.js']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('TypeError: bad thing');
    expect(r.stderr).toMatch(/at inner \(\/work\/boom\.js:1/);
  });

  it('reports a missing script', async () => {
    const r = await runNode(k, ['/work/nope.js']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Cannot find module '/work/nope.js'");
  });

  it('runs timers and promises in order', async () => {
    const code =
      'setTimeout(() => console.log("t2"), 60); setTimeout(() => console.log("t1"), 5);' +
      'Promise.resolve().then(() => console.log("p")); setImmediate(() => console.log("i")); console.log("s")';
    expect((await runNode(k, ['-e', code])).stdout).toBe('s\np\ni\nt1\nt2\n');
  });

  it('reads stdin with data events and synchronously', async () => {
    const ev = await runNode(
      k,
      ['-e', 'let s = ""; process.stdin.on("data", (c) => (s += c)); process.stdin.on("end", () => console.log(s.toUpperCase()))'],
      { stdin: 'hello\nworld\n' },
    );
    expect(ev.stdout).toBe('HELLO\nWORLD\n\n');
    const sync = await runNode(k, ['-e', 'console.log(require("fs").readFileSync(0, "utf8").length)'], { stdin: 'abcd' });
    expect(sync.stdout).toBe('4\n');
  });

  it('fails fetch with a clear message', async () => {
    const r = await runNode(k, ['-e', 'fetch("https://example.com").catch((e) => console.log(e.message))']);
    expect(r.stdout).toBe('fetch failed: network is disabled for this sandbox\n');
  });
});
