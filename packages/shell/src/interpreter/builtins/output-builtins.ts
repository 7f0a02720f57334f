/**
 * echo, printf (with -v), test and [: builtins that read only their arguments. They run inside the
 * interpreter (no journal entry): they are deterministic given their arguments.
 */
import { ShellError } from '../control.js';
import { testArgs } from '../cond.js';
import type { Fds, Interpreter } from '../interpreter.js';
import { escapes, printf } from '../printf.js';
import { setIndex, setScalar } from '../vars.js';
import { fail, out, type ShellBuiltin } from './types.js';

async function echo(_it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  let newline = true;
  let interpret = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') interpret = true;
      else interpret = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (interpret) {
    const r = escapes(text, false);
    text = r.text;
    if (r.stopped) newline = false;
  }
  await out(fds, newline ? `${text}\n` : text);
  return 0;
}

async function printfBuiltin(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  let i = 1;
  let target: string | null = null;
  if (argv[1] === '-v') {
    target = argv[2] ?? null;
    if (target === null) return fail(it, fds, 'printf: -v: option requires an argument', 2);
    i = 3;
  }
  if (argv[i] === '--') i++;
  const format = argv[i];
  if (format === undefined) {
    await it.err('printf: usage: printf [-v var] format [arguments]', fds, false, '');
    return 2;
  }
  const r = printf(format, argv.slice(i + 1), format.includes('%(') ? it.now() : 0);
  for (const e of r.errors) await it.err(e, fds);
  if (target !== null) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(target);
    if (m === null) return fail(it, fds, `printf: \`${target}': not a valid identifier`, 2);
    if (m[2] !== undefined) setIndex(it.st, m[1] ?? '', m[2], r.text, it.intEval);
    else setScalar(it.st, m[1] ?? '', r.text, it.intEval);
  } else await out(fds, r.text);
  return r.errors.length > 0 ? 1 : 0;
}

async function test(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') return fail(it, fds, "[: missing `]'", 2);
    args = args.slice(0, -1);
  }
  try {
    return (await testArgs(it, args)) ? 0 : 1;
  } catch (e) {
    if (e instanceof ShellError) return fail(it, fds, `${argv[0]}: ${e.message}`, 2);
    throw e;
  }
}

export const OUTPUT_BUILTINS: Record<string, ShellBuiltin> = {
  echo,
  printf: printfBuiltin,
  test,
  '[': test,
};
