import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { chmod } from '../chmod/chmod.js';
import { ln } from '../ln/ln.js';
import { touch } from '../touch/touch.js';
import { stat } from './stat.js';

const T = Date.UTC(2026, 10, 29, 3, 50, 52);

async function sample() {
  const sys = createMemorySys({ '/f': 'hi\n' });
  await sys.utimes('/f', T, T);
  await sys.symlink('f', '/l');
  return sys;
}

describe('stat', () => {
  it('formats -c directives as GNU stat', async () => {
    const sys = await sample();
    const r = await runBuiltin(stat, ['stat', '-c', '%n %s %a %A %F %h %Y %U %G %u %g %b %B %o %N', 'f', 'l'], { sys });
    expect(r.stdout).toBe(
      "f 3 644 -rw-r--r-- regular file 1 1795924252 root root 0 0 8 512 4096 'f'\n" +
        "l 1 777 lrwxrwxrwx symbolic link 1 " + String(Math.floor(sys.now() / 1000)) + " root root 0 0 0 512 4096 'l' -> 'f'\n",
    );
    expect((await runBuiltin(stat, ['stat', '-L', '-c', '%F', 'l'], { sys })).stdout).toBe('regular file\n');
    expect((await runBuiltin(stat, ['stat', '-c', '%y|%5s|%-4h|', 'f'], { sys })).stdout).toBe(
      '2026-11-29 03:50:52.000000000 +0000|    3|1   |\n',
    );
  });
  it('prints the default layout', async () => {
    const sys = await sample();
    const { stdout } = await runBuiltin(stat, ['stat', 'f'], { sys });
    const ino = (await sys.stat('/f')).ino;
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      '  File: f',
      '  Size: 3         \tBlocks: 8          IO Block: 4096   regular file',
      `Device: 0,0\tInode: ${String(ino).padEnd(11)} Links: 1`,
      'Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)',
    ]);
  });
  it('reports missing files', async () => {
    const r = await runBuiltin(stat, ['stat', 'nope']);
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: "stat: cannot statx 'nope': No such file or directory\n" });
  });
});

describe('touch', () => {
  it('creates files, sets times from -d, -t and -r, and honours -c', async () => {
    const sys = await sample();
    await runBuiltin(touch, ['touch', 'new'], { sys });
    expect((await sys.stat('/new')).mtimeMs).toBe(sys.now());
    await runBuiltin(touch, ['touch', '-d', '2024-01-02 03:04:05', 'new'], { sys });
    expect((await sys.stat('/new')).mtimeMs).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    await runBuiltin(touch, ['touch', '-t', '202301020304.05', 'new'], { sys });
    expect((await sys.stat('/new')).mtimeMs).toBe(Date.UTC(2023, 0, 2, 3, 4, 5));
    await runBuiltin(touch, ['touch', '-r', 'f', 'new'], { sys });
    expect((await sys.stat('/new')).mtimeMs).toBe(T);
    expect((await runBuiltin(touch, ['touch', '-c', 'absent'], { sys })).exitCode).toBe(0);
    await expect(sys.stat('/absent')).rejects.toThrow();
  });
  it('prints GNU errors', async () => {
    const sys = await sample();
    expect((await runBuiltin(touch, ['touch', '-d', 'bogus', 'x'], { sys })).stderr).toBe(
      'touch: invalid date format \'bogus\'\n',
    );
    expect((await runBuiltin(touch, ['touch', 'nodir/x'], { sys })).stderr).toBe(
      "touch: cannot touch 'nodir/x': No such file or directory\n",
    );
  });
});

describe('chmod', () => {
  it('applies octal and symbolic modes, verbosely', async () => {
    const sys = await sample();
    const r = await runBuiltin(chmod, ['chmod', '-v', '600', 'f'], { sys });
    expect(r.stdout).toBe("mode of 'f' changed from 0644 (rw-r--r--) to 0600 (rw-------)\n");
    await runBuiltin(chmod, ['chmod', 'u+x,go+r', 'f'], { sys });
    expect((await sys.stat('/f')).mode).toBe(0o744);
    await runBuiltin(chmod, ['chmod', '-w', 'f'], { sys });
    expect((await sys.stat('/f')).mode).toBe(0o544);
    await runBuiltin(chmod, ['chmod', 'a=rX', 'f'], { sys });
    expect((await sys.stat('/f')).mode).toBe(0o555);
  });
  it('recurses with -R', async () => {
    const sys = createMemorySys({ '/d/e/f': '' });
    await runBuiltin(chmod, ['chmod', '-R', 'go-rx', 'd'], { sys });
    expect((await sys.stat('/d/e')).mode).toBe(0o700);
    expect((await sys.stat('/d/e/f')).mode).toBe(0o600);
  });
  it('rejects bad modes', async () => {
    const r = await runBuiltin(chmod, ['chmod', '999', 'f'], { sys: await sample() });
    expect(r.stderr).toBe("chmod: invalid mode: '999'\nTry 'chmod --help' for more information.\n");
  });
});

describe('ln', () => {
  it('makes hard and symbolic links, -f replaces, -v reports', async () => {
    const sys = await sample();
    expect((await runBuiltin(ln, ['ln', '-v', 'f', 'g'], { sys })).stdout).toBe("'g' => 'f'\n");
    expect((await sys.stat('/f')).nlink).toBe(2);
    expect((await runBuiltin(ln, ['ln', '-s', 'f', 'l'], { sys })).stderr).toBe(
      "ln: failed to create symbolic link 'l': File exists\n",
    );
    expect((await runBuiltin(ln, ['ln', '-sf', 'g', 'l'], { sys })).exitCode).toBe(0);
    expect(await sys.readlink('/l')).toBe('g');
  });
  it('links into a directory and refuses hard links to directories', async () => {
    const sys = createMemorySys({ '/f': '', '/dd/': '' });
    await runBuiltin(ln, ['ln', '-s', '../f', 'dd'], { sys });
    expect(await sys.readlink('/dd/f')).toBe('../f');
    expect((await runBuiltin(ln, ['ln', 'dd', 'e'], { sys })).stderr).toBe('ln: dd: hard link not allowed for directory\n');
  });
});
