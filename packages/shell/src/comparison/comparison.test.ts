/**
 * The bash comparison suite: every recorded case (fixtures/<group>.json, recorded from /bin/bash by
 * record.mjs) runs through Burrow's shell on the in-memory Sys seeded with the same files, and its stdout,
 * stderr and exit status must equal bash's. Cases listed in differences.json are intentional differences,
 * or (`pending`) gaps in builtins still being written, each with its reason; the fields it names are not
 * compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../testing/memory-sys.js';
import { exec, makeShell } from '../interpreter/testing/run-shell.js';

interface Fixture {
  cmd: string;
  stdout: string;
  stderr: string;
  status: number;
}

type Field = 'stdout' | 'stderr' | 'status';

interface Difference {
  reason: string;
  /** Fields not compared; all of them when absent. */
  ignore?: Field[];
  /** A gap in a builtin that is still being written, not an intended difference: remove it once fixed. */
  pending?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const setup = JSON.parse(readFileSync(join(here, 'files.json'), 'utf8')) as {
  cwd: string;
  env: Record<string, string>;
  files: Record<string, string>;
};
const differences = JSON.parse(readFileSync(join(here, 'differences.json'), 'utf8')) as Record<string, Difference>;

function seededFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [p, c] of Object.entries(setup.files)) files[`${setup.cwd}/${p}`] = c;
  files['/root/.keep'] = '';
  return files;
}

async function runCase(cmd: string): Promise<Fixture> {
  const sys = createMemorySys(seededFiles());
  const { shell } = makeShell({ sys, cwd: setup.cwd, env: { ...setup.env, PWD: setup.cwd } });
  const r = await exec(shell, cmd, { stdin: '' });
  return { cmd, stdout: r.stdout, stderr: r.stderr, status: r.exitCode };
}

for (const file of readdirSync(join(here, 'fixtures')).sort()) {
  const group = file.replace(/\.json$/, '');
  const cases = JSON.parse(readFileSync(join(here, 'fixtures', file), 'utf8')) as Fixture[];
  describe(group, () => {
    cases.forEach((c, i) => {
      const diff = differences[c.cmd];
      const ignored = new Set<Field>(diff === undefined ? [] : (diff.ignore ?? ['stdout', 'stderr', 'status']));
      const title = `${i}: ${c.cmd.split('\n')[0]}`;
      if (ignored.size === 3) {
        it.skip(`${title} (${diff?.pending ? 'pending: ' : ''}${diff?.reason})`, () => {});
        return;
      }
      it(title, async () => {
        const got = await runCase(c.cmd);
        const want = { ...c };
        for (const f of ignored) Object.assign(want, { [f]: got[f] });
        expect(got).toEqual(want);
      });
    });
  });
}
