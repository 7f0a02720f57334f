import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { mkdir } from './mkdir.js';

describe('mkdir', () => {
  it('creates a directory with mode 0755 and reports it with -v', async () => {
    const sys = createMemorySys({ '/w/': '' });
    const r = await runBuiltin(mkdir, ['mkdir', '-v', 'a'], { sys, cwd: '/w' });
    expect(r).toEqual({ exitCode: 0, stdout: "mkdir: created directory 'a'\n", stderr: '' });
    const st = await sys.stat('/w/a');
    expect([st.type, st.mode]).toEqual(['dir', 0o755]);
  });
  it('creates parents with -p and reports each (GNU output)', async () => {
    const sys = createMemorySys();
    const r = await runBuiltin(mkdir, ['mkdir', '-pv', 'b/c/d'], { sys });
    expect(r.stdout).toBe(
      "mkdir: created directory 'b'\nmkdir: created directory 'b/c'\nmkdir: created directory 'b/c/d'\n",
    );
    expect((await sys.stat('/b/c/d')).type).toBe('dir');
    expect((await runBuiltin(mkdir, ['mkdir', '-p', 'b/c'], { sys })).exitCode).toBe(0);
  });
  it('fails on existing names and missing parents', async () => {
    const sys = createMemorySys({ '/f': '', '/d/': '' });
    const r = await runBuiltin(mkdir, ['mkdir', 'd', 'x/y', 'f/x'], { sys });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'mkdir: cannot create directory \'d\': File exists\n' +
        'mkdir: cannot create directory \'x/y\': No such file or directory\n' +
        'mkdir: cannot create directory \'f/x\': Not a directory\n',
    );
    const p = await runBuiltin(mkdir, ['mkdir', '-p', 'f/x'], { sys });
    expect(p.stderr).toBe('mkdir: cannot create directory \'f\': Not a directory\n');
  });
  it('sets modes with -m, octal or symbolic; parents keep 0755', async () => {
    const sys = createMemorySys();
    await runBuiltin(mkdir, ['mkdir', '-m', '700', 'm'], { sys });
    await runBuiltin(mkdir, ['mkdir', '-m', 'u=rwx,g=rx,o=', 'm2'], { sys });
    await runBuiltin(mkdir, ['mkdir', '-pm', '700', 'p1/p2'], { sys });
    expect((await sys.stat('/m')).mode).toBe(0o700);
    expect((await sys.stat('/m2')).mode).toBe(0o750);
    expect((await sys.stat('/p1')).mode).toBe(0o755);
    expect((await sys.stat('/p1/p2')).mode).toBe(0o700);
    const bad = await runBuiltin(mkdir, ['mkdir', '-m', 'bad', 'z'], { sys });
    expect(bad).toEqual({ exitCode: 1, stdout: '', stderr: 'mkdir: invalid mode \'bad\'\n' });
  });
  it('needs an operand', async () => {
    const r = await runBuiltin(mkdir, ['mkdir']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
  });
});
