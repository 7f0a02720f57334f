import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { mktemp } from './mktemp.js';

describe('mktemp', () => {
  it('creates a private file in /tmp by default', async () => {
    const sys = createMemorySys({ '/tmp/': '' });
    const r = await runBuiltin(mktemp, ['mktemp'], { sys });
    expect(r.stdout).toMatch(/^\/tmp\/tmp\.[A-Za-z0-9]{10}\n$/u);
    const st = await sys.stat(r.stdout.trim());
    expect([st.type, st.mode]).toEqual(['file', 0o600]);
  });
  it('creates directories with -d and honours -p, -t, TMPDIR and suffixes', async () => {
    const sys = createMemorySys({ '/tmp/': '', '/var/': '', '/w/': '' });
    const d = await runBuiltin(mktemp, ['mktemp', '-d', '-p', '/var', 'xyzXXXXXX'], { sys });
    expect(d.stdout).toMatch(/^\/var\/xyz[A-Za-z0-9]{6}\n$/u);
    expect((await sys.stat(d.stdout.trim())).mode).toBe(0o700);
    const t = await runBuiltin(mktemp, ['mktemp', '-t', 'foo.XXX'], { sys, env: { TMPDIR: '/w' } });
    expect(t.stdout).toMatch(/^\/w\/foo\.[A-Za-z0-9]{3}\n$/u);
    const s = await runBuiltin(mktemp, ['mktemp', 'aXXXX.txt'], { sys, cwd: '/w' });
    expect(s.stdout).toMatch(/^a[A-Za-z0-9]{4}\.txt\n$/u);
    expect((await sys.stat(`/w/${s.stdout.trim()}`)).type).toBe('file');
  });
  it('rejects templates with too few X', async () => {
    const r = await runBuiltin(mktemp, ['mktemp', 'abc']);
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: "mktemp: too few X's in template 'abc'\n" });
  });
  it('only prints a name with -u', async () => {
    const sys = createMemorySys({ '/tmp/': '' });
    const r = await runBuiltin(mktemp, ['mktemp', '-u'], { sys });
    expect(r.exitCode).toBe(0);
    expect(await sys.readdir('/tmp')).toEqual([]);
  });
});
