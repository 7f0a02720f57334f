/**
 * Arguments of `burrow wasm run`, as `wasmtime run` takes them: options first, then FILE, then everything
 * else for the program (even words that look like options). `--dir HOSTDIR[::GUESTDIR]` (GUESTDIR defaults to
 * HOSTDIR as written), `--env K=V` (a bare `--env K` passes the host's value of K, if set), each also as
 * `--opt=value`; `--` ends the options.
 */

export class UsageError extends Error {}

export interface DirMapping {
  host: string;
  guest: string;
}

export interface WasmRunArgs {
  dirs: DirMapping[];
  env: Array<[string, string]>;
  file: string;
  args: string[];
}

export type ParsedWasmRun = { help: true } | ({ help: false } & WasmRunArgs);

export const WASM_RUN_USAGE = `Usage: burrow wasm run [--dir HOSTDIR[::GUESTDIR]]... [--env K=V]... FILE.wasm [ARGS...]

Runs a wasm32-wasi program in a throwaway sandbox, locally, without a server.

Options:
  --dir HOSTDIR[::GUESTDIR]  copy HOSTDIR into the sandbox and preopen it as GUESTDIR (default: HOSTDIR
                             as written); the program's writes stay in the sandbox
  --env K=V                  set an environment variable of the program (--env K passes the host's K)
  -h, --help                 show this help

Everything after FILE goes to the program; argv[0] is FILE as given. The exit status is the program's
(134 after a trap; 255 when burrow itself fails; 2 for a usage error).
`;

function parseDir(value: string): DirMapping {
  const sep = value.indexOf('::');
  const host = sep < 0 ? value : value.slice(0, sep);
  const guest = sep < 0 ? value : value.slice(sep + 2);
  if (host === '' || guest === '') throw new UsageError(`--dir needs HOSTDIR[::GUESTDIR], got '${value}'`);
  return { host, guest };
}

function parseEnv(value: string, hostEnv: NodeJS.ProcessEnv): [string, string] | null {
  const eq = value.indexOf('=');
  const key = eq < 0 ? value : value.slice(0, eq);
  if (key === '') throw new UsageError(`--env needs K=V, got '${value}'`);
  if (eq >= 0) return [key, value.slice(eq + 1)];
  const inherited = hostEnv[key];
  return inherited === undefined ? null : [key, inherited];
}

export function parseWasmRunArgs(argv: readonly string[], hostEnv: NodeJS.ProcessEnv = {}): ParsedWasmRun {
  const dirs: DirMapping[] = [];
  const env: Array<[string, string]> = [];
  let i = 0;
  const optionValue = (name: string, inline: string | undefined): string => {
    if (inline !== undefined) return inline;
    const v = argv[++i];
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') {
      i++;
      break;
    }
    if (word === '-h' || word === '--help') return { help: true };
    if (!word.startsWith('-') || word === '-') break;
    const eq = word.indexOf('=');
    const name = eq < 0 ? word : word.slice(0, eq);
    const inline = eq < 0 ? undefined : word.slice(eq + 1);
    if (name === '--dir') dirs.push(parseDir(optionValue(name, inline)));
    else if (name === '--env') {
      const pair = parseEnv(optionValue(name, inline), hostEnv);
      if (pair !== null) env.push(pair);
    } else throw new UsageError(`unknown option '${word}'`);
  }
  const file = argv[i];
  if (file === undefined) throw new UsageError('missing FILE.wasm');
  return { help: false, dirs, env, file, args: argv.slice(i + 1) };
}
