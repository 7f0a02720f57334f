/**
 * Interpreter programs: a sandbox's /usr/bin/python3 is a marker file, not a binary; a spawn whose program
 * resolves to a marker starts that interpreter's worker instead of a wasm module. Markers are plain files
 * (a shell `cat` shows them, a `cp` copies them and the copy runs too).
 */

import { SH_MARKER } from './shell-command.js';

export const PYTHON_MARKER = '#!burrow:python\n';
export const NODE_MARKER = '#!burrow:node\n';
/** The start of a shell builtin's marker file in /usr/bin (`#!burrow:builtin ls`): it runs through a shell. */
export const BUILTIN_MARKER_PREFIX = '#!burrow:builtin ';

/** Marker files every new sandbox has. */
export const INTERPRETER_MARKERS: ReadonlyArray<readonly [string, string]> = [
  ['/usr/bin/python3', PYTHON_MARKER],
  ['/usr/bin/python', PYTHON_MARKER],
  ['/usr/bin/node', NODE_MARKER],
  ['/bin/sh', SH_MARKER],
  ['/bin/bash', SH_MARKER],
];

const MARKERS: ReadonlyArray<readonly [Uint8Array, 'python' | 'node' | 'sh' | 'builtin']> = [
  [new TextEncoder().encode(BUILTIN_MARKER_PREFIX), 'builtin'],
  [new TextEncoder().encode(PYTHON_MARKER.trimEnd()), 'python'],
  [new TextEncoder().encode(NODE_MARKER.trimEnd()), 'node'],
  [new TextEncoder().encode(SH_MARKER.trimEnd()), 'sh'],
];

/** The interpreter a program file names, or null for anything else (a wasm module, say). */
export function interpreterOf(bytes: Uint8Array): 'python' | 'node' | 'sh' | 'builtin' | null {
  if (bytes.length > 64) return null;
  for (const [marker, kind] of MARKERS) {
    if (bytes.length >= marker.length && marker.every((b, i) => bytes[i] === b)) return kind;
  }
  return null;
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
