import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import type { Builtin } from '../types.js';
import { find } from './find.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The tree GNU find listed in this order (readdir order here is creation order). */
async function tree() {
  const sys = createMemorySys();
  await sys.mkdir('/s');
  await sys.writeFile('/s/x', enc('1\n'));
  await sys.symlink('x', '/s/lx');
  await sys.mkdir('/s/a');
  await sys.mkdir('/s/a/b');
  await sys.writeFile('/s/a/b/.z', new Uint8Array(0));
  await sys.writeFile('/s/a/y', enc('2\n'));
  return sys;
}

const echo: Builtin = async (ctx) => {
  await ctx.stdout.write(enc(`${ctx.argv.slice(1).join(' ')}\n`));
  return 0;
};

async function out(argv: string[]): Promise<string> {
  const r = await runBuiltin(find, ['find', ...argv], { sys: await tree(), registry: { echo } });
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('find walking and printing (outputs of GNU find)', () => {
  it('prints every file, directories before their contents', async () => {
    expect(await out(['s'])).toBe('s\ns/x\ns/lx\ns/a\ns/a/b\ns/a/b/.z\ns/a/y\n');
  });
  it('prints directories after their contents with -depth', async () => {
    expect(await out(['s', '-depth'])).toBe('s/x\ns/lx\ns/a/b/.z\ns/a/b\ns/a/y\ns/a\ns\n');
  });
  it('uses . when no path is given', async () => {
    const sys = await tree();
    const r = await runBuiltin(find, ['find', '-name', 'y'], { sys, cwd: '/s' });
    expect(r.stdout).toBe('./a/y\n');
  });
  it('limits depth with -maxdepth and -mindepth', async () => {
    expect(await out(['s', '-maxdepth', '1', '-type', 'f', '-print'])).toBe('s/x\n');
    expect(await out(['s', '-mindepth', '2', '-printf', '%d %P\n'])).toBe('2 a/b\n3 a/b/.z\n2 a/y\n');
  });
});

describe('find expressions', () => {
  it('combines tests with -o, implicit -a and !', async () => {
    expect(await out(['s', '-name', '*y', '-o', '-type', 'l'])).toBe('s/lx\ns/a/y\n');
    expect(await out(['s', '-type', 'f', '!', '-name', 'x'])).toBe('s/a/b/.z\ns/a/y\n');
    expect(await out(['s', '(', '-name', 'x', '-o', '-name', 'y', ')', '-print'])).toBe('s/x\ns/a/y\n');
  });
  it('prunes with -prune -o -print', async () => {
    expect(await out(['s', '-path', '*a*', '-prune', '-o', '-print'])).toBe('s\ns/x\ns/lx\n');
  });
  it('finds empty files and directories, sizes and case-insensitive names', async () => {
    expect(await out(['s', '-empty'])).toBe('s/a/b/.z\n');
    expect(await out(['s', '-type', 'f', '-size', '-1k'])).toBe('s/a/b/.z\n');
    expect(await out(['s', '-size', '+1c', '-type', 'f'])).toBe('s/x\ns/a/y\n');
    expect(await out(['s', '-iname', 'X'])).toBe('s/x\n');
  });
  it('compares times with -newer and -mmin', async () => {
    const sys = await tree();
    await sys.utimes('/s/x', 0, sys.now() - 10 * 60_000);
    const r = await runBuiltin(find, ['find', 's', '-type', 'f', '-mmin', '+5'], { sys });
    expect(r.stdout).toBe('s/x\n');
    const newer = await runBuiltin(find, ['find', 's', '-type', 'f', '-newer', 's/x'], { sys });
    expect(newer.stdout).toBe('s/a/b/.z\ns/a/y\n');
  });
});

describe('find actions', () => {
  it('runs -exec per file and batched with +', async () => {
    expect(await out(['s', '-type', 'f', '-exec', 'echo', 'X', '{}', ';'])).toBe('X s/x\nX s/a/b/.z\nX s/a/y\n');
    expect(await out(['s', '-type', 'f', '-exec', 'echo', 'B', '{}', '+'])).toBe('B s/x s/a/b/.z s/a/y\n');
  });
  it('prints NUL-terminated names with -print0', async () => {
    expect(await out(['s', '-maxdepth', '1', '-type', 'f', '-print0'])).toBe('s/x\0');
  });
  it('deletes depth first with -delete', async () => {
    const sys = await tree();
    const r = await runBuiltin(find, ['find', 's/a', '-delete'], { sys });
    expect(r.exitCode).toBe(0);
    expect((await sys.readdir('/s')).map((e) => e.name)).toEqual(['x', 'lx']);
  });
  it('stops at -quit', async () => {
    expect(await out(['s', '-type', 'f', '-print', '-quit'])).toBe('s/x\n');
  });
});

describe('find errors', () => {
  it('reports missing paths and bad expressions as GNU does', async () => {
    const sys = await tree();
    const missing = await runBuiltin(find, ['find', 'nope', 's/x'], { sys });
    expect(missing).toEqual({ exitCode: 1, stdout: 's/x\n', stderr: 'find: \'nope\': No such file or directory\n' });
    const bad = await runBuiltin(find, ['find', '-foo'], { sys });
    expect(bad).toEqual({ exitCode: 1, stdout: '', stderr: "find: unknown predicate `-foo'\n" });
    expect((await runBuiltin(find, ['find', '-type', 'q'], { sys })).stderr).toBe('find: Unknown argument to -type: q\n');
  });
});
