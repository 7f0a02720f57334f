/**
 * The registry of shell builtins, split as bash splits them: POSIX special builtins (found before functions;
 * their prefix assignments persist) and the others (found after functions).
 */
import { ENV_BUILTINS } from './env-builtins.js';
import { FLOW_BUILTINS } from './flow-builtins.js';
import { JOB_BUILTINS } from './job-builtins.js';
import { OUTPUT_BUILTINS } from './output-builtins.js';
import type { ShellBuiltin } from './types.js';
import { VAR_BUILTINS } from './var-builtins.js';
import { bashCommand } from '../script-run.js';

/** Commands the interpreter runs itself but that bash finds as files (/usr/bin/bash). */
export const PROGRAM_LIKE = new Set(['bash', 'sh']);

const SPECIAL = new Set([
  ':', '.', 'source', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set',
  'shift', 'trap', 'unset', 'declare', 'typeset', 'local',
]);

const all: Record<string, ShellBuiltin> = {
  ...FLOW_BUILTINS,
  ...VAR_BUILTINS,
  ...ENV_BUILTINS,
  ...JOB_BUILTINS,
  ...OUTPUT_BUILTINS,
  bash: bashCommand,
  sh: bashCommand,
};

export const SPECIAL_BUILTINS = new Map<string, ShellBuiltin>(Object.entries(all).filter(([k]) => SPECIAL.has(k)));
export const SHELL_BUILTINS = new Map<string, ShellBuiltin>(Object.entries(all).filter(([k]) => !SPECIAL.has(k)));

/** Names the interpreter itself implements (for `type`, `command -v`, and the builtin registry). */
export const SHELL_BUILTIN_NAMES: readonly string[] = Object.keys(all)
  .filter((k) => !PROGRAM_LIKE.has(k))
  .sort();
