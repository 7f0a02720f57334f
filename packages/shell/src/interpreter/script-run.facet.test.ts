// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell source, where ${…} is parameter expansion
/**
 * Shell scripts as programs: `./script.sh`, `bash file`, `bash -c`, `… | bash`, shebang dispatch, and the
 * fresh process state a script gets (exported variables only, its own $0, options and traps).
 */
import { describe, expect, it } from 'vitest';
import { exec, makeShell } from './testing/run-shell.js';

async function inW(cmd: string, files: Record<string, string> = {}) {
  const { shell } = makeShell({ files: { '/w/.keep': '', ...files }, cwd: '/w' });
  return exec(shell, cmd);
}

describe('running shell scripts', () => {
  it('runs an executable script with its arguments and $0', async () => {
    const r = await inW('chmod +x s.sh; ./s.sh a "b c"; echo "rc=$?"', { '/w/s.sh': '#!/bin/bash\necho "$0 $# $2"\nexit 3\n' });
    expect(r).toEqual({ stdout: './s.sh 2 b c\nrc=3\n', stderr: '', exitCode: 0 });
  });

  it('refuses a script without the execute bit and a directory with 126', async () => {
    const r = await inW('./s.sh; echo $?; mkdir d; ./d; echo $?', { '/w/s.sh': 'echo no\n' });
    expect(r.stdout).toBe('126\n126\n');
    expect(r.stderr).toBe('bash: line 1: ./s.sh: Permission denied\nbash: line 1: ./d: Is a directory\n');
  });

  it('gives the script only exported variables, not functions, and keeps the caller state', async () => {
    const r = await inW('x=1; export y=2; f() { :; }; bash s.sh; echo "v=$v"', {
      '/w/s.sh': 'echo "x=${x:-} y=$y"; type f >/dev/null 2>&1 || echo nof; v=set; cd /\n',
    });
    expect(r.stdout).toBe('x= y=2\nnof\nv=\n');
  });

  it('prefixes errors with the script name and reports syntax errors as bash does', async () => {
    const r = await inW('bash s.sh; echo "rc=$?"', { '/w/s.sh': 'echo start\nnosuch\nif true; then\n' });
    expect(r.stdout).toBe('start\nrc=2\n');
    expect(r.stderr).toBe('s.sh: line 2: nosuch: command not found\ns.sh: line 4: syntax error: unexpected end of file\n');
  });

  it('supports bash -c with $0 and arguments, options, and a script on stdin', async () => {
    expect((await inW("bash -c 'echo \"$0:$1\"' me one")).stdout).toBe('me:one\n');
    expect((await inW("bash -e -c 'false; echo no'; echo $?")).stdout).toBe('1\n');
    expect((await inW("echo 'echo piped $((1+2))' | bash")).stdout).toBe('piped 3\n');
  });

  it('runs the EXIT trap of the script when it ends, and errexit inside it', async () => {
    const r = await inW('bash s.sh; echo "rc=$?"', { '/w/s.sh': 'set -e\ntrap "echo bye" EXIT\nfalse\necho no\n' });
    expect(r.stdout).toBe('bye\nrc=1\n');
  });
});
