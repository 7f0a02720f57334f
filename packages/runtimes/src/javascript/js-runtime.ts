/**
 * A JavaScript interpreter wired to one process: the engine, the host bridge (the journal point), module
 * resolution and loading, the prelude, and the event loop the host drives. Used by `node` runs and by
 * code-interpreter contexts alike.
 */
import { HostBridge } from './host-bridge.js';
import { JsSys } from './js-sys.js';
import { type GuestError, JsEngine } from './engine.js';
import { PRELUDE_PARTS } from './guest/prelude.js';
import { dirname, ModuleResolver } from './module-resolver.js';
import { looksLikeEsm } from './transpile.js';

export interface JsRuntimeOptions {
  channel: SharedArrayBuffer;
  doorbell: SharedArrayBuffer;
  pid: number;
  heapBytesMax: number;
  /** Resume this heap image instead of booting a fresh interpreter. */
  image?: Uint8Array;
}

export interface ProcessInfo {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  pid: number;
  ppid: number;
}

/** The exit status the guest asked for with process.exit, carried out of the interpreter. */
export const EXIT_STOP = 'exit';

export class JsRuntime {
  exitCode: number | null = null;
  private builtinNames: Set<string> | null = null;

  private constructor(
    readonly engine: JsEngine,
    readonly bridge: HostBridge,
    readonly resolver: ModuleResolver,
    readonly sys: JsSys,
  ) {}

  static async create(opts: JsRuntimeOptions): Promise<JsRuntime> {
    const sys = new JsSys(opts.channel, opts.doorbell);
    let rt: JsRuntime | null = null;
    const self = (): JsRuntime => {
      if (rt === null) throw new Error('runtime used before it was built');
      return rt;
    };
    const resolver = new ModuleResolver(sys, (n) => self().isBuiltin(n));
    const bridge = new HostBridge(sys, resolver, {
      pid: opts.pid,
      memoryBytes: () => self().engine.memory.buffer.byteLength,
      memoryLimitBytes: opts.heapBytesMax,
      onExit: (code) => {
        self().exitCode = code;
        self().engine.stopReason = EXIT_STOP;
      },
    });
    const image = opts.image;
    const engine = await JsEngine.create({
      heapBytesMax: opts.heapBytesMax,
      ...(image === undefined ? {} : { image }),
      host: (op, json, bytes) => {
        const reply = bridge.handle(op, JSON.parse(json) as unknown[], bytes);
        return reply instanceof Uint8Array ? reply : JSON.stringify(reply);
      },
      modules: {
        normalize: (base, spec) => self().normalize(base, spec),
        load: (name) => self().loadModule(name),
      },
    });
    sys.memoryPages = () => engine.pages;
    rt = new JsRuntime(engine, bridge, resolver, sys);
    if (opts.image === undefined) {
      for (const [name, source] of PRELUDE_PARTS) engine.eval(source, name, 'global').dispose();
    }
    return rt;
  }

  isBuiltin(name: string): boolean {
    if (this.builtinNames === null) this.builtinNames = new Set(this.engine.callBurrow('builtinNames') as string[]);
    return this.builtinNames.has(name.startsWith('node:') ? name.slice(5) : name);
  }

  /** Per-run process facts (argv, env, cwd); also reseeds Math.random. */
  setup(info: ProcessInfo): void {
    this.exitCode = null;
    this.engine.stopReason = null;
    this.engine.callBurrow('setup', info);
  }

  private normalize(base: string, spec: string): string {
    const fromDir = base.startsWith('/') ? dirname(base) : (this.engine.callBurrow('cwd') as string);
    const r = this.resolver.resolve(spec, fromDir, 'import');
    if (r.builtin !== undefined) return `node:${r.builtin}`;
    if (r.path === undefined) throw new Error(`Cannot find module '${spec}'`);
    return r.path;
  }

  /** The ES module format of a file: Node's rule, and ES syntax in a file Node would call CommonJS. */
  esmFormat(path: string): 'esm' | 'cjs' | 'json' {
    const f = this.resolver.formatOf(path);
    if (f !== 'cjs' || path.endsWith('.cjs') || path.endsWith('.cts')) return f;
    return looksLikeEsm(this.bridge.source(path, 'esm')) ? 'esm' : 'cjs';
  }

  private loadModule(name: string): string {
    if (name.startsWith('node:')) {
      const b = name.slice(5);
      const names = this.engine.callBurrow('builtinExportNames', b) as string[];
      return exportsOf(`globalThis.__burrow.builtin(${JSON.stringify(b)})`, names);
    }
    const format = this.esmFormat(name);
    if (format === 'esm') return this.bridge.source(name, 'esm');
    const names = this.engine.callBurrow('cjsExportNames', name, format) as string[];
    return exportsOf(`globalThis.__burrow.loadCjs(${JSON.stringify(name)}, ${JSON.stringify(format)})`, names);
  }

  /**
   * Runs the event loop until nothing keeps it alive: promise jobs, then one timer, immediate batch or stdin
   * chunk at a time. 'beforeExit' may add work. Guest errors propagate as GuestError.
   */
  runLoop(): void {
    for (;;) {
      this.engine.runJobs();
      if (this.engine.callBurrow('loopStep') === true) continue;
      this.engine.callBurrow('beforeExit');
      this.engine.runJobs();
      if (this.engine.callBurrow('loopStep') !== true) return;
    }
  }

  /** Reports a guest error the way Node does for an uncaught exception; returns the exit code. */
  fail(e: GuestError, heapBytesMax: number): number {
    if (e.stopReason === EXIT_STOP) return this.exitCode ?? 0;
    if (e.outOfMemory) {
      this.writeStderr(`node: JavaScript heap limit (${heapBytesMax} bytes) exceeded\n`);
      return 137;
    }
    if (e.stopReason !== null) {
      this.writeStderr(`node: stopped: ${e.stopReason}\n`);
      return 137;
    }
    this.writeStderr(e.report());
    return 1;
  }

  writeStderr(text: string): void {
    try {
      this.sys.write(2, new TextEncoder().encode(text));
    } catch {
      // stderr is gone; the exit status still tells
    }
  }
}

function exportsOf(expr: string, names: string[]): string {
  const named = names.length > 0 ? `export const { ${names.join(', ')} } = m;\n` : '';
  return `const m = ${expr};\nexport default m;\n${named}`;
}
