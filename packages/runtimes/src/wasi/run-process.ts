/**
 * Runs one WASI process in the current thread: instantiate the compiled module with the shims, call
 * `_start`, and make sure the kernel learns how it ended (exit status or trap) before returning.
 */
import { H } from '@burrow/protocol';
import { ChannelClient } from './channel-client.js';
import { GuestMemory } from './guest-memory.js';
import { wasiImports } from './imports.js';
import { exitProcess, reportTrap } from './proc.js';
import { ProcessExit, ShimContext } from './shim-context.js';
import './families.js';

/** What a worker is given to run (the kernel's LaunchSpec, as received through postMessage). */
export interface RunSpec {
  kind: 'wasm' | 'shell' | 'python';
  pid: number;
  module?: WebAssembly.Module;
  importsMemory: boolean;
  maxPages: number;
  channels: SharedArrayBuffer[];
  doorbell: SharedArrayBuffer;
  argv: string[];
  env: string[];
  shell?: { session: string; cwd: string; state?: unknown };
  /** Python processes: cwd, memory cap, SIGINT buffer, and the template image if the launcher has one. */
  python?: {
    cwd: string;
    memoryBytesMax: number;
    interrupt: SharedArrayBuffer;
    template?: Uint8Array | SharedArrayBuffer;
    context?: boolean;
  };
}

const encoder = new TextEncoder();

function isTrap(e: unknown): e is Error {
  return e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
}

export function runProcess(spec: RunSpec): void {
  const mem = new GuestMemory();
  const ctx = new ShimContext(
    mem,
    new ChannelClient(spec.channels[0] as SharedArrayBuffer, spec.doorbell),
    spec.argv.map((s) => encoder.encode(s)),
    spec.env.map((s) => encoder.encode(s)),
  );
  let instance: WebAssembly.Instance;
  try {
    if (spec.module === undefined) throw new Error('no module to run');
    if (spec.importsMemory) throw new Error('modules that import their memory are not supported');
    instance = new WebAssembly.Instance(spec.module, { wasi_snapshot_preview1: wasiImports(ctx) });
  } catch (e) {
    reportTrap(ctx, `cannot instantiate: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const memory = instance.exports.memory;
  const start = instance.exports._start;
  if (!(memory instanceof WebAssembly.Memory) || typeof start !== 'function') {
    reportTrap(ctx, 'not a WASI command: it must export `memory` and `_start`');
    return;
  }
  mem.attach(memory);
  Atomics.store(ctx.views.header, H.STARTED, 1);
  try {
    start();
    exitProcess(ctx, 0);
  } catch (e) {
    if (e instanceof ProcessExit) return;
    if (isTrap(e)) {
      reportTrap(ctx, e.message);
      return;
    }
    throw e;
  }
}

