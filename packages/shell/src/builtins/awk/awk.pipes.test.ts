import { describe, expect, it } from 'vitest';
import { readAll } from '../io.js';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import type { Builtin } from '../types.js';
import { awk } from './awk.js';

/** A stand-in `sh -c` that understands `echo WORDS` and `tr a-z A-Z`, enough to see the plumbing. */
const sh: Builtin = async (ctx) => {
  const cmd = ctx.argv[2] ?? '';
  const enc = new TextEncoder();
  if (cmd.startsWith('echo ')) await ctx.stdout.write(enc.encode(`${cmd.slice(5)}\n`));
  else if (cmd === 'tr a-z A-Z') {
    const text = new TextDecoder().decode(await readAll(ctx.stdin));
    await ctx.stdout.write(enc.encode(text.toUpperCase()));
  } else if (cmd === 'exit 3') return 3;
  return 0;
};

describe('awk with commands', () => {
  it('reads a command with getline and closes it', async () => {
    const r = await runBuiltin(awk, ['awk', 'BEGIN { "echo hi there" | getline x; print x; print close("echo hi there") }'], {
      registry: { sh },
    });
    expect(r.stdout).toBe('hi there\n0\n');
  });

  it('pipes print output into a command at close', async () => {
    const r = await runBuiltin(awk, ['awk', '{ print | "tr a-z A-Z" } END { close("tr a-z A-Z"); print "done" }'], {
      registry: { sh },
      stdin: 'a\nb\n',
    });
    expect(r.stdout).toBe('A\nB\ndone\n');
  });

  it('returns the status of system()', async () => {
    const r = await runBuiltin(awk, ['awk', 'BEGIN { print system("exit 3") }'], { registry: { sh } });
    expect(r.stdout).toBe('3\n');
  });

  it('writes files with > and >> and reads them back with getline', async () => {
    const sys = createMemorySys({ '/old': 'x\n' });
    const r = await runBuiltin(
      awk,
      ['awk', 'BEGIN { print "a" > "/new"; print "b" > "/new"; print "c" >> "/old"; close("/new"); close("/old"); while ((getline l < "/new") > 0) print "new:" l; while ((getline l < "/old") > 0) print "old:" l }'],
      { sys },
    );
    expect(r.stdout).toBe('new:a\nnew:b\nold:x\nold:c\n');
  });

  it('stops an endless loop when aborted', async () => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 50);
    const r = await runBuiltin(awk, ['awk', 'BEGIN { while (1) n++ }'], { signal: ctl.signal });
    expect(r.exitCode).toBe(130);
  });
});
