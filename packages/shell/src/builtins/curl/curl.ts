/**
 * curl: sandboxes have no network egress yet, so every transfer fails with curl's "couldn't connect" status
 * (7). Options are still parsed, so that a malformed command line gets curl's usage error (exit 2) and a
 * missing URL its own message, as with real curl.
 */
import { runCommand } from '../fs-shared/command.js';
import { parseOptions } from '../fs-shared/parse-options.js';
import type { Builtin } from '../types.js';

export const EXIT_COULDNT_CONNECT = 7;

export const curl: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const withArg = (key: string) => ({ key, arg: 'required' as const });
    const parsed = parseOptions(ctx.argv.slice(1), {
        short: 'sSfLIikvo:O#X:H:d:u:A:e:b:c:m:w:T:F:x:r:C:Jgnq',
        long: {
          silent: { key: 's' },
          'show-error': { key: 'S' },
          fail: { key: 'f' },
          location: { key: 'L' },
          head: { key: 'I' },
          include: { key: 'i' },
          insecure: { key: 'k' },
          verbose: { key: 'v' },
          output: withArg('o'),
          'remote-name': { key: 'O' },
          request: withArg('X'),
          header: withArg('H'),
          data: withArg('d'),
          'data-raw': withArg('d'),
          'data-binary': withArg('d'),
          'data-urlencode': withArg('d'),
          json: withArg('d'),
          form: withArg('F'),
          user: withArg('u'),
          'user-agent': withArg('A'),
          referer: withArg('e'),
          cookie: withArg('b'),
          'cookie-jar': withArg('c'),
          'max-time': withArg('m'),
          'connect-timeout': withArg('connect-timeout'),
          'write-out': withArg('w'),
          'upload-file': withArg('T'),
          proxy: withArg('x'),
          range: withArg('r'),
          retry: withArg('retry'),
          compressed: { key: 'compressed' },
          'fail-with-body': { key: 'f' },
          url: withArg('url'),
          'progress-bar': { key: '#' },
          'create-dirs': { key: 'create-dirs' },
        },
      });
    const hint = "curl: try 'curl --help' or 'curl --manual' for more information\n";
    if (!parsed.ok) {
      const bad = /-- '(.)'$/u.exec(parsed.error)?.[1];
      const opt = bad === undefined ? (/'(--[^'=]+)/u.exec(parsed.error)?.[1] ?? '') : `-${bad}`;
      const why = parsed.error.includes('requires') ? 'requires parameter' : 'is unknown';
      await ctx.stderr.write(new TextEncoder().encode(`curl: option ${opt}: ${why}\n${hint}`));
      return 2;
    }
    const urls = [...parsed.operands, ...parsed.options.filter((o) => o.key === 'url').map((o) => o.value ?? '')];
    if (urls.length === 0) {
      await ctx.stderr.write(new TextEncoder().encode(`curl: no URL specified!\n${hint}`));
      return 2;
    }
    await io.warn('network is disabled for this sandbox');
    return EXIT_COULDNT_CONNECT;
  });
