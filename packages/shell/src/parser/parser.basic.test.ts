import { describe, expect, it } from 'vitest';
import type { Command, CompoundCommand, SimpleCommand, Word, WordPart } from '../ast/types.js';
import { parseProgram, parseScript } from './parser.js';

function first(src: string): Command {
  const cmd = parseScript(src).items[0]?.cmd.first.cmds[0];
  if (cmd === undefined) throw new Error('no command');
  return cmd;
}

function simple(src: string): SimpleCommand {
  const c = first(src);
  if (c.k !== 'simple') throw new Error(`not simple: ${c.k}`);
  return c;
}

function compound(src: string): CompoundCommand['body'] {
  const c = first(src);
  if (c.k !== 'compound') throw new Error(`not compound: ${c.k}`);
  return c.body;
}

const flat = (ps: WordPart[]): string =>
  ps.map((p) => (p.k === 'lit' || p.k === 'sq' ? p.v : p.k === 'dq' ? flat(p.parts) : `<${p.k}>`)).join('');
const lit = (w: Word | undefined) => (w === undefined ? undefined : flat(w.parts));

describe('parser: lists and pipelines', () => {
  it('splits and-or lists, pipelines and background items', () => {
    const s = parseScript('a | b |& c && d || e; f & g');
    expect(s.items).toHaveLength(3);
    const [one, two, three] = s.items;
    expect(one?.cmd.first.cmds).toHaveLength(3);
    expect(one?.cmd.first.stderr).toEqual([false, true]);
    expect(one?.cmd.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(two?.background).toBe(true);
    expect(two?.text).toBe('f');
    expect(three?.background).toBe(false);
  });

  it('reads negation and newlines after operators', () => {
    const s = parseScript('! a &&\n b |\n c');
    expect(s.items[0]?.cmd.first.negate).toBe(true);
    expect(s.items[0]?.cmd.rest[0]?.p.cmds).toHaveLength(2);
  });

  it('records line numbers', () => {
    const s = parseScript('a\n\nb\nc');
    expect(s.items.map((i) => i.cmd.first.line)).toEqual([1, 3, 4]);
  });
});

describe('parser: simple commands', () => {
  it('separates assignments, words and redirections', () => {
    const c = simple('A=1 B+=2 cmd x 2>err <in >>out 3>&1');
    expect(c.assigns.map((a) => [a.name, a.append])).toEqual([
      ['A', false],
      ['B', true],
    ]);
    expect(c.words.map(lit)).toEqual(['cmd', 'x']);
    expect(c.redirs.map((r) => [r.fd, r.op, lit(r.target)])).toEqual([
      [2, '>', 'err'],
      [null, '<', 'in'],
      [null, '>>', 'out'],
      [3, '>&', '1'],
    ]);
  });

  it('reads array assignments with keys', () => {
    const c = simple('a=(x "y z" [5]=w)');
    const arr = c.assigns[0]?.array ?? [];
    expect(arr.map((e) => [e.key === null ? null : lit(e.key), lit(e.value)])).toEqual([
      [null, 'x'],
      [null, 'y z'],
      ['5', 'w'],
    ]);
  });

  it('keeps name=value arguments of declaration builtins as assignments', () => {
    const c = simple('local a=1 b');
    expect(c.words[1]?.assign?.name).toBe('a');
    expect(c.words[2]?.assign).toBeUndefined();
  });

  it('treats an assignment after the command name as a word', () => {
    const c = simple('echo a=1');
    expect(c.assigns).toHaveLength(0);
    expect(c.words.map(lit)).toEqual(['echo', 'a=1']);
  });
});

describe('parser: compound commands', () => {
  it('parses if/elif/else', () => {
    const b = compound('if a; then b; elif c; then d; else e; fi');
    expect(b.k).toBe('if');
    if (b.k !== 'if') return;
    expect(b.clauses).toHaveLength(2);
    expect(b.elseBody?.items).toHaveLength(1);
  });

  it('parses loops of every form', () => {
    expect(compound('for i in a b; do x; done')).toMatchObject({ k: 'for', name: 'i' });
    expect(compound('for i; do x; done')).toMatchObject({ k: 'for', words: null });
    expect(compound('for ((i=0; i<3; i++)); do x; done')).toMatchObject({ k: 'cfor' });
    expect(compound('while a; do b; done')).toMatchObject({ k: 'while', until: false });
    expect(compound('until a; do b; done')).toMatchObject({ k: 'while', until: true });
  });

  it('parses case arms with all terminators', () => {
    const b = compound('case $x in a|b) one;; (c) two;& d) three;;& *) four;; esac');
    if (b.k !== 'case') throw new Error(b.k);
    expect(b.arms.map((a) => [a.patterns.length, a.term])).toEqual([
      [2, ';;'],
      [1, ';&'],
      [1, ';;&'],
      [1, ';;'],
    ]);
  });

  it('parses functions in both syntaxes with redirections on the body', () => {
    const f = first('f() { echo; } > out');
    expect(f).toMatchObject({ k: 'function', name: 'f' });
    if (f.k === 'function') expect(f.body.redirs).toHaveLength(1);
    expect(first('function g { :; }')).toMatchObject({ k: 'function', name: 'g' });
  });

  it('tells (( )) arithmetic from nested subshells', () => {
    expect(compound('((1 + 2))')).toMatchObject({ k: 'arith' });
    expect(compound('( (echo) )')).toMatchObject({ k: 'subshell' });
  });

  it('parses [[ ]] with precedence and regex words', () => {
    const b = compound('[[ -f x && ( a == b* || ! c ) && $v =~ ^(a|b)$ ]]');
    if (b.k !== 'cond') throw new Error(b.k);
    expect(b.expr.k).toBe('and');
    const json = JSON.stringify(b.expr);
    expect(json).toContain('"op":"=~"');
    expect(json).toContain('^(a|b)');
  });
});

describe('parser: errors', () => {
  it('reports the unexpected token and keeps earlier lines', () => {
    const p = parseProgram('echo ok\necho a; fi');
    expect(p.script.items).toHaveLength(1);
    expect(p.error?.message).toBe("syntax error near unexpected token `fi'");
    expect(p.error?.line).toBe(2);
  });

  it('marks unterminated input as incomplete', () => {
    for (const src of ['echo "abc', 'if true; then', "echo 'x", 'echo $(ls', 'case x in']) {
      const p = parseProgram(src);
      expect(p.error?.incomplete, src).toBe(true);
    }
  });
});
