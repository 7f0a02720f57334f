/**
 * Loading Pyodide inside a worker: a boot from the package (seconds), or a restore from a template image of
 * an initialised interpreter (a fraction of that). A template is made by `makeTemplate` once per Pyodide
 * build; it holds no JavaScript object, no open file and no mount (an image covers only the wasm heap),
 * so everything per-process is set up after a restore. The memory cap wraps the heap's `grow`: past it a
 * growth fails inside the guest, and Python raises MemoryError.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { moduleOf } from './hardening.js';
import { BURROW_PY_DIR, PYTHON_SOURCES } from './python-sources.js';

const PYODIDE_DIR = `${dirname(fileURLToPath(import.meta.resolve('pyodide')))}/`;
const WASM_PAGE_BYTES = 65536;

/** Modules imported before an image is taken, so a process finds them already loaded. */
const PRELOAD = 'import json, os, runpy, traceback, types, io, subprocess, threading, _burrow_sys, _burrow_subprocess, _burrow_main, _burrow_context, ast, base64';

function quiet(): { stdout: (s: string) => void; stderr: (s: string) => void } {
  return { stdout: () => {}, stderr: () => {} };
}

/** Writes Burrow's Python modules into the interpreter's own tree and puts it on sys.path. */
export function installSources(py: PyodideAPI): void {
  const FS = moduleOf(py).FS;
  try {
    FS.mkdir(BURROW_PY_DIR, 0o755);
  } catch {
    // it exists already (a restored image keeps none of the tree, a reused one does)
  }
  const fs = py.FS as unknown as { writeFile(path: string, data: string): void };
  for (const [name, source] of Object.entries(PYTHON_SOURCES)) fs.writeFile(`${BURROW_PY_DIR}/${name}`, source);
  py.runPython(`import sys\nif ${JSON.stringify(BURROW_PY_DIR)} not in sys.path: sys.path.append(${JSON.stringify(BURROW_PY_DIR)})`);
}

/** Boots Pyodide from its package, or restores it from a template image. */
export async function loadInterpreter(template?: Uint8Array): Promise<PyodideAPI> {
  const py = await loadPyodide({
    indexURL: PYODIDE_DIR,
    jsglobals: Object.create(null) as object,
    env: {},
    _sysExecutable: '/usr/bin/python3',
    // Every interpreter can be imaged later (idle code contexts); restoring with this flag costs nothing more.
    _makeSnapshot: true,
    ...quiet(),
    ...(template === undefined ? {} : { _loadSnapshot: template }),
  });
  installSources(py);
  if (template === undefined) py.runPython(PRELOAD);
  return py;
}

/**
 * Runs the paths a process takes (compile, exec, print, exceptions, tracebacks, environ) once, into a
 * throwaway stream: V8 compiles wasm functions on first call, so a warm interpreter pays that before it is
 * handed a process, not after.
 */
const WARM_UP = `
import io, os, sys, traceback, types, json, base64
_s = io.StringIO()
_m = types.ModuleType('__warm__')
try:
    exec(compile('x = [i * 2 for i in range(50)]\\nprint(sum(x), {"a": 1})\\nraise ValueError(1)', '<warm>', 'exec'), _m.__dict__)
except ValueError as _e:
    traceback.print_exception(type(_e), _e, _e.__traceback__, file=_s)
print(json.dumps(json.loads(base64.b64decode(base64.b64encode(b'[1, "x"]')))), os.environ.get('PATH'), file=_s)
del _s, _m
`;

export function warmUp(py: PyodideAPI): void {
  py.runPython(WARM_UP);
}

/** Boots a fresh interpreter, preloads Burrow's modules and returns its heap image. */
export async function makeTemplate(): Promise<Uint8Array> {
  const py = await loadPyodide({
    indexURL: PYODIDE_DIR,
    jsglobals: Object.create(null) as object,
    env: {},
    _sysExecutable: '/usr/bin/python3',
    _makeSnapshot: true,
    ...quiet(),
  });
  installSources(py);
  py.runPython(PRELOAD);
  return py.makeMemorySnapshot();
}

/** The Pyodide build, so a template image is never restored into another. */
export const PYODIDE_DIR_URL: string = PYODIDE_DIR;

/**
 * Caps the interpreter's linear memory at `bytesMax`: a growth past it fails, which Emscripten reports to
 * malloc as NULL. `onGrow` learns the new size in pages (for the kernel's accounting).
 */
export function capMemory(py: PyodideAPI, bytesMax: number, onGrow: (pages: number) => void): void {
  const memory = moduleOf(py).memory;
  if (memory === undefined) return;
  const grow = memory.grow.bind(memory);
  const pagesMax = Math.floor(bytesMax / WASM_PAGE_BYTES);
  onGrow(memory.buffer.byteLength / WASM_PAGE_BYTES);
  Object.defineProperty(memory, 'grow', {
    value: (delta: number): number => {
      const now = memory.buffer.byteLength / WASM_PAGE_BYTES;
      if (now + delta > pagesMax) throw new RangeError('memory limit');
      const old = grow(delta);
      onGrow(now + delta);
      return old;
    },
    configurable: true,
  });
}
