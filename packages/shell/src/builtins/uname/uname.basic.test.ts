import { describe, expect, it } from 'vitest';
import { runBuiltin } from '../../testing/run-builtin.js';
import { hostname } from '../hostname/hostname.js';
import { id } from '../id/id.js';
import { nproc } from '../nproc/nproc.js';
import { whoami } from '../whoami/whoami.js';
import { uname } from './uname.js';

describe('identity commands', () => {
  it('uname prints the kernel name by default and all fields with -a', async () => {
    expect((await runBuiltin(uname, ['uname'])).stdout).toBe('Linux\n');
    const all = await runBuiltin(uname, ['uname', '-a'], { env: { HOSTNAME: 'box' } });
    expect(all.stdout).toBe('Linux box 6.1.0-burrow #1 SMP Burrow wasm32 GNU/Linux\n');
    expect((await runBuiltin(uname, ['uname', '-m', '-s'])).stdout).toBe('Linux wasm32\n');
  });
  it('id, whoami and hostname describe root in its sandbox', async () => {
    expect((await runBuiltin(id, ['id'])).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect((await runBuiltin(id, ['id', '-un'])).stdout).toBe('root\n');
    expect((await runBuiltin(id, ['id', '-g'])).stdout).toBe('0\n');
    expect((await runBuiltin(id, ['id', 'nouser'])).stderr).toBe('id: \'nouser\': no such user\n');
    expect((await runBuiltin(whoami, ['whoami'])).stdout).toBe('root\n');
    expect((await runBuiltin(hostname, ['hostname'])).stdout).toBe('sandbox\n');
  });
  it('nproc honours OMP_NUM_THREADS', async () => {
    expect((await runBuiltin(nproc, ['nproc'])).stdout).toBe('1\n');
    expect((await runBuiltin(nproc, ['nproc'], { env: { OMP_NUM_THREADS: '3' } })).stdout).toBe('3\n');
  });
});
