/**
 * Parser of the jq language subset the shell's jq understands: pipes, commas, `as` bindings, alternatives,
 * boolean and arithmetic operators, comparisons, (update-)assignments, postfix paths (.a, .[e], .[], .[a:b],
 * ?), literals with string interpolation, arrays, objects, `..`, if/elif/else, try/catch, reduce, foreach,
 * `def` and @formats. The tree is plain data.
 */

export type JqNode =
  | { k: 'identity' }
  | { k: 'recurse' }
  | { k: 'literal'; v: unknown }
  | { k: 'str'; parts: Array<string | JqNode>; format: string | null }
  | { k: 'format'; name: string }
  | { k: 'field'; target: JqNode; name: string; opt: boolean }
  | { k: 'index'; target: JqNode; index: JqNode; opt: boolean }
  | { k: 'slice'; target: JqNode; from: JqNode | null; to: JqNode | null; opt: boolean }
  | { k: 'iterate'; target: JqNode; opt: boolean }
  | { k: 'try'; body: JqNode; handler: JqNode | null }
  | { k: 'pipe'; a: JqNode; b: JqNode }
  | { k: 'comma'; a: JqNode; b: JqNode }
  | { k: 'bind'; source: JqNode; name: string; body: JqNode }
  | { k: 'alt'; a: JqNode; b: JqNode }
  | { k: 'and'; a: JqNode; b: JqNode }
  | { k: 'or'; a: JqNode; b: JqNode }
  | { k: 'bin'; op: string; a: JqNode; b: JqNode }
  | { k: 'neg'; e: JqNode }
  | { k: 'assign'; op: string; lhs: JqNode; rhs: JqNode }
  | { k: 'array'; e: JqNode | null }
  | { k: 'object'; entries: Array<{ key: JqNode; value: JqNode | null }> }
  | { k: 'var'; name: string }
  | { k: 'call'; name: string; args: JqNode[] }
  | { k: 'if'; cond: JqNode; then: JqNode; else: JqNode | null }
  | { k: 'reduce'; source: JqNode; name: string; init: JqNode; update: JqNode }
  | { k: 'foreach'; source: JqNode; name: string; init: JqNode; update: JqNode; extract: JqNode | null }
  | { k: 'def'; name: string; params: string[]; body: JqNode; rest: JqNode };

export class JqSyntaxError extends Error {}

interface Tok {
  t: 'num' | 'str' | 'ident' | 'field' | 'var' | 'format' | 'op' | 'eof';
  v: string;
  num?: number;
  /** For strings: literal pieces and interpolated source texts. */
  parts?: Array<{ lit: string } | { src: string }>;
}

