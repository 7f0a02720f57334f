/*
 * Runs every case of programs.ts under node:wasi and checks exit status, output and files, proving the test
 * programs on a reference host. Where node:wasi departs from the spec/wasmtime (nodeWasi in the table), the run
 * must fail exactly the listed checks: no more (a regression of the program) and no fewer (a stale list).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNodeWasi } from './node-wasi-host.js';
import { matchOutput, PROGRAM_CASES, parseChecks, programPath, tickerOutput } from './programs.js';

describe('test programs under node:wasi', () => {
  it('has a built binary for every program and unique case ids', () => {
    const ids = PROGRAM_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of PROGRAM_CASES) expect(fs.existsSync(programPath(c.program)), c.program).toBe(true);
  });

  it('computes the ticker reference output independently of the run', () => {
    expect(tickerOutput(1)).toMatch(/^tick 1 [0-9a-f]{8}\ndone [0-9a-f]{8}\n$/);
    expect(tickerOutput(2).startsWith(tickerOutput(1).split('\n')[0] ?? 'x')).toBe(true);
  });

  for (const c of PROGRAM_CASES) {
    const run = c.nodeWasi?.unrunnable ? it.skip : it;
    run(c.id, async () => {
      const r = await runNodeWasi(c, c.nodeWasi?.skip ?? []);
      try {
        const failing = Object.keys(c.nodeWasi?.failing ?? {});
        const context = `${c.id}\nstdout:\n${r.stdout.slice(0, 4000)}\nstderr:\n${r.stderr.slice(0, 2000)}`;
        if (c.exit === 'endless') {
          expect(r.exit, context).toBe('killed');
        } else if (failing.length > 0) {
          expect(r.exit, context).toBe(1);
        } else {
          expect(r.exit, context).toBe(c.exit);
        }
        if (failing.length > 0) {
          expect(parseChecks(r.stdout).failed.sort(), context).toEqual([...failing].sort());
        } else {
          expect(matchOutput(c.nodeWasi?.stdout ?? c.stdout, r.stdout), context).toBeUndefined();
        }
        expect(matchOutput(c.stderr, r.stderr), context).toBeUndefined();
        for (const [name, content] of Object.entries(c.expectFiles ?? {})) {
          expect(fs.readFileSync(path.join(r.dir, name), 'latin1'), name).toBe(content);
        }
      } finally {
        r.cleanup();
      }
    });
  }
});
