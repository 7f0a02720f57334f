/**
 * One QuickJS-ng interpreter with Burrow's set-up: its own WebAssembly.Memory (so the heap can be imaged),
 * a memory limit, a bounded stack, an interrupt handler, the ES module hooks and exactly one host function,
 * `__burrow_host`, registered first and alone. Restoring an image repeats this set-up in the same order and
 * then overwrites memory, so every pointer the wrapper objects hold matches the image.
 * Invariant: between calls no QuickJS handle stays alive on the host side except the context's own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ngVariant from '@jitl/quickjs-ng-wasmfile-release-sync';
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSSyncVariant,
} from 'quickjs-emscripten-core';
import { JS_LIMITS } from './js-limits.js';

export type HostCall = (op: string, json: string, bytes: Uint8Array | null) => string | Uint8Array;

export interface ModuleHooks {
  /** Resolves `spec` imported from module `base` to a module name (an absolute path or `node:x`). */
  normalize(base: string, spec: string): string;
  /** The ES module source for a normalized name. */
  load(name: string): string;
}

export interface EngineOptions {
  heapBytesMax: number;
  host: HostCall;
  modules: ModuleHooks;
  /** A heap image from `image()`; the engine then resumes that interpreter instead of a fresh one. */
  image?: Uint8Array;
}

const PAGE = 65536;
/** The ESM entry's default export is the variant; the package's CommonJS typings describe it as a namespace. */
const base = ngVariant as unknown as QuickJSSyncVariant;
let compiled: WebAssembly.Module | null = null;

/** The interpreter's wasm, compiled once per worker thread. */
function wasmModule(): WebAssembly.Module {
  if (compiled === null) {
    const path = createRequire(import.meta.url).resolve('@jitl/quickjs-ng-wasmfile-release-sync/wasm');
    compiled = new WebAssembly.Module(readFileSync(path));
  }
  return compiled;
}

export class JsEngine {
  /** Set to stop the guest at its next interrupt check (exit, limits, cancellation). */
  stopReason: string | null = null;

  private constructor(
    readonly rt: QuickJSRuntime,
    readonly ctx: QuickJSContext,
    readonly memory: WebAssembly.Memory,
  ) {}

  static async create(opts: EngineOptions): Promise<JsEngine> {
    const pages = opts.image === undefined ? JS_LIMITS.initialPages : Math.ceil(opts.image.length / PAGE);
    const maxPages = Math.max(pages, Math.ceil((opts.heapBytesMax + 64 * 1024 * 1024) / PAGE));
    const memory = new WebAssembly.Memory({ initial: pages, maximum: Math.min(maxPages, 65536) });
    const variant = newVariant(base, { wasmMemory: memory, wasmModule: wasmModule() });
    const mod = await newQuickJSWASMModuleFromVariant(variant);
    const rt = mod.newRuntime();
    const ctx = rt.newContext();
    const engine = new JsEngine(rt, ctx, memory);
    rt.setMemoryLimit(opts.heapBytesMax);
    rt.setMaxStackSize(JS_LIMITS.stackBytesMax);
    rt.setInterruptHandler(() => engine.stopReason !== null);
    rt.setModuleLoader(
      (name) => {
        try {
          return opts.modules.load(name);
        } catch (e) {
          return { error: e instanceof Error ? e : new Error(String(e)) };
        }
      },
      (baseName, spec) => {
        try {
          return opts.modules.normalize(baseName, spec);
        } catch (e) {
          return { error: e instanceof Error ? e : new Error(String(e)) };
        }
      },
    );
    const fn = ctx.newFunction('__burrow_host', (opH, jsonH, bytesH) => engine.hostCall(opts.host, opH, jsonH, bytesH));
    ctx.setProp(ctx.global, '__burrow_host', fn);
    fn.dispose();
    if (opts.image !== undefined) new Uint8Array(memory.buffer).set(opts.image);
    return engine;
  }

  private hostCall(
    host: HostCall,
    opH: QuickJSHandle | undefined,
    jsonH: QuickJSHandle | undefined,
    bytesH: QuickJSHandle | undefined,
  ): QuickJSHandle {
    const ctx = this.ctx;
    const op = opH === undefined ? '' : ctx.getString(opH);
    const json = jsonH === undefined ? '[]' : ctx.getString(jsonH);
    if (op === 'compile') return this.compile(json);
    let bytes: Uint8Array | null = null;
    if (bytesH !== undefined && ctx.typeof(bytesH) === 'object') {
      const lt = ctx.getArrayBuffer(bytesH);
      bytes = lt.value.slice();
      lt.dispose();
    }
    const reply = host(op, json, bytes);
    return typeof reply === 'string' ? ctx.newString(reply) : ctx.newArrayBuffer(reply.slice().buffer);
  }

