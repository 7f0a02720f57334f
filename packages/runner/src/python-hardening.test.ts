/**
 * One test per known way out of Pyodide to the host, each showing it fails inside a Burrow Python process.
 * Every probe prints BLOCKED when the way is closed and ESCAPED when it reached the host.
 */
import { describe, expect, it } from 'vitest';
import type { LocalKernel } from './local-host.js';
import { run } from './testing/programs.js';
import { usePythonKernel } from './testing/python-kernel.js';

const ENV = { PATH: '/usr/bin:/bin' };

describe('python hardening', () => {
  let k: LocalKernel;
  usePythonKernel((kernel) => {
    k = kernel;
  });

  async function probe(code: string): Promise<string> {
    const r = await run(k, ['python3', '-c', code], { env: ENV });
    return r.stdout + r.stderr;
  }

  it('has no js module', async () => {
    const out = await probe('try:\n    import js\n    print("ESCAPED", js)\nexcept ImportError:\n    print("BLOCKED")');
    expect(out).toBe('BLOCKED\n');
  });

  it('has no pyodide_js module (and so no FS.mount of NODEFS through it)', async () => {
    const out = await probe(
      'try:\n    import pyodide_js\n    pyodide_js.FS.mount(pyodide_js.FS.filesystems.NODEFS, {"root": "/"}, "/mnt")\n    print("ESCAPED")\nexcept ImportError:\n    print("BLOCKED")',
    );
    expect(out).toBe('BLOCKED\n');
  });

  it('cannot reach Function through a proxied JS object', async () => {
    const out = await probe(
      [
        'from pyodide.ffi import to_js',
        'f = to_js([1]).constructor',
        'try:',
        '    g = f.constructor("return globalThis.process")',
        '    print("ESCAPED", g())',
        'except Exception as e:',
        '    print("BLOCKED", type(e).__name__)',
      ].join('\n'),
    );
    expect(out).toMatch(/^BLOCKED /);
  });

  it('cannot reach Function or AsyncFunction through any JS object the interpreter holds', async () => {
    const out = await probe(
      [
        'import gc',
        'from pyodide.ffi import JsProxy, to_js',
        'objs = [o for o in gc.get_objects() if isinstance(o, JsProxy)] + [to_js({}), to_js(lambda: 1)]',
        'hits = 0',
        'for o in objs:',
        '    for path in ("constructor", "constructor.constructor"):',
        '        try:',
        '            c = o',
        '            for part in path.split("."): c = getattr(c, part)',
        '            r = c("return typeof process")()',
        '            if r == "object": hits += 1',
        '        except Exception:',
        '            pass',
        'print("ESCAPED" if hits else "BLOCKED", len(objs) > 0)',
      ].join('\n'),
    );
    expect(out).toBe('BLOCKED True\n');
  });

  it('cannot run JavaScript source through pyodide.code.run_js', async () => {
    const out = await probe(
      'import pyodide.code\ntry:\n    print("ESCAPED", pyodide.code.run_js("typeof process"))\nexcept Exception as e:\n    print("BLOCKED", type(e).__name__)',
    );
    expect(out).toMatch(/^BLOCKED /);
  });

  it('cannot open sockets (Emscripten socket emulation is closed)', async () => {
    const out = await probe(
      'import socket\ntry:\n    s = socket.create_connection(("127.0.0.1", 80), timeout=1)\n    print("ESCAPED")\nexcept OSError as e:\n    print("BLOCKED", type(e).__name__)',
    );
    expect(out).toMatch(/^BLOCKED /);
  });

  it('sees the sandbox filesystem, not the host one', async () => {
    await k.fs.writeFile('/etc/hostname', 'sandbox\n');
    const out = await probe(
      [
        'import os',
        'host = any(os.path.exists(p) for p in ("/work", "/usr/lib/node_modules", "/etc/passwd", "/proc/self/environ"))',
        'print("ESCAPED" if host else "BLOCKED", open("/etc/hostname").read().strip())',
      ].join('\n'),
    );
    expect(out).toBe('BLOCKED sandbox\n');
  });

  it('reaches only its own fds through the sys device', async () => {
    const out = await probe(
      [
        'import _burrow_sys, errno',
        'try:',
        '    _burrow_sys.call("spawn", ["python3", "-c", "1"], "/", {}, [0, 1, 77])',
        '    print("ESCAPED")',
        'except OSError as e:',
        '    print("BLOCKED", errno.errorcode.get(e.errno))',
      ].join('\n'),
    );
    expect(out).toBe('BLOCKED EBADF\n');
  });
});
