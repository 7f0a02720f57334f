/**
 * Guest source, evaluated inside QuickJS before user code: the bridge to the one host function, Node-style
 * errors from errnos, UTF-8 codecs, and the registry of built-in modules (each built on first require).
 * Guest sources are plain ES2023 strings with no template literals, so they embed in String.raw.
 */
export const CORE_SOURCE = String.raw`
(function (hostFn) {
  'use strict';
  var B = Object.create(null);
  Object.defineProperty(globalThis, '__burrow', { value: B, enumerable: false });
  var factories = Object.create(null);
  var instances = Object.create(null);

  function SystemError(e, extra) {
    var msg = e.code + ': ' + e.message;
    if (extra && extra.syscall) msg += ', ' + extra.syscall;
    if (extra && extra.path !== undefined) msg += " '" + extra.path + "'";
    if (extra && extra.dest !== undefined) msg += " -> '" + extra.dest + "'";
    var err = new Error(msg);
    err.errno = -e.errno;
    err.code = e.code;
    if (extra) {
      if (extra.syscall) err.syscall = extra.syscall;
      if (extra.path !== undefined) err.path = extra.path;
      if (extra.dest !== undefined) err.dest = extra.dest;
    }
    return err;
  }
  B.SystemError = SystemError;

  // Every outside read and effect goes through here: op name, JSON arguments, optional bytes.
  function call(op, args, bytes, extra) {
    var r = hostFn(op, JSON.stringify(args === undefined ? [] : args), bytes);
    if (typeof r !== 'string') return new Uint8Array(r);
    var o = JSON.parse(r);
    if (o.err) {
      if (o.err.code === undefined) throw new Error(o.err.message);
      throw SystemError(o.err, extra);
    }
    return o.ok;
  }
  B.call = call;
  B.compile = function (code, filename) { return hostFn('compile', JSON.stringify([code, filename])); };

  // ---- UTF-8 ----
  function utf8Encode(str) {
    str = String(str);
    var out = new Uint8Array(str.length * 3);
    var n = 0;
    for (var i = 0; i < str.length; i++) {
      var c = str.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < str.length) {
        var d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
        else c = 0xfffd;
      } else if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      if (c < 0x80) out[n++] = c;
      else if (c < 0x800) { out[n++] = 0xc0 | (c >> 6); out[n++] = 0x80 | (c & 63); }
      else if (c < 0x10000) { out[n++] = 0xe0 | (c >> 12); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
      else { out[n++] = 0xf0 | (c >> 18); out[n++] = 0x80 | ((c >> 12) & 63); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
    }
    return out.slice(0, n);
  }
  function utf8Decode(bytes, start, end) {
    start = start || 0;
    end = end === undefined ? bytes.length : end;
    var parts = [];
    var chunk = [];
    for (var i = start; i < end; ) {
      var b = bytes[i];
      var c = 0xfffd;
      var need = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
      if (need === 0) { c = b; i++; }
      else if (need < 0) { i++; }
      else {
        c = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
        var ok = true;
        for (var k = 1; k <= need; k++) {
          var x = i + k < end ? bytes[i + k] : undefined;
          if (x === undefined || (x & 0xc0) !== 0x80) { ok = false; break; }
          c = (c << 6) | (x & 63);
        }
        if (!ok || (need === 2 && c < 0x800) || (need === 3 && (c < 0x10000 || c > 0x10ffff)) || (c >= 0xd800 && c < 0xe000)) { c = 0xfffd; i++; }
        else i += need + 1;
      }
      if (c > 0xffff) { c -= 0x10000; chunk.push(0xd800 + (c >> 10), 0xdc00 + (c & 1023)); }
      else chunk.push(c);
      if (chunk.length > 8000) { parts.push(String.fromCharCode.apply(null, chunk)); chunk = []; }
    }
    parts.push(String.fromCharCode.apply(null, chunk));
    return parts.join('');
  }
  B.utf8Encode = utf8Encode;
  B.utf8Decode = utf8Decode;

  function TextEncoder() {}
  TextEncoder.prototype.encoding = 'utf-8';
  TextEncoder.prototype.encode = function (s) { return utf8Encode(s === undefined ? '' : s); };
  TextEncoder.prototype.encodeInto = function (s, dest) {
    var b = utf8Encode(s);
    var n = Math.min(b.length, dest.length);
    dest.set(b.subarray(0, n));
    return { read: s.length, written: n };
  };
  function TextDecoder(label, opts) {
    var l = String(label === undefined ? 'utf-8' : label).toLowerCase();
    if (l !== 'utf-8' && l !== 'utf8' && l !== 'latin1' && l !== 'ascii') throw new RangeError('The "' + label + '" encoding is not supported');
    this.encoding = l === 'utf8' ? 'utf-8' : l;
    this.fatal = !!(opts && opts.fatal);
    this.ignoreBOM = !!(opts && opts.ignoreBOM);
  }
  TextDecoder.prototype.decode = function (input) {
    if (input === undefined) return '';
    var bytes = input instanceof Uint8Array ? input : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
    if (this.encoding !== 'utf-8') { var s = ''; for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]); return s; }
    var start = !this.ignoreBOM && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return utf8Decode(bytes, start);
  };
  globalThis.TextEncoder = TextEncoder;
  globalThis.TextDecoder = TextDecoder;

  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function b64Encode(bytes) {
    var out = '';
    for (var i = 0; i < bytes.length; i += 3) {
      var a = bytes[i], b = bytes[i + 1], c = bytes[i + 2];
      out += B64[a >> 2] + B64[((a & 3) << 4) | ((b || 0) >> 4)] + (b === undefined ? '=' : B64[((b & 15) << 2) | ((c || 0) >> 6)]) + (c === undefined ? '=' : B64[c & 63]);
    }
    return out;
  }
  function b64Decode(str) {
    str = String(str).replace(/[^A-Za-z0-9+/\-_]/g, '');
    var out = new Uint8Array(Math.floor((str.length * 3) / 4));
    var n = 0, acc = 0, bits = 0;
    for (var i = 0; i < str.length; i++) {
      var ch = str[i];
      var v = ch === '-' ? 62 : ch === '_' ? 63 : B64.indexOf(ch);
      acc = (acc << 6) | v; bits += 6;
      if (bits >= 8) { bits -= 8; out[n++] = (acc >> bits) & 255; }
    }
    return out.slice(0, n);
  }
  B.b64Encode = b64Encode;
  B.b64Decode = b64Decode;
  globalThis.btoa = function (s) {
    s = String(s);
    var b = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) { var c = s.charCodeAt(i); if (c > 255) throw new Error('Invalid character'); b[i] = c; }
    return b64Encode(b);
  };
  globalThis.atob = function (s) {
    var b = b64Decode(s);
    var out = '';
    for (var i = 0; i < b.length; i++) out += String.fromCharCode(b[i]);
    return out;
  };

  // ---- built-in modules ----
  B.define = function (name, factory) { factories[name] = factory; };
  B.builtinNames = function () { return Object.keys(factories); };
  B.isBuiltin = function (name) {
    if (name.slice(0, 5) === 'node:') name = name.slice(5);
    return name in factories;
  };
  B.builtin = function (name) {
    if (name.slice(0, 5) === 'node:') name = name.slice(5);
    if (name in instances) return instances[name].exports;
    var f = factories[name];
    if (f === undefined) {
      var e = new Error("Cannot find module '" + name + "'");
      e.code = 'MODULE_NOT_FOUND';
      throw e;
    }
    var m = { exports: {} };
    instances[name] = m;
    f(m, m.exports, B.builtin);
    return m.exports;
  };
  /** Export names of a built-in, for ES module namespaces. */
  B.builtinExportNames = function (name) {
    var ex = B.builtin(name);
    return Object.keys(ex).filter(function (k) { return /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default'; });
  };
})(__burrow_host);
`;
