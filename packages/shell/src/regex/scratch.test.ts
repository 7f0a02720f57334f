import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
const results: unknown[] = [];
import { dirname, join } from 'node:path';
import { test } from 'vitest';
import { createMemorySys } from '../testing/memory-sys.js';
import { runBuiltin } from '../testing/run-builtin.js';
import { textBuiltins } from '../builtins/text-builtins.js';

interface Case { argv: string[]; stdin?: string; files?: Record<string, string> }

test('diff against GNU', async () => {
  const cases = JSON.parse(readFileSync('/tmp/cases.json', 'utf8')) as Case[];
  let bad = 0;
  for (const c of cases) {
    const dir = mkdtempSync('/tmp/cmp-');
    for (const [p, d] of Object.entries(c.files ?? {})) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), d);
    }
    const real = spawnSync(c.argv[0] === 'awk' ? 'gawk' : (c.argv[0] as string), c.argv.slice(1), { cwd: dir, input: c.stdin ?? '', encoding: 'utf8' });
    const files: Record<string, string> = {};
    for (const [p, d] of Object.entries(c.files ?? {})) files[`/w/${p}`] = d;
    const sys = createMemorySys(files);
    const b = textBuiltins[c.argv[0] as string];
    if (b === undefined) { console.log('NO BUILTIN', c.argv[0]); continue; }
    const mine = await runBuiltin(b, c.argv, { stdin: c.stdin ?? '', sys, cwd: '/w' });
    const realErr = (real.stderr ?? '').replaceAll('gawk:', 'awk:');
    results.push({ ...c, stdout: real.stdout, stderr: realErr, status: real.status, pass: mine.stdout === real.stdout && mine.exitCode === real.status && mine.stderr === realErr });
    if (mine.stdout !== real.stdout || mine.exitCode !== real.status || mine.stderr !== realErr) {
      bad++;
      console.log(`DIFF ${JSON.stringify(c.argv)} stdin=${JSON.stringify(c.stdin ?? '')}\n  real: ${real.status} ${JSON.stringify(real.stdout)} ${JSON.stringify(realErr)}\n  mine: ${mine.exitCode} ${JSON.stringify(mine.stdout)} ${JSON.stringify(mine.stderr)}`);
    }
  }
  console.log(`${cases.length - bad}/${cases.length} same`);
  writeFileSync('/tmp/results.json', JSON.stringify(results));
}, 120_000);
