/**
 * Recursive-descent parser of awk (POSIX grammar with the common gawk additions): rules, functions, the
 * statement forms, and expressions with awk's precedence (assignment < ?: < || < && < in < ~ < comparison <
 * concatenation < additive < multiplicative < unary < ^ < ++/-- < $ < grouping). Inside `print`, an
 * unparenthesized `>` is output redirection. Marks nodes that need asynchronous evaluation (see awk-ast.ts).
 */
import type { Expr, FuncDef, LValue, Program, Redirect, Rule, Stmt, VarRef } from './awk-ast.js';
import { AwkSyntaxError, type Token, tokenize } from './awk-lexer.js';

export function parseAwk(src: string): Program {
  return new Parser(tokenize(src)).program();
}

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);

class Parser {
  private p = 0;
  private params: string[] | null = null;
  private readonly funcs = new Map<string, FuncDef>();
  private readonly calls: Array<{ name: string; line: number }> = [];
  private usesGetline = false;

  constructor(private readonly toks: Token[]) {}

  private get t(): Token {
    return this.toks[this.p] as Token;
  }

  private peek(n = 1): Token {
    return (this.toks[this.p + n] ?? this.toks[this.toks.length - 1]) as Token;
  }

  private is(text: string): boolean {
    const t = this.t;
    return (t.kind === 'op' || t.kind === 'kw') && t.text === text;
  }

  private fail(msg = 'syntax error'): never {
    throw new AwkSyntaxError(msg, this.t.line, this.t.col);
  }

  private expect(text: string): void {
    if (!this.is(text)) this.fail();
    this.p++;
  }

  private skipNl(): void {
    while (this.t.kind === 'nl') this.p++;
  }

  private skipTerms(): void {
    while (this.t.kind === 'nl' || this.is(';')) this.p++;
  }

  program(): Program {
    const rules: Rule[] = [];
    this.skipTerms();
    while (this.t.kind !== 'eof') {
      if (this.is('function')) this.func();
      else rules.push(this.rule());
      this.skipTerms();
    }
    for (const c of this.calls) {
      if (!this.funcs.has(c.name)) throw new AwkSyntaxError(`function \`${c.name}' not defined`, c.line);
    }
    const prog: Program = { rules, funcs: this.funcs, usesGetline: this.usesGetline };
    markIo(prog);
    return prog;
  }

  private func(): void {
    this.p++;
    const nameTok = this.t;
    if (nameTok.kind !== 'name' && nameTok.kind !== 'func') this.fail();
    this.p++;
    this.expect('(');
    const params: string[] = [];
    while (!this.is(')')) {
      if (this.t.kind !== 'name') this.fail();
      params.push(this.t.text);
      this.p++;
      if (this.is(',')) {
        this.p++;
        this.skipNl();
      }
    }
    this.p++;
    this.skipNl();
    this.params = params;
    const body = this.block();
    this.params = null;
    const arrayParams = params.map((_, i) => usesAsArray(body, i));
    this.funcs.set(nameTok.text, { name: nameTok.text, params, arrayParams, body, io: false });
  }

  private rule(): Rule {
    if (this.is('BEGIN') || this.is('END')) {
      const kind = this.t.text === 'BEGIN' ? 'begin' : 'end';
      this.p++;
      this.skipNl();
      if (!this.is('{')) this.fail();
      return { kind, pattern: null, pattern2: null, action: this.block() };
    }
    let pattern: Expr | null = null;
    let pattern2: Expr | null = null;
    if (!this.is('{')) {
      pattern = this.expr(false);
      if (this.is(',')) {
        this.p++;
        this.skipNl();
        pattern2 = this.expr(false);
      }
    }
    const action = this.is('{') ? this.block() : null;
    return { kind: 'main', pattern, pattern2, action };
  }

  private block(): Stmt {
    this.expect('{');
    const body: Stmt[] = [];
    this.skipTerms();
    while (!this.is('}')) {
      if (this.t.kind === 'eof') this.fail('unexpected end of program, missing }');
      body.push(this.stmt());
      this.skipTerms();
    }
    this.p++;
    return { k: 'block', body };
  }

