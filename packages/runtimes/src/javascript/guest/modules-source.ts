/**
 * Guest source of CommonJS loading (`require`, `module`, the cache) over the host's resolver, and of the
 * smaller built-ins: url, assert, stream, readline, module, timers. ES modules load through the host's
 * module loader instead; both share the host's resolution. Plain JS for QuickJS; no template literals.
 */
export const MODULES_SOURCE = String.raw`
(function (B) {
  'use strict';
  var call = B.call;
  var cache = Object.create(null);
  function Module(id) { this.id = id; this.filename = id; this.path = id.slice(0, id.lastIndexOf('/')) || '/'; this.exports = {}; this.loaded = false; this.children = []; this.paths = []; }
  function makeRequire(fromDir) {
    function require(spec) {
      spec = String(spec);
      if (B.isBuiltin(spec)) return B.builtin(spec);
      var r = call('resolve', [spec, fromDir, 'require']);
      if (r.builtin) return B.builtin(r.builtin);
      return load(r.path, r.format);
    }
    require.resolve = function (spec) {
      if (B.isBuiltin(spec)) return spec;
      var r = call('resolve', [String(spec), fromDir, 'require']);
      return r.builtin || r.path;
    };
    require.cache = cache;
    require.main = B.mainModule;
    return require;
  }
  function load(path, format) {
    var cached = cache[path];
    if (cached) return cached.exports;
    var m = new Module(path);
    cache[path] = m;
    try {
      if (format === 'json') m.exports = JSON.parse(call('source', [path, 'json']));
      else if (format === 'esm') {
        var e = new Error('require() of ES Module ' + path + ' is not supported; use import()');
        e.code = 'ERR_REQUIRE_ESM';
        throw e;
      } else {
        var dir = m.path;
        var fn = B.compile(call('source', [path, 'cjs']), path);
        var req = makeRequire(dir);
        fn.call(m.exports, m.exports, req, m, path, dir);
      }
      m.loaded = true;
    } catch (e) {
      delete cache[path];
      throw e;
    }
    return m.exports;
  }
  /** Loads a CommonJS module for an ES import and lists the names it can export. */
  B.cjsExportNames = function (path, format) {
    var ex = load(path, format);
    if (ex === null || (typeof ex !== 'object' && typeof ex !== 'function')) return [];
    return Object.keys(ex).filter(function (k) { return /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default'; });
  };
  /** Runs a file as the main CommonJS module. */
  B.runMain = function (path) {
    var m = new Module(path);
    B.mainModule = m;
    cache[path] = m;
    var fn = B.compile(call('source', [path, 'cjs']), path);
    fn.call(m.exports, m.exports, makeRequire(m.path), m, path, m.path);
    m.loaded = true;
  };
  /** Gives -e/-p code and REPL-like contexts the CommonJS names a module would have. */
  B.exposeRequire = function (dir) {
    globalThis.require = makeRequire(dir);
    globalThis.module = new Module(dir + '/[eval]');
    globalThis.exports = globalThis.module.exports;
    globalThis.__filename = '[eval]';
    globalThis.__dirname = '.';
  };
  /** A cell's value as MIME bundles: text/plain always, application/json when the value is JSON-able. */
  B.mimeBundle = function (v) {
    if (v === undefined) return null;
    var b = { 'text/plain': typeof v === 'string' ? "'" + v + "'" : B.builtin('util').inspect(v) };
    if (typeof v !== 'function' && typeof v !== 'symbol' && typeof v !== 'bigint') {
      try { var j = JSON.stringify(v); if (j !== undefined) b['application/json'] = JSON.parse(j); } catch (e) { /* not JSON-able */ }
    }
    return JSON.stringify(b);
  };
  B.makeRequire = makeRequire;
  B.loadCjs = load;
  B.cjsCache = cache;
  B.Module = Module;

  B.define('module', function (module) {
    function createRequire(f) { var p = String(f).replace(/^file:\/\//, ''); return makeRequire(p.slice(0, p.lastIndexOf('/')) || '/'); }
    module.exports = { createRequire: createRequire, builtinModules: B.builtinNames(), isBuiltin: B.isBuiltin, Module: Module };
  });

  B.define('timers', function (module) {
    module.exports = { setTimeout: setTimeout, clearTimeout: clearTimeout, setInterval: setInterval, clearInterval: clearInterval, setImmediate: setImmediate, clearImmediate: clearImmediate };
  });
  B.define('timers/promises', function (module) {
    module.exports = {
      setTimeout: function (ms, v) { return new Promise(function (r) { setTimeout(function () { r(v); }, ms); }); },
      setImmediate: function (v) { return new Promise(function (r) { setImmediate(function () { r(v); }); }); },
    };
  });

  B.define('url', function (module, exports) {
    var special = { 'http:': 80, 'https:': 443, 'ftp:': 21, 'ws:': 80, 'wss:': 443, 'file:': null };
    function URLSearchParams(init) {
      this._list = [];
      if (init instanceof URLSearchParams) this._list = init._list.slice();
      else if (typeof init === 'string') this._parse(init);
      else if (init && typeof init === 'object') {
        var self = this;
        if (typeof init[Symbol.iterator] === 'function') Array.from(init).forEach(function (p) { self._list.push([String(p[0]), String(p[1])]); });
        else Object.keys(init).forEach(function (k) { self._list.push([k, String(init[k])]); });
      }
    }
    function dec(s) { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; } }
    function enc(s) { return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); }); }
    var SP = URLSearchParams.prototype;
    SP._parse = function (s) { var self = this; self._list = []; s.replace(/^\?/, '').split('&').forEach(function (kv) { if (!kv) return; var i = kv.indexOf('='); self._list.push(i < 0 ? [dec(kv), ''] : [dec(kv.slice(0, i)), dec(kv.slice(i + 1))]); }); };
    SP._update = function () { if (this._url) { var q = this.toString(); this._url._search = q ? '?' + q : ''; } };
    SP.append = function (k, v) { this._list.push([String(k), String(v)]); this._update(); };
    SP.delete = function (k) { this._list = this._list.filter(function (p) { return p[0] !== k; }); this._update(); };
    SP.get = function (k) { for (var i = 0; i < this._list.length; i++) if (this._list[i][0] === k) return this._list[i][1]; return null; };
    SP.getAll = function (k) { return this._list.filter(function (p) { return p[0] === k; }).map(function (p) { return p[1]; }); };
    SP.has = function (k) { return this.get(k) !== null; };
    SP.set = function (k, v) { var i = this._list.findIndex(function (p) { return p[0] === k; }); if (i < 0) this._list.push([String(k), String(v)]); else { this._list[i][1] = String(v); this._list = this._list.filter(function (p, j) { return j <= i || p[0] !== k; }); } this._update(); };
    SP.sort = function () { this._list.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; }); this._update(); };
    SP.forEach = function (fn, self) { var t = this; this._list.forEach(function (p) { fn.call(self, p[1], p[0], t); }); };
    SP.keys = function () { return this._list.map(function (p) { return p[0]; })[Symbol.iterator](); };
    SP.values = function () { return this._list.map(function (p) { return p[1]; })[Symbol.iterator](); };
    SP.entries = SP[Symbol.iterator] = function () { return this._list.map(function (p) { return [p[0], p[1]]; })[Symbol.iterator](); };
    SP.toString = function () { return this._list.map(function (p) { return enc(p[0]) + '=' + enc(p[1]); }).join('&'); };
    Object.defineProperty(SP, 'size', { get: function () { return this._list.length; } });

    var RE = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?:\/\/(?:([^:@\/]*)(?::([^@\/]*))?@)?(\[[^\]]*\]|[^:\/?#]*)(?::(\d*))?)?([^?#]*)(\?[^#]*)?(#.*)?$/;
    function normPath(p) {
      var out = [];
      p.split('/').forEach(function (s, i, a) { if (s === '..') { if (out.length > 1) out.pop(); if (i === a.length - 1) out.push(''); } else if (s === '.') { if (i === a.length - 1) out.push(''); } else out.push(s); });
      var r = out.join('/');
      return r[0] === '/' ? r : '/' + r;
    }
    function URL(input, base) {
      input = String(input).trim();
      var m = RE.exec(input);
      if (!m && base !== undefined) {
        var b = base instanceof URL ? base : new URL(base);
        var rel = input, path = b.pathname, search = b.search, hash = '';
        var hi = rel.indexOf('#'); if (hi >= 0) { hash = rel.slice(hi); rel = rel.slice(0, hi); }
        if (rel.slice(0, 2) === '//') return new URL(b.protocol + rel + hash);
        var qi = rel.indexOf('?');
        if (qi >= 0) { search = rel.slice(qi); rel = rel.slice(0, qi); } else if (rel !== '') search = '';
        if (rel[0] === '/') path = rel;
        else if (rel !== '') path = path.slice(0, path.lastIndexOf('/') + 1) + rel;
        m = RE.exec(b.protocol + '//' + (b.username ? b.username + (b.password ? ':' + b.password : '') + '@' : '') + b.host + normPath(path) + search + hash);
      }
      if (!m) { var e = new TypeError('Invalid URL'); e.code = 'ERR_INVALID_URL'; e.input = input; throw e; }
      this._protocol = m[1].toLowerCase();
      this.username = m[2] || ''; this.password = m[3] || '';
      this._hostname = (m[4] || '').toLowerCase();
      this._port = m[5] && Number(m[5]) !== special[this._protocol] ? m[5] : '';
      var isSpecial = this._protocol in special;
      this._pathname = m[4] !== undefined || isSpecial ? normPath(m[6] || '/') : m[6];
      this._search = m[7] && m[7] !== '?' ? m[7] : '';
      this.hash = m[8] && m[8] !== '#' ? m[8] : '';
      this.searchParams = new URLSearchParams(this._search);
      this.searchParams._url = this;
    }
    var UP = URL.prototype;
    function acc(name, get, set) { Object.defineProperty(UP, name, { get: get, set: set, enumerable: true, configurable: true }); }
    acc('protocol', function () { return this._protocol; }, function (v) { this._protocol = String(v).replace(/:?$/, ':'); });
    acc('hostname', function () { return this._hostname; }, function (v) { this._hostname = String(v); });
    acc('port', function () { return this._port; }, function (v) { this._port = String(v); });
    acc('host', function () { return this._hostname + (this._port ? ':' + this._port : ''); }, function (v) { var p = String(v).split(':'); this._hostname = p[0]; this._port = p[1] || ''; });
    acc('pathname', function () { return this._pathname; }, function (v) { this._pathname = normPath(String(v)); });
    acc('search', function () { return this._search; }, function (v) { v = String(v); this._search = v && v !== '?' ? (v[0] === '?' ? v : '?' + v) : ''; this.searchParams._parse(this._search); });
    acc('origin', function () { return this._protocol === 'file:' ? 'null' : this._protocol + '//' + this.host; });
    acc('href', function () {
      var auth = this.username ? this.username + (this.password ? ':' + this.password : '') + '@' : '';
      var slashes = this._protocol in special || this._hostname ? '//' : '';
      return this._protocol + slashes + auth + this.host + this._pathname + this._search + this.hash;
    }, function (v) { var u = new URL(v); var self = this; Object.keys(u).forEach(function (k) { self[k] = u[k]; }); this.searchParams._url = this; });
    UP.toString = UP.toJSON = function () { return this.href; };
    URL.canParse = function (u, b) { try { new URL(u, b); return true; } catch (e) { return false; } };
    function fileURLToPath(u) { var x = typeof u === 'string' ? new URL(u) : u; if (x.protocol !== 'file:') throw new TypeError('The URL must be of scheme file'); return decodeURIComponent(x.pathname); }
    function pathToFileURL(p) { return new URL('file://' + encodeURI(B.builtin('path').resolve(p)).replace(/\?/g, '%3F').replace(/#/g, '%23')); }
    exports.URL = URL;
    exports.URLSearchParams = URLSearchParams;
    exports.fileURLToPath = fileURLToPath;
    exports.pathToFileURL = pathToFileURL;
    exports.parse = function (s) { var u = new URL(s); return { protocol: u.protocol, host: u.host, hostname: u.hostname, port: u.port || null, pathname: u.pathname, search: u.search || null, query: u.search.slice(1) || null, hash: u.hash || null, href: u.href, path: u.pathname + u.search }; };
    exports.format = function (u) { return u instanceof URL ? u.href : String(u.href || ''); };
    globalThis.URL = URL;
    globalThis.URLSearchParams = URLSearchParams;
  });

  B.define('assert', function (module) {
    var util = B.builtin('util');
    function AssertionError(o) { var e = new Error(o.message); e.name = 'AssertionError'; e.code = 'ERR_ASSERTION'; e.actual = o.actual; e.expected = o.expected; e.operator = o.operator; return e; }
    function fail(actual, expected, message, op) {
      if (message instanceof Error) throw message;
      throw AssertionError({ message: message || util.inspect(actual) + ' ' + op + ' ' + util.inspect(expected), actual: actual, expected: expected, operator: op });
    }
    function loose(a, b) {
      if (a == b) return true;
      if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
      var ka = Object.keys(a), kb = Object.keys(b);
      return ka.length === kb.length && ka.every(function (k) { return loose(a[k], b[k]); });
    }
    function assert(v, m) { if (!v) fail(v, true, m || 'The expression evaluated to a falsy value', '=='); }
    assert.ok = assert;
    assert.equal = function (a, b, m) { if (a != b) fail(a, b, m, '=='); };
    assert.notEqual = function (a, b, m) { if (a == b) fail(a, b, m, '!='); };
    assert.strictEqual = function (a, b, m) { if (!Object.is(a, b)) fail(a, b, m, '==='); };
    assert.notStrictEqual = function (a, b, m) { if (Object.is(a, b)) fail(a, b, m, '!=='); };
    assert.deepEqual = function (a, b, m) { if (!loose(a, b)) fail(a, b, m, 'deepEqual'); };
    assert.deepStrictEqual = function (a, b, m) { if (!util.isDeepStrictEqual(a, b)) fail(a, b, m, 'deepStrictEqual'); };
    assert.notDeepStrictEqual = function (a, b, m) { if (util.isDeepStrictEqual(a, b)) fail(a, b, m, 'notDeepStrictEqual'); };
    assert.fail = function (m) { fail(undefined, undefined, m || 'Failed', 'fail'); };
    assert.match = function (s, re, m) { if (!re.test(s)) fail(s, re, m, 'match'); };
    assert.throws = function (fn, exp, m) {
      try { fn(); } catch (e) {
        if (typeof exp === 'function' && exp.prototype !== undefined && !(e instanceof exp)) throw e;
        if (exp instanceof RegExp && !exp.test(String(e && e.message))) fail(e, exp, m, 'throws');
        return;
      }
      fail(undefined, exp, typeof exp === 'string' ? exp : m || 'Missing expected exception.', 'throws');
    };
    assert.doesNotThrow = function (fn) { fn(); };
    assert.rejects = function (p, exp, m) {
      return Promise.resolve(typeof p === 'function' ? p() : p).then(function () { fail(undefined, exp, m || 'Missing expected rejection.', 'rejects'); }, function () {});
    };
    assert.strict = assert;
    assert.AssertionError = AssertionError;
    module.exports = assert;
  });
  B.define('assert/strict', function (module) { module.exports = B.builtin('assert'); });

  B.define('stream', function (module) {
    var EventEmitter = B.builtin('events');
    function Stream(o) { EventEmitter.call(this); this._o = o || {}; }
    Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
    function Readable(o) { Stream.call(this, o); this.readable = true; this._ended = false; }
    Object.setPrototypeOf(Readable.prototype, Stream.prototype);
    Readable.prototype.push = function (c) {
      var self = this;
      if (c === null) { queueMicrotask(function () { self.emit('end'); self.emit('close'); }); return false; }
      queueMicrotask(function () { self.emit('data', c); });
      return true;
    };
    Readable.prototype.pipe = function (d) { this.on('data', function (c) { d.write(c); }); this.on('end', function () { if (d.end) d.end(); }); return d; };
    Readable.prototype.setEncoding = function () { return this; };
    Readable.prototype.resume = Readable.prototype.pause = function () { return this; };
    Readable.from = function (it) { var r = new Readable(); (async function () { for await (var c of it) r.push(c); r.push(null); })(); return r; };
    function Writable(o) { Stream.call(this, o); this.writable = true; }
    Object.setPrototypeOf(Writable.prototype, Stream.prototype);
    Writable.prototype.write = function (c, enc, cb) {
      if (typeof enc === 'function') { cb = enc; enc = 'utf8'; }
      var w = this._o.write || this._write;
      if (w) w.call(this, c, enc || 'utf8', cb || function () {}); else if (cb) cb();
      return true;
    };
    Writable.prototype.end = function (c, enc, cb) {
      if (typeof c === 'function') { cb = c; c = undefined; }
      if (c !== undefined && c !== null) this.write(c, enc);
      var self = this;
      queueMicrotask(function () { self.emit('finish'); self.emit('close'); if (cb) cb(); });
      return this;
    };
    function Transform(o) { Readable.call(this, o); this.writable = true; }
    Object.setPrototypeOf(Transform.prototype, Readable.prototype);
    Transform.prototype.write = function (c, enc, cb) {
      var self = this, t = this._o.transform || this._transform;
      if (t) t.call(this, c, enc || 'utf8', function (err, out) { if (out !== undefined && out !== null) self.push(out); if (cb) cb(err); });
      else self.push(c);
      return true;
    };
    Transform.prototype.end = function (c) { if (c !== undefined && c !== null) this.write(c); this.push(null); return this; };
    function PassThrough(o) { Transform.call(this, o); }
    Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
    Stream.Readable = Readable; Stream.Writable = Writable; Stream.Transform = Transform; Stream.PassThrough = PassThrough; Stream.Duplex = Transform; Stream.Stream = Stream;
    Stream.pipeline = function () { var a = Array.prototype.slice.call(arguments); var cb = typeof a[a.length - 1] === 'function' ? a.pop() : null; for (var i = 0; i + 1 < a.length; i++) a[i].pipe(a[i + 1]); if (cb) a[a.length - 1].on('finish', function () { cb(null); }); return a[a.length - 1]; };
    module.exports = Stream;
  });

  B.define('readline', function (module) {
    var EventEmitter = B.builtin('events');
    function createInterface(o) {
      var input = o && o.input ? o.input : o;
      var rl = new EventEmitter();
      var buf = '', closed = false, lines = [], waiting = [];
      function deliver(line) { if (waiting.length) waiting.shift()({ done: false, value: line }); else lines.push(line); rl.emit('line', line); }
      function onData(c) { buf += typeof c === 'string' ? c : c.toString('utf8'); var i; while ((i = buf.indexOf('\n')) >= 0) { deliver(buf.slice(0, i).replace(/\r$/, '')); buf = buf.slice(i + 1); } }
      function onEnd() { if (buf) deliver(buf); buf = ''; rl.close(); }
      input.on('data', onData);
      input.on('end', onEnd);
      rl.close = function () { if (closed) return; closed = true; input.off('data', onData); input.off('end', onEnd); while (waiting.length) waiting.shift()({ done: true, value: undefined }); rl.emit('close'); };
      rl.question = function (q, cb) { B.writeFd(1, q); rl.once('line', cb); };
      rl.setPrompt = function (p) { rl._prompt = p; };
      rl.prompt = function () { B.writeFd(1, rl._prompt || '> '); };
      rl.write = function () {};
      rl[Symbol.asyncIterator] = function () {
        return { next: function () { if (lines.length) return Promise.resolve({ done: false, value: lines.shift() }); if (closed) return Promise.resolve({ done: true, value: undefined }); return new Promise(function (r) { waiting.push(r); }); }, return: function () { rl.close(); return Promise.resolve({ done: true, value: undefined }); }, [Symbol.asyncIterator]: function () { return this; } };
      };
      return rl;
    }
    module.exports = { createInterface: createInterface };
  });
  B.define('worker_threads', function (module) { module.exports = { isMainThread: true, parentPort: null, workerData: null, threadId: 0, Worker: function () { throw new Error('worker_threads are not supported in this sandbox'); } }; });
  B.define('perf_hooks', function (module) { module.exports = { performance: globalThis.performance }; });
  B.define('util/types', function (module) { module.exports = B.builtin('util').types; });
  B.define('path/posix', function (module) { module.exports = B.builtin('path'); });
})(globalThis.__burrow);
`;
