/**
 * Shell arithmetic: a Pratt parser over bash's operator table and an evaluator over signed 64-bit integers
 * (BigInt wrapped with asIntN, so overflow and division truncate as bash's intmax_t does). Parsed
 * expressions are cached by text; variables are read and written through an `ArithEnv`.
 */

export class ArithError extends Error {
  constructor(
    readonly expr: string,
    readonly reason: string,
    readonly token: string,
  ) {
    super(`${expr}: ${reason} (error token is "${token}")`);
  }
}

export interface ArithEnv {
  get(name: string, index: string | null): string;
  set(name: string, index: string | null, value: string): void;
}

type Node =
  | { t: 'num'; v: bigint }
  | { t: 'var'; name: string; index: Node | null }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'assign'; op: string; target: Node; b: Node }
  | { t: 'incdec'; op: '++' | '--'; post: boolean; target: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node }
  | { t: 'comma'; a: Node; b: Node };

const BIN_PREC: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
};
const ASSIGN_OPS = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);
const OPS = [
  '<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=',
  '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')', ',',
  '[', ']',
];

const cache = new Map<string, Node | null>();
const CACHE_MAX = 4096;

class ArithParser {
  private i = 0;
  private tok = '';
  private tokStart = 0;
  private prevTokStart = 0;

  constructor(private readonly s: string) {
    this.next();
  }

  private err(reason: string): never {
    // bash shows the rest of the expression from the offending token, trailing blanks included.
    const token = this.tok === '' ? this.s.slice(this.prevTokStart) : this.s.slice(this.tokStart);
    throw new ArithError(this.s.trimStart(), reason, token);
  }

  private next(): void {
    const s = this.s;
    this.prevTokStart = this.tokStart;
    while (this.i < s.length && /\s/.test(s.charAt(this.i))) this.i++;
    this.tokStart = this.i;
    if (this.i >= s.length) {
      this.tok = '';
      return;
    }
    const m = /^(?:[0-9]+#[0-9A-Za-z@_]+|0[xX][0-9A-Fa-f]+|[0-9]+|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(this.i));
    if (m) {
      this.tok = m[0];
      this.i += m[0].length;
      return;
    }
    for (const op of OPS) {
      if (s.startsWith(op, this.i)) {
        this.tok = op;
        this.i += op.length;
        return;
      }
    }
    this.err('syntax error: invalid arithmetic operator');
  }

  parse(): Node | null {
    if (this.tok === '') return null;
    const n = this.comma();
    if (this.tok !== '') this.err('syntax error in expression');
    return n;
  }

  private comma(): Node {
    let a = this.assign();
    while (this.tok === ',') {
      this.next();
      a = { t: 'comma', a, b: this.assign() };
    }
    return a;
  }

  private assign(): Node {
    const a = this.ternary();
    if (ASSIGN_OPS.has(this.tok)) {
      if (a.t !== 'var') this.err('attempted assignment to non-variable');
      const op = this.tok;
      this.next();
      return { t: 'assign', op, target: a, b: this.assign() };
    }
    return a;
  }

  private ternary(): Node {
    const c = this.binary(1);
    if (this.tok !== '?') return c;
    this.next();
    const a = this.assign();
    if ((this.tok as string) !== ':') this.err("syntax error: `:' expected for conditional expression");
    this.next();
    const b = this.assign();
    return { t: 'cond', c, a, b };
  }

  private binary(min: number): Node {
    let a = this.unary();
    for (;;) {
      const prec = BIN_PREC[this.tok];
      if (prec === undefined || prec < min) return a;
      const op = this.tok;
      this.next();
      const b = op === '**' ? this.binary(prec) : this.binary(prec + 1);
      a = { t: 'bin', op, a, b };
    }
  }

  private unary(): Node {
    const op = this.tok;
    if (op === '!' || op === '~' || op === '-' || op === '+') {
      this.next();
      return { t: 'un', op, a: this.unary() };
    }
    if (op === '++' || op === '--') {
      this.next();
      const target = this.unary();
      if (target.t !== 'var') this.err('syntax error: operand expected');
      return { t: 'incdec', op, post: false, target };
    }
    return this.postfix();
  }

  private postfix(): Node {
    const a = this.primary();
    if ((this.tok === '++' || this.tok === '--') && a.t === 'var') {
      const op = this.tok;
      this.next();
      return { t: 'incdec', op, post: true, target: a };
    }
    return a;
  }

  private primary(): Node {
    const tok = this.tok;
    if (tok === '(') {
      this.next();
      const n = this.comma();
      if (this.tok !== ')') this.err('syntax error: missing `)\'');
      this.next();
      return n;
    }
    if (tok === '') this.err('syntax error: operand expected');
    if (/^[0-9]/.test(tok)) {
      this.next();
      return { t: 'num', v: parseNumber(tok, this.s) };
    }
    if (/^[A-Za-z_]/.test(tok)) {
      this.next();
      let index: Node | null = null;
      if (this.tok === '[') {
        this.next();
        index = this.comma();
        if ((this.tok as string) !== ']') this.err("syntax error: `]' expected");
        this.next();
      }
      return { t: 'var', name: tok, index };
    }
    this.err('syntax error: operand expected');
  }
}

function parseNumber(tok: string, expr: string): bigint {
  const bad = () => new ArithError(expr.trim(), 'value too great for base', tok);
  if (tok.includes('#')) {
    const [b, digits = ''] = tok.split('#');
    const base = Number(b);
    if (base < 2 || base > 64) throw new ArithError(expr.trim(), 'invalid arithmetic base', tok);
    let v = 0n;
    for (const ch of digits) {
      let d: number;
      if (ch >= '0' && ch <= '9') d = ch.charCodeAt(0) - 48;
      else if (ch >= 'a' && ch <= 'z') d = ch.charCodeAt(0) - 97 + 10;
      else if (ch >= 'A' && ch <= 'Z') d = ch.charCodeAt(0) - 65 + (base <= 36 ? 10 : 36);
      else if (ch === '@') d = 62;
      else d = 63;
      if (d >= base) throw bad();
      v = v * BigInt(base) + BigInt(d);
    }
    return BigInt.asIntN(64, v);
  }
  if (/^0[xX]/.test(tok)) return BigInt.asIntN(64, BigInt(tok));
  if (tok.length > 1 && tok.startsWith('0')) {
    if (/[89]/.test(tok)) throw bad();
    return BigInt.asIntN(64, BigInt(`0o${tok.slice(1)}`));
  }
  return BigInt.asIntN(64, BigInt(tok));
}

export function parseArith(text: string): Node | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const node = new ArithParser(text).parse();
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, node);
  return node;
}

