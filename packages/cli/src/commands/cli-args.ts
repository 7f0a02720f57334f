/**
 * Argument parsing for the service commands: options declared per command (boolean, string, or repeatable
 * list), `--name=value` or `--name value`, positionals, and everything after `--` kept apart (exec and start
 * join those words into one command line, as ssh does). The global options --url, --api-key and --json are
 * accepted by every command.
 */
export type OptionKind = 'bool' | 'string' | 'list';

export interface ParsedArgs {
  opts: Map<string, string | boolean | string[]>;
  positional: string[];
  /** Words after `--`, or null when there was no `--`. */
  rest: string[] | null;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const GLOBAL: Readonly<Record<string, OptionKind>> = { url: 'string', 'api-key': 'string', json: 'bool', help: 'bool' };

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionKind>>, short: Readonly<Record<string, string>> = {}): ParsedArgs {
  const kinds: Record<string, OptionKind> = { ...GLOBAL, ...spec };
  const opts = new Map<string, string | boolean | string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return { opts, positional, rest: argv.slice(i + 1) };
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = arg.startsWith('--') ? (eq > 0 ? arg.slice(2, eq) : arg.slice(2)) : (short[arg.slice(1)] ?? (arg === '-h' ? 'help' : ''));
    const kind = kinds[raw];
    if (kind === undefined) throw new UsageError(`unknown option '${arg}'`);
    if (kind === 'bool') {
      opts.set(raw, true);
      continue;
    }
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option --${raw} needs a value`);
    if (kind === 'string') opts.set(raw, value);
    else opts.set(raw, [...((opts.get(raw) as string[] | undefined) ?? []), value]);
  }
  return { opts, positional, rest: null };
}

export function str(a: ParsedArgs, name: string): string | undefined {
  const v = a.opts.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function list(a: ParsedArgs, name: string): string[] {
  const v = a.opts.get(name);
  return Array.isArray(v) ? v : [];
}

export function bool(a: ParsedArgs, name: string): boolean {
  return a.opts.get(name) === true;
}

/** `K=V` words as a record; a word without `=` is a usage error. */
export function pairs(words: string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new UsageError(`${what} '${w}' must be KEY=VALUE`);
    out[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return out;
}

export const ID_RE: RegExp = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export function sandboxId(word: string | undefined, usage: string): string {
  if (word === undefined) throw new UsageError(`missing sandbox ID\n${usage}`);
  if (!ID_RE.test(word)) throw new UsageError(`'${word}' is not a sandbox id: ids match [A-Za-z0-9][A-Za-z0-9._-]{0,62}`);
  return word;
}
