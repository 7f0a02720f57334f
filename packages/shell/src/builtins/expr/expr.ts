/**
 * expr: evaluate an expression given as separate arguments, as GNU expr does. Operators by rising precedence:
 * `|`, `&`, comparisons (`< <= = == != >= >`, numeric when both sides are integers), `+ -`, `* / %`, `:` (an
 * anchored basic regular expression: the first group's text, or the length matched), and the functions
 * `match`, `substr`, `index`, `length`, `+ TOKEN`. Integers are arbitrary precision. Exit status: 0 when the
 * result is neither empty nor 0, 1 when it is, 2 for a syntax error, 3 for another error.
 */
import { compileRegex, RegexError } from '../../regex/compile-regex.js';
import { runCommand } from '../fs-shared/command.js';
import { quote } from '../locale.js';
import type { Builtin } from '../types.js';

class ExprError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const INTEGER = /^[-+]?\d+$/u;

function toInt(v: string): bigint {
  if (!INTEGER.test(v)) throw new ExprError('non-integer argument', 2);
  return BigInt(v);
}

class Parser {
  private i = 0;

  constructor(
    private readonly args: string[],
    private readonly env: Readonly<Record<string, string>>,
  ) {}

  parse(): string {
    if (this.args.length === 0) throw new ExprError('missing operand', 2);
    const v = this.or();
    const extra = this.args[this.i];
    if (extra !== undefined) throw new ExprError(`syntax error: unexpected argument ${quote(extra, this.env)}`, 2);
    return v;
  }

  private peek(): string | undefined {
    return this.args[this.i];
  }

  private take(): string {
    const t = this.args[this.i];
    if (t === undefined) {
      const prev = this.args[this.i - 1];
      throw new ExprError(
        prev === undefined ? 'syntax error: missing argument' : `syntax error: missing argument after ${quote(prev, this.env)}`,
        2,
      );
    }
    this.i++;
    return t;
  }

  private or(): string {
    let l = this.and();
    while (this.peek() === '|') {
      this.i++;
      const r = this.and();
      l = isNull(l) ? (isNull(r) ? '0' : r) : l;
    }
    return l;
  }

  private and(): string {
    let l = this.cmp();
    while (this.peek() === '&') {
      this.i++;
      const r = this.cmp();
      l = isNull(l) || isNull(r) ? '0' : l;
    }
    return l;
  }

  private cmp(): string {
    let l = this.add();
    for (;;) {
      const op = this.peek();
      if (op !== '<' && op !== '<=' && op !== '=' && op !== '==' && op !== '!=' && op !== '>=' && op !== '>') return l;
      this.i++;
      const r = this.add();
      const c = INTEGER.test(l) && INTEGER.test(r) ? cmpBig(BigInt(l), BigInt(r)) : l < r ? -1 : l > r ? 1 : 0;
      const ok =
        op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '>=' ? c >= 0 : c > 0;
      l = ok ? '1' : '0';
    }
  }

  private add(): string {
    let l = this.mul();
    for (;;) {
      const op = this.peek();
      if (op !== '+' && op !== '-') return l;
      this.i++;
      const r = this.mul();
      l = String(op === '+' ? toInt(l) + toInt(r) : toInt(l) - toInt(r));
    }
  }

  private mul(): string {
    let l = this.match();
    for (;;) {
      const op = this.peek();
      if (op !== '*' && op !== '/' && op !== '%') return l;
      this.i++;
      const r = this.match();
      const a = toInt(l);
      const b = toInt(r);
      if (op !== '*' && b === 0n) throw new ExprError('division by zero', 2);
      l = String(op === '*' ? a * b : op === '/' ? a / b : a % b);
    }
  }

  private match(): string {
    let l = this.primary();
    while (this.peek() === ':') {
      this.i++;
      l = regexMatch(l, this.primary());
    }
    return l;
  }

  private primary(): string {
    const t = this.take();
    if (t === '(') {
      const v = this.or();
      if (this.take() !== ')') throw new ExprError(`syntax error: expecting ')' after ${quote(v, this.env)}`, 2);
      return v;
    }
    if (t === '+') return this.take();
    if (t === 'length') return String([...this.primary()].length);
    if (t === 'match') {
      const s = this.primary();
      return regexMatch(s, this.primary());
    }
    if (t === 'index') {
      const s = [...this.primary()];
      const chars = this.primary();
      const at = s.findIndex((c) => chars.includes(c));
      return String(at + 1);
    }
    if (t === 'substr') {
      const s = [...this.primary()];
      const pos = this.primary();
      const len = this.primary();
      if (!INTEGER.test(pos) || !INTEGER.test(len)) return '';
      const p = Number(pos);
      const n = Number(len);
      if (p < 1 || n < 1) return '';
      return s.slice(p - 1, p - 1 + n).join('');
    }
    return t;
  }
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isNull(v: string): boolean {
  return v === '' || (INTEGER.test(v) && BigInt(v) === 0n);
}

function regexMatch(s: string, pattern: string): string {
  let re: ReturnType<typeof compileRegex>;
  try {
    re = compileRegex(pattern.startsWith('^') ? pattern : `^${pattern}`, { syntax: 'bre' });
  } catch (e) {
    if (e instanceof RegexError) throw new ExprError(e.message, 2);
    throw e;
  }
  const m = re.exec(s, 0);
  if (re.groups > 0) {
    if (m === null || (m[2] ?? -1) < 0) return '';
    return s.slice(m[2], m[3]);
  }
  return m === null ? '0' : String([...s.slice(0, m[1])].length);
}

export const expr: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    let args = ctx.argv.slice(1);
    if (args[0] === '--') args = args.slice(1);
    let result: string;
    try {
      result = new Parser(args, ctx.env).parse();
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      await io.warn(e.message);
      return e.status;
    }
    await io.out.text(`${result}\n`);
    return isNull(result) ? 1 : 0;
  });
