import { describe, expect, it } from 'vitest';
import { parseWasmRunArgs, UsageError } from './wasm-run-args.js';
import { programPathOf } from './wasm-run.js';

describe('burrow wasm run: arguments', () => {
  it('takes options before FILE and gives everything after FILE to the program', () => {
    expect(parseWasmRunArgs(['--dir', '.', '--env', 'A=1=2', 'x.wasm', '--dir', 'y', '--', '-z'])).toEqual({
      help: false,
      dirs: [{ host: '.', guest: '.' }],
      env: [['A', '1=2']],
      file: 'x.wasm',
      args: ['--dir', 'y', '--', '-z'],
    });
  });

  it('maps HOSTDIR::GUESTDIR, accepts --opt=value, and ends options at --', () => {
    const r = parseWasmRunArgs(['--dir=/tmp/a::/data', '--dir', 'b', '--', '--weird.wasm', 'q']);
    expect(r).toMatchObject({
      dirs: [
        { host: '/tmp/a', guest: '/data' },
        { host: 'b', guest: 'b' },
      ],
      file: '--weird.wasm',
      args: ['q'],
    });
  });

  it('passes the host value for a bare --env NAME, and skips it when unset', () => {
    const r = parseWasmRunArgs(['--env', 'HOME', '--env', 'UNSET_ONE', 'p.wasm'], { HOME: '/h' });
    expect(r).toMatchObject({ env: [['HOME', '/h']] });
  });

  it.each([
    [['--bogus', 'x.wasm']],
    [[]],
    [['--dir']],
    [['--dir', '::g', 'x.wasm']],
    [['--env', '=v', 'x.wasm']],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseWasmRunArgs(argv)).toThrow(UsageError);
  });

  it('gives help for -h and --help before FILE only', () => {
    expect(parseWasmRunArgs(['--help'])).toEqual({ help: true });
    expect(parseWasmRunArgs(['x.wasm', '--help'])).toMatchObject({ help: false, args: ['--help'] });
  });

  it('places the program where the kernel resolves argv[0] from /', () => {
    expect(programPathOf('hello.wasm', new Map())).toBe('/bin/hello.wasm');
    expect(programPathOf('hello.wasm', new Map([['PATH', 'rel:/opt/x:/bin']]))).toBe('/opt/x/hello.wasm');
    expect(programPathOf('tests/../bin/a.wasm', new Map())).toBe('/bin/a.wasm');
    expect(programPathOf('../../a.wasm', new Map())).toBe('/a.wasm');
    expect(programPathOf('/abs/a.wasm', new Map())).toBe('/abs/a.wasm');
  });
});
