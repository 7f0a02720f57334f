/**
 * Guest source of `util` (inspect, format, promisify, types, inherits) and `events` (EventEmitter), the base of
 * console and the stream-like objects. Plain JS for QuickJS; no template literals.
 */
export const UTIL_SOURCE = String.raw`
(function (B) {
  'use strict';
  B.define('util', function (module, exports) {
    var custom = Symbol.for('nodejs.util.inspect.custom');
    function isPlainKey(k) { return /^[A-Za-z_$][\w$]*$/.test(k); }
    function quote(s) { return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'"; }
    function inspect(value, opts) {
      var o = Object.assign({ depth: 2, colors: false, compact: 3, breakLength: 80 }, opts || {});
      return fmt(value, o, 0, []);
    }
    inspect.custom = custom;
    function fmtError(e) {
      var head = (e.stack && e.stack.indexOf(String(e.message)) >= 0) ? '' : String(e.name || 'Error') + (e.message ? ': ' + e.message : '');
      var stack = e.stack ? String(e.stack).replace(/\n$/, '') : '';
      return stack ? head + (head && stack ? '\n' : '') + stack : head || '[' + String(e) + ']';
    }
    function fmt(v, o, depth, seen) {
      if (v === null) return 'null';
      if (v === undefined) return 'undefined';
      var t = typeof v;
      if (t === 'string') return depth === 0 ? v : quote(v);
      if (t === 'number') return Object.is(v, -0) ? '-0' : String(v);
      if (t === 'bigint') return String(v) + 'n';
      if (t === 'boolean') return String(v);
      if (t === 'symbol') return v.toString();
      if (t === 'function') {
        var fname = v.name ? ': ' + v.name : ' (anonymous)';
        var isClass = /^class[\s{]/.test(Function.prototype.toString.call(v));
        var fkeys = Object.keys(v);
        var base = '[' + (isClass ? 'class' : 'Function') + (isClass ? (v.name ? ' ' + v.name : ' (anonymous)') : fname) + ']';
        if (fkeys.length === 0 || depth > o.depth) return base;
        return base + ' ' + fmtObject(v, fkeys, o, depth, seen, '{', '}');
      }
      if (typeof v[custom] === 'function') {
        var r = v[custom](o.depth - depth, o, inspect);
        if (typeof r !== 'string') return fmt(r, o, depth, seen);
        return r;
      }
      if (seen.indexOf(v) >= 0) return '[Circular *1]';
      if (v instanceof Error) return depth === 0 ? fmtError(v) : '[' + fmtError(v).split('\n')[0] + ']';
      if (v instanceof Date) return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
      if (v instanceof RegExp) return String(v);
      if (typeof Promise !== 'undefined' && v instanceof Promise) return 'Promise { <pending> }';
      if (v instanceof WeakMap) return 'WeakMap { <items unknown> }';
      if (v instanceof WeakSet) return 'WeakSet { <items unknown> }';
      if (depth > o.depth) return Array.isArray(v) ? '[Array]' : '[' + ctorName(v, 'Object') + ']';
      seen = seen.concat([v]);
      if (Array.isArray(v)) {
        var items = [];
        var holes = 0;
        for (var i = 0; i < v.length && items.length < 100; i++) {
          if (!(i in v)) { holes++; continue; }
          if (holes) { items.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); holes = 0; }
          items.push(fmt(v[i], o, depth + 1, seen));
        }
        if (holes) items.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
        if (v.length > 100) items.push('... ' + (v.length - 100) + ' more items');
        var extra = Object.keys(v).filter(function (k) { return !/^\d+$/.test(k); });
        extra.forEach(function (k) { items.push((isPlainKey(k) ? k : quote(k)) + ': ' + fmt(v[k], o, depth + 1, seen)); });
        return wrap(items, '[', ']', o, depth);
      }
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
        var name = ctorName(v, 'TypedArray');
        if (B.isBuffer && B.isBuffer(v)) {
          var hex = [];
          for (var j = 0; j < Math.min(v.length, 50); j++) hex.push((v[j] < 16 ? '0' : '') + v[j].toString(16));
          return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (v.length > 50 ? ' ... ' + (v.length - 50) + ' more bytes' : '') + '>';
        }
        var els = [];
        for (var k2 = 0; k2 < Math.min(v.length, 100); k2++) els.push(fmt(v[k2], o, depth + 1, seen));
        if (v.length > 100) els.push('... ' + (v.length - 100) + ' more items');
        return name + '(' + v.length + ') ' + wrap(els, '[', ']', o, depth);
      }
      if (v instanceof ArrayBuffer) return 'ArrayBuffer { byteLength: ' + v.byteLength + ' }';
      if (v instanceof Map) {
        var ms = [];
        v.forEach(function (val, key) { ms.push(fmt(key, o, depth + 1, seen) + ' => ' + fmt(val, o, depth + 1, seen)); });
        return 'Map(' + v.size + ') ' + wrap(ms, '{', '}', o, depth);
      }
      if (v instanceof Set) {
        var ss = [];
        v.forEach(function (val) { ss.push(fmt(val, o, depth + 1, seen)); });
        return 'Set(' + v.size + ') ' + wrap(ss, '{', '}', o, depth);
      }
      var keys = Object.keys(v);
      var syms = Object.getOwnPropertySymbols(v).filter(function (s) { return Object.getOwnPropertyDescriptor(v, s).enumerable; });
      var cn = ctorName(v, null);
      var prefix = cn === 'Object' ? '' : cn === null ? '[Object: null prototype] ' : cn + ' ';
      if (v[Symbol.toStringTag] && cn !== v[Symbol.toStringTag]) prefix = (cn || 'Object') + ' [' + v[Symbol.toStringTag] + '] ';
      return prefix + fmtObject(v, keys.concat(syms), o, depth, seen, '{', '}');
    }
    function fmtObject(v, keys, o, depth, seen, open, close) {
      var parts = keys.map(function (k) {
        var desc = Object.getOwnPropertyDescriptor(v, k);
        var label = typeof k === 'symbol' ? '[' + k.toString() + ']' : isPlainKey(k) ? k : quote(k);
        if (desc && (desc.get || desc.set) && !('value' in desc)) return label + ': [' + (desc.get && desc.set ? 'Getter/Setter' : desc.get ? 'Getter' : 'Setter') + ']';
        return label + ': ' + fmt(v[k], o, depth + 1, seen);
      });
      return wrap(parts, open, close, o, depth);
    }
    function ctorName(v, dflt) {
      var p = Object.getPrototypeOf(v);
      if (p === null) return dflt;
      var c = p.constructor;
      return c && c.name ? c.name : dflt === null ? 'Object' : dflt;
    }
    function wrap(items, open, close, o, depth) {
      if (items.length === 0) return open + close;
      var one = open + ' ' + items.join(', ') + ' ' + close;
      if (one.length + depth * 2 <= o.breakLength && one.indexOf('\n') < 0) return one;
      var pad = '  '.repeat(depth + 1);
      return open + '\n' + pad + items.join(',\n' + pad) + '\n' + '  '.repeat(depth) + close;
    }
    function format(f) {
      var args = Array.prototype.slice.call(arguments, 1);
      var out;
      if (typeof f !== 'string') { args.unshift(f); out = ''; }
      else {
        out = f.replace(/%[sdifjoOc%]/g, function (m) {
          if (m === '%%') return '%';
          if (args.length === 0) return m;
          var a = args.shift();
          switch (m) {
            case '%s': return typeof a === 'string' ? a : typeof a === 'bigint' ? a + 'n' : typeof a === 'object' && a !== null ? inspect(a, { depth: 1 }) : String(a);
            case '%d': return typeof a === 'bigint' ? a + 'n' : String(Number(a));
            case '%i': return String(parseInt(a, 10));
            case '%f': return String(parseFloat(a));
            case '%j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
            case '%c': return '';
            default: return inspect(a, { depth: 4 });
          }
        });
        if (args.length === 0) return out;
      }
      return (out === '' ? '' : out + ' ') + args.map(function (a) { return typeof a === 'string' ? a : inspect(a); }).join(' ');
    }
    function promisify(fn) {
      if (typeof fn[promisify.custom] === 'function') return fn[promisify.custom];
      return function () {
        var self = this, args = Array.prototype.slice.call(arguments);
        return new Promise(function (resolve, reject) {
          args.push(function (err, value) { if (err) reject(err); else resolve(value); });
          fn.apply(self, args);
        });
      };
    }
    promisify.custom = Symbol.for('nodejs.util.promisify.custom');
    function isDeepStrictEqual(a, b) {
      if (Object.is(a, b)) return true;
      if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
      if (a instanceof Date) return a.getTime() === b.getTime();
      if (a instanceof Map || a instanceof Set) {
        if (a.size !== b.size) return false;
        return isDeepStrictEqual(Array.from(a), Array.from(b));
      }
      var ka = Object.keys(a), kb = Object.keys(b);
      if (ka.length !== kb.length) return false;
      for (var i = 0; i < ka.length; i++) if (!Object.prototype.hasOwnProperty.call(b, ka[i]) || !isDeepStrictEqual(a[ka[i]], b[ka[i]])) return false;
      return true;
    }
    exports.inspect = inspect;
    exports.format = format;
    exports.formatWithOptions = function (_o) { return format.apply(null, Array.prototype.slice.call(arguments, 1)); };
    exports.promisify = promisify;
    exports.callbackify = function (fn) {
      return function () {
        var args = Array.prototype.slice.call(arguments);
        var cb = args.pop();
        fn.apply(this, args).then(function (v) { cb(null, v); }, function (e) { cb(e); });
      };
    };
    exports.inherits = function (ctor, superCtor) { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); Object.setPrototypeOf(ctor, superCtor); ctor.super_ = superCtor; };
    exports.deprecate = function (fn) { return fn; };
    exports.isDeepStrictEqual = isDeepStrictEqual;
    exports.debuglog = function () { var f = function () {}; f.enabled = false; return f; };
    exports.types = {
      isPromise: function (v) { return v instanceof Promise; },
      isDate: function (v) { return v instanceof Date; },
      isRegExp: function (v) { return v instanceof RegExp; },
      isMap: function (v) { return v instanceof Map; },
      isSet: function (v) { return v instanceof Set; },
      isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
      isUint8Array: function (v) { return v instanceof Uint8Array; },
      isArrayBuffer: function (v) { return v instanceof ArrayBuffer; },
      isNativeError: function (v) { return v instanceof Error; },
      isAsyncFunction: function (v) { return typeof v === 'function' && v.constructor && v.constructor.name === 'AsyncFunction'; },
    };
    exports.isArray = Array.isArray;
    exports.TextEncoder = globalThis.TextEncoder;
    exports.TextDecoder = globalThis.TextDecoder;
  });

  B.define('events', function (module) {
    function EventEmitter() { this._events = Object.create(null); this._max = 10; }
    var P = EventEmitter.prototype;
    function ev(self) { if (!self._events) self._events = Object.create(null); return self._events; }
    P.on = P.addListener = function (name, fn) {
      var e = ev(this);
      if (e.newListener && name !== 'newListener') this.emit('newListener', name, fn);
      (e[name] || (e[name] = [])).push(fn);
      return this;
    };
    P.prependListener = function (name, fn) { var e = ev(this); (e[name] || (e[name] = [])).unshift(fn); return this; };
    P.once = function (name, fn) {
      var self = this;
      function w() { self.off(name, w); return fn.apply(self, arguments); }
      w.listener = fn;
      return this.on(name, w);
    };
    P.off = P.removeListener = function (name, fn) {
      var list = ev(this)[name];
      if (!list) return this;
      for (var i = list.length - 1; i >= 0; i--) if (list[i] === fn || list[i].listener === fn) { list.splice(i, 1); break; }
      if (list.length === 0) delete ev(this)[name];
      return this;
    };
    P.removeAllListeners = function (name) { if (name === undefined) this._events = Object.create(null); else delete ev(this)[name]; return this; };
    P.emit = function (name) {
      var list = ev(this)[name];
      var args = Array.prototype.slice.call(arguments, 1);
      if (!list || list.length === 0) {
        if (name === 'error') { throw args[0] instanceof Error ? args[0] : new Error('Unhandled error. (' + String(args[0]) + ')'); }
        return false;
      }
      list = list.slice();
      for (var i = 0; i < list.length; i++) list[i].apply(this, args);
      return true;
    };
    P.listeners = function (name) { return (ev(this)[name] || []).map(function (f) { return f.listener || f; }); };
    P.rawListeners = function (name) { return (ev(this)[name] || []).slice(); };
    P.listenerCount = function (name) { return (ev(this)[name] || []).length; };
    P.eventNames = function () { return Object.keys(ev(this)); };
    P.setMaxListeners = function (n) { this._max = n; return this; };
    P.getMaxListeners = function () { return this._max; };
    EventEmitter.EventEmitter = EventEmitter;
    EventEmitter.defaultMaxListeners = 10;
    EventEmitter.once = function (em, name) {
      return new Promise(function (resolve, reject) {
        em.once(name, function () { resolve(Array.prototype.slice.call(arguments)); });
        if (name !== 'error') em.once('error', reject);
      });
    };
    module.exports = EventEmitter;
  });
})(globalThis.__burrow);
`;