  /** End of a simple statement: `;`, newline, or a following `}`. */
  private endSimple(): void {
    if (this.is(';') || this.t.kind === 'nl') {
      this.p++;
      return;
    }
    if (this.is('}') || this.t.kind === 'eof') return;
    this.fail();
  }

  private stmtBody(): Stmt {
    this.skipNl();
    if (this.is(';')) {
      this.p++;
      return { k: 'block', body: [] };
    }
    return this.stmt();
  }

  private stmt(): Stmt {
    const t = this.t;
    if (this.is('{')) return this.block();
    if (t.kind === 'kw') {
      switch (t.text) {
        case 'if': {
          this.p++;
          this.expect('(');
          const c = this.expr(false);
          this.expect(')');
          const th = this.stmtBody();
          const save = this.p;
          this.skipTerms();
          if (this.is('else')) {
            this.p++;
            return { k: 'if', c, t: th, f: this.stmtBody() };
          }
          this.p = save;
          return { k: 'if', c, t: th, f: null };
        }
        case 'while': {
          this.p++;
          this.expect('(');
          const c = this.expr(false);
          this.expect(')');
          if (this.is(';')) {
            this.p++;
            return { k: 'while', c, body: { k: 'block', body: [] } };
          }
          return { k: 'while', c, body: this.stmtBody() };
        }
        case 'do': {
          this.p++;
          const body = this.stmtBody();
          this.skipTerms();
          this.expect('while');
          this.expect('(');
          const c = this.expr(false);
          this.expect(')');
          this.endSimple();
          return { k: 'do', body, c };
        }
        case 'for':
          return this.forStmt();
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          this.p++;
          this.endSimple();
          return { k: t.text } as Stmt;
        case 'exit':
        case 'return': {
          this.p++;
          const e = this.is(';') || this.is('}') || this.t.kind === 'nl' || this.t.kind === 'eof' ? null : this.expr(false);
          this.endSimple();
          return t.text === 'exit' ? { k: 'exit', e } : { k: 'return', e };
        }
        case 'delete': {
          this.p++;
          const arr = this.varRef();
          let subs: Expr[] | null = null;
          if (this.is('[')) {
            this.p++;
            subs = this.exprList(']');
          }
          this.endSimple();
          return { k: 'delete', arr, subs };
        }
        case 'print':
        case 'printf':
          return this.printStmt();
        default:
          break;
      }
    }
    const e = this.expr(false);
    this.endSimple();
    return { k: 'expr', e };
  }

  private forStmt(): Stmt {
    this.p++;
    this.expect('(');
    const t = this.t;
    if (t.kind === 'name' && this.peek().kind === 'kw' && this.peek().text === 'in') {
      const save = this.p;
      const v = this.varRef();
      this.p++;
      const arr = this.varRef();
      if (this.is(')')) {
        this.p++;
        return { k: 'forin', v, arr, body: this.stmtBody() };
      }
      this.p = save;
    }
    const init = this.is(';') ? null : this.simpleStmt();
    this.expect(';');
    this.skipNl();
    const c = this.is(';') ? null : this.expr(false);
    this.expect(';');
    this.skipNl();
    const step = this.is(')') ? null : this.simpleStmt();
    this.expect(')');
    if (this.is(';')) {
      this.p++;
      return { k: 'for', init, c, step, body: { k: 'block', body: [] } };
    }
    return { k: 'for', init, c, step, body: this.stmtBody() };
  }

  private simpleStmt(): Stmt {
    return { k: 'expr', e: this.expr(false) };
  }

  private printStmt(): Stmt {
    const kind = this.t.text as 'print' | 'printf';
    this.p++;
    let args: Expr[] = [];
    const atEnd = (): boolean =>
      this.is(';') || this.is('}') || this.is('>') || this.is('>>') || this.is('|') || this.t.kind === 'nl' || this.t.kind === 'eof';
    if (this.is('(')) {
      const save = this.p;
      this.p++;
      const list = this.exprList(')');
      if (atEnd()) args = list;
      else {
        this.p = save;
        args = this.printArgs();
      }
    } else if (!atEnd()) args = this.printArgs();
    let redir: Redirect | null = null;
    if (this.is('>') || this.is('>>') || this.is('|')) {
      const mode = this.t.text as Redirect['mode'];
      this.p++;
      redir = { mode, dest: this.concat(true) };
    }
    this.endSimple();
    if (kind === 'printf' && args.length === 0) this.fail();
    return { k: kind, args, redir };
  }

