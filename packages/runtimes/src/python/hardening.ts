/**
 * Removes every bridge from guest Python to the host before guest code runs. The realm's string-compiling
 * constructors (Function, AsyncFunction, GeneratorFunction, AsyncGeneratorFunction) are cut off, so a proxied
 * JS object reached from Python (`to_js(x).constructor.constructor`) leads nowhere; `pyodide_js` is
 * unregistered, `js` names an empty prototype-less object, and both are dropped from sys.modules and
 * refused by an import hook; Emscripten's host filesystems (NODEFS and friends)
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
  const samples = [() => {}, async () => {}, function* () {}, async function* () {}];
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

const BLOCK_IMPORTS = `
import sys
class _BurrowBlockedModules:
    def find_spec(self, name, path=None, target=None):
        if name == 'js' or name == 'pyodide_js' or name.startswith(('js.', 'pyodide_js.')):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, _BurrowBlockedModules())
for _k in [k for k in sys.modules if k == 'js' or k == 'pyodide_js' or k.startswith(('js.', 'pyodide_js.'))]:
    del sys.modules[_k]
del _BurrowBlockedModules
`;

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
  // `js` stays registered (unregistering it makes the heap impossible to image) but cannot be imported, and
  // what it would name is an empty object without a prototype (see interpreter.ts).
  try {
    py.unregisterJsModule('pyodide_js');
  } catch {
    // An image of a hardened interpreter has it unregistered already.
  }
  py.runPython(BLOCK_IMPORTS);
}
