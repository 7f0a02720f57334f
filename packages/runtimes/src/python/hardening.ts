/**
 * Removes every bridge from guest Python to the host before guest code runs. The realm's string-compiling
 * constructors (Function, AsyncFunction, GeneratorFunction, AsyncGeneratorFunction) are cut off, so a proxied
 * JS object reached from Python (`to_js(x).constructor.constructor`) leads nowhere; the `js` and `pyodide_js`
 * modules are unregistered and dropped from sys.modules; Emscripten's host filesystems (NODEFS and friends)
 * are removed and its socket emulation refuses every socket. The runner's process flags
 * (--disallow-code-generation-from-strings, the permission model, an empty network namespace) stay the
 * outer walls; this is the inner one, and holds without them.
 */
import type { PyodideAPI } from 'pyodide';
import type { EmFS } from './emscripten-fs.js';

const EACCES = 2;
let realmHardened = false;

function blockedConstructor(): never {
  throw new TypeError('code generation is disabled in this sandbox');
}

/** Cuts the realm's string-compiling constructors off every function's prototype chain (once per thread). */
export function hardenRealm(): void {
  if (realmHardened) return;
  realmHardened = true;
  const samples = [function () {}, async () => {}, function* () {}, async function* () {}];
  for (const f of samples) {
    Object.defineProperty(Object.getPrototypeOf(f), 'constructor', {
      value: blockedConstructor,
      writable: false,
      configurable: false,
    });
  }
  Object.defineProperty(globalThis, 'eval', { value: blockedConstructor, writable: false, configurable: false });
}

export interface PyodideModule {
  FS: EmFS;
  SOCKFS?: { createSocket: (...args: unknown[]) => unknown };
  memory?: WebAssembly.Memory;
}

export function moduleOf(py: PyodideAPI): PyodideModule {
  return (py as unknown as { _module: PyodideModule })._module;
}

const HOST_FILESYSTEMS = ['NODEFS', 'IDBFS', 'WORKERFS', 'PROXYFS', 'NATIVEFS_ASYNC'];

/** Closes the interpreter's own bridges; call after set-up and before any guest code. */
export function hardenInterpreter(py: PyodideAPI): void {
  hardenRealm();
  const m = moduleOf(py);
  for (const name of HOST_FILESYSTEMS) delete m.FS.filesystems[name];
  if (m.SOCKFS !== undefined) {
    const FS = m.FS;
    m.SOCKFS.createSocket = () => {
      throw new FS.ErrnoError(EACCES);
    };
  }
  py.unregisterJsModule('js');
  py.unregisterJsModule('pyodide_js');
  py.runPython(
    "import sys\nfor _k in [k for k in sys.modules if k == 'js' or k.startswith('pyodide_js')]:\n    del sys.modules[_k]\ndel _k",
  );
}
