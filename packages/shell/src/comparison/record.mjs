#!/usr/bin/env node
/**
 * Records the bash comparison fixtures: every case of cases/<group>.sh (cases are separated by lines that
 * are exactly `#---`) runs through the real /bin/bash in a fresh directory holding the files of files.json,
 * with a fixed minimal environment, and its stdout, stderr and exit status go to fixtures/<group>.json.
 * Usage: node packages/shell/src/comparison/record.mjs [group…]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const setup = JSON.parse(readFileSync(join(here, 'files.json'), 'utf8'));
const groups = process.argv.slice(2);

export function parseCases(text) {
  return text
    .split(/^#---$/m)
    .map((c) => c.replace(/^\n/, '').replace(/\n$/, ''))
    .filter((c) => c.trim() !== '');
}

function seed(root) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const [path, content] of Object.entries(setup.files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

for (const file of readdirSync(join(here, 'cases')).sort()) {
  const group = file.replace(/\.sh$/, '');
  if (groups.length > 0 && !groups.includes(group)) continue;
  const cases = parseCases(readFileSync(join(here, 'cases', file), 'utf8'));
  const out = [];
  for (const cmd of cases) {
    seed(setup.cwd);
    // stdin is /dev/null, not a pipe: node's pipes are sockets, and bash reads ~/.bashrc when its stdin is a
    // socket (it takes that for an ssh session), which would change PATH and some messages.
    const stdin = openSync('/dev/null', 'r');
    const r = spawnSync('/bin/bash', ['-c', cmd], {
      argv0: 'bash',
      cwd: setup.cwd,
      env: setup.env,
      stdio: [stdin, 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 10_000,
    });
    closeSync(stdin);
    out.push({ cmd, stdout: r.stdout, stderr: r.stderr, status: r.status ?? 128 });
  }
  writeFileSync(join(here, 'fixtures', `${group}.json`), `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(`${group}: ${out.length} cases\n`);
}
rmSync(setup.cwd, { recursive: true, force: true });
