/**
 * `node` in the sandbox: parses Node's command line (`file args`, `-e`, `-p`, `--input-type`, `-v`), runs the
 * program in a JsRuntime and ends the process with Node's exit status: the code given to process.exit or
 * process.exitCode, 1 after an uncaught exception (printed with its stack on stderr), 137 past a limit.
 */
import { GuestError } from './engine.js';
import { JS_LIMITS } from './js-limits.js';
import { JsRuntime } from './js-runtime.js';
import { joinPath } from './module-resolver.js';

/** What the worker receives for a JavaScript process (the kernel's LaunchSpec with kind 'javascript'). */
export interface JsRunSpec {
  kind: 'javascript';
  pid: number;
  channels: SharedArrayBuffer[];
  doorbell: SharedArrayBuffer;
  argv: string[];
  env: string[];
  javascript?: { cwd: string; ppid: number; heapBytesMax?: number };
}

export interface NodeCommand {
  mode: 'file' | 'eval' | 'print' | 'version' | 'help';
  /** The script path (file) or source (eval, print). */
  target: string;
  /** The script's own arguments. */
  args: string[];
  inputTypeModule: boolean;
}

const USAGE = `Usage: node [options] [ script.js | script.mjs | script.ts ] [arguments]
       node -e "script" [arguments]
       node -p "expression" [arguments]
Burrow runs a Node-compatible subset on QuickJS: see docs/javascript.md.
`;

/** Parses Node's command line; a string is an error message for stderr. */
export function parseNodeArgs(argv: string[]): NodeCommand | string {
  let inputTypeModule = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = (): string | null => (i + 1 < argv.length ? (argv[++i] as string) : null);
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      const code = value();
      if (code === null) return `node: ${a} requires an argument\n`;
      return { mode: a === '-e' || a === '--eval' ? 'eval' : 'print', target: code, args: argv.slice(i + 1), inputTypeModule };
    }
    if (a.startsWith('--eval=') || a.startsWith('--print=')) {
      const eq = a.indexOf('=');
      return { mode: a.startsWith('--eval') ? 'eval' : 'print', target: a.slice(eq + 1), args: argv.slice(i + 1), inputTypeModule };
    }
    if (a === '-v' || a === '--version') return { mode: 'version', target: '', args: [], inputTypeModule };
    if (a === '-h' || a === '--help') return { mode: 'help', target: '', args: [], inputTypeModule };
    if (a === '--input-type=module') inputTypeModule = true;
    else if (a === '--') {
      const file = argv[i + 1];
      if (file === undefined) return { mode: 'eval', target: '', args: [], inputTypeModule };
      return { mode: 'file', target: file, args: argv.slice(i + 2), inputTypeModule };
    } else if (a.startsWith('-')) {
      // Other Node flags (--experimental-*, --no-warnings, --enable-source-maps…) have no effect here.
      if (a === '-r' || a === '--require' || a === '--import') i++;
    } else return { mode: 'file', target: a, args: argv.slice(i + 1), inputTypeModule };
  }
  return { mode: 'eval', target: '', args: [], inputTypeModule };
}

function envObject(list: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of list) {
    const eq = kv.indexOf('=');
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return env;
}