/** Evaluate `text`; an empty expression is 0. Throws ArithError. */
export function evalArith(text: string, env: ArithEnv, depth = 0): bigint {
  const node = parseArith(text);
  if (node === null) return 0n;
  return new Evaluator(text, env, depth).eval(node);
}

class Evaluator {
  constructor(
    private readonly text: string,
    private readonly env: ArithEnv,
    private readonly depth: number,
  ) {}

  private index(n: Node & { t: 'var' }): string | null {
    return n.index === null ? null : String(this.eval(n.index));
  }

  private read(n: Node & { t: 'var' }, index: string | null): bigint {
    const raw = this.env.get(n.name, index).trim();
    if (raw === '') return 0n;
    if (/^-?[0-9]+$/.test(raw)) return BigInt.asIntN(64, BigInt(raw));
    if (this.depth > 64) throw new ArithError(raw, 'expression recursion level exceeded', raw);
    return evalArith(raw, this.env, this.depth + 1);
  }

  eval(n: Node): bigint {
    switch (n.t) {
      case 'num':
        return n.v;
      case 'var':
        return this.read(n, this.index(n));
      case 'un': {
        const a = this.eval(n.a);
        if (n.op === '!') return a === 0n ? 1n : 0n;
        if (n.op === '~') return BigInt.asIntN(64, ~a);
        if (n.op === '-') return BigInt.asIntN(64, -a);
        return a;
      }
      case 'bin':
        return this.binary(n.op, n.a, n.b);
      case 'cond':
        return this.eval(n.c) !== 0n ? this.eval(n.a) : this.eval(n.b);
      case 'comma':
        this.eval(n.a);
        return this.eval(n.b);
      case 'incdec': {
        const t = n.target as Node & { t: 'var' };
        const idx = this.index(t);
        const old = this.read(t, idx);
        const v = BigInt.asIntN(64, n.op === '++' ? old + 1n : old - 1n);
        this.env.set(t.name, idx, String(v));
        return n.post ? old : v;
      }
      case 'assign': {
        const t = n.target as Node & { t: 'var' };
        const idx = this.index(t);
        let v: bigint;
        if (n.op === '=') v = this.eval(n.b);
        else {
          const old = this.read(t, idx);
          v = this.apply(n.op.slice(0, -1), old, this.eval(n.b));
        }
        this.env.set(t.name, idx, String(v));
        return v;
      }
    }
  }

  private binary(op: string, an: Node, bn: Node): bigint {
    if (op === '&&') return this.eval(an) !== 0n && this.eval(bn) !== 0n ? 1n : 0n;
    if (op === '||') return this.eval(an) !== 0n || this.eval(bn) !== 0n ? 1n : 0n;
    return this.apply(op, this.eval(an), this.eval(bn));
  }

  private apply(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+': return BigInt.asIntN(64, a + b);
      case '-': return BigInt.asIntN(64, a - b);
      case '*': return BigInt.asIntN(64, a * b);
      case '/':
      case '%':
        if (b === 0n) throw new ArithError(this.text.trimStart(), 'division by 0', lastOperand(this.text));
        return BigInt.asIntN(64, op === '/' ? a / b : a % b);
      case '**':
        if (b < 0n) throw new ArithError(this.text.trimStart(), 'exponent less than 0', lastOperand(this.text));
        return BigInt.asIntN(64, a ** b);
      case '<<': return BigInt.asIntN(64, a << (b & 63n));
      case '>>': return BigInt.asIntN(64, a >> (b & 63n));
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '<': return a < b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      default: throw new ArithError(this.text.trimStart(), 'syntax error: invalid arithmetic operator', op);
    }
  }
}

function lastOperand(text: string): string {
  const m = /([A-Za-z0-9_#]+\s*)\)*\s*$/.exec(text);
  return m?.[1] ?? text.trim();
}
