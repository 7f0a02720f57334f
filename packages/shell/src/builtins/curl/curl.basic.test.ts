import { describe, expect, it } from 'vitest';
import { runBuiltin } from '../../testing/run-builtin.js';
import { date } from '../date/date.js';
import { createMemorySys } from '../../testing/memory-sys.js';
import { curl } from './curl.js';

describe('curl without egress', () => {
  it('fails to connect with exit 7', async () => {
    const r = await runBuiltin(curl, ['curl', '-sSL', '-H', 'Accept: x', '-o', 'out', 'https://example.com']);
    expect(r).toEqual({ exitCode: 7, stdout: '', stderr: 'curl: network is disabled for this sandbox\n' });
  });
  it('reports usage errors as curl does', async () => {
    expect(await runBuiltin(curl, ['curl'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    });
    const bad = await runBuiltin(curl, ['curl', '-Q', 'x']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe("curl: option -Q: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  });
});

describe('date (outputs of GNU date in UTC)', () => {
  const run = (argv: string[]) => runBuiltin(date, ['date', ...argv], { sys: createMemorySys() });
  it('formats given dates', async () => {
    expect((await run(['-u', '-d', '2024-01-15 12:00:00'])).stdout).toBe('Mon Jan 15 12:00:00 UTC 2024\n');
    expect((await run(['-d', '@0', '-R'])).stdout).toBe('Thu, 01 Jan 1970 00:00:00 +0000\n');
    expect((await run(['-d', '2024-03-05 07:08:09', '-Iseconds'])).stdout).toBe('2024-03-05T07:08:09+00:00\n');
    expect((await run(['-d', '2024-03-05 07:08:09', '+%Y/%j %a %e %I%p %s %N %V'])).stdout).toBe(
      '2024/065 Tue  5 07AM 1709622489 000000000 10\n',
    );
  });
  it('reads relative dates against the sys clock', async () => {
    const sys = createMemorySys();
    sys.setTime(Date.UTC(2024, 0, 15, 12));
    const r = await runBuiltin(date, ['date', '-d', '2 days ago', '+%F %T'], { sys });
    expect(r.stdout).toBe('2024-01-13 12:00:00\n');
    expect((await runBuiltin(date, ['date', '-d', 'bogus'], { sys })).stderr).toBe('date: invalid date \'bogus\'\n');
  });
});