const OPS = ['?//', '|=', '+=', '-=', '*=', '/=', '%=', '//=', '==', '!=', '<=', '>=', '//', '..', 'and', 'or', '|', ',', '+', '-', '*', '/', '%', '=', '<', '>', '(', ')', '[', ']', '{', '}', ':', ';', '.', '?', '$'];

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      const parts: Array<{ lit: string } | { src: string }> = [];
      let lit = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new JqSyntaxError('unterminated string');
        const d = src[i] as string;
        if (d === '"') {
          i++;
          break;
        }
        if (d === '\\') {
          const e = src[i + 1] ?? '';
          if (e === '(') {
            let depth = 1;
            let j = i + 2;
            while (j < src.length && depth > 0) {
              if (src[j] === '(') depth++;
              else if (src[j] === ')') depth--;
              j++;
            }
            if (lit !== '') parts.push({ lit });
            lit = '';
            parts.push({ src: src.slice(i + 2, j - 1) });
            i = j;
            continue;
          }
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
          if (e === 'u') {
            lit += String.fromCharCode(Number.parseInt(src.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          lit += map[e] ?? e;
          i += 2;
          continue;
        }
        lit += d;
        i++;
      }
      if (lit !== '' || parts.length === 0) parts.push({ lit });
      toks.push({ t: 'str', v: '', parts });
      continue;
    }
    const num = /^(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(src.slice(i));
    if (num !== null && (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? '')))) {
      toks.push({ t: 'num', v: num[0], num: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const field = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
    if (field !== null) {
      toks.push({ t: 'field', v: field[1] as string });
      i += field[0].length;
      continue;
    }
    const v = /^\$(__loc__|[A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
    if (v !== null) {
      toks.push({ t: 'var', v: v[1] as string });
      i += v[0].length;
      continue;
    }
    const f = /^@([A-Za-z0-9_]+)/.exec(src.slice(i));
    if (f !== null) {
      toks.push({ t: 'format', v: f[1] as string });
      i += f[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i));
    if (id !== null) {
      toks.push({ t: id[0] === 'and' || id[0] === 'or' ? 'op' : 'ident', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op === undefined) throw new JqSyntaxError(`syntax error, unexpected INVALID_CHARACTER`);
    toks.push({ t: 'op', v: op });
    i += op.length;
  }
  toks.push({ t: 'eof', v: '' });
  return toks;
}

export function parseJq(src: string): JqNode {
  const p = new Parser(lex(src));
  const node = p.pipe();
  p.end();
  return node;
}

const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'end', 'as', 'def', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', '__loc__']);

class Parser {
  private p = 0;
  constructor(private readonly toks: Tok[]) {}

  private get t(): Tok {
    return this.toks[this.p] as Tok;
  }

  private isOp(v: string): boolean {
    return this.t.t === 'op' && this.t.v === v;
  }

  private isWord(v: string): boolean {
    return this.t.t === 'ident' && this.t.v === v;
  }

  private fail(): never {
    const t = this.t;
    throw new JqSyntaxError(`syntax error, unexpected ${t.t === 'eof' ? '$end' : t.v || t.t}`);
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) this.fail();
    this.p++;
  }

  private expectWord(v: string): void {
    if (!this.isWord(v)) this.fail();
    this.p++;
  }

  end(): void {
    if (this.t.t !== 'eof') this.fail();
  }

  pipe(): JqNode {
    if (this.isWord('def')) {
      this.p++;
      const name = this.t.v;
      this.p++;
      const params: string[] = [];
      if (this.isOp('(')) {
        this.p++;
        while (!this.isOp(')')) {
          params.push(this.t.t === 'var' ? `$${this.t.v}` : this.t.v);
          this.p++;
          if (this.isOp(';')) this.p++;
        }
        this.p++;
      }
      this.expectOp(':');
      const body = this.pipe();
      this.expectOp(';');
      return { k: 'def', name, params, body, rest: this.pipe() };
    }
    const a = this.comma();
    if (this.isWord('as')) {
      this.p++;
      if (this.t.t !== 'var') this.fail();
      const name = this.t.v;
      this.p++;
      this.expectOp('|');
      return { k: 'bind', source: a, name, body: this.pipe() };
    }
    if (this.isOp('|')) {
      this.p++;
      return { k: 'pipe', a, b: this.pipe() };
    }
    return a;
  }

  private comma(): JqNode {
    let a = this.alt();
    while (this.isOp(',')) {
      this.p++;
      a = { k: 'comma', a, b: this.alt() };
    }
    return a;
  }

  private alt(): JqNode {
    const a = this.assign();
    if (this.isOp('//')) {
      this.p++;
      return { k: 'alt', a, b: this.alt() };
    }
    return a;
  }

  private assign(): JqNode {
    const a = this.or();
    for (const op of ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//=']) {
      if (this.isOp(op)) {
        this.p++;
        return { k: 'assign', op, lhs: a, rhs: this.alt() };
      }
    }
    return a;
  }

  private or(): JqNode {
    let a = this.and();
    while (this.isOp('or')) {
      this.p++;
      a = { k: 'or', a, b: this.and() };
    }
    return a;
  }

  private and(): JqNode {
    let a = this.compare();
    while (this.isOp('and')) {
      this.p++;
      a = { k: 'and', a, b: this.compare() };
    }
    return a;
  }

  private compare(): JqNode {
    const a = this.additive();
    for (const op of ['==', '!=', '<=', '>=', '<', '>']) {
      if (this.isOp(op)) {
        this.p++;
        return { k: 'bin', op, a, b: this.additive() };
      }
    }
    return a;
  }

  private additive(): JqNode {
    let a = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.t.v;
      this.p++;
      a = { k: 'bin', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): JqNode {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.t.v;
      this.p++;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): JqNode {
    if (this.isOp('-')) {
      this.p++;
      return { k: 'neg', e: this.postfix() };
    }
    return this.postfix();
  }

  private postfix(): JqNode {
    let e = this.primary();
    for (;;) {
      if (this.t.t === 'field') {
        const name = this.t.v;
        this.p++;
        e = { k: 'field', target: e, name, opt: this.optional() };
      } else if (this.isOp('.') && this.toks[this.p + 1]?.t === 'str') {
        this.p++;
        const name = this.stringLiteral();
        e = { k: 'field', target: e, name, opt: this.optional() };
      } else if (this.isOp('[') || (this.isOp('.') && this.toks[this.p + 1]?.v === '[')) {
        if (this.isOp('.')) this.p++;
        e = this.bracket(e);
      } else if (this.isOp('?')) {
        this.p++;
        e = { k: 'try', body: e, handler: null };
      } else if (this.isWord('as') || !this.isOp('[')) return e;
    }
  }

  private optional(): boolean {
    if (this.isOp('?')) {
      this.p++;
      return true;
    }
    return false;
  }

  private bracket(target: JqNode): JqNode {
    this.expectOp('[');
    if (this.isOp(']')) {
      this.p++;
      return { k: 'iterate', target, opt: this.optional() };
    }
    if (this.isOp(':')) {
      this.p++;
      const to = this.pipe();
      this.expectOp(']');
      return { k: 'slice', target, from: null, to, opt: this.optional() };
    }
    const index = this.pipe();
    if (this.isOp(':')) {
      this.p++;
      const to = this.isOp(']') ? null : this.pipe();
      this.expectOp(']');
      return { k: 'slice', target, from: index, to, opt: this.optional() };
    }
    this.expectOp(']');
    return { k: 'index', target, index, opt: this.optional() };
  }

  private stringLiteral(): string {
    const t = this.t;
    this.p++;
    return (t.parts ?? []).map((p) => ('lit' in p ? p.lit : '')).join('');
  }

  private string(format: string | null): JqNode {
    const t = this.t;
    this.p++;
    const parts = (t.parts ?? []).map((p) => ('lit' in p ? p.lit : parseJq(p.src)));
    return { k: 'str', parts, format };
  }

  private primary(): JqNode {
    const t = this.t;
    switch (t.t) {
      case 'num':
        this.p++;
        return { k: 'literal', v: t.num };
      case 'str':
        return this.string(null);
      case 'format':
        this.p++;
        if (this.t.t === 'str') return this.string(t.v);
        return { k: 'format', name: t.v };
      case 'field':
        this.p++;
        return { k: 'field', target: { k: 'identity' }, name: t.v, opt: this.optional() };
      case 'var':
        this.p++;
        return { k: 'var', name: t.v };
      case 'op':
        if (t.v === '.') {
          this.p++;
          if (this.t.t === 'str') {
            const name = this.stringLiteral();
            return { k: 'field', target: { k: 'identity' }, name, opt: this.optional() };
          }
          if (this.isOp('[')) return this.bracket({ k: 'identity' });
          return { k: 'identity' };
        }
        if (t.v === '..') {
          this.p++;
          return { k: 'recurse' };
        }
        if (t.v === '(') {
          this.p++;
          const e = this.pipe();
          this.expectOp(')');
          return e;
        }
        if (t.v === '[') {
          this.p++;
          if (this.isOp(']')) {
            this.p++;
            return { k: 'array', e: null };
          }
          const e = this.pipe();
          this.expectOp(']');
          return { k: 'array', e };
        }
        if (t.v === '{') return this.object();
        if (t.v === '-') {
          this.p++;
          return { k: 'neg', e: this.postfix() };
        }
        break;
      case 'ident':
        return this.word();
      default:
        break;
    }
    return this.fail();
  }

  private object(): JqNode {
    this.expectOp('{');
    const entries: Array<{ key: JqNode; value: JqNode | null }> = [];
    while (!this.isOp('}')) {
      let key: JqNode;
      const t = this.t;
      if (t.t === 'ident' || t.t === 'num') {
        this.p++;
        key = { k: 'literal', v: t.v };
      } else if (t.t === 'str') key = this.string(null);
      else if (t.t === 'var') {
        this.p++;
        key = { k: 'literal', v: t.v };
        entries.push({ key, value: { k: 'var', name: t.v } });
        if (this.isOp(',')) this.p++;
        continue;
      } else if (this.isOp('(')) {
        this.p++;
        key = this.pipe();
        this.expectOp(')');
      } else if (t.t === 'format') {
        this.p++;
        key = this.string(t.v);
      } else this.fail();
      let value: JqNode | null = null;
      if (this.isOp(':')) {
        this.p++;
        value = this.objectValue();
      }
      entries.push({ key, value });
      if (this.isOp(',')) this.p++;
      else if (!this.isOp('}')) this.fail();
    }
    this.p++;
    return { k: 'object', entries };
  }

  /** An object value: an alternative-level expression (no bare commas), pipes allowed inside parentheses. */
  private objectValue(): JqNode {
    let v = this.alt();
    while (this.isOp('|')) {
      this.p++;
      v = { k: 'pipe', a: v, b: this.alt() };
    }
    return v;
  }

  private word(): JqNode {
    const name = this.t.v;
    if (KEYWORDS.has(name)) {
      if (name === 'if') return this.ifExpr();
      if (name === 'try') {
        this.p++;
        const body = this.postfix();
        let handler: JqNode | null = null;
        if (this.isWord('catch')) {
          this.p++;
          handler = this.postfix();
        }
        return { k: 'try', body, handler };
      }
      if (name === 'reduce' || name === 'foreach') {
        this.p++;
        const source = this.postfix();
        this.expectWord('as');
        const v = this.t.v;
        this.p++;
        this.expectOp('(');
        const init = this.pipe();
        this.expectOp(';');
        const update = this.pipe();
        let extract: JqNode | null = null;
        if (name === 'foreach' && this.isOp(';')) {
          this.p++;
          extract = this.pipe();
        }
        this.expectOp(')');
        return name === 'reduce'
          ? { k: 'reduce', source, name: v, init, update }
          : { k: 'foreach', source, name: v, init, update, extract };
      }
      this.fail();
    }
    this.p++;
    if (name === 'true' || name === 'false' || name === 'null') {
      return { k: 'literal', v: name === 'null' ? null : name === 'true' };
    }
    const args: JqNode[] = [];
    if (this.isOp('(')) {
      this.p++;
      for (;;) {
        args.push(this.pipe());
        if (this.isOp(';')) {
          this.p++;
          continue;
        }
        this.expectOp(')');
        break;
      }
    }
    return { k: 'call', name, args };
  }

  private ifExpr(): JqNode {
    this.p++;
    const cond = this.pipe();
    this.expectWord('then');
    const then = this.pipe();
    if (this.isWord('elif')) return { k: 'if', cond, then, else: this.ifExpr() };
    let otherwise: JqNode | null = null;
    if (this.isWord('else')) {
      this.p++;
      otherwise = this.pipe();
    }
    this.expectWord('end');
    return { k: 'if', cond, then, else: otherwise };
  }
}
