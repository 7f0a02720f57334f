/**
 * mktemp: create a unique temporary file (mode 0600) or directory (-d, mode 0700) from a template whose
 * trailing X's (at least three) become random letters and digits, and print its name. Default template
 * `tmp.XXXXXXXXXX` in $TMPDIR or /tmp; -p DIR / -t put the template in a directory; -u only prints a name;
 * -q hides errors. Names come from `sys.randomBytes`, so a replayed session picks the same ones.
 */
import { Errno } from '@burrow/protocol';
import { isErrno, options, q, runCommand } from '../fs-shared/command.js';
import { has, last } from '../fs-shared/parse-options.js';
import { errorLine, resolvePath } from '../io.js';
import type { Builtin } from '../types.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ATTEMPTS_MAX = 100;

export const mktemp: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(io, {
      short: 'dqtup:',
      long: {
        directory: { key: 'd' },
        quiet: { key: 'q' },
        'dry-run': { key: 'u' },
        tmpdir: { key: 'p', arg: 'optional' },
        suffix: { key: 'suffix', arg: 'required' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const o = parsed.options;
    if (parsed.operands.length > 1) return io.usage(`too many templates`);
    const quiet = has(o, 'q');
    const given = parsed.operands[0];
    let template = given ?? 'tmp.XXXXXXXXXX';
    let suffix = last(o, 'suffix') ?? '';
    if (suffix === '' && last(o, 'suffix') === undefined) {
      const m = /X{3,}([^X]*)$/u.exec(template);
      if (m !== null && m[1] !== undefined && m[1].includes('/') === false && m[1] !== '') {
        suffix = m[1];
        template = template.slice(0, -suffix.length);
      }
    } else if (!template.endsWith('X')) {
      await complain(`with --suffix, template ${q(template)} must end in X`);
      return 1;
    }
    const xs = /X*$/u.exec(template)?.[0].length ?? 0;
    if (xs < 3) {
      await complain(`too few X's in template ${q(template + suffix)}`);
      return 1;
    }
    const tmpdir = ctx.env.TMPDIR !== undefined && ctx.env.TMPDIR !== '' ? ctx.env.TMPDIR : '/tmp';
    const pOpt = o.find((x) => x.key === 'p');
    let dir: string | undefined;
    if (pOpt !== undefined) dir = pOpt.value !== undefined && pOpt.value !== '' ? pOpt.value : tmpdir;
    else if (has(o, 't') || given === undefined) dir = tmpdir;
    if (dir !== undefined && template.includes('/')) {
      await complain(`invalid template, ${q(template)}; with --tmpdir, it may not contain a slash`);
      return 1;
    }
    const stem = template.slice(0, template.length - xs);
    const display = (name: string): string => (dir === undefined ? name : `${dir.replace(/\/+$/u, '')}/${name}`);
    for (let attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
      const random = Array.from(ctx.sys.randomBytes(xs), (b) => ALPHABET[b % ALPHABET.length]).join('');
      const name = display(stem + random + suffix);
      const path = resolvePath(ctx.cwd, name);
      try {
        if (has(o, 'u')) {
          if (await exists(path)) continue;
        } else if (has(o, 'd')) await ctx.sys.mkdir(path, { mode: 0o700 });
        else {
          const h = await ctx.sys.open(path, { write: true, create: true, exclusive: true, mode: 0o600 });
          await h.close();
        }
      } catch (e) {
        if (isErrno(e, Errno.EXIST)) continue;
        const what = has(o, 'd') ? 'directory' : 'file';
        await complain(`failed to create ${what} via template ${q(display(template + suffix))}: ${reason(e)}`);
        return 1;
      }
      await io.out.text(`${name}\n`);
      return 0;
    }
    await complain(`failed to create file via template ${q(display(template + suffix))}: File exists`);
    return 1;

    async function complain(message: string): Promise<void> {
      if (!quiet) await io.warn(message);
    }
    async function exists(path: string): Promise<boolean> {
      try {
        await ctx.sys.stat(path, { follow: false });
        return true;
      } catch {
        return false;
      }
    }
  });

function reason(e: unknown): string {
  return errorLine('', '', e).slice(2, -1);
}