  /** Compiles a CommonJS module body into a function, with the file's name in its stack traces. */
  private compile(json: string): QuickJSHandle {
    const [code, filename] = JSON.parse(json) as [string, string];
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${code.replace(/^#!.*/, '')}\n})`;
    const r = this.ctx.evalCode(wrapped, filename);
    if (r.error !== undefined) throw r.error;
    return r.value;
  }

  /** Wasm pages the interpreter's memory has now. */
  get pages(): number {
    return this.memory.buffer.byteLength / PAGE;
  }

  /** A copy of the interpreter's whole state; valid only while no guest code runs. */
  image(): Uint8Array {
    return new Uint8Array(this.memory.buffer).slice();
  }

  /** Evaluates source, returning the result handle or throwing the guest's error as a GuestError. */
  eval(code: string, filename: string, type: 'global' | 'module'): QuickJSHandle {
    const r = this.ctx.evalCode(code, filename, { type });
    if (r.error !== undefined) throw this.guestError(r.error);
    return r.value;
  }

  /** Calls a function on `globalThis.__burrow` with JSON-able arguments; returns its value dumped to JSON. */
  callBurrow(name: string, ...args: unknown[]): unknown {
    const ctx = this.ctx;
    const b = ctx.getProp(ctx.global, '__burrow');
    const f = ctx.getProp(b, name);
    const handles = args.map((a) => this.toHandle(a));
    try {
      const r = ctx.callFunction(f, b, ...handles);
      if (r.error !== undefined) throw this.guestError(r.error);
      const v: unknown = ctx.dump(r.value);
      r.value.dispose();
      return v;
    } finally {
      for (const h of handles) h.dispose();
      f.dispose();
      b.dispose();
    }
  }

  private toHandle(v: unknown): QuickJSHandle {
    const r = this.ctx.evalCode(`(${JSON.stringify(v) ?? 'undefined'})`);
    if (r.error !== undefined) throw this.guestError(r.error);
    return r.value;
  }

  /** Runs queued promise jobs; a job's uncaught error is thrown as a GuestError. */
  runJobs(): void {
    for (;;) {
      const r = this.rt.executePendingJobs(JS_LIMITS.jobsPerStep);
      if (r.error !== undefined) throw this.guestError(r.error);
      if (r.value === 0 || !this.rt.hasPendingJob()) return;
    }
  }

  /** Turns an error handle into a GuestError (and disposes the handle). */
  guestError(h: QuickJSHandle): GuestError {
    const ctx = this.ctx;
    let name = 'Error';
    let message = '';
    let stack = '';
    let isError = false;
    if (ctx.typeof(h) === 'object') {
      const read = (k: string): string => {
        const p = ctx.getProp(h, k);
        const s = ctx.typeof(p) === 'string' ? ctx.getString(p) : '';
        p.dispose();
        return s;
      };
      name = read('name') || 'Error';
      message = read('message');
      stack = read('stack');
      const e = ctx.getProp(ctx.global, 'Error');
      const inst = ctx.evalCode('(v) => v instanceof Error');
      isError = inst.error === undefined && ctx.dump(ctx.unwrapResult(ctx.callFunction(inst.value, ctx.undefined, h))) === true;
      if (inst.error !== undefined) inst.error.dispose();
      else inst.value.dispose();
      e.dispose();
    }
    let thrown = '';
    if (!isError) {
      const s = ctx.evalCode('(v) => { try { return globalThis.__burrow.builtin("util").inspect(v); } catch (e) { return String(v); } }');
      if (s.error === undefined) {
        const r = ctx.callFunction(s.value, ctx.undefined, h);
        thrown = r.error === undefined ? String(ctx.dump(r.value)) : 'a value';
        (r.error ?? r.value).dispose();
        s.value.dispose();
      } else s.error.dispose();
    }
    h.dispose();
    return new GuestError(name, message, stack, isError ? null : thrown, this.stopReason);
  }

  dispose(): void {
    try {
      this.ctx.dispose();
      this.rt.dispose();
    } catch {
      // A leaked handle makes QuickJS assert on free; the memory goes with this engine either way.
    }
  }
}

/** An uncaught guest exception, as plain data. `stopReason` is set when the host stopped the guest. */
export class GuestError extends Error {
  constructor(
    readonly guestName: string,
    readonly guestMessage: string,
    readonly guestStack: string,
    /** util.inspect of a thrown non-Error value, else null. */
    readonly thrownValue: string | null,
    readonly stopReason: string | null,
  ) {
    super(`${guestName}: ${guestMessage}`);
    this.name = 'GuestError';
  }

  /** What Node prints for an uncaught exception. */
  report(): string {
    if (this.thrownValue !== null) return `Uncaught ${this.thrownValue}\n`;
    const head = this.guestMessage === '' ? this.guestName : `${this.guestName}: ${this.guestMessage}`;
    return `${head}\n${this.guestStack.replace(/\n$/, '')}\n`.replace(/\n\n$/, '\n');
  }

  /** QuickJS reports an exhausted heap as an InternalError whose message says so. */
  get outOfMemory(): boolean {
    return this.guestName === 'InternalError' && this.guestMessage === 'out of memory';
  }
}
