import { describe, expect, it } from 'vitest';
import { createMemorySys, type MemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { du } from './du.js';

/** The tree the GNU du 9.1 outputs below were recorded from (on ext4): d/{a.txt, sub/big, link, empty}. */
async function tree(): Promise<MemorySys> {
  const sys = createMemorySys({ '/w/d/a.txt': 'hello\n', '/w/d/sub/big': 'x'.repeat(5000), '/w/d/empty': '' });
  await sys.symlink('a.txt', '/w/d/link');
  return sys;
}

async function run(...args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return runBuiltin(du, ['du', ...args], { sys: await tree(), cwd: '/w' });
}

describe('du', () => {
  it('reports directories in 1K blocks, a directory after its contents', async () => {
    expect(await run('d')).toEqual({ exitCode: 0, stdout: '12\td/sub\n20\td\n', stderr: '' });
  });
  it('lists files with -a', async () => {
    expect((await run('-a', 'd')).stdout).toBe('4\td/a.txt\n8\td/sub/big\n12\td/sub\n0\td/empty\n0\td/link\n20\td\n');
  });
  it('summarizes with -s and -sh, and limits depth with -d', async () => {
    expect((await run('-s', 'd')).stdout).toBe('20\td\n');
    expect((await run('-sh', 'd')).stdout).toBe('20K\td\n');
    expect((await run('-d', '0', 'd')).stdout).toBe('20\td\n');
  });
  it('counts apparent bytes with -b and -ab', async () => {
    expect((await run('-b', 'd')).stdout).toBe('9096\td/sub\n13203\td\n');
    expect((await run('-ab', 'd')).stdout).toBe('6\td/a.txt\n5000\td/sub/big\n9096\td/sub\n0\td/empty\n5\td/link\n13203\td\n');
    expect((await run('-h', '--apparent-size', '-s', 'd')).stdout).toBe('13K\td\n');
  });
  it('counts each inode once and prints a total with -c', async () => {
    expect((await run('-c', 'd', 'd/a.txt')).stdout).toBe('12\td/sub\n20\td\n20\ttotal\n');
  });
  it('reports a missing operand and goes on', async () => {
    const r = await run('nope', 'd/sub/big');
    expect(r).toEqual({ exitCode: 1, stdout: '8\td/sub/big\n', stderr: "du: cannot access 'nope': No such file or directory\n" });
  });
});
