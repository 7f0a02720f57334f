import { describe, expect, it } from 'vitest';
import { runBuiltin } from '../../testing/run-builtin.js';
import { dirname } from '../dirname/dirname.js';
import { basename } from './basename.js';

const out = async (argv: string[]): Promise<string> => (await runBuiltin(basename, argv)).stdout;

describe('basename', () => {
  it('strips directories and a suffix', async () => {
    expect(await out(['basename', '/a/b.txt', '.txt'])).toBe('b\n');
    expect(await out(['basename', 'dir/'])).toBe('dir\n');
    expect(await out(['basename', '/'])).toBe('/\n');
    expect(await out(['basename', '.txt', '.txt'])).toBe('.txt\n');
  });
  it('takes many names with -a and -s', async () => {
    expect(await out(['basename', '-a', 'x/y', 'z/w'])).toBe('y\nw\n');
    expect(await out(['basename', '-s', '.c', 'a.c', 'b.c'])).toBe('a\nb\n');
    expect(await out(['basename', '-z', 'a/b'])).toBe('b\0');
  });
  it('reports missing and extra operands as GNU does', async () => {
    expect((await runBuiltin(basename, ['basename'])).stderr).toBe(
      "basename: missing operand\nTry 'basename --help' for more information.\n",
    );
    const extra = await runBuiltin(basename, ['basename', 'a', 'b', 'c']);
    expect(extra.exitCode).toBe(1);
    expect(extra.stderr).toBe("basename: extra operand 'c'\nTry 'basename --help' for more information.\n");
  });
});

describe('dirname', () => {
  it('strips the last component', async () => {
    const r = await runBuiltin(dirname, ['dirname', 'a/b', 'c', '/x', '/', 'a//b//', '//']);
    expect(r.stdout).toBe('a\n.\n/\n/\na\n/\n');
  });
});
