/**
 * A shell session's whole state as data: variables with attributes, arrays, functions (their AST), aliases,
 * options, cwd, traps, positional parameters, directory stack, job records. Subshells and command
 * substitutions work on a copy (`cloneState`); `snapshotState`/`restoreState` convert to and from a
 * JSON-compatible form. Invariant: nothing here refers to live objects (handles, promises, streams).
 */
import type { FunctionDef } from '../ast/types.js';

export const ATTR = {
  export: 1,
  readonly: 2,
  integer: 4,
  lower: 8,
  upper: 16,
  indexed: 32,
  assoc: 64,
  /** `declare -n`: the value names another variable, which reads and writes reach. */
  nameref: 128,
} as const;

/** A variable: a scalar (`s`), an indexed array (`a`, sparse) or an associative array (`m`); none when declared
 * but unset. Arrays are replaced, never shared, between a state and its clones. */
export interface Var {
  attrs: number;
  s?: string;
  a?: (string | undefined)[];
  m?: Map<string, string>;
}

export type OptionName =
  | 'errexit'
  | 'nounset'
  | 'xtrace'
  | 'pipefail'
  | 'noglob'
  | 'noclobber'
  | 'allexport'
  | 'verbose'
  | 'errtrace'
  | 'functrace';
export const OPTION_LETTERS: Record<string, OptionName> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
  C: 'noclobber',
  a: 'allexport',
  v: 'verbose',
  E: 'errtrace',
  T: 'functrace',
};

export const SHOPT_NAMES = [
  'nullglob',
  'dotglob',
  'globstar',
  'failglob',
  'expand_aliases',
  'nocaseglob',
  'nocasematch',
  'lastpipe',
  'extglob',
] as const;
export type ShoptName = (typeof SHOPT_NAMES)[number];

export interface JobRecord {
  id: number;
  pid: number;
  text: string;
  state: 'running' | 'done';
  status: number;
}

export interface ShellState {
  vars: Map<string, Var>;
  funcs: Map<string, FunctionDef>;
  aliases: Map<string, string>;
  opts: Record<OptionName, boolean>;
  shopts: Record<ShoptName, boolean>;
  cwd: string;
  traps: Map<string, string>;
  positional: string[];
  arg0: string;
  dirStack: string[];
  /** `$?`. */
  status: number;
  /** `$!`, or 0 before any background job. */
  lastBgPid: number;
  /** `$_`. */
  lastArg: string;
  umask: number;
  /** `$$` of the session and `$BASHPID` of this (sub)shell. */
  pid: number;
  bashPid: number;
  nextPid: number;
  jobs: JobRecord[];
  nextJobId: number;
  /** Wall-clock ms that `$SECONDS` counts from. */
  secondsBaseMs: number;
  /** State of the `$RANDOM` generator. */
  randomState: number;
  hash: Map<string, string>;
  /** Saved outer values of `local` variables, one frame per active function call. */
  scopes: Map<string, Var | undefined>[];
  /** Function names of active calls, innermost first (`FUNCNAME`). */
  funcStack: string[];
  /** Position inside a bundled option argument (`-abc`) between `getopts` calls. */
  optSub: number;
}

export function createState(init: { cwd: string; env: Record<string, string>; pid?: number; nowMs: number }): ShellState {
  const vars = new Map<string, Var>();
  for (const [k, v] of Object.entries(init.env)) vars.set(k, { attrs: ATTR.export, s: v });
  const pid = init.pid ?? 1000;
  const defaults: Record<string, string> = { IFS: ' \t\n', PS4: '+ ', OPTIND: '1', PPID: '1', SHELL: '/bin/bash' };
  for (const [k, v] of Object.entries(defaults)) if (!vars.has(k)) vars.set(k, { attrs: 0, s: v });
  // The bash whose behaviour the shell follows (Debian 12's), running as root.
  const bash: Record<string, string> = { BASH_VERSION: '5.2.15(1)-release', UID: '0', EUID: '0', HOSTNAME: 'sandbox' };
  for (const [k, v] of Object.entries(bash)) if (!vars.has(k)) vars.set(k, { attrs: 0, s: v });
  // A new bash counts itself in SHLVL and exports OLDPWD without a value.
  vars.set('SHLVL', { attrs: ATTR.export, s: String((Number.parseInt(init.env.SHLVL ?? '0', 10) || 0) + 1) });
  if (!vars.has('OLDPWD')) vars.set('OLDPWD', { attrs: ATTR.export });
  if (!vars.has('BASH_VERSINFO')) vars.set('BASH_VERSINFO', { attrs: ATTR.indexed, a: ['5', '2', '15', '1', 'release', 'x86_64-pc-linux-gnu'] });
  vars.set('PWD', { attrs: ATTR.export, s: init.cwd });
  return {
    vars,
    funcs: new Map(),
    aliases: new Map(),
    opts: {
      errexit: false,
      nounset: false,
      xtrace: false,
      pipefail: false,
      noglob: false,
      noclobber: false,
      allexport: false,
      verbose: false,
      errtrace: false,
      functrace: false,
    },
    shopts: {
      nullglob: false,
      dotglob: false,
      globstar: false,
      failglob: false,
      expand_aliases: true,
      nocaseglob: false,
      nocasematch: false,
      lastpipe: false,
      extglob: false,
    },
    cwd: init.cwd,
    traps: new Map(),
    positional: [],
    arg0: 'bash',
    dirStack: [],
    status: 0,
    lastBgPid: 0,
    // bash started without `_` in its environment sets it to its own name.
    lastArg: 'bash',
    umask: 0o022,
    pid,
    bashPid: pid,
    nextPid: pid + 1,
    jobs: [],
    nextJobId: 1,
    secondsBaseMs: init.nowMs,
    randomState: (pid * 2654435761) >>> 0,
    hash: new Map(),
    scopes: [],
    funcStack: [],
    optSub: 0,
  };
}

