/**
 * Python modules that Burrow installs into the interpreter's own tree (/lib/burrow, never the sandbox's):
 * `_burrow_sys` (sys calls over the /dev/burrow device: bytes in, bytes out, no JavaScript object ever
 * reaches Python), `_burrow_subprocess` (subprocess.Popen and os.system over the kernel) and `_burrow_main`
 * (runs a program as CPython's command line does and returns its exit status), `_burrow_context` (runs
 * code-interpreter cells: the last expression's value comes back as MIME bundles).
 */

export const BURROW_PY_DIR = '/lib/burrow';

const SYS = String.raw`
import json as _json, os as _os

def call(method, *args):
    fd = _os.open('/dev/burrow', _os.O_RDWR)
    try:
        _os.write(fd, _json.dumps([method, *args]).encode())
        chunks = []
        while True:
            b = _os.read(fd, 1 << 20)
            if not b:
                break
            chunks.append(b)
    finally:
        _os.close(fd)
    r = _json.loads(b''.join(chunks))
    if 'errno' in r:
        raise OSError(r['errno'], _os.strerror(r['errno']))
    return r.get('ok')

def sleep(seconds):
    import time as _t
    if seconds < 0:
        raise ValueError('sleep length must be non-negative')
    call('sleep', float(seconds))
`;

const SUBPROCESS = String.raw`
import io, os, subprocess, threading
import _burrow_sys as _sys

PIPE, STDOUT, DEVNULL = subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL

def _argv(args, shell, executable):
    if shell:
        cmd = args if isinstance(args, (str, bytes)) else ' '.join(map(str, args))
        if isinstance(cmd, bytes):
            cmd = cmd.decode()
        return [executable or 'sh', '-c', cmd]
    if isinstance(args, (str, bytes, os.PathLike)):
        args = [args]
    out = [os.fsdecode(a) for a in args]
    if executable:
        out[0] = os.fsdecode(executable)
    return out

class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.text_mode = bool(text or universal_newlines or encoding or errors)
        self.encoding, self.errors = encoding, errors
        argv = _argv(args, shell, executable)
        close_after = []
        def _in(spec):
            if spec is None: return 0
            if spec == PIPE:
                r, w = _sys.call('pipe'); close_after.append(r); return ('pipe', r, w)
            if spec == DEVNULL: return 'null'
            return spec if isinstance(spec, int) else spec.fileno()
        def _out(spec, default):
            if spec is None: return default
            if spec == PIPE:
                r, w = _sys.call('pipe'); close_after.append(w); return ('pipe', r, w)
            if spec == DEVNULL: return 'null'
            return spec if isinstance(spec, int) else spec.fileno()
        i = _in(stdin)
        o = _out(stdout, 1)
        if stderr == STDOUT:
            e = o
        else:
            e = _out(stderr, 2)
        for f in (1, 2):
            try:
                [None, __import__('sys').stdout, __import__('sys').stderr][f].flush()
            except Exception:
                pass
        def fd_of(x):
            if x == 'null': return None
            if isinstance(x, tuple): return x[1] if x is i else x[2]
            return x
        envd = dict(os.environ if env is None else env)
        try:
            self.pid = _sys.call('spawn', argv, os.fsdecode(cwd) if cwd is not None else os.getcwd(),
                                 {os.fsdecode(k): os.fsdecode(v) for k, v in envd.items()},
                                 [fd_of(i), fd_of(o), fd_of(e)])
        finally:
            for fd in close_after:
                os.close(fd)
        def wrap(fd, mode):
            f = os.fdopen(fd, mode + 'b', buffering=0 if mode == 'w' else -1)
            if self.text_mode:
                f = io.TextIOWrapper(f if mode == 'r' else io.BufferedWriter(f), encoding=encoding or 'utf-8', errors=errors or 'strict', write_through=True)
            return f
        if isinstance(i, tuple): self.stdin = wrap(i[2], 'w')
        if isinstance(o, tuple): self.stdout = wrap(o[1], 'r')
        if isinstance(e, tuple) and e is not o: self.stderr = wrap(e[1], 'r')

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for f in (self.stdout, self.stderr):
            if f: f.close()
        try:
            if self.stdin: self.stdin.close()
        finally:
            self.wait()

    def poll(self):
        if self.returncode is None:
            r = _sys.call('poll', self.pid)
            if r is not None:
                self._set(r)
        return self.returncode

    def _set(self, r):
        sig = r.get('signal')
        nums = {'SIGHUP': 1, 'SIGINT': 2, 'SIGKILL': 9, 'SIGTERM': 15}
        self.returncode = -nums[sig] if sig in nums else r['exitCode']

    def wait(self, timeout=None):
        if self.returncode is None:
            if timeout is None:
                self._set(_sys.call('wait', self.pid))
            else:
                import time
                end = time.monotonic() + timeout
                while self.poll() is None:
                    if time.monotonic() >= end:
                        raise subprocess.TimeoutExpired(self.args, timeout)
                    _sys.sleep(0.005)
        return self.returncode

    def communicate(self, input=None, timeout=None):
        out = err = None
        results = {}
        def drain(name, f):
            results[name] = f.read()
            f.close()
        threads = []
        if self.stdin:
            try:
                if input:
                    self.stdin.write(input)
            except BrokenPipeError:
                pass
            self.stdin.close()
        if self.stdout and self.stderr:
            # One thread per stream is not available: read stderr after stdout (pipes of 64 KiB apiece).
            drain('out', self.stdout); drain('err', self.stderr)
        elif self.stdout:
            drain('out', self.stdout)
        elif self.stderr:
            drain('err', self.stderr)
        self.wait(timeout)
        return results.get('out'), results.get('err')

    def send_signal(self, sig):
        names = {1: 'SIGHUP', 2: 'SIGINT', 9: 'SIGKILL', 15: 'SIGTERM'}
        if self.returncode is None:
            _sys.call('kill', self.pid, names.get(int(sig), 'SIGTERM'))

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

def system(command):
    try:
        p = Popen(command, shell=True)
    except OSError as e:
        import sys
        print(f'sh: {e.strerror}', file=sys.stderr)
        return 127 << 8
    code = p.wait()
    return (-code) & 0x7f if code < 0 else code << 8

def install():
    subprocess.Popen = Popen
    subprocess._USE_POSIX_SPAWN = False
    os.system = system
`;


