import { describe, expect, it } from 'vitest';
import { createMemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { which } from './which.js';

describe('which', () => {
  it('finds executables on PATH, first or all', async () => {
    const sys = createMemorySys({ '/bin/tool': '', '/usr/bin/tool': '', '/usr/bin/data': '' });
    await sys.chmod('/bin/tool', 0o755);
    await sys.chmod('/usr/bin/tool', 0o755);
    const env = { PATH: '/bin:/usr/bin' };
    expect(await runBuiltin(which, ['which', 'tool'], { sys, env })).toEqual({
      exitCode: 0,
      stdout: '/bin/tool\n',
      stderr: '',
    });
    expect((await runBuiltin(which, ['which', '-a', 'tool'], { sys, env })).stdout).toBe('/bin/tool\n/usr/bin/tool\n');
    const miss = await runBuiltin(which, ['which', 'data', 'tool'], { sys, env });
    expect(miss).toEqual({ exitCode: 1, stdout: '/bin/tool\n', stderr: '' });
  });
});
