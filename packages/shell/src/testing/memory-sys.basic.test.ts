import { Errno, isKernelError } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { createMemorySys } from './memory-sys.js';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

async function errnoOf(p: Promise<unknown>): Promise<Errno | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isKernelError(e)) return e.errno;
    throw e;
  }
}

describe('memory sys files and directories', () => {
  it('seeds files with their parent directories', async () => {
    const sys = createMemorySys({ '/a/b/c.txt': 'hi', '/empty/': '' });
    expect(text(await sys.readFile('/a/b/c.txt'))).toBe('hi');
    expect((await sys.stat('/a/b')).type).toBe('dir');
    expect((await sys.stat('/empty')).type).toBe('dir');
    expect((await sys.readdir('/')).map((e) => e.name)).toEqual(['a', 'empty']);
  });
  it('reports the usual errnos', async () => {
    const sys = createMemorySys({ '/f': 'x', '/d/g': 'y' });
    expect(await errnoOf(sys.stat('/nope'))).toBe(Errno.NOENT);
    expect(await errnoOf(sys.stat('/f/x'))).toBe(Errno.NOTDIR);
    expect(await errnoOf(sys.readdir('/f'))).toBe(Errno.NOTDIR);
    expect(await errnoOf(sys.readFile('/d'))).toBe(Errno.ISDIR);
    expect(await errnoOf(sys.mkdir('/d'))).toBe(Errno.EXIST);
    expect(await errnoOf(sys.mkdir('/x/y'))).toBe(Errno.NOENT);
    expect(await errnoOf(sys.rmdir('/d'))).toBe(Errno.NOTEMPTY);
    expect(await errnoOf(sys.rmdir('/f'))).toBe(Errno.NOTDIR);
    expect(await errnoOf(sys.unlink('/d'))).toBe(Errno.ISDIR);
    expect(await errnoOf(sys.link('/d', '/d2'))).toBe(Errno.PERM);
    expect(await errnoOf(sys.readlink('/f'))).toBe(Errno.INVAL);
    expect(await errnoOf(sys.open('/f', { write: true, create: true, exclusive: true }))).toBe(Errno.EXIST);
    expect(await errnoOf(sys.open('/d', { write: true }))).toBe(Errno.ISDIR);
    expect(await errnoOf(sys.open('/f', { directory: true }))).toBe(Errno.NOTDIR);
  });
  it('counts hard links and directory links', async () => {
    const sys = createMemorySys({ '/f': 'x', '/d/sub/': '' });
    await sys.link('/f', '/g');
    expect((await sys.stat('/f')).nlink).toBe(2);
    expect((await sys.stat('/d')).nlink).toBe(3);
    await sys.unlink('/f');
    expect(text(await sys.readFile('/g'))).toBe('x');
    expect((await sys.stat('/g')).nlink).toBe(1);
  });
  it('reads, writes, seeks, appends and truncates through handles', async () => {
    const sys = createMemorySys();
    const h = await sys.open('/f', { write: true, create: true, mode: 0o600 });
    await h.write(bytes('hello world'));
    await h.seek(0, 'set');
    await h.write(bytes('J'));
    await h.close();
    expect(text(await sys.readFile('/f'))).toBe('Jello world');
    expect((await sys.stat('/f')).mode).toBe(0o600);
    await sys.writeFile('/f', bytes('!'), { append: true });
    const r = await sys.open('/f', { read: true });
    expect(text(await r.read(5))).toBe('Jello');
    expect(text(await r.read(100))).toBe(' world!');
    expect((await r.read(100)).length).toBe(0);
    await sys.truncate('/f', 2);
    expect(text(await sys.readFile('/f'))).toBe('Je');
  });
});

describe('memory sys symlinks', () => {
  it('follows relative and absolute links, and stat can stay on the link', async () => {
    const sys = createMemorySys({ '/d/f': 'data' });
    await sys.symlink('f', '/d/rel');
    await sys.symlink('/d', '/abs');
    expect(text(await sys.readFile('/d/rel'))).toBe('data');
    expect(text(await sys.readFile('/abs/rel'))).toBe('data');
    expect((await sys.stat('/abs', { follow: false })).type).toBe('symlink');
    expect((await sys.stat('/abs', { follow: false })).size).toBe(2);
    expect(await sys.realpath('/abs/rel')).toBe('/d/f');
    expect(await sys.realpath('/abs/../d')).toBe('/d');
  });
  it('creates the target of a dangling link on open with create', async () => {
    const sys = createMemorySys({ '/d/': '' });
    await sys.symlink('/d/new', '/link');
    await sys.writeFile('/link', bytes('z'));
    expect(text(await sys.readFile('/d/new'))).toBe('z');
  });
  it('detects loops', async () => {
    const sys = createMemorySys();
    await sys.symlink('/b', '/a');
    await sys.symlink('/a', '/b');
    expect(await errnoOf(sys.stat('/a'))).toBe(Errno.LOOP);
    expect((await sys.stat('/a', { follow: false })).type).toBe('symlink');
    expect(await errnoOf(sys.open('/a', { read: true, noFollow: true }))).toBe(Errno.LOOP);
  });
});

describe('memory sys rename', () => {
  it('moves files and directories and replaces targets as POSIX does', async () => {
    const sys = createMemorySys({ '/a': '1', '/b': '2', '/d/x': '3', '/e/': '', '/full/y': '' });
    await sys.rename('/a', '/b');
    expect(text(await sys.readFile('/b'))).toBe('1');
    expect(await errnoOf(sys.stat('/a'))).toBe(Errno.NOENT);
    expect(await errnoOf(sys.rename('/b', '/e'))).toBe(Errno.ISDIR);
    expect(await errnoOf(sys.rename('/d', '/b'))).toBe(Errno.NOTDIR);
    expect(await errnoOf(sys.rename('/d', '/full'))).toBe(Errno.NOTEMPTY);
    expect(await errnoOf(sys.rename('/d', '/d/x2'))).toBe(Errno.INVAL);
    await sys.rename('/d', '/e');
    expect(text(await sys.readFile('/e/x'))).toBe('3');
    expect(await sys.realpath('/e')).toBe('/e');
  });
});

describe('memory sys clock, random and spawn', () => {
  it('stamps times from its own clock', async () => {
    const sys = createMemorySys();
    sys.setTime(1_000_000);
    await sys.writeFile('/f', bytes('x'));
    sys.advanceTime(5000);
    await sys.writeFile('/f', bytes('y'), { append: true });
    const st = await sys.stat('/f');
    expect(st.mtimeMs).toBe(1_005_000);
    expect(sys.now()).toBe(1_005_000);
    await sys.utimes('/f', 7, 8);
    expect((await sys.stat('/f')).mtimeMs).toBe(8);
  });
  it('gives deterministic random bytes', () => {
    expect(createMemorySys().randomBytes(8)).toEqual(createMemorySys().randomBytes(8));
  });
  it('runs registered programs by name or path and refuses unknown ones', async () => {
    const sys = createMemorySys();
    const seen: string[][] = [];
    sys.programs.hello = async ({ argv }) => {
      seen.push(argv);
      return 3;
    };
    const io = {
      cwd: '/',
      env: {},
      stdin: { read: async () => null },
      stdout: { write: async () => {} },
      stderr: { write: async () => {} },
    };
    expect(await sys.spawn(['/bin/hello', 'x'], io)).toBe(3);
    expect(seen).toEqual([['/bin/hello', 'x']]);
    expect(await errnoOf(sys.spawn(['nope'], io))).toBe(Errno.NOENT);
  });
});
