// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell source, where ${…} is parameter expansion
import { describe, expect, it } from 'vitest';
import type { ParamPart, Word, WordPart } from '../ast/types.js';
import { parseScript } from './parser.js';

function words(src: string): Word[] {
  const c = parseScript(src).items[0]?.cmd.first.cmds[0];
  if (c?.k !== 'simple') throw new Error('not simple');
  return c.words;
}

function parts(src: string): WordPart[] {
  return words(`echo ${src}`)[1]?.parts ?? [];
}

function param(src: string): ParamPart {
  const p = parts(src)[0];
  if (p?.k !== 'param') throw new Error(`not a param: ${JSON.stringify(p)}`);
  return p;
}

describe('parser: quoting', () => {
  it('keeps quoted text apart from unquoted text', () => {
    expect(parts(`a'b c'"d $x"\\e`)).toEqual([
      { k: 'lit', v: 'a' },
      { k: 'sq', v: 'b c' },
      { k: 'dq', parts: [{ k: 'sq', v: 'd ' }, { k: 'param', name: 'x', index: null, indirect: false, p: { op: 'plain' } }] },
      { k: 'sq', v: 'e' },
    ]);
  });

  it('decodes $ quoted strings', () => {
    expect(parts(`$'a\\tb\\x41\\n'`)).toEqual([{ k: 'sq', v: 'a\tbA\n' }]);
  });

  it('joins backslash-newline continuations', () => {
    expect(words('echo a\\\nb').map((w) => w.parts)).toEqual([[{ k: 'lit', v: 'echo' }], [{ k: 'lit', v: 'ab' }]]);
  });
});

describe('parser: parameter expansion forms', () => {
  it.each([
    ['${x:-d}', { op: 'default', colon: true }],
    ['${x=d}', { op: 'assign', colon: false }],
    ['${x:?m}', { op: 'error', colon: true }],
    ['${x:+a}', { op: 'alt', colon: true }],
    ['${#x}', { op: 'length' }],
    ['${x%%p}', { op: 'trim', suffix: true, longest: true }],
    ['${x#p}', { op: 'trim', suffix: false, longest: false }],
    ['${x//a/b}', { op: 'replace', mode: '/' }],
    ['${x/#a/b}', { op: 'replace', mode: '#' }],
    ['${x^^}', { op: 'case', upper: true, all: true }],
    ['${x,}', { op: 'case', upper: false, all: false }],
    ['${x:1:2}', { op: 'substr' }],
    ['${x@Q}', { op: 'transform', t: 'Q' }],
  ])('%s', (src, op) => {
    expect(param(src).p).toMatchObject(op);
  });

  it('reads indirection, array subscripts and key lists', () => {
    expect(param('${!ref}')).toMatchObject({ name: 'ref', indirect: true });
    expect(param('${a[1]}').index?.parts).toEqual([{ k: 'lit', v: '1' }]);
    expect(param('${!a[@]}').p).toEqual({ op: 'keys', at: true });
    expect(param('${!pre*}').p).toEqual({ op: 'prefix', at: false });
    expect(param('${#a[@]}')).toMatchObject({ name: 'a', p: { op: 'length' } });
  });

  it('defers a bad substitution to expansion time, as bash does', () => {
    expect(param('${x!}').p).toEqual({ op: 'bad', text: '${x!}' });
  });
});

describe('parser: substitutions, tilde and braces', () => {
  it('parses command substitution bodies as scripts', () => {
    const p = parts('$(echo a | tr a b)')[0];
    expect(p?.k).toBe('cmd');
    if (p?.k === 'cmd') expect(p.body.items[0]?.cmd.first.cmds).toHaveLength(2);
    const b = parts('`echo \\`inner\\``')[0];
    expect(b).toMatchObject({ k: 'cmd', backtick: true });
  });

  it('parses arithmetic expansion with inner expansions', () => {
    const p = parts('$((x + $y * 2))')[0];
    expect(p?.k).toBe('arith');
    if (p?.k === 'arith') expect(p.expr.parts.map((q) => q.k)).toEqual(['lit', 'param', 'lit']);
  });

  it('parses brace alternatives and sequences, leaving other braces literal', () => {
    expect(parts('a{b,c}d').map((p) => p.k)).toEqual(['lit', 'brace', 'lit']);
    expect(parts('{1..9..2}')).toEqual([{ k: 'seq', from: '1', to: '9', step: 2 }]);
    expect(parts('{a}')).toEqual([{ k: 'lit', v: '{a}' }]);
    expect(parts('{}')).toEqual([{ k: 'lit', v: '{}' }]);
  });

  it('reads tilde at the start of a word and after : in assignments', () => {
    expect(parts('~/x')[0]).toEqual({ k: 'tilde', user: '' });
    expect(parts('a~')[0]).toEqual({ k: 'lit', v: 'a~' });
    const c = parseScript('P=~/a:~root/b').items[0]?.cmd.first.cmds[0];
    if (c?.k !== 'simple') throw new Error('not simple');
    expect(c.assigns[0]?.value?.parts.filter((p) => p.k === 'tilde')).toHaveLength(2);
  });
});

describe('parser: here-documents', () => {
  it('reads bodies after the line, expanding unless the delimiter is quoted', () => {
    const s = parseScript("cat <<A <<'B'\nx $y\nA\nz $w\nB\necho next");
    expect(s.items).toHaveLength(2);
    const c = s.items[0]?.cmd.first.cmds[0];
    if (c?.k !== 'simple') throw new Error('not simple');
    expect(c.redirs[0]?.target.parts.map((p) => p.k)).toEqual(['lit', 'param', 'lit']);
    expect(c.redirs[1]).toMatchObject({ quoted: true, target: { parts: [{ k: 'sq', v: 'z $w\n' }] } });
  });

  it('strips leading tabs with <<-', () => {
    const c = parseScript('cat <<-E\n\t\tin\n\tE\n').items[0]?.cmd.first.cmds[0];
    if (c?.k !== 'simple') throw new Error('not simple');
    expect(c.redirs[0]?.target.parts).toEqual([{ k: 'lit', v: 'in\n' }]);
  });
});