export async function runNode(spec: JsRunSpec): Promise<void> {
  const heapBytesMax = spec.javascript?.heapBytesMax ?? JS_LIMITS.heapBytesMax;
  const cwd = spec.javascript?.cwd ?? '/';
  const channel = spec.channels[0];
  if (channel === undefined) throw new Error('a JavaScript process needs a channel');
  const rt = await JsRuntime.create({ channel, doorbell: spec.doorbell, pid: spec.pid, heapBytesMax });
  const cmd = parseNodeArgs(spec.argv);
  if (typeof cmd === 'string') {
    rt.writeStderr(cmd);
    rt.sys.exit(9);
    return;
  }
  if (cmd.mode === 'version' || cmd.mode === 'help') {
    rt.sys.write(1, new TextEncoder().encode(cmd.mode === 'version' ? 'v20.18.0\n' : USAGE));
    rt.sys.exit(0);
    return;
  }
  const scriptPath = cmd.mode === 'file' ? joinPath(cwd, cmd.target) : null;
  const argv = ['/usr/bin/node', ...(scriptPath === null ? [] : [scriptPath]), ...cmd.args];
  rt.sys.markStarted();
  let code: number;
  try {
    rt.setup({ argv, env: envObject(spec.env), cwd, pid: spec.pid, ppid: spec.javascript?.ppid ?? 0 });
    runMain(rt, cmd, scriptPath, cwd);
    rt.runLoop();
    code = rt.engine.callBurrow('finish') as number;
  } catch (e) {
    if (!(e instanceof GuestError)) throw e;
    code = rt.fail(e, heapBytesMax);
    if (e.stopReason === null && code === 1) code = finishAfterError(rt, code);
  }
  rt.sys.exit(code);
  rt.engine.dispose();
}

/** Runs 'exit' listeners after an uncaught exception, as Node does; the exception's status stands. */
function finishAfterError(rt: JsRuntime, code: number): number {
  try {
    rt.engine.eval(`process.exitCode = ${code}`, '[exit]', 'global').dispose();
    rt.engine.callBurrow('finish');
  } catch {
    // an 'exit' listener that throws changes nothing
  }
  return rt.exitCode ?? code;
}

function runMain(rt: JsRuntime, cmd: NodeCommand, scriptPath: string | null, cwd: string): void {
  const engine = rt.engine;
  if (scriptPath !== null) {
    const st = rt.sys.statOrNull(scriptPath);
    if (st === null || st.type === 'dir') {
      const resolved = st === null ? null : tryResolve(rt, scriptPath, cwd);
      if (resolved === null) {
        throw new GuestError('Error', `Cannot find module '${scriptPath}'`, '    at Module._resolveFilename (node:internal/modules/cjs/loader)\n', null, null);
      }
      scriptPath = resolved;
    }
    const format = rt.esmFormat(scriptPath);
    if (format === 'esm') runModule(rt, rt.bridge.source(scriptPath, 'esm'), scriptPath);
    else engine.callBurrow('runMain', scriptPath);
    return;
  }
  if (cmd.inputTypeModule) {
    runModule(rt, cmd.target, `${cwd === '/' ? '' : cwd}/[eval1]`);
    return;
  }
  engine.callBurrow('exposeRequire', cwd);
  const result = engine.eval(cmd.target, '[eval]', 'global');
  if (cmd.mode === 'print') {
    const print = engine.eval(
      '(v) => { process.stdout.write((typeof v === "string" ? v : __burrow.builtin("util").inspect(v)) + "\\n"); }',
      '[print]',
      'global',
    );
    const r = engine.ctx.callFunction(print, engine.ctx.undefined, result);
    print.dispose();
    if (r.error !== undefined) {
      result.dispose();
      throw engine.guestError(r.error);
    }
    r.value.dispose();
  }
  result.dispose();
}

function tryResolve(rt: JsRuntime, path: string, cwd: string): string | null {
  try {
    return rt.resolver.resolve(path, cwd, 'require').path ?? null;
  } catch {
    return null;
  }
}

/** Evaluates an ES module and follows its evaluation promise to the end of the event loop. */
function runModule(rt: JsRuntime, source: string, name: string): void {
  const engine = rt.engine;
  const promise = engine.eval(source, name, 'module');
  try {
    rt.runLoop();
    const state = engine.ctx.getPromiseState(promise);
    if (state.type === 'rejected') throw engine.guestError(state.error);
    if (state.type === 'fulfilled' && state.notAPromise !== true) state.value.dispose();
    if (state.type === 'pending') {
      rt.writeStderr('Warning: Detected unsettled top-level await\n');
      rt.exitCode = 13;
      engine.eval('process.exitCode = 13', '[tla]', 'global').dispose();
    }
  } finally {
    if (promise.alive) promise.dispose();
  }
}

