// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell source, where ${…} is parameter expansion
import { describe, expect, it } from 'vitest';
import { run } from './testing/run-shell.js';

async function out(cmd: string): Promise<string> {
  return (await run(cmd)).stdout;
}

describe('control flow', () => {
  it('runs if/elif/else on statuses', async () => {
    expect(await out('if false; then echo 1; elif true; then echo 2; else echo 3; fi')).toBe('2\n');
    expect(await out('if false; then echo 1; fi; echo $?')).toBe('0\n');
  });

  it('loops with break and continue, including N levels', async () => {
    expect(await out('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done')).toBe('1\n3\n');
    expect(await out('for a in x y; do for b in 1 2; do [ $b = 2 ] && continue 2; echo $a$b; done; done')).toBe('x1\ny1\n');
    expect(await out('for a in x y; do while :; do echo $a; break 2; done; done')).toBe('x\n');
    expect(await out('n=0; until [ $n = 3 ]; do n=$((n+1)); done; echo $n')).toBe('3\n');
    expect(await out('for ((i=0; i<3; i++)); do echo -n $i; done')).toBe('012');
  });

  it('matches case patterns with fallthrough terminators', async () => {
    expect(await out('case ab in a*) echo 1;& x) echo 2;; *) echo 3;; esac')).toBe('1\n2\n');
    expect(await out('case ab in a*) echo 1;;& *b) echo 2;;& z) echo 3;; esac')).toBe('1\n2\n');
    expect(await out('v="a*"; case abc in "$v") echo q;; $v) echo u;; esac')).toBe('u\n');
  });

  it('calls functions with positional parameters, locals and return', async () => {
    expect(await out('f() { local x=$1; g; return 3; }; g() { echo "g:$x:$#"; }; x=top; f in; echo $? $x')).toBe('g:in:0\n3 top\n');
    expect(await out('f() { echo ${FUNCNAME[0]} $#; }; f a b')).toBe('f 2\n');
    expect(await out('r() { [ $1 = 0 ] && return; echo $1; r $(($1-1)); }; r 3')).toBe('3\n2\n1\n');
  });

  it('keeps subshell changes inside the subshell', async () => {
    expect(await out('x=1; (x=2; cd /tmp 2>/dev/null; exit 4); echo $? $x $PWD')).toBe('4 1 /\n');
    expect(await out('x=1; { x=2; }; echo $x')).toBe('2\n');
  });

  it('follows errexit with bash exemptions', async () => {
    expect(await out('set -e; false || echo a; if false; then :; fi; ! true; false && true; echo alive; false; echo dead')).toBe('a\nalive\n');
    const r = await run('set -e; f() { false; echo no; }; f; echo no2');
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(1);
  });

  it('reports pipefail and PIPESTATUS', async () => {
    expect(await out('(exit 2) | (exit 3) | true; echo $? ${PIPESTATUS[@]}; set -o pipefail; (exit 2) | true; echo $?')).toBe('0 2 3 0\n2\n');
  });

  it('runs ERR and EXIT traps', async () => {
    expect(await out('trap "echo err" ERR; false; true; echo done')).toBe('err\ndone\n');
    expect(await out('(trap "echo bye" EXIT; echo in); echo out')).toBe('in\nbye\nout\n');
  });

  it('evaluates eval, source and exec', async () => {
    const r = await run('eval "x=1; echo \\$x"; . /lib.sh a; echo $y; exec echo replaced; echo never', { '/lib.sh': 'y="lib $1"\n' });
    expect(r.stdout).toBe('1\nlib a\nreplaced\n');
  });

  it('parses options with getopts', async () => {
    expect(await out('while getopts "ab:" o -a -b v -ab w; do echo "$o ${OPTARG-}"; done; echo $OPTIND')).toBe('a \nb v\na \nb w\n6\n');
  });

  it('reads input with read and its options', async () => {
    const r = await run('read a b; read -r c; read -n 2 d; read -d , e; echo "$a|$b|$c|$d|$e"', {}, 'x y z\nback\\slash\nqrst,u');
    expect(r.stdout).toBe('x|y z|back\\slash|qr|st\n');
  });

  it('evaluates test and [[ ]] operators', async () => {
    const files = { '/f': 'data', '/e': '' };
    const r = await run('[ -f /f -a -s /f ] && [ ! -s /e ] && [[ -e /f && abc == a* && abc =~ ^a(b)c$ ]] && echo ${BASH_REMATCH[1]}; [[ 10 -lt 9 ]] || echo num', files);
    expect(r.stdout).toBe('b\nnum\n');
  });
});
