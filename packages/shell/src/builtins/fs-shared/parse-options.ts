/**
 * GNU getopt_long-style argument parsing for the file builtins: clustered short options (`-la`), attached or
 * separate option arguments (`-n5`, `-n 5`), long options with unique-prefix abbreviation (`--recursive`,
 * `--rec`, `--name=x`), `--` ending options, and GNU's permutation (options may follow operands) unless
 * `stopAtOperand` is set. Options come back in order so that later ones can override earlier ones. Errors are
 * GNU's wording; the caller prints them with the `Try 'cmd --help'` line.
 */

export interface OptionSpec {
  /** getopt letters; a letter followed by `:` takes an argument, by `::` an optional attached one. */
  short: string;
  /** Long option name → the key it sets (a short letter or any name) and whether it takes an argument. */
  long?: Record<string, { key: string; arg?: 'none' | 'required' | 'optional' }>;
  /** Stop at the first operand (as POSIX getopt and commands such as xargs, env, timeout do). */
  stopAtOperand?: boolean;
}

export interface ParsedOption {
  key: string;
  value: string | undefined;
}

export type ParseResult = { ok: true; options: ParsedOption[]; operands: string[] } | { ok: false; error: string };

export function parseOptions(args: readonly string[], spec: OptionSpec): ParseResult {
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  let i = 0;
  while (i < args.length) {
    const arg = args[i] ?? '';
    i++;
    if (arg === '--') {
      operands.push(...args.slice(i));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const long = spec.long ?? {};
      const exact = long[name];
      const candidates = exact !== undefined ? [name] : Object.keys(long).filter((k) => k.startsWith(name));
      const distinct = new Set(candidates.map((k) => long[k]?.key));
      if (candidates.length === 0) return { ok: false, error: `unrecognized option '${arg}'` };
      if (distinct.size > 1) return { ok: false, error: `option '${arg}' is ambiguous` };
      const full = candidates[0] ?? name;
      const def = long[full];
      if (def === undefined) return { ok: false, error: `unrecognized option '${arg}'` };
      const kind = def.arg ?? 'none';
      if (kind === 'none') {
        if (eq !== -1) return { ok: false, error: `option '--${full}' doesn't allow an argument` };
        options.push({ key: def.key, value: undefined });
      } else if (eq !== -1) options.push({ key: def.key, value: arg.slice(eq + 1) });
      else if (kind === 'optional') options.push({ key: def.key, value: undefined });
      else {
        if (i >= args.length) return { ok: false, error: `option '--${full}' requires an argument` };
        options.push({ key: def.key, value: args[i] });
        i++;
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] ?? '';
        const at = spec.short.indexOf(letter);
        if (at === -1 || letter === ':') return { ok: false, error: `invalid option -- '${letter}'` };
        if (spec.short[at + 1] !== ':') {
          options.push({ key: letter, value: undefined });
          continue;
        }
        if (spec.short[at + 2] === ':') {
          // `x::` takes an optional argument, only when attached (`-ifoo`).
          options.push({ key: letter, value: j + 1 < arg.length ? arg.slice(j + 1) : undefined });
          break;
        }
        if (j + 1 < arg.length) options.push({ key: letter, value: arg.slice(j + 1) });
        else {
          if (i >= args.length) return { ok: false, error: `option requires an argument -- '${letter}'` };
          options.push({ key: letter, value: args[i] });
          i++;
        }
        break;
      }
      continue;
    }
    operands.push(arg);
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
  }
  return { ok: true, options, operands };
}

/** Is `key` among the parsed options? */
export function has(options: readonly ParsedOption[], key: string): boolean {
  return options.some((o) => o.key === key);
}

/** The value of the last occurrence of `key`. */
export function last(options: readonly ParsedOption[], key: string): string | undefined {
  let value: string | undefined;
  for (const o of options) if (o.key === key) value = o.value;
  return value;
}
