/**
 * The README's examples stay true: its SDK example runs (as a Node script against a server started here)
 * and prints what its comments say, and each `$ burrow …` line of its console example prints the lines under it.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServiceCommand } from '../../packages/cli/src/commands/service-commands.js';
import { startHttp } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function block(lang: string): string {
  const m = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(README);
  if (m?.[1] === undefined) throw new Error(`README has no ${lang} block`);
  return m[1];
}

/** Splits a shell-like line into words, honouring single quotes. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('README', () => {
  let t: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    t = await startHttp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('starts with the two command lines', () => {
    const first = block('sh').split('\n');
    expect(first[0]).toMatch(/^npm ci && .*npx burrow serve/);
    expect(first[1]).toMatch(/^npm ci && npm test/);
  });

  it('runs the SDK example and prints what its comments say', async () => {
    const code = block('js').replace('http://127.0.0.1:8787', t.url);
    const script = join(ROOT, 'packages', 'sdk', `readme-example-${process.pid}.mjs`);
    writeFileSync(script, code);
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 20_000 });
      expect(stdout).toBe("0 hello from the host\ndone\n\nready\n42\n");
    } finally {
      rmSync(script, { force: true });
    }
  });

  it('runs the CLI example and prints what it shows', async () => {
    const lines = block('console').split('\n');
    let checked = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (!line.startsWith('$ burrow ')) continue;
      const expected: string[] = [];
      for (let j = i + 1; j < lines.length && !(lines[j] as string).startsWith('$ ') && lines[j] !== ''; j++) expected.push(lines[j] as string);
      const [name, ...args] = words(line.slice('$ burrow '.length));
      const out = new PassThrough();
      const err = new PassThrough();
      const got: Buffer[] = [];
      out.on('data', (c: Buffer) => got.push(c));
      const stdin = new PassThrough();
      stdin.end();
      const status = await runServiceCommand(name ?? '', args, { stdin, stdout: out, stderr: err, env: { BURROW_URL: t.url } });
      expect({ line, status }).toEqual({ line, status: 0 });
      expect(Buffer.concat(got).toString()).toBe(expected.length === 0 ? '' : `${expected.join('\n')}\n`);
      checked++;
    }
    expect(checked).toBe(6);
  });
});
