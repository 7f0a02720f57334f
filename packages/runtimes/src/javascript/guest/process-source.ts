/**
 * Guest source of the process-wide globals: `process`, `console`, timers, the event-loop step the host drives,
 * and clock/random shims so every outside read goes through the host bridge (where it can be journaled).
 * `B.setup(info)` fills in argv, env and cwd for a run; a context re-runs it on each restore.
 */
export const PROCESS_SOURCE = String.raw`
(function (B) {
  'use strict';
  var call = B.call;
  var util = B.builtin('util');
  var EventEmitter = B.builtin('events');

  // ---- clock and random through the bridge ----
  var RealDate = Date;
  function now() { return call('now'); }
  function BDate() {
    var a = Array.prototype.slice.call(arguments);
    if (!new.target) return new RealDate(now()).toString();
    var d = a.length === 0 ? new RealDate(now()) : new (Function.prototype.bind.apply(RealDate, [null].concat(a)))();
    Object.setPrototypeOf(d, new.target.prototype);
    return d;
  }
  BDate.prototype = RealDate.prototype;
  BDate.now = now;
  BDate.parse = RealDate.parse;
  BDate.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: BDate, writable: true, configurable: true });
  globalThis.Date = BDate;
  var perfOrigin = call('hrtime');
  globalThis.performance = {
    now: function () { return call('hrtime') - perfOrigin; },
    timeOrigin: now(),
    mark: function () {},
    measure: function () {},
  };
  // xorshift128+ seeded from the host: Math.random costs no host call yet its seed passes through the bridge.
  var st = new Uint32Array(4);
  B.reseedState = function () {
    var b = call('random', [16]);
    st.set(new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + 16)));
    if ((st[0] | st[1] | st[2] | st[3]) === 0) st[0] = 1;
  };
  Math.random = function () {
    // xoshiro128** on 32-bit lanes: exact in JS integer math.
    var r = Math.imul(st[1], 5) >>> 0;
    r = (((r << 7) | (r >>> 25)) >>> 0);
    r = Math.imul(r, 9) >>> 0;
    var t = (st[1] << 9) >>> 0;
    st[2] ^= st[0]; st[3] ^= st[1]; st[1] ^= st[2]; st[0] ^= st[3];
    st[2] ^= t;
    st[3] = ((st[3] << 11) | (st[3] >>> 21)) >>> 0;
    return r / 4294967296;
  };
  B.reseedState();

  // ---- timers ----
  var timers = new Map();
  var nextTimerId = 1;
  var immediates = [];
  function Timeout(id, fn, args, ms, repeat) {
    this._id = id; this._fn = fn; this._args = args; this._ms = ms; this._repeat = repeat; this._ref = true;
    this._at = now() + ms;
  }
  Timeout.prototype.ref = function () { this._ref = true; return this; };
  Timeout.prototype.unref = function () { this._ref = false; return this; };
  Timeout.prototype.hasRef = function () { return this._ref; };
  Timeout.prototype.refresh = function () { this._at = now() + this._ms; return this; };
  Timeout.prototype.close = function () { timers.delete(this._id); return this; };
  Timeout.prototype[Symbol.toPrimitive] = function () { return this._id; };
  function addTimer(fn, ms, args, repeat) {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    ms = Number(ms);
    if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
    var t = new Timeout(nextTimerId++, fn, args, ms, repeat);
    timers.set(t._id, t);
    return t;
  }
  function clearTimer(t) {
    if (t === undefined || t === null) return;
    timers.delete(typeof t === 'object' ? t._id : Number(t));
  }
  globalThis.setTimeout = function (fn, ms) { return addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), false); };
  globalThis.setInterval = function (fn, ms) { return addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), true); };
  globalThis.clearTimeout = clearTimer;
  globalThis.clearInterval = clearTimer;
  globalThis.setImmediate = function (fn) {
    var im = { _fn: fn, _args: Array.prototype.slice.call(arguments, 1), _live: true, ref: function () { return im; }, unref: function () { return im; }, hasRef: function () { return true; } };
    immediates.push(im);
    return im;
  };
  globalThis.clearImmediate = function (im) { if (im) im._live = false; };

  // ---- process ----
  var process = new EventEmitter();
  var cwd = '/';
  process.title = 'node';
  process.version = 'v20.18.0';
  process.versions = { node: '20.18.0', quickjs: 'ng', burrow: '0.1.0' };
  process.platform = 'linux';
  process.arch = 'wasm32';
  process.release = { name: 'node' };
  process.execPath = '/usr/bin/node';
  process.execArgv = [];
  process.exitCode = undefined;
  process.config = { variables: {} };
  process.features = {};
  process.cwd = function () { return cwd; };
  process.chdir = function (dir) {
    var p = B.builtin('path').resolve(cwd, String(dir));
    var s = call('stat', [p, true], undefined, { syscall: 'chdir', path: String(dir) });
    if (s.type !== 'dir') throw B.SystemError({ code: 'ENOTDIR', errno: 20, message: 'not a directory' }, { syscall: 'chdir', path: String(dir) });
    cwd = p;
  };
  process.umask = function () { return 18; };
  process.getuid = process.geteuid = process.getgid = process.getegid = function () { return 0; };
  process.hrtime = function (prev) {
    var ns = Math.round(call('hrtime') * 1e6);
    var s = Math.floor(ns / 1e9), n = ns % 1e9;
    if (prev) { s -= prev[0]; n -= prev[1]; if (n < 0) { s--; n += 1e9; } }
    return [s, n];
  };
  process.hrtime.bigint = function () { return BigInt(Math.round(call('hrtime') * 1e6)); };
  var startMs = call('hrtime');
  process.uptime = function () { return (call('hrtime') - startMs) / 1000; };
  process.memoryUsage = function () { var m = call('memory'); return { rss: m, heapTotal: m, heapUsed: m, external: 0, arrayBuffers: 0 }; };
  process.memoryUsage.rss = function () { return call('memory'); };
  process.cpuUsage = function () { var us = Math.round(call('hrtime') * 1000); return { user: us, system: 0 }; };
  process.nextTick = function (fn) { var args = Array.prototype.slice.call(arguments, 1); queueMicrotask(function () { fn.apply(null, args); }); };
  process.emitWarning = function (w) { B.writeFd(2, '(node) Warning: ' + (w instanceof Error ? w.message : String(w)) + '\n'); };
  process.binding = function () { throw new Error('process.binding is not supported'); };
  process.kill = function (pid, sig) { call('kill', [pid, sig === undefined ? 'SIGTERM' : String(sig)]); return true; };
  process.exit = function (code) {
    if (code !== undefined) process.exitCode = code;
    var c = process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
    if (!B.exiting) { B.exiting = true; try { process.emit('exit', c); } catch (e) { /* exit goes on */ } }
    call('exit', [c]);
    // The host has asked the interpreter to stop: the interrupt ends this loop and everything above it.
    for (;;) {}
  };
  process.abort = function () { process.exit(134); };

  B.writeFd = function (fd, data) {
    var bytes = typeof data === 'string' ? B.utf8Encode(data) : data instanceof Uint8Array ? data : new Uint8Array(data.buffer || data, data.byteOffset || 0, data.byteLength);
    return call('write', [fd], bytes.buffer.byteLength === bytes.byteLength && bytes.byteOffset === 0 ? bytes.buffer : bytes.slice().buffer);
  };
  function WriteStream(fd) {
    EventEmitter.call(this);
    this.fd = fd; this.isTTY = false; this.writable = true; this.columns = 80; this.rows = 24;
  }
  Object.setPrototypeOf(WriteStream.prototype, EventEmitter.prototype);
  WriteStream.prototype.write = function (chunk, enc, cb) {
    if (typeof enc === 'function') cb = enc;
    var data = typeof chunk === 'string' ? chunk : chunk;
    if (typeof chunk === 'string' && enc && enc !== 'utf8' && enc !== 'utf-8' && typeof enc === 'string') data = B.builtin('buffer').Buffer.from(chunk, enc);
    B.writeFd(this.fd, data);
    if (typeof cb === 'function') queueMicrotask(cb);
    return true;
  };
  WriteStream.prototype.end = function (chunk, enc, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (chunk !== undefined && chunk !== null) this.write(chunk, enc);
    var self = this;
    queueMicrotask(function () { self.emit('finish'); if (typeof cb === 'function') cb(); });
    return this;
  };
  WriteStream.prototype.cork = WriteStream.prototype.uncork = function () {};
  WriteStream.prototype.getColorDepth = function () { return 1; };
  WriteStream.prototype.hasColors = function () { return false; };
  process.stdout = new WriteStream(1);
  process.stderr = new WriteStream(2);

  var stdin = new EventEmitter();
  stdin.fd = 0; stdin.isTTY = false; stdin.readable = true;
  var stdinEnded = false, stdinPaused = false, stdinEncoding = null;
  stdin.setEncoding = function (e) { stdinEncoding = e; return stdin; };
  stdin.pause = function () { stdinPaused = true; return stdin; };
  stdin.resume = function () { stdinPaused = false; return stdin; };
  stdin.unref = stdin.ref = function () { return stdin; };
  stdin.setRawMode = function () { return stdin; };
  stdin.read = function () { return null; };
  stdin[Symbol.asyncIterator] = function () {
    return {
      next: function () {
        if (stdinEnded) return Promise.resolve({ done: true, value: undefined });
        var chunk = call('read', [0, 65536]);
        if (chunk.length === 0) { stdinEnded = true; return Promise.resolve({ done: true, value: undefined }); }
        return Promise.resolve({ done: false, value: toChunk(chunk) });
      },
      return: function () { return Promise.resolve({ done: true, value: undefined }); },
      [Symbol.asyncIterator]: function () { return this; },
    };
  };
  function toChunk(bytes) {
    var buf = B.builtin('buffer').Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    return stdinEncoding ? buf.toString(stdinEncoding) : buf;
  }
  function stdinWanted() {
    return !stdinEnded && !stdinPaused && (stdin.listenerCount('data') > 0 || stdin.listenerCount('end') > 0 || stdin.listenerCount('readable') > 0);
  }
  process.stdin = stdin;
  process.openStdin = function () { return stdin; };

  // ---- console ----
  var groupIndent = '';
  var counts = Object.create(null);
  var timersLabel = Object.create(null);
  function out(fd, args) {
    var s = util.format.apply(null, args);
    if (groupIndent) s = groupIndent + s.split('\n').join('\n' + groupIndent);
    B.writeFd(fd, s + '\n');
  }
  var console = {
    log: function () { out(1, arguments); },
    info: function () { out(1, arguments); },
    debug: function () { out(1, arguments); },
    error: function () { out(2, arguments); },
    warn: function () { out(2, arguments); },
    trace: function () { var e = new Error(util.format.apply(null, arguments)); out(2, ['Trace: ' + e.message + '\n' + e.stack]); },
    dir: function (o, opts) { B.writeFd(1, util.inspect(o, opts) + '\n'); },
    assert: function (ok) { if (!ok) out(2, ['Assertion failed' + (arguments.length > 1 ? ': ' + util.format.apply(null, Array.prototype.slice.call(arguments, 1)) : '')]); },
    count: function (l) { l = l === undefined ? 'default' : l; counts[l] = (counts[l] || 0) + 1; out(1, [l + ': ' + counts[l]]); },
    countReset: function (l) { counts[l === undefined ? 'default' : l] = 0; },
    time: function (l) { timersLabel[l === undefined ? 'default' : l] = performance.now(); },
    timeEnd: function (l) { l = l === undefined ? 'default' : l; var t = timersLabel[l]; delete timersLabel[l]; if (t !== undefined) out(1, [l + ': ' + (performance.now() - t).toFixed(3) + 'ms']); },
    timeLog: function (l) { l = l === undefined ? 'default' : l; var t = timersLabel[l]; if (t !== undefined) out(1, [l + ': ' + (performance.now() - t).toFixed(3) + 'ms']); },
    group: function () { if (arguments.length) out(1, arguments); groupIndent += '  '; },
    groupEnd: function () { groupIndent = groupIndent.slice(2); },
    table: function (data) { B.writeFd(1, util.inspect(data) + '\n'); },
  };
  console.groupCollapsed = console.group;
  globalThis.console = console;
  globalThis.process = process;
  globalThis.global = globalThis;
  globalThis.structuredClone = function (v) { return v === undefined ? undefined : JSON.parse(JSON.stringify(v)); };
  globalThis.fetch = function () {
    return Promise.reject(new TypeError('fetch failed: network is disabled for this sandbox'));
  };

  // ---- the event loop step the host drives between job runs ----
  /** Does one unit of pending work; false when nothing keeps the process alive. */
  B.loopStep = function () {
    if (immediates.length > 0) {
      var batch = immediates; immediates = [];
      for (var i = 0; i < batch.length; i++) if (batch[i]._live) batch[i]._fn.apply(null, batch[i]._args);
      return true;
    }
    var next = null, anyRef = false;
    timers.forEach(function (t) { if (t._ref) anyRef = true; if (next === null || t._at < next._at || (t._at === next._at && t._id < next._id)) next = t; });
    if (next !== null && (anyRef || stdinWanted())) {
      if (stdinWanted() && next._at > now()) return readStdinChunk();
      if (next._at > now()) call('sleepUntil', [next._at]);
      if (next._repeat) next._at = Math.max(next._at + next._ms, now()); else timers.delete(next._id);
      next._fn.apply(null, next._args);
      return true;
    }
    if (stdinWanted()) return readStdinChunk();
    return false;
  };
  function readStdinChunk() {
    var chunk = call('read', [0, 65536]);
    if (chunk.length === 0) { stdinEnded = true; stdin.emit('end'); stdin.emit('close'); return true; }
    stdin.emit('data', toChunk(chunk));
    return true;
  }
  /** Called once the loop is empty: 'beforeExit' may schedule more work. */
  B.beforeExit = function () {
    var c = process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
    process.emit('beforeExit', c);
  };
  B.finish = function () {
    var c = process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
    if (!B.exiting) { B.exiting = true; process.emit('exit', c); }
    return process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
  };
  B.cwd = function () { return cwd; };
  B.setup = function (info) {
    process.argv = info.argv;
    process.argv0 = info.argv[0];
    process.env = info.env;
    process.pid = info.pid;
    process.ppid = info.ppid;
    cwd = info.cwd;
    B.exiting = false;
    B.reseedState();
  };
})(globalThis.__burrow);
`;
