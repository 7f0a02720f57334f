import { describe, expect, it } from 'vitest';
import type { LocalKernel } from './local-host.js';
import { run } from './testing/programs.js';
import { usePythonKernel } from './testing/python-kernel.js';

const ENV = { PATH: '/usr/bin:/bin' };

describe('python subprocess and files through the kernel', () => {
  let k: LocalKernel;
  usePythonKernel((kernel) => {
    k = kernel;
  });

  it('runs a child Python with subprocess.run and captures its output and status', async () => {
    const r = await run(
      k,
      [
        'python3',
        '-c',
        [
          'import subprocess, sys',
          'r = subprocess.run([sys.executable, "-c", "import sys; print(input()[::-1]); sys.exit(4)"], input=b"abc\\n", capture_output=True)',
          'print(r.returncode, r.stdout)',
          'print(subprocess.check_output(["python3", "-c", "print(6*7)"], text=True).strip())',
          'try:',
          '    subprocess.check_call(["python3", "-c", "raise SystemExit(3)"])',
          'except subprocess.CalledProcessError as e:',
          '    print("failed", e.returncode)',
        ].join('\n'),
      ],
      { env: ENV },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("4 b'cba\\n'\n42\nfailed 3\n");
  });

  it('lets a child inherit stdout and see the same files', async () => {
    const r = await run(
      k,
      [
        'python3',
        '-c',
        [
          'import subprocess, sys',
          'open("/tmp/shared.txt", "w").write("from parent")',
          'sys.stdout.flush()',
          'p = subprocess.Popen(["python3", "-c", "print(open(\'/tmp/shared.txt\').read())"])',
          'print("waited", p.wait())',
        ].join('\n'),
      ],
      { env: ENV },
    );
    expect(r.stdout).toBe('from parent\nwaited 0\n');
  });

  it('shares files with the shell both ways, at once', async () => {
    await k.exec('mkdir -p /work && echo "from shell" > /work/a.txt');
    const r = await run(
      k,
      [
        'python3',
        '-c',
        [
          'import os, shutil',
          'print(open("/work/a.txt").read().strip())',
          'os.makedirs("/work/d/e", exist_ok=True)',
          'with open("/work/d/e/b.txt", "w") as f: f.write("from python\\n")',
          'os.rename("/work/d/e/b.txt", "/work/d/c.txt")',
          'print(sorted(os.listdir("/work/d")), os.path.getsize("/work/d/c.txt"))',
        ].join('\n'),
      ],
      { env: ENV },
    );
    expect(r.stdout).toBe("from shell\n['c.txt', 'e'] 12\n");
    const sh = await k.exec('cat /work/d/c.txt; ls /work/d/e | wc -l');
    expect(sh.stdout.split('\n').map((l) => l.trim())).toEqual(['from python', '0', '']);
  });

  it('runs shell command lines through the kernel: os.system and shell=True', async () => {
    const r = await run(
      k,
      [
        'python3',
        '-c',
        [
          'import os, subprocess, sys',
          'sys.stdout.flush()',
          'print(os.system("echo from-system; exit 3") >> 8, flush=True)',
          'r = subprocess.run("echo $((6 * 7)) | cat; ls /usr/bin | grep -c python", shell=True, capture_output=True, text=True)',
          'print(r.returncode, repr(r.stdout))',
          'print(subprocess.getoutput("python3 -c \'print(7)\'"))',
        ].join('\n'),
      ],
      { env: ENV },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("from-system\n3\n0 '42\\n2\\n'\n7\n");
  });

  it('sleeps without spinning the CPU', async () => {
    const r = await run(k, ['python3', '-c', 'import time; t = time.time(); time.sleep(0.4); print(round(time.time() - t, 1))'], {
      env: ENV,
    });
    expect(r.stdout).toBe('0.4\n');
    // The kernel charges CPU between syscalls only: a sleep parked in the kernel costs none.
    const proc = k.kernel.processes().find((p) => p.argv.join(' ').includes('time.sleep(0.4)'));
    expect(proc?.info().cpuMs).toBeLessThan(200);
  });
});
