// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell source, where ${…} is parameter expansion
import { describe, expect, it } from 'vitest';
import { run } from './testing/run-shell.js';

async function out(cmd: string, files: Record<string, string> = {}): Promise<string> {
  const r = await run(cmd, files);
  return r.stdout;
}

describe('expansion: splitting and quoting', () => {
  it('splits unquoted expansions on IFS and keeps quoted ones whole', async () => {
    expect(await out('x="a  b"; printf "[%s]" $x "$x"')).toBe('[a][b][a  b]');
    expect(await out('IFS=:; x=a::b; printf "[%s]" $x')).toBe('[a][][b]');
    expect(await out('IFS=; x="a b"; printf "[%s]" $x')).toBe('[a b]');
  });

  it('expands "$@" to separate words and "$*" to one', async () => {
    expect(await out('set -- "a b" c; printf "[%s]" "$@"; printf "(%s)" "$*"')).toBe('[a b][c](a b c)');
    expect(await out('set --; printf "[%s]" "$@" x')).toBe('[x]');
    expect(await out('set -- a b; printf "[%s]" "x$@y"')).toBe('[xa][by]');
  });

  it('keeps empty quoted words and drops empty unquoted ones', async () => {
    expect(await out('e=; printf "[%s]" "" $e "$e" x')).toBe('[][][x]');
  });
});

describe('expansion: parameters', () => {
  it('applies defaults, assignment and alternatives', async () => {
    expect(await out('echo ${u:-d} ${u-e}; e=; echo "${e:-f}" "${e-g}"; echo ${v:=h} $v; echo ${v:+i}')).toBe('d e\nf \nh h\ni\n');
  });

  it('trims, replaces and changes case with patterns', async () => {
    expect(await out('f=a/b/c.tar.gz; echo ${f##*/} ${f%%.*} ${f#*/} ${f%.*}')).toBe('c.tar.gz a/b/c b/c.tar.gz a/b/c.tar\n');
    expect(await out('s=abcabc; echo ${s/b/X} ${s//b/X} ${s/#a/X} ${s/%c/X} ${s//[ac]/-}')).toBe('aXcabc aXcaXc Xbcabc abcabX -b--b-\n');
    expect(await out('s=hello; echo ${s^} ${s^^} ${s~~} ${s^^[lo]}')).toBe('Hello HELLO HELLO heLLO\n');
    expect(await out('p="*"; s="a*b"; echo ${s/"$p"/x} ${s/$p/x}')).toBe('axb x\n');
  });

  it('takes substrings, lengths and indirection', async () => {
    expect(await out('s=abcdef; echo ${s:2} ${s:1:3} ${s: -2} ${s:0:-1} ${#s}')).toBe('cdef bcd ef abcde 6\n');
    expect(await out('a=b; b=c; echo ${!a}; set -- x y z; echo ${@:2} ${#}')).toBe('c\ny z 3\n');
  });

  it('expands arrays and associative arrays', async () => {
    expect(await out('a=(x "y z"); a+=(w); printf "[%s]" "${a[@]}"; echo " ${#a[@]} ${!a[@]} ${a[-1]}"')).toBe('[x][y z][w] 3 0 1 2 w\n');
    expect(await out('declare -A m=([k]=v [j]=u); echo ${m[k]} ${#m[@]}; unset "m[k]"; echo ${#m[@]}')).toBe('v 2\n1\n');
  });

  it('fails on unset variables under set -u and on ${x:?}', async () => {
    const r = await run('set -u; echo $nope; echo after');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('bash: line 1: nope: unbound variable\n');
    expect(r.exitCode).toBe(127);
    const q = await run('echo ${x:?custom}');
    expect(q.stderr).toContain('x: custom');
  });
});

describe('expansion: substitutions, arithmetic, tilde, braces, globs', () => {
  it('strips trailing newlines from command substitution and sets $?', async () => {
    expect(await out('x=$(printf "a\\n\\n"); echo "[$x]"; y=$(exit 3); echo $?')).toBe('[a]\n3\n');
    expect(await out('echo $(echo $(echo deep)) `echo tick`')).toBe('deep tick\n');
  });

  it('does not leak substitution side effects', async () => {
    expect(await out('x=1; y=$(x=2; echo $x); echo $x $y')).toBe('1 2\n');
  });

  it('evaluates arithmetic with assignment operators and ternaries', async () => {
    expect(await out('x=5; echo $((x += 2)) $((x > 6 ? 1 : 0)) $((x++)) $x $((2**8)) $((7 & 3 | 8))')).toBe('7 1 7 8 256 11\n');
  });

  it('expands tilde and braces', async () => {
    expect(await out('echo ~ ~/x a{1,2}b {3..1} {a..c} {01..03}')).toBe('/root /root/x a1b a2b 3 2 1 a b c 01 02 03\n');
  });

  it('globs sorted matches, keeps unmatched patterns, honours shopt', async () => {
    const files = { '/w/b.txt': '', '/w/a.txt': '', '/w/.h.txt': '', '/w/d/c.txt': '' };
    expect(await out('cd /w; echo *.txt; echo "*.txt"; echo no*', files)).toBe('a.txt b.txt\n*.txt\nno*\n');
    expect(await out('cd /w; shopt -s dotglob; echo *.txt', files)).toBe('.h.txt a.txt b.txt\n');
    expect(await out('cd /w; shopt -s nullglob; echo no* end', files)).toBe('end\n');
    expect(await out('cd /w; shopt -s globstar; echo **/*.txt', files)).toBe('a.txt b.txt d/c.txt\n');
    expect(await out('cd /w; echo [ab].txt ?/*', files)).toBe('a.txt b.txt d/c.txt\n');
  });
});