const CONTEXT = String.raw`
import ast, base64, json, sys, traceback, types

_main = types.ModuleType('__main__')
_main.__dict__['__builtins__'] = __builtins__
_ns = _main.__dict__

def _bundle(v):
    b = {'text/plain': repr(v)}
    try:
        b['application/json'] = json.loads(json.dumps(v, allow_nan=False))
    except (TypeError, ValueError, RecursionError):
        pass
    if not isinstance(v, type):
        for meth, mime in (('_repr_html_', 'text/html'), ('_repr_svg_', 'image/svg+xml'),
                           ('_repr_png_', 'image/png'), ('_repr_markdown_', 'text/markdown')):
            f = getattr(v, meth, None)
            if not callable(f):
                continue
            try:
                r = f()
            except Exception:
                continue
            if r is None:
                continue
            if isinstance(r, (bytes, bytearray)):
                r = base64.b64encode(bytes(r)).decode()
            b[mime] = r
    return b

def _flush():
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except Exception:
            pass

def run(code):
    sys.modules['__main__'] = _main
    results = []
    try:
        tree = ast.parse(code, '<cell>', 'exec')
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = ast.Expression(tree.body.pop().value)
        exec(compile(tree, '<cell>', 'exec'), _ns)
        if last is not None:
            v = eval(compile(last, '<cell>', 'eval'), _ns)
            if v is not None:
                _ns['_'] = v
                results.append(_bundle(v))
        _flush()
        return json.dumps({'results': results})
    except BaseException as e:
        _flush()
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename.startswith('/lib/burrow/'):
            tb = tb.tb_next
        text = ''.join(traceback.format_exception(type(e), e, tb))
        return json.dumps({'results': results, 'error': {'name': type(e).__name__, 'value': str(e), 'traceback': text}})
`;

