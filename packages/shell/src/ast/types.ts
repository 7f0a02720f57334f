/**
 * The shell's syntax tree. Every node is plain data (no classes, no functions, no cycles) so a parsed
 * script can be cached, stored in session state (function bodies) and serialized with it. `k` tags each node.
 */

/** One piece of a word before expansion. */
export type WordPart =
  /** Unquoted literal text: subject to pathname expansion, never to field splitting. */
  | { k: 'lit'; v: string }
  /** Quoted literal text ('…', $'…', backslash escapes): taken as is. */
  | { k: 'sq'; v: string }
  /** A double-quoted section. */
  | { k: 'dq'; parts: WordPart[] }
  | ParamPart
  | { k: 'cmd'; body: Script; backtick: boolean }
  /** `<(…)` / `>(…)` process substitution: expands to a path the command reads or writes. */
  | { k: 'proc'; dir: '<' | '>'; body: Script }
  /** `$((…))`: the expression's text after its own expansions, evaluated as arithmetic. */
  | { k: 'arith'; expr: Word }
  /** `~` or `~user` at the start of a word or after `:` in an assignment. */
  | { k: 'tilde'; user: string }
  /** `{a,b}` brace alternatives. */
  | { k: 'brace'; alts: Word[] }
  /** `{1..10..2}` / `{a..e}` sequence. */
  | { k: 'seq'; from: string; to: string; step: number | null };

export type ParamOp =
  | { op: 'plain' }
  | { op: 'length' }
  /** `${x-w}` `${x:-w}` `${x=w}` `${x:=w}` `${x?w}` `${x:?w}` `${x+w}` `${x:+w}`. */
  | { op: 'default' | 'assign' | 'error' | 'alt'; colon: boolean; word: Word }
  /** `${x#p}` `${x##p}` `${x%p}` `${x%%p}`. */
  | { op: 'trim'; suffix: boolean; longest: boolean; pattern: Word }
  /** `${x/p/r}` with `mode` '' (first), '/' (all), '#' (prefix), '%' (suffix). */
  | { op: 'replace'; mode: '' | '/' | '#' | '%'; pattern: Word; replacement: Word | null }
  /** `${x^}` `${x^^}` `${x,}` `${x,,}` with an optional pattern. */
  /** `upper` null toggles case (`${x~}` `${x~~}`). */
  | { op: 'case'; upper: boolean | null; all: boolean; pattern: Word | null }
  /** A `${…}` bash accepts when parsing but rejects when expanding. */
  | { op: 'bad'; text: string }
  | { op: 'substr'; offset: Word; length: Word | null }
  /** `${!prefix*}` / `${!prefix@}`. */
  | { op: 'prefix'; at: boolean }
  /** `${!arr[@]}` keys of an array. */
  | { op: 'keys'; at: boolean }
  /** `${x@Q}` and friends. */
  | { op: 'transform'; t: string };

export interface ParamPart {
  k: 'param';
  name: string;
  /** Subscript text for `name[sub]` (`@` or `*` for all elements), null for a plain name. */
  index: Word | null;
  /** `${!name}` indirection. */
  indirect: boolean;
  p: ParamOp;
}

export interface Word {
  parts: WordPart[];
  /** Set on `name=value` arguments of declaration builtins (declare, local, export, readonly, typeset). */
  assign?: Assignment;
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  /** File descriptor number, or null for the operator's default. */
  fd: number | null;
  op: RedirOp;
  /** Target word; for here-documents the body (unexpanded when `quoted`). */
  target: Word;
  /** Here-document whose delimiter was quoted: the body is literal. */
  quoted?: boolean;
  /** Here-document that ran to the end of the input without its delimiter: bash warns when it runs. */
  eof?: { line: number; start: number; delim: string };
}

export interface Assignment {
  name: string;
  index: Word | null;
  append: boolean;
  /** Scalar value, or null when `array` is set. */
  value: Word | null;
  /** `a=(…)`: element words, with `[k]=v` entries as `{ key, value }`. */
  array: ArrayElement[] | null;
}

export type ArrayElement = { key: Word | null; value: Word };

export interface SimpleCommand {
  k: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirs: Redirect[];
  line: number;
}

export interface Pipeline {
  k: 'pipeline';
  negate: boolean;
  cmds: Command[];
  /** Per joint: true when `|&` also pipes stderr. */
  stderr: boolean[];
  line: number;
  /** `time` (`posix` for `time -p`): report the pipeline's elapsed time on stderr. */
  time?: 'default' | 'posix';
}

export interface AndOr {
  k: 'andor';
  first: Pipeline;
  rest: { op: '&&' | '||'; p: Pipeline }[];
}

export interface ListItem {
  cmd: AndOr;
  background: boolean;
  /** Source text of a background command (for `jobs`). */
  text?: string;
}

export interface Script {
  items: ListItem[];
}

export type CaseTerminator = ';;' | ';&' | ';;&';

export type Compound =
  | { k: 'group'; body: Script }
  | { k: 'subshell'; body: Script }
  | { k: 'if'; clauses: { cond: Script; body: Script }[]; elseBody: Script | null }
  | { k: 'while'; until: boolean; cond: Script; body: Script }
  | { k: 'for'; name: string; words: Word[] | null; body: Script }
  | { k: 'cfor'; init: Word | null; cond: Word | null; step: Word | null; body: Script }
  | { k: 'case'; word: Word; arms: { patterns: Word[]; body: Script; term: CaseTerminator }[] }
  | { k: 'arith'; expr: Word }
  | { k: 'cond'; expr: CondExpr };

export interface CompoundCommand {
  k: 'compound';
  body: Compound;
  redirs: Redirect[];
  line: number;
}

export interface FunctionDef {
  k: 'function';
  name: string;
  body: CompoundCommand;
  line: number;
}

export type Command = SimpleCommand | CompoundCommand | FunctionDef;

/** `[[ … ]]` expressions. */
export type CondExpr =
  | { k: 'and' | 'or'; l: CondExpr; r: CondExpr }
  | { k: 'not'; e: CondExpr }
  | { k: 'unary'; op: string; a: Word }
  | { k: 'binary'; op: string; l: Word; r: Word }
  | { k: 'word'; a: Word };
