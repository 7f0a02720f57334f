/**
 * bc: the arbitrary-precision calculator. Reads its program from files then stdin: expressions (printed
 * unless they are assignments), variables and arrays, scale/ibase/obase/last, if/while/for, break, continue,
 * functions with `auto` locals, print, strings, quit/halt, and -l (scale 20 and s c a l e j, computed in double
 * precision and truncated). Errors are reported as GNU bc does and the program goes on; the status stays 0.
 */
import { runCommand } from '../fs-shared/command.js';
import { openInput, readText, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';
import { isKernelError } from '@burrow/protocol';
import * as N from './bc-number.js';

type Expr =
  | { k: 'num'; text: string }
  | { k: 'var'; name: string }
  | { k: 'elem'; name: string; index: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'incdec'; op: string; prefix: boolean; target: Expr };

type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'str'; s: string }
  | { k: 'print'; items: Array<Expr | string> }
  | { k: 'block'; body: Stmt[] }
  | { k: 'if'; c: Expr; t: Stmt; f: Stmt | null }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'for'; init: Expr | null; c: Expr | null; step: Expr | null; body: Stmt }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'quit' }
  | { k: 'return'; e: Expr | null }
  | { k: 'define'; name: string; params: string[]; autos: string[]; body: Stmt[] };

class SyntaxError_ extends Error {}

