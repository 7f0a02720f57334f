import { describe, expect, it } from 'vitest';
import { exec, makeShell, run } from './testing/run-shell.js';

describe('redirections', () => {
  it('writes, appends, reads and duplicates descriptors', async () => {
    const { shell, sys } = makeShell();
    const r = await exec(shell, 'echo a > /o; echo b >> /o; cat < /o; { echo out; echo err >&2; } > /both 2>&1; cat /both');
    expect(r.stdout).toBe('a\nb\nout\nerr\n');
    expect(new TextDecoder().decode(await sys.readFile('/o'))).toBe('a\nb\n');
  });

  it('orders 2>&1 >file as bash does', async () => {
    const r = await run('{ echo out; echo err >&2; } 2>&1 >/dev/null');
    expect(r.stdout).toBe('err\n');
    expect(r.stderr).toBe('');
  });

  it('handles &> and &>>, noclobber and >|', async () => {
    const r = await run('{ echo 1; echo 2 >&2; } &> /f; { echo 3 >&2; } &>> /f; cat /f; set -C; echo x > /f; echo $?; echo y >| /f; cat /f');
    expect(r.stdout).toBe('1\n2\n3\n1\ny\n');
    expect(r.stderr).toBe('bash: line 1: /f: cannot overwrite existing file\n');
  });

  it('feeds here-documents and here-strings', async () => {
    const r = await run('x=v; cat <<E; cat <<"Q"; cat <<< "s $x"\na $x\nE\nb $x\nQ');
    expect(r.stdout).toBe('a v\nb $x\ns v\n');
  });

  it('keeps exec redirections for the rest of the script', async () => {
    const { shell, sys } = makeShell();
    const r = await exec(shell, 'exec 3>/log; echo one >&3; exec 3>&-; echo two >&3; exec >/all; echo hidden');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('bash: line 1: 3: Bad file descriptor\n');
    expect(new TextDecoder().decode(await sys.readFile('/log'))).toBe('one\n');
    expect(new TextDecoder().decode(await sys.readFile('/all'))).toBe('hidden\n');
  });

  it('redirects compound commands and loops as a whole', async () => {
    const r = await run('for i in 1 2; do echo $i; done > /l; while read n; do echo "n$n"; done < /l');
    expect(r.stdout).toBe('n1\nn2\n');
  });

  it('reports a missing file and skips the command', async () => {
    const r = await run('cat < /missing; echo $?; echo x > /nodir/f; echo $?');
    expect(r.stdout).toBe('1\n1\n');
    expect(r.stderr).toBe('bash: line 1: /missing: No such file or directory\nbash: line 1: /nodir/f: No such file or directory\n');
  });

  it('reads a file with $(< file) and discards /dev/null', async () => {
    const r = await run('x=$(< /in); echo "[$x]"; echo gone > /dev/null; cat /dev/null', { '/in': 'text\n\n' });
    expect(r.stdout).toBe('[text]\n');
  });
});
