/**
 * Guest source of `buffer` (Buffer as a Uint8Array subclass: the common encodings, integer reads and writes,
 * concat, compare, search) and `string_decoder`. Plain JS for QuickJS; no template literals.
 */
export const BUFFER_SOURCE = String.raw`
(function (B) {
  'use strict';
  B.define('buffer', function (module, exports) {
    function norm(enc) {
      var e = String(enc || 'utf8').toLowerCase();
      if (e === 'utf-8') return 'utf8';
      if (e === 'binary') return 'latin1';
      if (e === 'ucs2' || e === 'ucs-2' || e === 'utf-16le') return 'utf16le';
      if (['utf8', 'hex', 'base64', 'base64url', 'latin1', 'ascii', 'utf16le'].indexOf(e) < 0) throw new TypeError('Unknown encoding: ' + enc);
      return e;
    }
    function encode(str, enc) {
      switch (norm(enc)) {
        case 'utf8': return B.utf8Encode(str);
        case 'hex': {
          var n = Math.floor(str.length / 2), out = new Uint8Array(n), k = 0;
          for (var i = 0; i < n; i++) { var v = parseInt(str.substr(i * 2, 2), 16); if (isNaN(v)) break; out[k++] = v; }
          return out.slice(0, k);
        }
        case 'base64': case 'base64url': return B.b64Decode(str);
        case 'utf16le': {
          var u = new Uint8Array(str.length * 2);
          for (var j = 0; j < str.length; j++) { var c = str.charCodeAt(j); u[j * 2] = c & 255; u[j * 2 + 1] = c >> 8; }
          return u;
        }
        default: {
          var l = new Uint8Array(str.length);
          for (var m = 0; m < str.length; m++) l[m] = str.charCodeAt(m) & 255;
          return l;
        }
      }
    }
    function decode(bytes, enc, start, end) {
      var b = bytes.subarray(start, end);
      switch (norm(enc)) {
        case 'utf8': return B.utf8Decode(b);
        case 'hex': { var h = ''; for (var i = 0; i < b.length; i++) h += (b[i] < 16 ? '0' : '') + b[i].toString(16); return h; }
        case 'base64': return B.b64Encode(b);
        case 'base64url': return B.b64Encode(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        case 'utf16le': { var s = ''; for (var j = 0; j + 1 < b.length; j += 2) s += String.fromCharCode(b[j] | (b[j + 1] << 8)); return s; }
        case 'ascii': { var a = ''; for (var k = 0; k < b.length; k++) a += String.fromCharCode(b[k] & 127); return a; }
        default: { var l = ''; for (var m = 0; m < b.length; m++) l += String.fromCharCode(b[m]); return l; }
      }
    }
    class Buffer extends Uint8Array {
      static from(v, encOrOffset, length) {
        if (typeof v === 'string') return wrap(encode(v, encOrOffset));
        if (v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer)) {
          var off = encOrOffset === undefined ? 0 : encOrOffset;
          return new Buffer(v, off, length === undefined ? v.byteLength - off : length);
        }
        if (ArrayBuffer.isView(v)) { var c = new Buffer(v.byteLength); c.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)); return c; }
        if (Array.isArray(v)) { var r = new Buffer(v.length); for (var i = 0; i < v.length; i++) r[i] = v[i]; return r; }
        if (v && v.type === 'Buffer' && Array.isArray(v.data)) return Buffer.from(v.data);
        if (v && typeof v.valueOf === 'function' && v.valueOf() !== v) return Buffer.from(v.valueOf(), encOrOffset, length);
        throw new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.');
      }
      static alloc(n, fill, enc) { var b = new Buffer(n); if (fill !== undefined) b.fill(fill, 0, n, enc); return b; }
      static allocUnsafe(n) { return new Buffer(n); }
      static allocUnsafeSlow(n) { return new Buffer(n); }
      static isBuffer(v) { return v instanceof Buffer; }
      static isEncoding(e) { try { norm(e); return true; } catch (x) { return false; } }
      static byteLength(v, enc) { return typeof v === 'string' ? encode(v, enc).length : v.byteLength; }
      static concat(list, total) {
        if (total === undefined) total = list.reduce(function (n, b) { return n + b.length; }, 0);
        var out = Buffer.alloc(total), at = 0;
        for (var i = 0; i < list.length && at < total; i++) {
          var b = list[i];
          var n = Math.min(b.length, total - at);
          out.set(b.subarray(0, n), at); at += n;
        }
        return out;
      }
      static compare(a, b) { return a.compare(b); }
      toString(enc, start, end) { return decode(this, enc, start === undefined ? 0 : start, end === undefined ? this.length : end); }
      toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
      equals(o) { return this.compare(o) === 0; }
      compare(o) {
        var n = Math.min(this.length, o.length);
        for (var i = 0; i < n; i++) if (this[i] !== o[i]) return this[i] < o[i] ? -1 : 1;
        return this.length === o.length ? 0 : this.length < o.length ? -1 : 1;
      }
      subarray(s, e) { var u = Uint8Array.prototype.subarray.call(this, s, e); return new Buffer(u.buffer, u.byteOffset, u.length); }
      slice(s, e) { return this.subarray(s, e); }
      write(str, offset, length, enc) {
        if (typeof offset === 'string') { enc = offset; offset = 0; length = undefined; }
        else if (typeof length === 'string') { enc = length; length = undefined; }
        offset = offset || 0;
        var b = encode(str, enc);
        var n = Math.min(b.length, this.length - offset, length === undefined ? Infinity : length);
        this.set(b.subarray(0, n), offset);
        return n;
      }
      fill(v, start, end, enc) {
        if (typeof start === 'string') { enc = start; start = 0; end = this.length; }
        start = start || 0; end = end === undefined ? this.length : end;
        if (typeof v === 'number') return Uint8Array.prototype.fill.call(this, v & 255, start, end);
        var b = typeof v === 'string' ? encode(v, enc) : v;
        if (b.length === 0) return Uint8Array.prototype.fill.call(this, 0, start, end);
        for (var i = start, j = 0; i < end; i++, j = (j + 1) % b.length) this[i] = b[j];
        return this;
      }
      copy(target, tStart, sStart, sEnd) {
        tStart = tStart || 0; sStart = sStart || 0; sEnd = sEnd === undefined ? this.length : sEnd;
        var n = Math.min(sEnd - sStart, target.length - tStart);
        if (n <= 0) return 0;
        target.set(Uint8Array.prototype.subarray.call(this, sStart, sStart + n), tStart);
        return n;
      }
      indexOf(v, from, enc) {
        if (typeof v === 'number') return Uint8Array.prototype.indexOf.call(this, v, from);
        var n = typeof v === 'string' ? encode(v, enc) : v;
        from = from || 0;
        if (from < 0) from = Math.max(0, this.length + from);
        outer: for (var i = from; i <= this.length - n.length; i++) {
          for (var j = 0; j < n.length; j++) if (this[i + j] !== n[j]) continue outer;
          return i;
        }
        return -1;
      }
      includes(v, from, enc) { return this.indexOf(v, from, enc) >= 0; }
      dv() { return new DataView(this.buffer, this.byteOffset, this.byteLength); }
      readUInt8(o) { return this.dv().getUint8(o || 0); }
      readInt8(o) { return this.dv().getInt8(o || 0); }
      readUInt16LE(o) { return this.dv().getUint16(o || 0, true); }
      readUInt16BE(o) { return this.dv().getUint16(o || 0, false); }
      readInt16LE(o) { return this.dv().getInt16(o || 0, true); }
      readInt16BE(o) { return this.dv().getInt16(o || 0, false); }
      readUInt32LE(o) { return this.dv().getUint32(o || 0, true); }
      readUInt32BE(o) { return this.dv().getUint32(o || 0, false); }
      readInt32LE(o) { return this.dv().getInt32(o || 0, true); }
      readInt32BE(o) { return this.dv().getInt32(o || 0, false); }
      readFloatLE(o) { return this.dv().getFloat32(o || 0, true); }
      readFloatBE(o) { return this.dv().getFloat32(o || 0, false); }
      readDoubleLE(o) { return this.dv().getFloat64(o || 0, true); }
      readDoubleBE(o) { return this.dv().getFloat64(o || 0, false); }
      readBigUInt64LE(o) { return this.dv().getBigUint64(o || 0, true); }
      readBigUInt64BE(o) { return this.dv().getBigUint64(o || 0, false); }
      readBigInt64LE(o) { return this.dv().getBigInt64(o || 0, true); }
      readBigInt64BE(o) { return this.dv().getBigInt64(o || 0, false); }
      writeUInt8(v, o) { this.dv().setUint8(o || 0, v); return (o || 0) + 1; }
      writeInt8(v, o) { this.dv().setInt8(o || 0, v); return (o || 0) + 1; }
      writeUInt16LE(v, o) { this.dv().setUint16(o || 0, v, true); return (o || 0) + 2; }
      writeUInt16BE(v, o) { this.dv().setUint16(o || 0, v, false); return (o || 0) + 2; }
      writeInt16LE(v, o) { this.dv().setInt16(o || 0, v, true); return (o || 0) + 2; }
      writeInt16BE(v, o) { this.dv().setInt16(o || 0, v, false); return (o || 0) + 2; }
      writeUInt32LE(v, o) { this.dv().setUint32(o || 0, v, true); return (o || 0) + 4; }
      writeUInt32BE(v, o) { this.dv().setUint32(o || 0, v, false); return (o || 0) + 4; }
      writeInt32LE(v, o) { this.dv().setInt32(o || 0, v, true); return (o || 0) + 4; }
      writeInt32BE(v, o) { this.dv().setInt32(o || 0, v, false); return (o || 0) + 4; }
      writeFloatLE(v, o) { this.dv().setFloat32(o || 0, v, true); return (o || 0) + 4; }
      writeDoubleLE(v, o) { this.dv().setFloat64(o || 0, v, true); return (o || 0) + 8; }
      writeBigUInt64LE(v, o) { this.dv().setBigUint64(o || 0, v, true); return (o || 0) + 8; }
    }
    ['readUint8', 'readUint16LE', 'readUint16BE', 'readUint32LE', 'readUint32BE', 'writeUint8', 'writeUint16LE', 'writeUint16BE', 'writeUint32LE', 'writeUint32BE'].forEach(function (alias) {
      Buffer.prototype[alias] = Buffer.prototype[alias.replace('Uint', 'UInt')];
    });
    Buffer.poolSize = 8192;
    function wrap(u8) { return new Buffer(u8.buffer, u8.byteOffset, u8.length); }
    B.isBuffer = function (v) { return v instanceof Buffer; };
    exports.Buffer = Buffer;
    exports.kMaxLength = 2147483647;
    exports.constants = { MAX_LENGTH: 2147483647, MAX_STRING_LENGTH: 536870888 };
    exports.atob = globalThis.atob;
    exports.btoa = globalThis.btoa;
    globalThis.Buffer = Buffer;
  });

  B.define('string_decoder', function (module, exports) {
    function StringDecoder(enc) { this.encoding = String(enc || 'utf8').toLowerCase().replace('-', ''); this.pending = new Uint8Array(0); }
    StringDecoder.prototype.write = function (buf) {
      var Buffer = B.builtin('buffer').Buffer;
      if (this.encoding !== 'utf8') return Buffer.from(buf).toString(this.encoding);
      var all = new Uint8Array(this.pending.length + buf.length);
      all.set(this.pending); all.set(buf, this.pending.length);
      var end = all.length, back = 0;
      while (back < 4 && end - back - 1 >= 0 && (all[end - back - 1] & 0xc0) === 0x80) back++;
      var lead = end - back - 1;
      if (lead >= 0) {
        var b = all[lead];
        var need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (need > back + 1) end = lead;
      }
      this.pending = all.slice(end);
      return B.utf8Decode(all, 0, end);
    };
    StringDecoder.prototype.end = function (buf) {
      var s = buf ? this.write(buf) : '';
      var rest = this.pending.length ? B.utf8Decode(this.pending) : '';
      this.pending = new Uint8Array(0);
      return s + rest;
    };
    exports.StringDecoder = StringDecoder;
  });
})(globalThis.__burrow);
`;