  private printArgs(): Expr[] {
    const args = [this.expr(true)];
    while (this.is(',')) {
      this.p++;
      this.skipNl();
      args.push(this.expr(true));
    }
    return args;
  }

  private exprList(close: string): Expr[] {
    const list: Expr[] = [];
    this.skipNl();
    while (!this.is(close)) {
      list.push(this.expr(false));
      this.skipNl();
      if (this.is(',')) {
        this.p++;
        this.skipNl();
      } else if (!this.is(close)) this.fail();
    }
    this.p++;
    return list;
  }

  private varRef(): VarRef {
    const t = this.t;
    if (t.kind !== 'name') this.fail();
    this.p++;
    return this.resolve(t.text);
  }

  private resolve(name: string): VarRef {
    const idx = this.params?.indexOf(name) ?? -1;
    return idx >= 0 ? { k: 'lvar', index: idx, name } : { k: 'gvar', name };
  }

  /** An expression; `noGt` stops at an unparenthesized `>` or `|` (print's redirections). */
  expr(noGt: boolean): Expr {
    return this.ternary(noGt);
  }

  private ternary(noGt: boolean): Expr {
    const c = this.or(noGt);
    if (this.is('?')) {
      this.p++;
      this.skipNl();
      const a = this.ternary(noGt);
      this.skipNl();
      this.expect(':');
      this.skipNl();
      const b = this.ternary(noGt);
      return { k: 'cond', c, a, b };
    }
    if (this.t.kind === 'op' && ASSIGN_OPS.has(this.t.text) && isLValue(c)) {
      const op = this.t.text;
      this.p++;
      this.skipNl();
      return { k: 'assign', op, target: c, e: this.ternary(noGt) };
    }
    return c;
  }

  private or(noGt: boolean): Expr {
    let a = this.and(noGt);
    while (this.is('||')) {
      this.p++;
      this.skipNl();
      a = { k: 'or', a, b: this.and(noGt) };
    }
    return a;
  }

  private and(noGt: boolean): Expr {
    let a = this.inExpr(noGt);
    while (this.is('&&')) {
      this.p++;
      this.skipNl();
      a = { k: 'and', a, b: this.inExpr(noGt) };
    }
    return a;
  }

  private inExpr(noGt: boolean): Expr {
    let a = this.matchExpr(noGt);
    while (this.is('in')) {
      this.p++;
      a = { k: 'in', subs: [a], arr: this.varRef() };
    }
    return a;
  }

  private matchExpr(noGt: boolean): Expr {
    let a = this.comparison(noGt);
    while (this.is('~') || this.is('!~')) {
      const neg = this.t.text === '!~';
      this.p++;
      a = { k: 'match', neg, a, re: this.comparison(noGt) };
    }
    return a;
  }

  private comparison(noGt: boolean): Expr {
    let a = this.pipeGetline(noGt);
    for (;;) {
      const t = this.t;
      if (t.kind !== 'op') return a;
      const op = t.text;
      if (op === '<' || op === '<=' || op === '!=' || op === '==' || op === '>=' || (op === '>' && !noGt)) {
        this.p++;
        a = { k: 'bin', op, a, b: this.pipeGetline(noGt) };
      } else return a;
    }
  }

  private pipeGetline(noGt: boolean): Expr {
    let a = this.concat(noGt);
    while (this.is('|') && this.peek().kind === 'kw' && this.peek().text === 'getline') {
      this.p += 2;
      const target = this.optionalLValue();
      a = { k: 'getline', from: 'cmd', target, src: a };
    }
    return a;
  }

  private startsOperand(): boolean {
    const t = this.t;
    if (t.kind === 'num' || t.kind === 'str' || t.kind === 'ere' || t.kind === 'name' || t.kind === 'func') return true;
    if (t.kind === 'builtin') return true;
    if (t.kind === 'kw') return t.text === 'getline';
    if (t.kind === 'op') return t.text === '$' || t.text === '(' || t.text === '!' || t.text === '++' || t.text === '--' || t.text === '-' || t.text === '+';
    return false;
  }

