// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell source, where ${…} is parameter expansion
/**
 * Namerefs (`declare -n`, `local -n`): reads and writes of the reference reach the variable it names; the
 * reference survives snapshots as plain data (a variable with the nameref attribute and the target's name).
 */
import { describe, expect, it } from 'vitest';
import { Shell } from './shell.js';
import { builtins } from '../builtins/index.js';
import { exec, makeShell, run } from './testing/run-shell.js';

describe('namerefs', () => {
  it('reads and writes scalars, arrays and maps through the reference', async () => {
    expect((await run('f() { local -n r=$1; r=changed; }; v=orig; f v; echo $v')).stdout).toBe('changed\n');
    expect((await run('add() { local -n a=$1; a+=("$2"); }; l=(x); add l y; echo "${l[@]}"')).stdout).toBe('x y\n');
    expect((await run('set_k() { local -n m=$1; m[k]=v; }; declare -A c; set_k c; echo "${c[k]}"')).stdout).toBe('v\n');
    expect((await run('declare -n r=t; t=hi; echo "$r ${#r}"; declare -p r')).stdout).toBe('hi 2\ndeclare -n r="t"\n');
  });

  it('unsets the target, or the reference itself with unset -n, and rejects bad names', async () => {
    expect((await run('x=1; declare -n y=x; unset y; echo "${x:-gone}"')).stdout).toBe('gone\n');
    expect((await run('x=1; declare -n y=x; unset -n y; echo "$x ${y:-noref}"')).stdout).toBe('1 noref\n');
    const bad = await run('declare -n r=1x; echo $?');
    expect(bad.stderr).toBe("bash: line 1: declare: `1x': invalid variable name for name reference\n");
  });

  it('survives a snapshot', async () => {
    const { shell, sys } = makeShell();
    await exec(shell, 'declare -n r=t; t=1');
    const copy = Shell.fromSnapshot(JSON.parse(JSON.stringify(shell.snapshot())), { sys, builtins });
    expect((await exec(copy, 'r=2; echo $t')).stdout).toBe('2\n');
  });
});
