import { describe, expect, it } from 'vitest';
import { createMemorySys, type MemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { unzip } from '../unzip/unzip.js';
import { zip } from './zip.js';

const MTIME_MS = Date.UTC(2024, 0, 15, 12, 0, 0);

/** d/ with sub/big (5000 × 'x') and a.txt: the tree the Info-ZIP outputs below were recorded from. */
async function tree(): Promise<MemorySys> {
  const sys = createMemorySys({ '/w/d/sub/big': 'x'.repeat(5000), '/w/d/a.txt': 'hello\n' });
  for (const p of ['/w/d/sub/big', '/w/d/a.txt', '/w/d/sub', '/w/d']) await sys.utimes(p, MTIME_MS, MTIME_MS);
  return sys;
}

describe('zip', () => {
  it('adds a tree with -r, saying what it stored or deflated (Info-ZIP output)', async () => {
    const sys = await tree();
    const r = await runBuiltin(zip, ['zip', '-r', 'out.zip', 'd'], { sys, cwd: '/w' });
    expect(r).toEqual({
      exitCode: 0,
      stdout: '  adding: d/ (stored 0%)\n  adding: d/sub/ (stored 0%)\n  adding: d/sub/big (deflated 100%)\n  adding: d/a.txt (stored 0%)\n',
      stderr: '',
    });
    const listed = await runBuiltin(unzip, ['unzip', '-l', 'out.zip'], { sys, cwd: '/w' });
    expect(listed.stdout).toBe(
      [
        'Archive:  out.zip',
        '  Length      Date    Time    Name',
        '---------  ---------- -----   ----',
        '        0  2024-01-15 12:00   d/',
        '        0  2024-01-15 12:00   d/sub/',
        '     5000  2024-01-15 12:00   d/sub/big',
        '        6  2024-01-15 12:00   d/a.txt',
        '---------                     -------',
        '     5006                     4 files',
        '',
      ].join('\n'),
    );
  });
  it('updates entries of an existing archive and appends .zip to a bare name', async () => {
    const sys = await tree();
    await runBuiltin(zip, ['zip', '-q', 'out', 'd/a.txt'], { sys, cwd: '/w' });
    await sys.writeFile('/w/d/a.txt', new TextEncoder().encode('changed\n'));
    const r = await runBuiltin(zip, ['zip', 'out.zip', 'd/a.txt', 'd/sub/big'], { sys, cwd: '/w' });
    expect(r.stdout).toBe('updating: d/a.txt (stored 0%)\n  adding: d/sub/big (deflated 100%)\n');
    const p = await runBuiltin(unzip, ['unzip', '-p', '/w/out.zip', 'd/a.txt'], { sys });
    expect(p.stdout).toBe('changed\n');
  });
  it('adds only the directory entry without -r, and reports missing names', async () => {
    const sys = await tree();
    const r = await runBuiltin(zip, ['zip', 'nodir', 'd', 'nope'], { sys, cwd: '/w' });
    expect(r).toEqual({ exitCode: 18, stdout: '  adding: d/ (stored 0%)\n', stderr: '\tzip warning: name not matched: nope\n' });
    const none = await runBuiltin(zip, ['zip', 'z.zip', 'nope'], { sys, cwd: '/w' });
    expect(none).toEqual({
      exitCode: 12,
      stdout: '',
      stderr: '\tzip warning: name not matched: nope\n\nzip error: Nothing to do! (z.zip)\n',
    });
  });
  it('keeps modes and symlinks (-y) across zip and unzip', async () => {
    const sys = createMemorySys({ '/s/run.sh': '#!/bin/sh\n' });
    await sys.chmod('/s/run.sh', 0o750);
    await sys.symlink('run.sh', '/s/l');
    await runBuiltin(zip, ['zip', '-qy', '/a.zip', 'run.sh', 'l'], { sys, cwd: '/s' });
    await sys.mkdir('/t');
    const r = await runBuiltin(unzip, ['unzip', '-q', '/a.zip', '-d', '/t'], { sys });
    expect(r).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect((await sys.stat('/t/run.sh')).mode).toBe(0o750);
    expect(await sys.readlink('/t/l')).toBe('run.sh');
  });
});