interface Tok {
  t: 'num' | 'name' | 'str' | 'op' | 'nl' | 'eof';
  v: string;
  line: number;
}

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      toks.push({ t: 'nl', v: '\n', line: line++ });
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      for (let k = i; k < stop; k++) if (src[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (c === '"') {
      const end = src.indexOf('"', i + 1);
      const s = src.slice(i + 1, end === -1 ? src.length : end);
      toks.push({ t: 'str', v: s, line });
      for (const ch of s) if (ch === '\n') line++;
      i = end === -1 ? src.length : end + 1;
      continue;
    }
    const n = /^([0-9A-F]+\.?[0-9A-F]*|\.[0-9A-F]+)/.exec(src.slice(i));
    if (n !== null && /[0-9A-F.]/.test(c)) {
      toks.push({ t: 'num', v: n[0], line });
      i += n[0].length;
      continue;
    }
    const w = /^[a-z_][a-z0-9_]*/.exec(src.slice(i));
    if (w !== null) {
      toks.push({ t: 'name', v: w[0], line });
      i += w[0].length;
      continue;
    }
    const op = ['++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '==', '!=', '<=', '>=', '&&', '||'].find((o) => src.startsWith(o, i)) ?? c;
    toks.push({ t: 'op', v: op, line });
    i += op.length;
  }
  toks.push({ t: 'eof', v: '', line });
  return toks;
}

class Parser {
  p = 0;
  constructor(readonly toks: Tok[]) {}
  get t(): Tok {
    return this.toks[this.p] as Tok;
  }
  is(v: string): boolean {
    return (this.t.t === 'op' || this.t.t === 'name') && this.t.v === v;
  }
  expect(v: string): void {
    if (!this.is(v)) throw new SyntaxError_();
    this.p++;
  }
  skipNl(): void {
    while (this.t.t === 'nl' || this.is(';')) this.p++;
  }

  stmt(): Stmt {
    const t = this.t;
    if (t.t === 'str') {
      this.p++;
      return { k: 'str', s: t.v };
    }
    if (this.is('{')) {
      this.p++;
      const body: Stmt[] = [];
      this.skipNl();
      while (!this.is('}')) {
        if (this.t.t === 'eof') throw new SyntaxError_();
        body.push(this.stmt());
        this.skipNl();
      }
      this.p++;
      return { k: 'block', body };
    }
    if (t.t === 'name') {
      switch (t.v) {
        case 'if': {
          this.p++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          this.nls();
          const th = this.stmt();
          const save = this.p;
          this.skipNl();
          if (this.is('else')) {
            this.p++;
            this.nls();
            return { k: 'if', c, t: th, f: this.stmt() };
          }
          this.p = save;
          return { k: 'if', c, t: th, f: null };
        }
        case 'while': {
          this.p++;
          this.expect('(');
          const c = this.expr();
          this.expect(')');
          this.nls();
          return { k: 'while', c, body: this.stmt() };
        }
        case 'for': {
          this.p++;
          this.expect('(');
          const init = this.is(';') ? null : this.expr();
          this.expect(';');
          const c = this.is(';') ? null : this.expr();
          this.expect(';');
          const step = this.is(')') ? null : this.expr();
          this.expect(')');
          this.nls();
          return { k: 'for', init, c, step, body: this.stmt() };
        }
        case 'break':
        case 'continue':
        case 'quit':
        case 'halt':
          this.p++;
          return { k: t.v === 'halt' ? 'quit' : (t.v as 'break' | 'continue' | 'quit') };
        case 'return': {
          this.p++;
          if (this.t.t === 'nl' || this.is(';') || this.is('}') || this.t.t === 'eof') return { k: 'return', e: null };
          return { k: 'return', e: this.expr() };
        }
        case 'print': {
          this.p++;
          const items: Array<Expr | string> = [];
          for (;;) {
            if (this.t.t === 'str') {
              items.push(this.t.v.replace(/\\([ntq\\])/g, (_, c: string) => ({ n: '\n', t: '\t', q: '"', '\\': '\\' })[c] ?? c));
              this.p++;
            } else items.push(this.expr());
            if (!this.is(',')) break;
            this.p++;
          }
          return { k: 'print', items };
        }
        case 'define': {
          this.p++;
          const name = this.t.v;
          this.p++;
          this.expect('(');
          const params: string[] = [];
          while (!this.is(')')) {
            params.push(this.t.v + (this.toks[this.p + 1]?.v === '[' ? '[]' : ''));
            this.p++;
            if (this.is('[')) this.p += 2;
            if (this.is(',')) this.p++;
          }
          this.p++;
          this.nls();
          this.expect('{');
          this.skipNl();
          const autos: string[] = [];
          if (this.is('auto')) {
            this.p++;
            while (this.t.t === 'name') {
              autos.push(this.t.v);
              this.p++;
              if (this.is('[')) this.p += 2;
              if (this.is(',')) this.p++;
            }
            this.skipNl();
          }
          const body: Stmt[] = [];
          while (!this.is('}')) {
            if (this.t.t === 'eof') throw new SyntaxError_();
            body.push(this.stmt());
            this.skipNl();
          }
          this.p++;
          return { k: 'define', name, params, autos, body };
        }
        default:
          break;
      }
    }
    return { k: 'expr', e: this.expr() };
  }

  private nls(): void {
    while (this.t.t === 'nl') this.p++;
  }

  expr(): Expr {
    const a = this.or();
    if (this.t.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(this.t.v)) {
      if (a.k !== 'var' && a.k !== 'elem') throw new SyntaxError_();
      const op = this.t.v;
      this.p++;
      return { k: 'assign', op, target: a, e: this.expr() };
    }
    return a;
  }
  private or(): Expr {
    let a = this.and();
    while (this.is('||')) {
      this.p++;
      a = { k: 'bin', op: '||', a, b: this.and() };
    }
    return a;
  }
  private and(): Expr {
    let a = this.not();
    while (this.is('&&')) {
      this.p++;
      a = { k: 'bin', op: '&&', a, b: this.not() };
    }
    return a;
  }
  private not(): Expr {
    if (this.is('!')) {
      this.p++;
      return { k: 'not', e: this.not() };
    }
    return this.rel();
  }
  private rel(): Expr {
    const a = this.add();
    for (const op of ['==', '!=', '<=', '>=', '<', '>']) {
      if (this.is(op)) {
        this.p++;
        return { k: 'bin', op, a, b: this.add() };
      }
    }
    return a;
  }
  private add(): Expr {
    let a = this.mul();
    while (this.is('+') || this.is('-')) {
      const op = this.t.v;
      this.p++;
      a = { k: 'bin', op, a, b: this.mul() };
    }
    return a;
  }
  private mul(): Expr {
    let a = this.pow();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.t.v;
      this.p++;
      a = { k: 'bin', op, a, b: this.pow() };
    }
    return a;
  }
  private pow(): Expr {
    const a = this.unary();
    if (this.is('^')) {
      this.p++;
      return { k: 'bin', op: '^', a, b: this.pow() };
    }
    return a;
  }
  private unary(): Expr {
    if (this.is('-')) {
      this.p++;
      return { k: 'neg', e: this.unary() };
    }
    if (this.is('++') || this.is('--')) {
      const op = this.t.v;
      this.p++;
      return { k: 'incdec', op, prefix: true, target: this.primary() };
    }
    const e = this.primary();
    if ((this.is('++') || this.is('--')) && (e.k === 'var' || e.k === 'elem')) {
      const op = this.t.v;
      this.p++;
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }
  private primary(): Expr {
    const t = this.t;
    if (t.t === 'num') {
      this.p++;
      return { k: 'num', text: t.v };
    }
    if (this.is('(')) {
      this.p++;
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (this.is('.')) {
      this.p++;
      return { k: 'var', name: 'last' };
    }
    if (t.t === 'name') {
      this.p++;
      if (this.is('(')) {
        this.p++;
        const args: Expr[] = [];
        while (!this.is(')')) {
          if (this.t.t === 'name' && this.toks[this.p + 1]?.v === '[' && this.toks[this.p + 2]?.v === ']') {
            args.push({ k: 'var', name: `${this.t.v}[]` });
            this.p += 3;
          } else args.push(this.expr());
          if (this.is(',')) this.p++;
          else if (!this.is(')')) throw new SyntaxError_();
        }
        this.p++;
        return { k: 'call', name: t.v, args };
      }
      if (this.is('[')) {
        this.p++;
        const index = this.expr();
        this.expect(']');
        return { k: 'elem', name: t.v, index };
      }
      return { k: 'var', name: t.v };
    }
    throw new SyntaxError_();
  }
}

class Quit extends Error {}
class Flow {
  constructor(
    readonly kind: 'break' | 'continue' | 'return',
    readonly value: N.Num = N.ZERO,
  ) {}
}

class Machine {
  readonly vars = new Map<string, N.Num>();
  readonly arrays = new Map<string, Map<string, N.Num>>();
  readonly funcs = new Map<string, Stmt & { k: 'define' }>();
  scale = 0;
  ibase = 10;
  obase = 10;
  last: N.Num = N.ZERO;
  constructor(
    readonly print: (s: string) => void,
    readonly mathlib: boolean,
  ) {
    if (mathlib) this.scale = 20;
  }

  private get(name: string): N.Num {
    if (name === 'scale') return N.num(BigInt(this.scale), 0);
    if (name === 'ibase') return N.num(BigInt(this.ibase), 0);
    if (name === 'obase') return N.num(BigInt(this.obase), 0);
    if (name === 'last') return this.last;
    return this.vars.get(name) ?? N.ZERO;
  }

  private set(target: Expr, v: N.Num): void {
    if (target.k === 'elem') {
      const idx = N.rescale(this.ev(target.index), 0).v.toString();
      let a = this.arrays.get(target.name);
      if (a === undefined) {
        a = new Map();
        this.arrays.set(target.name, a);
      }
      a.set(idx, v);
      return;
    }
    if (target.k !== 'var') return;
    const n = Number(N.rescale(v, 0).v);
    if (target.name === 'scale') this.scale = Math.max(0, n);
    else if (target.name === 'ibase') this.ibase = Math.min(16, Math.max(2, n));
    else if (target.name === 'obase') this.obase = Math.max(2, n);
    else if (target.name === 'last') this.last = v;
    else this.vars.set(target.name, v);
  }

  ev(e: Expr): N.Num {
    switch (e.k) {
      case 'num':
        return N.parseNum(e.text, e.text.length === 1 ? Math.max(this.ibase, 16) : this.ibase);
      case 'var':
        return this.get(e.name);
      case 'elem':
        return this.arrays.get(e.name)?.get(N.rescale(this.ev(e.index), 0).v.toString()) ?? N.ZERO;
      case 'neg': {
        const v = this.ev(e.e);
        return { v: -v.v, scale: v.scale };
      }
      case 'not':
        return N.num(N.isZero(this.ev(e.e)) ? 1n : 0n, 0);
      case 'assign': {
        const rhs = this.ev(e.e);
        const v = e.op === '=' ? rhs : this.arith(e.op.slice(0, -1), this.ev(e.target), rhs);
        this.set(e.target, v);
        return v;
      }
      case 'incdec': {
        const old = this.ev(e.target);
        const nv = N.add(old, N.num(e.op === '++' ? 1n : -1n, 0));
        this.set(e.target, nv);
        return e.prefix ? nv : old;
      }
      case 'bin': {
        if (e.op === '&&') return N.num(!N.isZero(this.ev(e.a)) && !N.isZero(this.ev(e.b)) ? 1n : 0n, 0);
        if (e.op === '||') return N.num(!N.isZero(this.ev(e.a)) || !N.isZero(this.ev(e.b)) ? 1n : 0n, 0);
        return this.arith(e.op, this.ev(e.a), this.ev(e.b));
      }
      case 'call':
        return this.call(e.name, e.args);
    }
  }

  private arith(op: string, a: N.Num, b: N.Num): N.Num {
    switch (op) {
      case '+':
        return N.add(a, b);
      case '-':
        return N.sub(a, b);
      case '*':
        return N.mul(a, b, this.scale);
      case '/':
        return N.div(a, b, this.scale);
      case '%':
        return N.mod(a, b, this.scale);
      case '^':
        return N.power(a, b, this.scale);
      default: {
        const c = N.compareNum(a, b);
        const r = { '==': c === 0, '!=': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[op] ?? false;
        return N.num(r ? 1n : 0n, 0);
      }
    }
  }

  private call(name: string, args: Expr[]): N.Num {
    const a0 = (): N.Num => this.ev(args[0] as Expr);
    switch (name) {
      case 'sqrt':
        return N.sqrt(a0(), this.scale);
      case 'length': {
        const v = a0();
        const digits = (v.v < 0n ? -v.v : v.v).toString().replace(/^0+/, '');
        return N.num(BigInt(Math.max(digits.length, v.scale, 1)), 0);
      }
      case 'scale':
        return N.num(BigInt(a0().scale), 0);
      default:
        break;
    }
    if (this.mathlib && !this.funcs.has(name)) {
      const x = N.toNumber(a0());
      const f: Record<string, () => number> = {
        s: () => Math.sin(x),
        c: () => Math.cos(x),
        a: () => Math.atan(x),
        l: () => {
          if (x <= 0) throw new N.BcError('Domain error in l');
          return Math.log(x);
        },
        e: () => Math.exp(x),
        j: () => besselJ(Math.trunc(x), N.toNumber(this.ev(args[1] as Expr))),
      };
      const fn = f[name];
      if (fn !== undefined) return N.fromNumber(fn(), this.scale);
    }
    const def = this.funcs.get(name);
    if (def === undefined) throw new N.BcError(`Function ${name} not defined.`);
    const values = args.map((a) => (a.k === 'var' && a.name.endsWith('[]') ? null : this.ev(a)));
    const savedVars = new Map<string, N.Num | undefined>();
    const savedArrays = new Map<string, Map<string, N.Num> | undefined>();
    const locals = [...def.params, ...def.autos];
    for (const p of locals) {
      if (p.endsWith('[]')) savedArrays.set(p.slice(0, -2), this.arrays.get(p.slice(0, -2)));
      else savedVars.set(p, this.vars.get(p));
    }
    def.params.forEach((p, i) => {
      if (p.endsWith('[]')) {
        const src = args[i];
        const from = src?.k === 'var' ? this.arrays.get(src.name.replace(/\[\]$/, '')) : undefined;
        this.arrays.set(p.slice(0, -2), new Map(from ?? []));
      } else this.vars.set(p, values[i] ?? N.ZERO);
    });
    for (const a of def.autos) {
      this.vars.delete(a);
      this.arrays.delete(a);
    }
    try {
      for (const s of def.body) this.exec(s);
      return N.ZERO;
    } catch (f) {
      if (f instanceof Flow && f.kind === 'return') return f.value;
      throw f;
    } finally {
      for (const [k, v] of savedVars) v === undefined ? this.vars.delete(k) : this.vars.set(k, v);
      for (const [k, v] of savedArrays) v === undefined ? this.arrays.delete(k) : this.arrays.set(k, v);
    }
  }

  exec(s: Stmt): void {
    switch (s.k) {
      case 'expr': {
        const v = this.ev(s.e);
        if (s.e.k !== 'assign') {
          this.last = v;
          this.print(`${N.formatNum(v, this.obase)}\n`);
        }
        return;
      }
      case 'str':
        this.print(s.s);
        return;
      case 'print':
        for (const it of s.items) this.print(typeof it === 'string' ? it : N.formatNum(this.ev(it), this.obase));
        return;
      case 'block':
        for (const x of s.body) this.exec(x);
        return;
      case 'if':
        if (!N.isZero(this.ev(s.c))) this.exec(s.t);
        else if (s.f !== null) this.exec(s.f);
        return;
      case 'while':
      case 'for': {
        if (s.k === 'for' && s.init !== null) this.ev(s.init);
        for (;;) {
          const c = s.k === 'while' ? s.c : s.c;
          if (c !== null && N.isZero(this.ev(c))) break;
          try {
            this.exec(s.body);
          } catch (f) {
            if (!(f instanceof Flow) || f.kind === 'return') throw f;
            if (f.kind === 'break') break;
          }
          if (s.k === 'for' && s.step !== null) this.ev(s.step);
        }
        return;
      }
      case 'break':
      case 'continue':
        throw new Flow(s.k);
      case 'return':
        throw new Flow('return', s.e === null ? N.ZERO : this.ev(s.e));
      case 'quit':
        throw new Quit();
      case 'define':
        this.funcs.set(s.name, s);
        return;
    }
  }
}

/** Bessel function of the first kind by its power series (enough for bc's j(n, x) at double precision). */
function besselJ(n: number, x: number): number {
  let sum = 0;
  let term = (x / 2) ** n;
  for (let k = 1; k <= n; k++) term /= k;
  for (let k = 0; k < 200; k++) {
    sum += term;
    term *= -((x / 2) ** 2) / ((k + 1) * (k + 1 + n));
  }
  return sum;
}

export const bc: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const args = ctx.argv.slice(1);
    const mathlib = args.some((a) => a === '-l' || a === '--mathlib' || (/^-[a-z]+$/.test(a) && a.includes('l')));
    const files = args.filter((a) => !a.startsWith('-'));
    const out = new TextOut(ctx.stdout);
    const machine = new Machine((s) => out.put(s), mathlib);
    const sources: Array<{ name: string; text: string }> = [];
    for (const f of files) {
      try {
        const input = await openInput(ctx.sys, ctx.cwd, f, ctx.stdin);
        try {
          sources.push({ name: f, text: await readText(input.source) });
        } finally {
          await input.close().catch(() => undefined);
        }
      } catch (err) {
        if (!isKernelError(err)) throw err;
        await io.warn(`File ${f} is unavailable.`);
        return 1;
      }
    }
    sources.push({ name: '(standard_in)', text: await readText(ctx.stdin) });
    for (const src of sources) {
      const parser = new Parser(lex(src.text));
      for (;;) {
        parser.skipNl();
        if (parser.t.t === 'eof') break;
        io.checkAbort();
        const kind = (): Tok['t'] => parser.t.t;
        // bc reads a whole line before it runs it, and `quit` takes effect as soon as it is read.
        const stmts: Stmt[] = [];
        let failed = false;
        while (kind() !== 'nl' && kind() !== 'eof') {
          try {
            stmts.push(parser.stmt());
            if (parser.is(';')) parser.p++;
            else if (!(kind() === 'nl' || kind() === 'eof')) throw new SyntaxError_();
          } catch (err) {
            if (!(err instanceof SyntaxError_)) throw err;
            const line = parser.t.line + (kind() === 'nl' || kind() === 'eof' ? 1 : 0);
            await out.flush();
            await ctx.stderr.write(new TextEncoder().encode(`${src.name} ${line}: syntax error\n`));
            while (kind() !== 'nl' && kind() !== 'eof') parser.p++;
            failed = true;
          }
        }
        if (failed) continue;
        if (stmts.some((st) => st.k === 'quit')) {
          await out.flush();
          return 0;
        }
        for (const stmt of stmts) {
          try {
            machine.exec(stmt);
          } catch (err) {
            if (err instanceof Quit) {
              await out.flush();
              return 0;
            }
            if (err instanceof N.BcError) {
              await out.flush();
              await ctx.stderr.write(new TextEncoder().encode(`Runtime error (func=(main), adr=0): ${err.message}\n`));
              break;
            }
            if (err instanceof Flow) continue;
            throw err;
          }
        }
        await out.maybeFlush();
      }
    }
    await out.flush();
    return 0;
  });
