// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell source, where ${…} is parameter expansion
import { describe, expect, it } from 'vitest';
import { builtins } from '../builtins/index.js';
import { Shell } from './shell.js';
import { controls, until } from './testing/controls.js';
import { Collect, exec, makeShell } from './testing/run-shell.js';

describe('sessions', () => {
  it('keeps variables, functions, cwd and options between execs', async () => {
    const { shell } = makeShell({ files: { '/d/f': '' } });
    await exec(shell, 'x=1; f() { echo "f$1"; }; cd /d; set -u; alias hi="echo hello"');
    const r = await exec(shell, 'echo $x; f 2; pwd; hi; echo $nope');
    expect(r.stdout).toBe('1\nf2\n/d\nhello\n');
    expect(r.stderr).toBe('bash: line 1: nope: unbound variable\n');
  });

  it('applies per-call cwd and env to that call only', async () => {
    const { shell } = makeShell({ files: { '/w/x': '' } });
    const a = await exec(shell, 'pwd; echo $V; printenv V', { cwd: '/w', env: { V: 'v1' } });
    expect(a.stdout).toBe('/w\nv1\nv1\n');
    const b = await exec(shell, 'pwd; echo "[$V]"');
    expect(b.stdout).toBe('/\n[]\n');
  });

  it('ends an exec with exit N and keeps the session', async () => {
    const { shell } = makeShell();
    const r = await exec(shell, 'y=kept; exit 7; echo never');
    expect(r.exitCode).toBe(7);
    expect((await exec(shell, 'echo $y $?')).stdout).toBe('kept 7\n');
  });

  it('runs execs one at a time in order', async () => {
    const c = controls();
    const { shell } = makeShell({ builtins: { ...builtins, ...c.builtins } });
    const out = new Collect();
    const io = { stdout: out, stderr: new Collect() };
    const first = shell.exec('echo a; gate; echo b', io);
    const second = shell.exec('echo c', io);
    await until(() => out.text() === 'a\n');
    await new Promise((r) => setTimeout(r, 10));
    expect(out.text()).toBe('a\n');
    c.release();
    await Promise.all([first, second]);
    expect(out.text()).toBe('a\nb\nc\n');
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGKILL', 137],
  ])('stops the foreground job on %s with %i', async (sig, status) => {
    const c = controls();
    const { shell } = makeShell({ builtins: { ...builtins, ...c.builtins } });
    const ac = new AbortController();
    const p = exec(shell, 'gate; echo after', { signal: ac.signal });
    await new Promise((r) => setTimeout(r, 5));
    ac.abort(sig);
    const r = await p;
    expect(r.exitCode).toBe(status);
    expect(r.stdout).toBe('');
    expect((await exec(shell, 'echo alive')).stdout).toBe('alive\n');
  });

  it('stops a runaway builtin loop on a signal', async () => {
    const { shell } = makeShell();
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort('SIGINT'), 30);
    const r = await exec(shell, 'while true; do :; done', { signal: ac.signal });
    expect(r.exitCode).toBe(130);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('delivers a signal with kill() and runs the trap for it', async () => {
    const c = controls();
    const { shell } = makeShell({ builtins: { ...builtins, ...c.builtins } });
    const p = exec(shell, 'trap "echo caught" TERM; gate');
    await new Promise((r) => setTimeout(r, 5));
    shell.kill('SIGTERM');
    const r = await p;
    expect(r.exitCode).toBe(143);
    expect(r.stdout).toBe('caught\n');
  });

  it('round-trips its whole state through a JSON snapshot', async () => {
    const { shell, sys } = makeShell({ files: { '/d/.keep': '' } });
    await exec(
      shell,
      'cd /d; s="a b"; declare -i n=4; a=(1 "two" 3); a[7]=x; declare -A m=([k]=v); declare -rx RO=1; ' +
        'f() { echo "f $*"; }; alias al="echo al"; set -o pipefail; shopt -s nullglob; trap "echo t" INT; set -- p q; umask 027',
    );
    const json = JSON.stringify(shell.snapshot());
    const copy = Shell.fromSnapshot(JSON.parse(json), { sys, builtins });
    const probe = 'pwd; echo "$s" $n ${!a[@]} ${a[@]} ${m[k]} $RO $# $1; f x; al; set -o | grep pipefail; shopt nullglob; trap -p INT; umask; n+=1; echo $n';
    const want = await exec(shell, probe);
    const got = await exec(copy, probe);
    expect(got).toEqual(want);
    expect(got.stdout).toContain('/d\na b 4 0 1 2 7 1 two 3 x v 1 2 p\nf x\nal\n');
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(shell.snapshot()));
  });

  it('accepts a snapshot through Shell.create({ state })', async () => {
    const { shell, sys } = makeShell();
    await exec(shell, 'z=9');
    const again = Shell.create({ sys, builtins, state: shell.snapshot() });
    expect((await exec(again, 'echo $z')).stdout).toBe('9\n');
  });
});
