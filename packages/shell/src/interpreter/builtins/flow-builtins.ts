/**
 * Builtins that steer execution: `:`, true, false, break, continue, return, exit, eval, source/., exec, trap.
 */
import { decode, resolvePath } from '../../builtins/io.js';
import { parseProgram } from '../../parser/parser.js';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, ShellError, signalName, signalNumber } from '../control.js';
import type { Fds, Interpreter } from '../interpreter.js';
import { runArgv } from '../simple-command.js';
import { fail, out, type ShellBuiltin } from './types.js';

function loopCount(it: Interpreter, argv: string[]): number {
  const a = argv[1];
  if (a === undefined) return 1;
  if (!/^[0-9]+$/.test(a)) throw new ShellError(`${argv[0]}: ${a}: numeric argument required`, 1);
  const n = Number(a);
  if (n < 1) throw new ShellError(`${argv[0]}: ${a}: loop count out of range`, 1);
  return Math.min(n, it.loopDepth);
}

async function loopControl(it: Interpreter, argv: string[], fds: Fds, brk: boolean): Promise<number> {
  if (it.loopDepth === 0) {
    return fail(it, fds, `${argv[0]}: only meaningful in a \`for', \`while', or \`until' loop`, 0);
  }
  const n = loopCount(it, argv);
  throw brk ? new BreakSignal(n) : new ContinueSignal(n);
}

function statusArg(it: Interpreter, argv: string[]): number {
  const a = argv[1];
  if (a === undefined) return it.st.status;
  if (!/^[-+]?[0-9]+$/.test(a)) throw new ShellError(`${argv[0]}: ${a}: numeric argument required`, 2, argv[0] === 'exit');
  return Number(a) & 255;
}

async function source(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const file = argv[1];
  if (file === undefined) {
    await it.err(`${argv[0]}: filename argument required`, fds);
    await it.err(`${argv[0]}: usage: ${argv[0]} filename [arguments]`, fds, false, '');
    return 2;
  }
  let path = resolvePath(it.st.cwd, file);
  if (!file.includes('/')) {
    for (const dir of (it.lookup('PATH') ?? '').split(':')) {
      const cand = resolvePath(it.st.cwd, `${dir}/${file}`);
      const ok = await it.sys.stat(cand).then((s) => s.type === 'file', () => false);
      if (ok) {
        path = cand;
        break;
      }
    }
  }
  const text = await it.observe('file', async () => {
    try {
      return decode(await it.sys.readFile(path));
    } catch {
      return null;
    }
  });
  if (text === null) return fail(it, fds, `${file}: No such file or directory`, 1);
  if (it.rt.sourceDepth >= it.rt.limits.evalDepthMax) throw new ShellError(`${argv[0]}: maximum nesting level exceeded`, 1);
  const { script, error } = parseProgram(text);
  const saved = it.st.positional;
  if (argv.length > 2) it.st.positional = argv.slice(2);
  it.rt.sourceDepth++;
  try {
    const status = await it.runScript(script, fds);
    if (error !== null) return fail(it, fds, `${file}: line ${error.line}: ${error.message}`, 2);
    return status;
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    it.rt.sourceDepth--;
    if (argv.length > 2) it.st.positional = saved;
  }
}

const TRAP_NAMES: Record<string, string> = { '0': 'EXIT', EXIT: 'EXIT', ERR: 'ERR', DEBUG: 'DEBUG', RETURN: 'RETURN' };

function trapName(spec: string): string | null {
  const up = spec.toUpperCase();
  const special = TRAP_NAMES[up];
  if (special !== undefined) return special;
  const n = signalNumber(spec);
  return n === null ? null : signalName(n);
}

function trapLine(name: string, cmd: string): string {
  const shown = name === 'EXIT' || name === 'ERR' || name === 'DEBUG' || name === 'RETURN' ? name : `SIG${name}`;
  return `trap -- '${cmd.replace(/'/g, "'\\''")}' ${shown}\n`;
}

async function trap(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0 || args[0] === '-p') {
    const only = args.slice(1).map(trapName);
    for (const [name, cmd] of it.st.traps) {
      if (only.length === 0 || only.includes(name)) await out(fds, trapLine(name, cmd));
    }
    return 0;
  }
  if (args[0] === '-l') {
    await out(fds, ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t15) SIGTERM\n');
    return 0;
  }
  let action: string | null = args[0] ?? '';
  let specs = args.slice(1);
  if (specs.length === 0 || /^[0-9]+$/.test(action)) {
    specs = args;
    action = null;
  }
  if (action === '-') action = null;
  let status = 0;
  for (const s of specs) {
    const name = trapName(s);
    if (name === null) {
      status = await fail(it, fds, `trap: ${s}: invalid signal specification`, 1);
      continue;
    }
    if (action === null) it.st.traps.delete(name);
    else it.st.traps.set(name, action);
  }
  return status;
}

export const FLOW_BUILTINS: Record<string, ShellBuiltin> = {
  ':': async () => 0,
  true: async () => 0,
  false: async () => 1,
  break: (it, argv, fds) => loopControl(it, argv, fds, true),
  continue: (it, argv, fds) => loopControl(it, argv, fds, false),
  return: async (it, argv, fds) => {
    if (it.st.funcStack.length === 0 && it.rt.sourceDepth === 0) {
      return fail(it, fds, "return: can only `return' from a function or sourced script", 2);
    }
    throw new ReturnSignal(statusArg(it, argv));
  },
  caller: async (it, argv, fds) => {
    // bash -c has no source file for its frames, so only a script's functions have a caller to show.
    if (it.st.funcStack.length === 0 || !it.fromFile) return 1;
    const line = it.callLines[it.callLines.length - 1] ?? 0;
    const detail = argv[1] === undefined ? '' : ` ${it.st.funcStack[1] ?? 'main'}`;
    await out(fds, `${line}${detail} ${it.st.arg0}\n`);
    return 0;
  },
  exit: async (it, argv, fds) => {
    if (argv.length > 2 && /^[-+]?[0-9]+$/.test(argv[1] ?? '')) {
      await it.err('exit: too many arguments', fds);
      throw new ExitSignal(1);
    }
    throw new ExitSignal(statusArg(it, argv));
  },
  eval: async (it, argv, fds) => {
    const text = argv.slice(1).join(' ');
    if (text.trim() === '') return 0;
    if (it.rt.evalDepth >= it.rt.limits.evalDepthMax) throw new ShellError('eval: maximum nesting level exceeded', 1);
    it.rt.evalDepth++;
    it.traceDepth++;
    try {
      return await it.evalString(text, fds);
    } finally {
      it.rt.evalDepth--;
      it.traceDepth--;
    }
  },
  source,
  '.': source,
  exec: async (it, argv, fds) => {
    if (argv.length < 2) return 0;
    const status = await runArgv(it, argv.slice(1), fds);
    throw new ExitSignal(status);
  },
  trap,
};
