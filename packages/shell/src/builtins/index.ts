/**
 * The registry of builtin commands: the text tools, the file and system tools, and standalone forms of the
 * shell's pure builtins (echo, printf, true, false) for callers that run commands without an interpreter
 * (xargs, find -exec, env, timeout through `ctx.run`, and tests). The interpreter's own builtins (cd, read,
 * set, …) are not here: they need its state.
 */
import { escapes, printf } from '../interpreter/printf.js';
import { fsBuiltins } from './fs-builtins.js';
import { writeText } from './io.js';
import { textBuiltins } from './text-builtins.js';
import type { Builtin } from './types.js';

const echo: Builtin = async (ctx) => {
  let newline = true;
  let interpret = false;
  let i = 1;
  for (; i < ctx.argv.length; i++) {
    const a = ctx.argv[i] ?? '';
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else interpret = f === 'e';
    }
  }
  let text = ctx.argv.slice(i).join(' ');
  if (interpret) {
    const r = escapes(text, false);
    text = r.text;
    if (r.stopped) newline = false;
  }
  await writeText(ctx.stdout, newline ? `${text}\n` : text);
  return 0;
};

const printfBuiltin: Builtin = async (ctx) => {
  const format = ctx.argv[1];
  if (format === undefined) {
    await writeText(ctx.stderr, 'printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const r = printf(format, ctx.argv.slice(2));
  for (const e of r.errors) await writeText(ctx.stderr, `${e}\n`);
  await writeText(ctx.stdout, r.text);
  return r.errors.length > 0 ? 1 : 0;
};

const shellBuiltins: Record<string, Builtin> = {
  echo,
  printf: printfBuiltin,
  true: async () => 0,
  false: async () => 1,
  ':': async () => 0,
};

export const builtins: Readonly<Record<string, Builtin>> = Object.freeze({
  ...shellBuiltins,
  ...fsBuiltins,
  ...textBuiltins,
});
