/**
 * A code-interpreter context for JavaScript and TypeScript: one interpreter whose globals persist across
 * `runCode` calls. A cell runs as a global script (ES import syntax is rewritten to `require`, TypeScript is
 * type-stripped), then the event loop runs until it is empty; a Promise value is awaited. Between cells the
 * context is idle and `image()` captures it; `JsContext.restore` resumes an image in a fresh interpreter.
 */
import { GuestError } from './engine.js';
import { JS_LIMITS } from './js-limits.js';
import { JsRuntime } from './js-runtime.js';
import { looksLikeEsm, stripTypes } from './transpile.js';

export type ContextLanguage = 'javascript' | 'typescript';

export interface CellResult {
  results: Array<Record<string, unknown>>;
  stdout: string;
  stderr: string;
  error?: { name: string; value: string; traceback: string };
}

export interface JsContextOptions {
  channel: SharedArrayBuffer;
  doorbell: SharedArrayBuffer;
  pid: number;
  cwd: string;
  env: Record<string, string>;
  heapBytesMax?: number;
  image?: Uint8Array;
  /** Streams output as the cell runs. */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

const decoder = new TextDecoder();

export class JsContext {
  private constructor(
    private readonly rt: JsRuntime,
    private readonly opts: JsContextOptions,
  ) {}

  static async create(opts: JsContextOptions): Promise<JsContext> {
    const heapBytesMax = opts.heapBytesMax ?? JS_LIMITS.heapBytesMax;
    const rt = await JsRuntime.create({
      channel: opts.channel,
      doorbell: opts.doorbell,
      pid: opts.pid,
      heapBytesMax,
      ...(opts.image === undefined ? {} : { image: opts.image }),
    });
    rt.setup({ argv: ['/usr/bin/node'], env: opts.env, cwd: opts.cwd, pid: opts.pid, ppid: 0 });
    if (opts.image === undefined) rt.engine.callBurrow('exposeRequire', opts.cwd);
    return new JsContext(rt, opts);
  }

  /** Runs one cell; the error of a failing cell is part of the result, not thrown. */
  runCode(code: string, language: ContextLanguage = 'javascript'): CellResult {
    const out = { stdout: '', stderr: '' };
    this.rt.bridge.captureOutput = (fd, bytes) => {
      const text = decoder.decode(bytes);
      const stream = fd === 1 ? 'stdout' : 'stderr';
      out[stream] += text;
      this.opts.onOutput?.(stream, text);
    };
    const engine = this.rt.engine;
    engine.stopReason = null;
    try {
      let source = code;
      if (language === 'typescript') source = stripTypes(code, '/cell.ts', true);
      else if (looksLikeEsm(code)) source = stripTypes(code, '/cell.js', true);
      const value = engine.eval(source, '<cell>', 'global');
      const settle = engine.eval(
        '(v) => { const box = { v }; if (v instanceof Promise) v.then((x) => { box.v = x; }, (e) => { box.e = e; box.failed = true; }); return box; }',
        '<cell>',
        'global',
      );
      const boxR = engine.ctx.callFunction(settle, engine.ctx.undefined, value);
      settle.dispose();
      value.dispose();
      if (boxR.error !== undefined) throw engine.guestError(boxR.error);
      const box = boxR.value;
      try {
        this.rt.runLoop();
        const failed = engine.ctx.getProp(box, 'failed');
        const isFailed = engine.ctx.typeof(failed) === 'boolean';
        failed.dispose();
        if (isFailed) throw engine.guestError(engine.ctx.getProp(box, 'e'));
        const v = engine.ctx.getProp(box, 'v');
        const bundle = engine.ctx.getProp(engine.ctx.global, '__burrow');
        const fn = engine.ctx.getProp(bundle, 'mimeBundle');
        const r = engine.ctx.callFunction(fn, bundle, v);
        fn.dispose();
        bundle.dispose();
        v.dispose();
        if (r.error !== undefined) throw engine.guestError(r.error);
        const json: unknown = engine.ctx.dump(r.value);
        r.value.dispose();
        const results = typeof json === 'string' ? [JSON.parse(json) as Record<string, unknown>] : [];
        return { results, ...out };
      } finally {
        box.dispose();
      }
    } catch (e) {
      if (!(e instanceof GuestError)) throw e;
      return {
        results: [],
        ...out,
        error: { name: e.guestName, value: e.thrownValue ?? e.guestMessage, traceback: e.guestStack },
      };
    } finally {
      this.rt.bridge.captureOutput = null;
    }
  }

  /** The interpreter's heap; call only between cells. */
  image(): Uint8Array {
    return this.rt.engine.image();
  }

  /** Starts a context from an image of another (same QuickJS build, same host function set-up). */
  static restore(image: Uint8Array, opts: JsContextOptions): Promise<JsContext> {
    return JsContext.create({ ...opts, image });
  }

  dispose(): void {
    this.rt.engine.dispose();
  }
}
