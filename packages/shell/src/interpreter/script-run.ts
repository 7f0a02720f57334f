/**
 * Shell scripts as programs: `./script.sh` (a file starting with `#!…bash`/`#!…sh`, or with no `#!` and not
 * WebAssembly), and the `bash`/`sh` command (`bash file args`, `bash -c 'cmd' name args`, `bash -e file`,
 * `cmd | bash`). A script runs as a new bash process would: a fresh state holding only the exported
 * variables, cwd and umask of its parent, `$0` the script name, its own options and traps; its errors are
 * prefixed with `$0`. The run is one observation (its status is journaled as a program's is).
 * A `#!` naming another interpreter (python3, node, …) runs that interpreter on the file.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import { parseProgram } from '../parser/parser.js';
import { type Fds, Interpreter } from './interpreter.js';
import { ATTR, createState, OPTION_LETTERS, type OptionName } from './state.js';
import { atEnd } from './shell.js';
import { exportedEnv } from './vars.js';

export interface ScriptSource {
  text: string;
  /** `$0` and the prefix of error messages. */
  arg0: string;
  args: string[];
  /** Options given on the command line (`bash -e …`). */
  opts: OptionName[];
  /** Read from a file or stdin rather than given with `-c`. */
  fromFile: boolean;
}

/** What a file holds, judged from its first bytes: a shell script, another interpreter's, or a program. */
export type ScriptKind = { kind: 'shell'; text: string } | { kind: 'interp'; argv: string[] } | { kind: 'program' };

const SHELLS = new Set(['bash', 'sh', 'dash']);

export function classifyScript(bytes: Uint8Array): ScriptKind {
  if (bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d) return { kind: 'program' };
  const text = new TextDecoder().decode(bytes);
  if (!text.startsWith('#!')) return { kind: 'shell', text };
  const line = text.slice(2, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')).trim();
  // `#!burrow:python`, `#!burrow:node`, …: the kernel's own program markers, run by the kernel (spawn).
  if (line.startsWith('burrow:')) return { kind: 'program' };
  const words = line.split(/[ \t]+/).filter((w) => w !== '');
  let [interp, ...rest] = words;
  if (interp !== undefined && basename(interp) === 'env') [interp, ...rest] = rest.filter((w) => !w.startsWith('-'));
  if (interp === undefined || SHELLS.has(basename(interp))) return { kind: 'shell', text };
  return { kind: 'interp', argv: [basename(interp), ...rest] };
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Run shell source as a child bash process of `it`; resolves to its exit status. */
export async function runShellScript(it: Interpreter, src: ScriptSource, fds: Fds): Promise<number> {
  const parent = it.st;
  const st = createState({ cwd: parent.cwd, env: exportedEnv(parent), pid: parent.nextPid, nowMs: parent.secondsBaseMs });
  parent.nextPid += 1;
  st.nextPid = parent.nextPid + 1;
  st.umask = parent.umask;
  st.arg0 = src.arg0;
  st.positional = src.args;
  for (const o of src.opts) st.opts[o] = true;
  if (src.fromFile && src.arg0 !== 'bash' && src.arg0 !== 'sh') st.vars.set('BASH_SOURCE', { attrs: ATTR.indexed, a: [src.arg0] });
  const child = new Interpreter(st, it.rt, it.signal, false);
  child.fromFile = src.fromFile;
  const program = parseProgram(src.text);
  let status: number;
  try {
    status = await child.runScript(program.script, fds);
    if (program.error !== null) {
      const e = program.error;
      const line = atEnd(e.message) ? src.text.replace(/\n$/, '').split('\n').length + 1 : e.line;
      const where = `${src.arg0}: line ${line}`;
      await child.err(`${where}: ${e.message}`, fds, false, '');
      if (e.message.includes('near unexpected token')) {
        await child.err(`${where}: \`${src.text.split('\n')[line - 1] ?? ''}'`, fds, false, '');
      }
      status = 2;
    }
  } catch (e) {
    status = await child.exitStatusOf(e, fds);
  }
  return child.runExitTrap(fds, status);
}

/** The `bash` / `sh` command: one observation, journaled as a program's status is. */
export function bashCommand(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  return it.observe('status', () => runBash(it, argv, fds));
}

async function runBash(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const name = argv[0] ?? 'bash';
  const opts: OptionName[] = [];
  let command: string | null = null;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (!/^[-+]/.test(a) || a.length < 2) break;
    if (a === '-o' || a === '+o') {
      const o = argv[++i] ?? '';
      if (a === '-o' && (o === 'pipefail' || o in OPTION_NAMES)) opts.push(o as OptionName);
      continue;
    }
    for (const f of a.slice(1)) {
      if (f === 'c') command = '';
      else if (OPTION_LETTERS[f] !== undefined) {
        if (a.startsWith('-')) opts.push(OPTION_LETTERS[f] as OptionName);
      } else if (!'ilsrpO'.includes(f)) {
        await it.err(`${a}: invalid option`, fds, false);
        return 2;
      }
    }
  }
  if (command !== null) {
    const text = argv[i];
    if (text === undefined) {
      await it.err('-c: option requires an argument', fds, false);
      return 2;
    }
    return runShellScript(it, { text, arg0: argv[i + 1] ?? name, args: argv.slice(i + 2), opts, fromFile: false }, fds);
  }
  const file = argv[i];
  if (file === undefined) {
    // `… | bash`: the script comes on stdin.
    const text = await readAll(fds);
    return runShellScript(it, { text, arg0: name, args: [], opts, fromFile: true }, fds);
  }
  let bytes: Uint8Array;
  try {
    bytes = await it.sys.readFile(file.startsWith('/') ? file : `${it.st.cwd}/${file}`);
  } catch (e) {
    if (!isKernelError(e)) throw e;
    const why = e.errno === Errno.ISDIR ? 'Is a directory' : e.errno === Errno.NOENT ? 'No such file or directory' : 'Permission denied';
    await it.err(`${file}: ${why}`, fds, false, name);
    return e.errno === Errno.NOENT ? 127 : 126;
  }
  const text = new TextDecoder().decode(bytes);
  return runShellScript(it, { text, arg0: file, args: argv.slice(i + 1), opts, fromFile: true }, fds);
}

const OPTION_NAMES: Record<string, true> = Object.fromEntries(Object.values(OPTION_LETTERS).map((o) => [o, true]));

async function readAll(fds: Fds): Promise<string> {
  const src = fds[0]?.src;
  if (src === undefined) return '';
  const dec = new TextDecoder();
  let text = '';
  for (;;) {
    const chunk = await src.read();
    if (chunk === null) break;
    text += dec.decode(chunk, { stream: true });
  }
  return text + dec.decode();
}