const MAIN = String.raw`
import os, sys, traceback, types

_BURROW_FILES = ('/lib/burrow/',)

def _print_exc(e):
    tb = e.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename.startswith(_BURROW_FILES):
        tb = tb.tb_next
    try:
        sys.stderr.flush()
    except Exception:
        pass
    traceback.print_exception(type(e), e, tb, file=sys.stderr)

def _exit_status(e):
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xff
    try:
        print(code, file=sys.stderr)
    except Exception:
        pass
    return 1

def _flush():
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except Exception:
            pass

def _usage(msg):
    print(msg, file=sys.stderr)
    return 2

def main(argv, env, cwd, stdin_program):
    os.environ.clear()
    os.environ.update(env)
    try:
        os.chdir(cwd)
    except OSError:
        pass
    args = list(argv[1:])
    unbuffered = False
    mode = None
    payload = None
    while args:
        a = args[0]
        if a == '-u':
            unbuffered = True; args.pop(0)
        elif a in ('-c', '-m'):
            if len(args) < 2:
                return _usage(f'Argument expected for the {a} option')
            mode, payload = a, args[1]; args = args[2:]; break
        elif a.startswith('-c') and len(a) > 2:
            mode, payload = '-c', a[2:]; args = args[1:]; break
        elif a.startswith('-m') and len(a) > 2:
            mode, payload = '-m', a[2:]; args = args[1:]; break
        elif a in ('-V', '--version'):
            print('Python ' + sys.version.split()[0]); return 0
        elif a in ('-B', '-E', '-s', '-S', '-I', '-q'):
            args.pop(0)
        elif a == '-':
            args.pop(0); mode = '-'; break
        elif a.startswith('-') and a != '-':
            return _usage(f'Unknown option: {a}')
        else:
            mode, payload = 'file', a; args = args[1:]; break
    if unbuffered or os.environ.get('PYTHONUNBUFFERED'):
        sys.stdout.reconfigure(line_buffering=True, write_through=True)
        sys.stderr.reconfigure(line_buffering=True, write_through=True)
    main_mod = types.ModuleType('__main__')
    main_mod.__dict__['__builtins__'] = __builtins__
    sys.modules['__main__'] = main_mod
    status = 0
    try:
        if mode == '-c':
            sys.argv = ['-c', *args]
            sys.path[0:0] = ['']
            exec(compile(payload, '<string>', 'exec'), main_mod.__dict__)
        elif mode == '-m':
            import runpy
            sys.argv = [payload, *args]
            sys.path[0:0] = [os.getcwd()]
            runpy.run_module(payload, run_name='__main__', alter_sys=True)
        elif mode == 'file':
            if not os.path.exists(payload):
                print(f"python3: can't open file {os.path.abspath(payload)!r}: [Errno 2] No such file or directory", file=sys.stderr)
                return 2
            import runpy
            sys.argv = [payload, *args]
            sys.path[0:0] = [os.path.dirname(os.path.abspath(payload))]
            runpy.run_path(payload, run_name='__main__')
        else:
            sys.argv = ['-' if mode == '-' else '', *args]
            sys.path[0:0] = ['']
            source = sys.stdin.read() if stdin_program or mode == '-' else ''
            main_mod.__dict__['__file__'] = '<stdin>'
            exec(compile(source, '<stdin>', 'exec'), main_mod.__dict__)
    except SystemExit as e:
        status = _exit_status(e)
    except KeyboardInterrupt as e:
        _print_exc(e)
        status = 130
    except BaseException as e:
        if isinstance(e, ImportError) and mode == '-m' and getattr(e, 'name', None) == payload:
            print(f'python3: No module named {payload}', file=sys.stderr)
            status = 1
        else:
            _print_exc(e)
            status = 1
    try:
        import threading
        threading._shutdown()
    except BaseException:
        pass
    _flush()
    return status
`;

/** The modules, by file name, in BURROW_PY_DIR. */
export const PYTHON_SOURCES: Readonly<Record<string, string>> = Object.freeze({
  '_burrow_sys.py': SYS,
  '_burrow_subprocess.py': SUBPROCESS,
  '_burrow_main.py': MAIN,
  '_burrow_context.py': CONTEXT,
});
