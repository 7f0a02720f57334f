import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { ls } from './ls.js';

const T0 = Date.UTC(2024, 10, 29, 3, 49);

async function sample() {
  const sys = createMemorySys();
  sys.setTime(T0);
  await sys.mkdir('/d');
  await sys.mkdir('/d/sub');
  await sys.writeFile('/d/a', new TextEncoder().encode('hi\n'));
  await sys.writeFile('/d/B', new Uint8Array(0), { mode: 0o755 });
  await sys.writeFile('/d/.h', new Uint8Array(0));
  await sys.symlink('a', '/d/ln');
  return sys;
}

describe('ls names', () => {
  it('lists one name per line, sorted by code point, hiding dot files', async () => {
    const sys = await sample();
    expect(await runBuiltin(ls, ['ls', 'd'], { sys })).toEqual({ exitCode: 0, stdout: 'B\na\nln\nsub\n', stderr: '' });
  });
  it('shows dot files with -a and -A', async () => {
    const sys = await sample();
    expect((await runBuiltin(ls, ['ls', '-a', '/d'], { sys })).stdout).toBe('.\n..\n.h\nB\na\nln\nsub\n');
    expect((await runBuiltin(ls, ['ls', '-A', '/d'], { sys })).stdout).toBe('.h\nB\na\nln\nsub\n');
  });
  it('marks kinds with -F and directories with -p', async () => {
    const sys = await sample();
    expect((await runBuiltin(ls, ['ls', '-F', '/d'], { sys })).stdout).toBe('B*\na\nln@\nsub/\n');
    expect((await runBuiltin(ls, ['ls', '-p', '/d'], { sys })).stdout).toBe('B\na\nln\nsub/\n');
  });
  it('lists files first, then directories with headers; missing operands exit 2', async () => {
    const sys = await sample();
    const r = await runBuiltin(ls, ['ls', 'd/a', 'nope', 'd'], { sys });
    expect(r.stdout).toBe('d/a\n\nd:\nB\na\nln\nsub\n');
    expect(r.stderr).toBe("ls: cannot access 'nope': No such file or directory\n");
    expect(r.exitCode).toBe(2);
  });
  it('recurses with -R', async () => {
    const sys = await sample();
    await sys.writeFile('/d/sub/x', new Uint8Array(0));
    expect((await runBuiltin(ls, ['ls', '-R', 'd'], { sys })).stdout).toBe('d:\nB\na\nln\nsub\n\nd/sub:\nx\n');
  });
  it('sorts by time, size and in reverse', async () => {
    const sys = createMemorySys({ '/small': 'x', '/big': 'xxxxx', '/mid': 'xxx' });
    await sys.utimes('/small', 0, 3000);
    await sys.utimes('/big', 0, 1000);
    await sys.utimes('/mid', 0, 2000);
    expect((await runBuiltin(ls, ['ls', '-t'], { sys })).stdout).toBe('small\nmid\nbig\n');
    expect((await runBuiltin(ls, ['ls', '-S'], { sys })).stdout).toBe('big\nmid\nsmall\n');
    expect((await runBuiltin(ls, ['ls', '-r'], { sys })).stdout).toBe('small\nmid\nbig\n');
    expect((await runBuiltin(ls, ['ls', '-tr'], { sys })).stdout).toBe('big\nmid\nsmall\n');
  });
  it('lists a directory itself with -d and follows command-line links to directories', async () => {
    const sys = await sample();
    await sys.symlink('/d/sub', '/tosub');
    await sys.writeFile('/d/sub/x', new Uint8Array(0));
    expect((await runBuiltin(ls, ['ls', '-d', 'd'], { sys })).stdout).toBe('d\n');
    expect((await runBuiltin(ls, ['ls', 'tosub'], { sys })).stdout).toBe('x\n');
  });
});

describe('ls long format', () => {
  it('matches GNU ls -l', async () => {
    const sys = await sample();
    const r = await runBuiltin(ls, ['ls', '-l', 'd'], { sys });
    expect(r.stdout).toBe(
      'total 8\n' +
        '-rwxr-xr-x 1 root root    0 Nov 29 03:49 B\n' +
        '-rw-r--r-- 1 root root    3 Nov 29 03:49 a\n' +
        'lrwxrwxrwx 1 root root    1 Nov 29 03:49 ln -> a\n' +
        'drwxr-xr-x 2 root root 4096 Nov 29 03:49 sub\n',
    );
  });
  it('shows a link itself with -l and old years with the year', async () => {
    const sys = await sample();
    await sys.utimes('/d/a', 0, Date.UTC(2023, 3, 18));
    expect((await runBuiltin(ls, ['ls', '-l', 'd/ln'], { sys })).stdout).toBe(
      'lrwxrwxrwx 1 root root 1 Nov 29 03:49 d/ln -> a\n',
    );
    expect((await runBuiltin(ls, ['ls', '-lh', 'd/a'], { sys })).stdout).toBe(
      '-rw-r--r-- 1 root root 3 Apr 18  2023 d/a\n',
    );
  });
  it('prints human sizes with -h', async () => {
    const sys = createMemorySys({ '/f': new Uint8Array(1363000) });
    await sys.utimes('/f', 0, 0);
    expect((await runBuiltin(ls, ['ls', '-lh', '/f'], { sys })).stdout).toBe(
      '-rw-r--r-- 1 root root 1.3M Jan  1  1970 /f\n',
    );
  });
});

describe('ls columns', () => {
  it('lays out columns with tabs as GNU ls -C does', async () => {
    const names = ['X11', 'apt', 'bfd-plugins', 'git-core', 'gnupg', 'gnupg2', 'modprobe.d', 'modules-load.d'];
    const more = ['node_modules', 'sysctl.d', 'systemd', 'sysusers.d'];
    const files: Record<string, string> = {};
    for (const n of [...names, ...more]) files[`/l/${n}`] = '';
    const sys = createMemorySys(files);
    expect((await runBuiltin(ls, ['ls', '-C', '/l'], { sys })).stdout).toBe(
      'X11  bfd-plugins  gnupg   modprobe.d\t  node_modules\tsystemd\n' +
        'apt  git-core\t  gnupg2  modules-load.d  sysctl.d\tsysusers.d\n',
    );
    expect((await runBuiltin(ls, ['ls', '-x', '/l'], { sys })).stdout).toBe(
      'X11\t    apt\t\t    bfd-plugins   git-core  gnupg    gnupg2\n' +
        'modprobe.d  modules-load.d  node_modules  sysctl.d  systemd  sysusers.d\n',
    );
    expect((await runBuiltin(ls, ['ls', '-C', '/l'], { sys, env: { COLUMNS: '40' } })).stdout).toBe(
      'X11\t     modprobe.d\napt\t     modules-load.d\nbfd-plugins  node_modules\ngit-core     sysctl.d\n' +
        'gnupg\t     systemd\ngnupg2\t     sysusers.d\n',
    );
  });
});
