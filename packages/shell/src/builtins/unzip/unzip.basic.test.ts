import { describe, expect, it } from 'vitest';
import { createMemorySys, type MemorySys } from '../../testing/memory-sys.js';
import { runBuiltin } from '../../testing/run-builtin.js';
import { unzip } from './unzip.js';

// Written by Info-ZIP zip 3.0 (`zip -qr fx.zip d`, TZ=UTC): d/, d/sub/, d/sub/big (5000 × 'x', deflated),
// d/a.txt ("hello\n", mode 0750, stored), all with mtime 2024-01-15 12:00 UTC.
const INFO_ZIP =
  'UEsDBAoAAAAAAABgL1gAAAAAAAAAAAAAAAACABwAZC9VVAkAA0AepWVCpgtrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAABgL1gAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAANAHqVlQqYLa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACAAAYC9YJvDbABYAAACIEwAACQAcAGQvc3ViL2JpZ1VUCQADQB6lZUKmC2t1eAsAAQQAAAAABAAAAADtwTEBAAAAwqDai28KP6AAAAAAgLcBUEsDBAoAAAAAAABgL1ggMDo2BgAAAAYAAAAHABwAZC9hLnR4dFVUCQADQB6lZUKmC2t1eAsAAQQAAAAABAAAAABoZWxsbwpQSwECHgMKAAAAAAAAYC9YAAAAAAAAAAAAAAAAAgAYAAAAAAAAABAA7UEAAAAAZC9VVAUAA0AepWV1eAsAAQQAAAAABAAAAABQSwECHgMKAAAAAAAAYC9YAAAAAAAAAAAAAAAABgAYAAAAAAAAABAA7UE8AAAAZC9zdWIvVVQFAANAHqVldXgLAAEEAAAAAAQAAAAAUEsBAh4DFAAAAAgAAGAvWCbw2wAWAAAAiBMAAAkAGAAAAAAAAQAAAKSBfAAAAGQvc3ViL2JpZ1VUBQADQB6lZXV4CwABBAAAAAAEAAAAAFBLAQIeAwoAAAAAAABgL1ggMDo2BgAAAAYAAAAHABgAAAAAAAEAAADogdUAAABkL2EudHh0VVQFAANAHqVldXgLAAEEAAAAAAQAAAAAUEsFBgAAAAAEAAQAMAEAABwBAAAAAA==';
const MTIME_MS = Date.UTC(2024, 0, 15, 12, 0, 0);

function withZip(): MemorySys {
  return createMemorySys({ '/w/fx.zip': Buffer.from(INFO_ZIP, 'base64'), '/w/x/': '' });
}

describe('unzip', () => {
  it('extracts an Info-ZIP archive as unzip 6.0 does', async () => {
    const sys = withZip();
    const r = await runBuiltin(unzip, ['unzip', '../fx.zip'], { sys, cwd: '/w/x' });
    expect(r).toEqual({
      exitCode: 0,
      stdout:
        'Archive:  ../fx.zip\n   creating: d/\n   creating: d/sub/\n  inflating: d/sub/big               \n' +
        ' extracting: d/a.txt                 \n',
      stderr: '',
    });
    expect(new TextDecoder().decode(await sys.readFile('/w/x/d/sub/big'))).toBe('x'.repeat(5000));
    const st = await sys.stat('/w/x/d/a.txt');
    expect([st.mode, st.mtimeMs]).toEqual([0o750, MTIME_MS]);
  });
  it('extracts into -d, with the directory in the names', async () => {
    const sys = withZip();
    const r = await runBuiltin(unzip, ['unzip', '-d', 'dd', 'fx.zip'], { sys, cwd: '/w' });
    expect(r.stdout).toBe(
      'Archive:  fx.zip\n   creating: dd/d/\n   creating: dd/d/sub/\n  inflating: dd/d/sub/big            \n' +
        ' extracting: dd/d/a.txt              \n',
    );
  });
  it('asks before replacing and treats end of input as None', async () => {
    const sys = withZip();
    await runBuiltin(unzip, ['unzip', '-q', '/w/fx.zip'], { sys, cwd: '/w/x' });
    const r = await runBuiltin(unzip, ['unzip', '/w/fx.zip'], { sys, cwd: '/w/x' });
    expect(r).toEqual({
      exitCode: 1,
      stdout: 'Archive:  /w/fx.zip\n',
      stderr:
        'replace d/sub/big? [y]es, [n]o, [A]ll, [N]one, [r]ename:  NULL\n(EOF or read error, treating as "[N]one" ...)\n',
    });
    const yes = await runBuiltin(unzip, ['unzip', '/w/fx.zip', 'd/a.txt'], { sys, cwd: '/w/x', stdin: 'y\n' });
    expect(yes.stdout).toBe('Archive:  /w/fx.zip\n extracting: d/a.txt                 \n');
  });
  it('replaces with -o, selects members, and reports names not matched', async () => {
    const sys = withZip();
    await sys.writeFile('/w/x/a.txt', new TextEncoder().encode('old'));
    const r = await runBuiltin(unzip, ['unzip', '-jo', '../fx.zip', 'nomatch', '*.txt'], { sys, cwd: '/w/x' });
    expect(r).toEqual({
      exitCode: 11,
      stdout: 'Archive:  ../fx.zip\n extracting: a.txt                   \n',
      stderr: 'caution: filename not matched:  nomatch\n',
    });
    expect(new TextDecoder().decode(await sys.readFile('/w/x/a.txt'))).toBe('hello\n');
  });
  it('reports a missing archive and one that is not a zip file', async () => {
    const sys = createMemorySys({ '/g.zip': 'garbage\n' });
    const missing = await runBuiltin(unzip, ['unzip', 'nope.zip'], { sys });
    expect(missing).toEqual({ exitCode: 9, stdout: '', stderr: 'unzip:  cannot find or open nope.zip, nope.zip.zip or nope.zip.ZIP.\n' });
    const bad = await runBuiltin(unzip, ['unzip', 'g.zip'], { sys });
    expect(bad.exitCode).toBe(9);
    expect(bad.stdout).toBe('Archive:  g.zip\n');
    expect(bad.stderr).toContain('unzip:  cannot find zipfile directory in one of g.zip or\n');
  });
  it('never writes outside the target through .. in entry names', async () => {
    const { writeArchive } = await import('../zip/zip-format.js');
    const evil = writeArchive([{ name: '../../escape', data: new Uint8Array([0x41]), unixMode: 0o100644, mtimeMs: MTIME_MS, level: 0 }]);
    const sys = createMemorySys({ '/e.zip': evil, '/box/': '' });
    await runBuiltin(unzip, ['unzip', '-q', '/e.zip', '-d', '/box'], { sys });
    expect(new TextDecoder().decode(await sys.readFile('/box/escape'))).toBe('A');
    await expect(sys.stat('/escape')).rejects.toThrow();
  });
});