  private concat(noGt: boolean): Expr {
    let a = this.additive();
    while (this.startsOperand() && !this.is('-') && !this.is('+') && !this.is('!')) {
      if (this.t.kind === 'kw' && this.t.text === 'getline') break;
      a = { k: 'concat', a, b: this.additive() };
    }
    void noGt;
    return a;
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.is('+') || this.is('-')) {
      const op = this.t.text;
      this.p++;
      a = { k: 'bin', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.t.text;
      this.p++;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.is('!') || this.is('-') || this.is('+')) {
      const op = this.t.text;
      this.p++;
      return { k: 'unary', op, e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.incdec();
    if (this.is('^')) {
      this.p++;
      // Right-associative, and the exponent may carry a sign: 2^-1.
      const e = this.is('-') || this.is('+') || this.is('!') ? this.unary() : this.power();
      return { k: 'bin', op: '^', a: base, b: e };
    }
    return base;
  }

  private incdec(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.t.text as '++' | '--';
      this.p++;
      const target = this.incdec();
      if (!isLValue(target)) this.fail();
      return { k: 'incdec', op, prefix: true, target };
    }
    const e = this.primary();
    if ((this.is('++') || this.is('--')) && isLValue(e)) {
      const op = this.t.text as '++' | '--';
      this.p++;
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private optionalLValue(): LValue | null {
    const t = this.t;
    if (t.kind === 'name' || this.is('$')) {
      const e = this.primary();
      if (!isLValue(e)) this.fail();
      return e;
    }
    return null;
  }

  private primary(): Expr {
    const t = this.t;
    switch (t.kind) {
      case 'num':
        this.p++;
        return { k: 'num', v: t.num };
      case 'str':
        this.p++;
        return { k: 'str', v: t.text };
      case 'ere':
        this.p++;
        return { k: 'regex', src: t.text };
      case 'name': {
        this.p++;
        const ref = this.resolve(t.text);
        if (this.is('[')) {
          this.p++;
          return { k: 'index', arr: ref, subs: this.exprList(']') };
        }
        return ref;
      }
      case 'func': {
        this.p++;
        this.p++;
        const args = this.exprList(')');
        this.calls.push({ name: t.text, line: t.line });
        return { k: 'ucall', name: t.text, args };
      }
      case 'builtin': {
        this.p++;
        if (this.is('(')) {
          this.p++;
          return { k: 'call', name: t.text, args: this.exprList(')') };
        }
        if (t.text === 'length') return { k: 'call', name: 'length', args: [] };
        this.fail();
        break;
      }
      case 'kw':
        if (t.text === 'getline') {
          this.p++;
          const target = this.optionalLValue();
          if (this.is('<')) {
            this.p++;
            return { k: 'getline', from: 'file', target, src: this.incdec() };
          }
          this.usesGetline = true;
          return { k: 'getline', from: 'main', target, src: null };
        }
        break;
      case 'op':
        if (t.text === '$') {
          this.p++;
          if (this.is('++') || this.is('--')) return { k: 'field', e: this.incdec() };
          if (this.is('-') || this.is('+') || this.is('!')) {
            const op = this.t.text;
            this.p++;
            return { k: 'field', e: { k: 'unary', op, e: this.primary() } };
          }
          return { k: 'field', e: this.primary() };
        }
        if (t.text === '(') {
          this.p++;
          this.skipNl();
          const first = this.expr(false);
          this.skipNl();
          if (this.is(',')) {
            const subs = [first];
            while (this.is(',')) {
              this.p++;
              this.skipNl();
              subs.push(this.expr(false));
              this.skipNl();
            }
            this.expect(')');
            if (!this.is('in')) this.fail();
            this.p++;
            return { k: 'in', subs, arr: this.varRef() };
          }
          this.expect(')');
          return { k: 'group', e: first };
        }
        if (t.text === '-' || t.text === '+' || t.text === '!') {
          this.p++;
          return { k: 'unary', op: t.text, e: this.unary() };
        }
        break;
      default:
        break;
    }
    if (t.kind === 'nl' || t.kind === 'eof') this.fail('unexpected newline or end of string');
    return this.fail();
  }
}

function isLValue(e: Expr): e is Expr & LValue {
  return e.k === 'gvar' || e.k === 'lvar' || e.k === 'field' || e.k === 'index';
}

/** Does a function body use parameter `index` as an array? */
function usesAsArray(body: Stmt, index: number): boolean {
  let found = false;
  const isParam = (r: { k: string; index?: number }): boolean => r.k === 'lvar' && r.index === index;
  walk(body, (n) => {
    if ((n.k === 'index' || n.k === 'in' || n.k === 'delete' || n.k === 'forin') && isParam((n as { arr: VarRef }).arr)) {
      found = true;
    }
    if (n.k === 'call' && (n.name === 'split' || n.name === 'asort' || n.name === 'asorti')) {
      const a = n.args[1];
      if (a !== undefined && isParam(a)) found = true;
    }
  });
  return found;
}

type AnyNode = Expr | Stmt;

/** Visit every expression and statement of a tree. */
export function walk(node: AnyNode, visit: (n: AnyNode) => void): void {
  visit(node);
  for (const child of children(node)) walk(child, visit);
}

function children(n: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  const add = (x: AnyNode | null | undefined): void => {
    if (x !== null && x !== undefined) out.push(x);
  };
  switch (n.k) {
    case 'field':
      add(n.e);
      break;
    case 'index':
    case 'in':
      for (const s of n.subs) add(s);
      break;
    case 'assign':
      add(n.target);
      add(n.e);
      break;
    case 'cond':
      add(n.c);
      add(n.a);
      add(n.b);
      break;
    case 'and':
    case 'or':
    case 'bin':
    case 'concat':
      add(n.a);
      add(n.b);
      break;
    case 'match':
      add(n.a);
      add(n.re);
      break;
    case 'unary':
    case 'group':
      add(n.e);
      break;
    case 'incdec':
      add(n.target);
      break;
    case 'call':
    case 'ucall':
      for (const a of n.args) add(a);
      break;
    case 'getline':
      add(n.target);
      add(n.src);
      break;
    case 'expr':
      add(n.e);
      break;
    case 'print':
    case 'printf':
      for (const a of n.args) add(a);
      add(n.redir?.dest);
      break;
    case 'if':
      add(n.c);
      add(n.t);
      add(n.f);
      break;
    case 'while':
    case 'do':
      add(n.c);
      add(n.body);
      break;
    case 'for':
      add(n.init);
      add(n.c);
      add(n.step);
      add(n.body);
      break;
    case 'forin':
      add(n.v);
      add(n.body);
      break;
    case 'block':
      for (const s of n.body) add(s);
      break;
    case 'exit':
    case 'return':
      add(n.e);
      break;
    case 'delete':
      for (const s of n.subs ?? []) add(s);
      break;
    default:
      break;
  }
  return out;
}

const IO_CALLS = new Set(['system', 'close', 'fflush']);

/** Set `io` on every node that may wait; loops are marked too, so long loops can yield. */
function markIo(prog: Program): void {
  let changed = true;
  const mark = (n: AnyNode): boolean => {
    let io = false;
    for (const c of children(n)) if (mark(c)) io = true;
    if (n.k === 'getline') io = true;
    if (n.k === 'call' && IO_CALLS.has(n.name)) io = true;
    if (n.k === 'ucall' && prog.funcs.get(n.name)?.io === true) io = true;
    if (n.k === 'while' || n.k === 'do' || n.k === 'for' || n.k === 'forin') io = true;
    if ((n.k === 'print' || n.k === 'printf') && n.redir?.mode === '|') io = true;
    n.io = io;
    return io;
  };
  while (changed) {
    changed = false;
    for (const f of prog.funcs.values()) {
      const io = mark(f.body);
      if (io !== f.io) {
        f.io = io;
        changed = true;
      }
    }
  }
  for (const r of prog.rules) {
    if (r.pattern !== null) mark(r.pattern);
    if (r.pattern2 !== null) mark(r.pattern2);
    if (r.action !== null) mark(r.action);
  }
}
