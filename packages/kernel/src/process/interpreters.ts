/**
 * Interpreter programs: a sandbox's /usr/bin/python3 is a marker file, not a binary; a spawn whose program
 * resolves to a marker starts that interpreter's worker instead of a wasm module. Markers are plain files
 * (a shell `cat` shows them, a `cp` copies them and the copy runs too).
 */

export const PYTHON_MARKER = '#!burrow:python\n';

/** Marker files every new sandbox has. */
export const INTERPRETER_MARKERS: ReadonlyArray<readonly [string, string]> = [
  ['/usr/bin/python3', PYTHON_MARKER],
  ['/usr/bin/python', PYTHON_MARKER],
];

const PYTHON_BYTES = new TextEncoder().encode(PYTHON_MARKER.trimEnd());

/** The interpreter a program file names, or null for anything else (a wasm module, say). */
export function interpreterOf(bytes: Uint8Array): 'python' | null {
  if (bytes.length < PYTHON_BYTES.length || bytes.length > 64) return null;
  for (let i = 0; i < PYTHON_BYTES.length; i++) if (bytes[i] !== PYTHON_BYTES[i]) return null;
  return 'python';
}

/** What a Python worker is told at launch (the launcher may add `template`). */
export interface PythonLaunch {
  cwd: string;
  memoryBytesMax: number;
  /** One Int32 word: the kernel stores 2 (SIGINT) there and Python raises KeyboardInterrupt. */
  interrupt: SharedArrayBuffer;
  /** The template image of an initialised interpreter, when the launcher has one. */
  template?: Uint8Array | SharedArrayBuffer;
  /** A code-interpreter context: the worker serves cells instead of running a program. */
  context?: boolean;
}

export function pythonLaunch(cwd: string, memoryBytesMax: number): PythonLaunch {
  return { cwd, memoryBytesMax, interrupt: new SharedArrayBuffer(4) };
}
