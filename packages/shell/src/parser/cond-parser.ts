/**
 * Parser of `[[ … ]]` expressions: `||` below `&&` below `!`, parentheses, unary file/string tests and binary
 * comparisons. It reads tokens through a small cursor interface so the main parser keeps ownership of `pos`.
 */
import type { CondExpr, Word } from '../ast/types.js';

export interface CondCursor {
  /** Skip blanks and newlines. */
  skip(): void;
  /** The operator or bare word at the cursor, or null. */
  peek(): string | null;
  advance(n: number): void;
  /** Read one word; `regex` reads the right side of `=~`. */
  word(regex: boolean): Word;
  fail(): never;
}

const UNARY = new Set([
  '-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L',
  '-N', '-O', '-S', '-z', '-n', '-o', '-v', '-R',
]);
const BINARY = new Set([
  '==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef',
]);

export function parseCond(c: CondCursor): CondExpr {
  const e = parseOr(c);
  c.skip();
  if (c.peek() !== ']]') c.fail();
  return e;
}

function parseOr(c: CondCursor): CondExpr {
  let l = parseAnd(c);
  for (;;) {
    c.skip();
    if (c.peek() !== '||') return l;
    c.advance(2);
    l = { k: 'or', l, r: parseAnd(c) };
  }
}

function parseAnd(c: CondCursor): CondExpr {
  let l = parseNot(c);
  for (;;) {
    c.skip();
    if (c.peek() !== '&&') return l;
    c.advance(2);
    l = { k: 'and', l, r: parseNot(c) };
  }
}

function parseNot(c: CondCursor): CondExpr {
  c.skip();
  if (c.peek() === '!') {
    c.advance(1);
    return { k: 'not', e: parseNot(c) };
  }
  return parsePrimary(c);
}

function parsePrimary(c: CondCursor): CondExpr {
  c.skip();
  const t = c.peek();
  if (t === null || t === ']]' || t === '&&' || t === '||' || t === ')') c.fail();
  if (t === '(') {
    c.advance(1);
    const e = parseOr(c);
    c.skip();
    if (c.peek() !== ')') c.fail();
    c.advance(1);
    return e;
  }
  if (UNARY.has(t)) {
    c.advance(t.length);
    c.skip();
    const next = c.peek();
    if (next !== null && next !== ']]' && next !== '&&' && next !== '||' && next !== ')') {
      return { k: 'unary', op: t, a: c.word(false) };
    }
    return { k: 'word', a: { parts: [{ k: 'lit', v: t }] } };
  }
  const l = c.word(false);
  c.skip();
  const op = c.peek();
  if (op !== null && (BINARY.has(op) || op === '<' || op === '>')) {
    c.advance(op.length);
    c.skip();
    const r = c.word(op === '=~');
    return { k: 'binary', op, l, r };
  }
  return { k: 'word', a: l };
}
