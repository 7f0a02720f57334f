/**
 * Syntax tree of awk programs. Variables are resolved while parsing: globals by name (the interpreter gives
 * each a cell), function parameters by position. `io` marks nodes that may wait on input or other commands
 * (getline, system, close, fflush, and calls of functions that do), which the interpreter runs asynchronously;
 * everything else runs synchronously.
 */

export type VarRef = { k: 'gvar'; name: string } | { k: 'lvar'; index: number; name: string };

export type LValue = VarRef | { k: 'field'; e: Expr; io?: boolean } | { k: 'index'; arr: VarRef; subs: Expr[]; io?: boolean };

export type Expr = (
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'regex'; src: string }
  | VarRef
  | { k: 'field'; e: Expr }
  | { k: 'index'; arr: VarRef; subs: Expr[] }
  | { k: 'assign'; op: string; target: LValue; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'and'; a: Expr; b: Expr }
  | { k: 'or'; a: Expr; b: Expr }
  | { k: 'in'; subs: Expr[]; arr: VarRef }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'concat'; a: Expr; b: Expr }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'ucall'; name: string; args: Expr[] }
  | { k: 'getline'; from: 'main' | 'file' | 'cmd'; target: LValue | null; src: Expr | null }
  | { k: 'group'; e: Expr }
) & { io?: boolean };

export interface Redirect {
  mode: '>' | '>>' | '|';
  dest: Expr;
}

export type Stmt = (
  | { k: 'expr'; e: Expr }
  | { k: 'print'; args: Expr[]; redir: Redirect | null }
  | { k: 'printf'; args: Expr[]; redir: Redirect | null }
  | { k: 'if'; c: Expr; t: Stmt; f: Stmt | null }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; c: Expr }
  | { k: 'for'; init: Stmt | null; c: Expr | null; step: Stmt | null; body: Stmt }
  | { k: 'forin'; v: LValue; arr: VarRef; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'nextfile' }
  | { k: 'exit'; e: Expr | null }
  | { k: 'return'; e: Expr | null }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; arr: VarRef; subs: Expr[] | null }
) & { io?: boolean };

export interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern: Expr | null;
  /** The end pattern of a range `p1, p2`. */
  pattern2: Expr | null;
  /** null: the default action, print $0. */
  action: Stmt | null;
}

export interface FuncDef {
  name: string;
  params: string[];
  /** Parameters used as arrays inside the body. */
  arrayParams: boolean[];
  body: Stmt;
  io: boolean;
}

export interface Program {
  rules: Rule[];
  funcs: Map<string, FuncDef>;
  /** Whether any rule or function reads input with a plain `getline`. */
  usesGetline: boolean;
}