function copyVar(v: Var): Var {
  if (v.a !== undefined) return { attrs: v.attrs, a: v.a.slice() };
  if (v.m !== undefined) return { attrs: v.attrs, m: new Map(v.m) };
  return v;
}

/** A copy for a subshell: later changes to either side do not reach the other. */
export function cloneState(st: ShellState): ShellState {
  const vars = new Map<string, Var>();
  for (const [k, v] of st.vars) vars.set(k, copyVar(v));
  return {
    ...st,
    vars,
    funcs: new Map(st.funcs),
    aliases: new Map(st.aliases),
    opts: { ...st.opts },
    shopts: { ...st.shopts },
    traps: new Map(),
    positional: st.positional.slice(),
    dirStack: st.dirStack.slice(),
    jobs: [],
    hash: new Map(st.hash),
    scopes: st.scopes.map((s) => new Map(s)),
    funcStack: st.funcStack.slice(),
  };
}

type JsonVar = { attrs: number; s?: string; a?: [number, string][]; m?: [string, string][] };

export interface StateSnapshot {
  version: 1;
  vars: [string, JsonVar][];
  funcs: [string, FunctionDef][];
  aliases: [string, string][];
  opts: Record<OptionName, boolean>;
  shopts: Record<ShoptName, boolean>;
  cwd: string;
  traps: [string, string][];
  positional: string[];
  arg0: string;
  dirStack: string[];
  status: number;
  lastBgPid: number;
  lastArg: string;
  umask: number;
  pid: number;
  bashPid: number;
  nextPid: number;
  jobs: JobRecord[];
  nextJobId: number;
  secondsBaseMs: number;
  randomState: number;
  hash: [string, string][];
  scopes: [string, JsonVar | null][][];
  funcStack: string[];
  optSub: number;
}

function varToJson(v: Var): JsonVar {
  const out: JsonVar = { attrs: v.attrs };
  if (v.s !== undefined) out.s = v.s;
  if (v.a !== undefined) {
    const pairs: [number, string][] = [];
    v.a.forEach((x, i) => {
      if (x !== undefined) pairs.push([i, x]);
    });
    out.a = pairs;
  }
  if (v.m !== undefined) out.m = [...v.m];
  return out;
}

function varFromJson(j: JsonVar): Var {
  const v: Var = { attrs: j.attrs };
  if (j.s !== undefined) v.s = j.s;
  if (j.a !== undefined) {
    const a: (string | undefined)[] = [];
    for (const [i, x] of j.a) a[i] = x;
    v.a = a;
  }
  if (j.m !== undefined) v.m = new Map(j.m);
  return v;
}

export function snapshotState(st: ShellState): StateSnapshot {
  return structuredClone({
    version: 1 as const,
    vars: [...st.vars].map(([k, v]): [string, JsonVar] => [k, varToJson(v)]),
    funcs: [...st.funcs],
    aliases: [...st.aliases],
    opts: st.opts,
    shopts: st.shopts,
    cwd: st.cwd,
    traps: [...st.traps],
    positional: st.positional,
    arg0: st.arg0,
    dirStack: st.dirStack,
    status: st.status,
    lastBgPid: st.lastBgPid,
    lastArg: st.lastArg,
    umask: st.umask,
    pid: st.pid,
    bashPid: st.bashPid,
    nextPid: st.nextPid,
    jobs: st.jobs,
    nextJobId: st.nextJobId,
    secondsBaseMs: st.secondsBaseMs,
    randomState: st.randomState,
    hash: [...st.hash],
    scopes: st.scopes.map((s) => [...s].map(([k, v]): [string, JsonVar | null] => [k, v ? varToJson(v) : null])),
    funcStack: st.funcStack,
    optSub: st.optSub,
  });
}

export function restoreState(snap: StateSnapshot): ShellState {
  const s = structuredClone(snap);
  return {
    vars: new Map(s.vars.map(([k, v]) => [k, varFromJson(v)])),
    funcs: new Map(s.funcs),
    aliases: new Map(s.aliases),
    // Snapshots from before errtrace/functrace existed lack them.
    opts: { ...s.opts, errtrace: s.opts.errtrace ?? false, functrace: s.opts.functrace ?? false },
    shopts: s.shopts,
    cwd: s.cwd,
    traps: new Map(s.traps),
    positional: s.positional,
    arg0: s.arg0,
    dirStack: s.dirStack,
    status: s.status,
    lastBgPid: s.lastBgPid,
    lastArg: s.lastArg,
    umask: s.umask,
    pid: s.pid,
    bashPid: s.bashPid,
    nextPid: s.nextPid,
    jobs: s.jobs,
    nextJobId: s.nextJobId,
    secondsBaseMs: s.secondsBaseMs,
    randomState: s.randomState,
    hash: new Map(s.hash),
    scopes: s.scopes.map((f) => new Map(f.map(([k, v]) => [k, v ? varFromJson(v) : undefined]))),
    funcStack: s.funcStack,
    optSub: s.optSub,
  };
}
