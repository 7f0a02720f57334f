// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell source, where ${…} is parameter expansion
/**
 * Process substitution: `<(cmd)` and `>(cmd)` expand to temporary files under /tmp that builtins, redirections
 * and functions can read or write; the files are gone once the command that used them has ended.
 */
import { describe, expect, it } from 'vitest';
import { exec, makeShell, run } from './testing/run-shell.js';

const files = { '/w/a.txt': 'cherry\napple\nbanana\n', '/w/b.txt': 'banana\napple\n' };

async function inW(cmd: string) {
  const { shell, sys } = makeShell({ files, cwd: '/w' });
  return { r: await exec(shell, cmd), sys };
}

describe('process substitution', () => {
  it('feeds diff, comm, join and paste from <(…)', async () => {
    expect((await inW('diff <(sort a.txt) <(sort b.txt)')).r).toEqual({ stdout: '3d2\n< cherry\n', stderr: '', exitCode: 1 });
    expect((await inW('comm -12 <(sort a.txt) <(sort b.txt)')).r.stdout).toBe('apple\nbanana\n');
    expect((await inW("join <(printf '1 a\\n2 b\\n') <(printf '1 x\\n2 y\\n')")).r.stdout).toBe('1 a x\n2 b y\n');
    expect((await inW('paste -d: <(seq 2) <(seq 3 4)')).r.stdout).toBe('1:3\n2:4\n');
  });

  it('works as a redirection target of a loop and of mapfile', async () => {
    const { r } = await inW('n=0; while read -r l; do n=$((n+1)); echo "$n:$l"; done < <(sort a.txt); echo total $n');
    expect(r.stdout).toBe('1:apple\n2:banana\n3:cherry\ntotal 3\n');
    expect((await inW('mapfile -t xs < <(sort b.txt); echo "${#xs[@]} ${xs[0]}"')).r.stdout).toBe('2 apple\n');
  });

  it('runs >(…) on what the command wrote, after it', async () => {
    const { r, sys } = await inW('echo hello | tee >(tr a-z A-Z > up.txt) >/dev/null; cat up.txt');
    expect(r.stdout).toBe('HELLO\n');
    expect(new TextDecoder().decode(await sys.readFile('/w/up.txt'))).toBe('HELLO\n');
  });

  it('removes its temporary files when the command ends', async () => {
    const { r, sys } = await inW('cat <(echo one) <(echo two); ls -A /tmp | wc -l');
    expect(r.stdout).toBe('one\ntwo\n0\n');
    expect(await sys.readdir('/tmp')).toEqual([]);
  });

  it('passes the stderr and status of the inner command through', async () => {
    const r = await run('cat <(ls /missing); echo "rc=$?"');
    expect(r.stderr).toBe("ls: cannot access '/missing': No such file or directory\n");
    expect(r.stdout).toBe('rc=0\n');
  });

  it('parses `< <(…)` and `<(…)` apart from redirections and prints them back', async () => {
    expect((await run('f() { cat <(echo in-f) > /dev/stdout; }; declare -f f')).stdout).toContain('cat <(echo in-f)');
    expect((await run('cat < <(echo x)')).stdout).toBe('x\n');
  });
});
