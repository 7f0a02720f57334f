/**
 * Guest source of `fs` and `fs/promises` over the sandbox filesystem: the sync calls are host calls; the
 * callback and promise forms run the sync call and settle on the next microtask (the kernel answers quickly
 * and in order, so nothing is lost by it). Plain JS for QuickJS; no template literals.
 */
// biome-ignore lint/complexity/noUselessStringRaw: every guest source is raw, so escapes added later reach QuickJS unchanged
export const FS_SOURCE = String.raw`
(function (B) {
  'use strict';
  var call = B.call;
  B.define('fs', function (module, exports) {
    var pathMod = B.builtin('path');
    var Buffer = B.builtin('buffer').Buffer;
    var EventEmitter = B.builtin('events');
    function toPath(p) {
      if (p instanceof Uint8Array) p = B.utf8Decode(p);
      else if (p && typeof p === 'object' && p.protocol === 'file:') p = decodeURIComponent(p.pathname);
      if (typeof p !== 'string') throw new TypeError('The "path" argument must be of type string or an instance of Buffer or URL. Received ' + typeof p);
      return pathMod.resolve(p);
    }
    function encOf(o) { return typeof o === 'string' ? o : o && o.encoding ? o.encoding : null; }
    function bytesOf(data, o) {
      if (typeof data === 'string') return Buffer.from(data, encOf(o) || 'utf8');
      if (data instanceof Uint8Array) return data;
      if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      return Buffer.from(String(data));
    }
    function ab(u8) { return u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? u8.buffer : u8.slice().buffer; }
    var S_IFMT = 61440, S_IFREG = 32768, S_IFDIR = 16384, S_IFLNK = 40960;
    function Stats(s) {
      this.dev = 1; this.ino = s.ino; this.mode = (s.type === 'dir' ? S_IFDIR : s.type === 'symlink' ? S_IFLNK : S_IFREG) | (s.mode & 4095);
      this.nlink = s.nlink; this.uid = 0; this.gid = 0; this.rdev = 0; this.size = s.size; this.blksize = 4096;
      this.blocks = Math.ceil(s.size / 512);
      this.atimeMs = s.atimeMs; this.mtimeMs = s.mtimeMs; this.ctimeMs = s.ctimeMs; this.birthtimeMs = s.ctimeMs;
      this.atime = new Date(s.atimeMs); this.mtime = new Date(s.mtimeMs); this.ctime = new Date(s.ctimeMs); this.birthtime = new Date(s.ctimeMs);
    }
    Stats.prototype.isFile = function () { return (this.mode & S_IFMT) === S_IFREG; };
    Stats.prototype.isDirectory = function () { return (this.mode & S_IFMT) === S_IFDIR; };
    Stats.prototype.isSymbolicLink = function () { return (this.mode & S_IFMT) === S_IFLNK; };
    Stats.prototype.isFIFO = Stats.prototype.isSocket = Stats.prototype.isBlockDevice = Stats.prototype.isCharacterDevice = function () { return false; };
    function Dirent(name, type, dir) { this.name = name; this.parentPath = dir; this.path = dir; this._t = type; }
    Dirent.prototype.isFile = function () { return this._t === 'file'; };
    Dirent.prototype.isDirectory = function () { return this._t === 'dir'; };
    Dirent.prototype.isSymbolicLink = function () { return this._t === 'symlink'; };
    Dirent.prototype.isFIFO = Dirent.prototype.isSocket = Dirent.prototype.isBlockDevice = Dirent.prototype.isCharacterDevice = function () { return false; };
    function err(code, errno, message, syscall, path) { return B.SystemError({ code: code, errno: errno, message: message }, { syscall: syscall, path: path }); }
    function x(syscall, path) { return { syscall: syscall, path: path }; }

    var fs = exports;
    fs.constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024, S_IFMT: S_IFMT, S_IFREG: S_IFREG, S_IFDIR: S_IFDIR, S_IFLNK: S_IFLNK, COPYFILE_EXCL: 1 };
    Object.assign(fs, { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 });
    fs.Stats = Stats;
    fs.Dirent = Dirent;

    fs.readFileSync = function (p, o) {
      var bytes;
      if (typeof p === 'number') bytes = call('readFd', [p]);
      else { var path = toPath(p); bytes = call('readFile', [path], undefined, x('open', path)); }
      var buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      var enc = encOf(o);
      return enc ? buf.toString(enc) : buf;
    };
    fs.writeFileSync = function (p, data, o) {
      var bytes = bytesOf(data, o);
      if (typeof p === 'number') { call('fwrite', [p, null], ab(bytes)); return; }
      var path = toPath(p);
      var flag = o && typeof o === 'object' && o.flag ? o.flag : 'w';
      call('writeFile', [path, { append: flag[0] === 'a', exclusive: flag.indexOf('x') >= 0, mode: o && o.mode }], ab(bytes), x('open', path));
    };
    fs.appendFileSync = function (p, data, o) {
      if (typeof p === 'number') return fs.writeFileSync(p, data, o);
      var path = toPath(p);
      call('writeFile', [path, { append: true }], ab(bytesOf(data, o)), x('open', path));
    };
    fs.existsSync = function (p) { try { call('stat', [toPath(p), true]); return true; } catch (e) { return false; } };
    fs.accessSync = function (p) { var path = toPath(p); call('stat', [path, true], undefined, x('access', path)); };
    fs.statSync = function (p, o) {
      var path = toPath(p);
      try { return new Stats(call('stat', [path, true], undefined, x('stat', path))); }
      catch (e) { if (o && o.throwIfNoEntry === false && e.code === 'ENOENT') return undefined; throw e; }
    };
    fs.lstatSync = function (p, o) {
      var path = toPath(p);
      try { return new Stats(call('stat', [path, false], undefined, x('lstat', path))); }
      catch (e) { if (o && o.throwIfNoEntry === false && e.code === 'ENOENT') return undefined; throw e; }
    };
    fs.fstatSync = function (fd) { return new Stats(call('fstat', [fd], undefined, x('fstat'))); };
    fs.readdirSync = function (p, o) {
      var path = toPath(p);
      var list = call('readdir', [path], undefined, x('scandir', path)).sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
      if (o && o.recursive) {
        var all = [];
        list.forEach(function (e) {
          all.push(o.withFileTypes ? new Dirent(e.name, e.type, path) : e.name);
          if (e.type === 'dir') fs.readdirSync(pathMod.join(path, e.name), o).forEach(function (c) {
            if (o.withFileTypes) all.push(c); else all.push(e.name + '/' + c);
          });
        });
        return all;
      }
      return list.map(function (e) { return o && o.withFileTypes ? new Dirent(e.name, e.type, path) : e.name; });
    };
    fs.mkdirSync = function (p, o) {
      var path = toPath(p);
      var mode = typeof o === 'number' ? o : o && o.mode !== undefined ? o.mode : 511;
      if (o && o.recursive) {
        var parts = path.split('/').filter(Boolean), cur = '', first;
        for (var i = 0; i < parts.length; i++) {
          cur += '/' + parts[i];
          var s = null;
          try { s = call('stat', [cur, true]); } catch (e) { if (e.code !== 'ENOENT') throw e; }
          if (s === null) { call('mkdir', [cur, mode], undefined, x('mkdir', path)); if (first === undefined) first = cur; }
          else if (s.type !== 'dir') throw err('ENOTDIR', 54, 'not a directory', 'mkdir', path);
        }
        return first;
      }
      call('mkdir', [path, mode], undefined, x('mkdir', path));
      return undefined;
    };
    fs.mkdtempSync = function (prefix) {
      var chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
      for (var n = 0; n < 100; n++) {
        var r = call('random', [6]), s = '';
        for (var i = 0; i < 6; i++) s += chars[r[i] % chars.length];
        try { fs.mkdirSync(prefix + s, 448); return prefix + s; } catch (e) { if (e.code !== 'EEXIST') throw e; }
      }
      throw err('EEXIST', 17, 'file already exists', 'mkdtemp', prefix);
    };
    fs.rmdirSync = function (p, o) {
      if (o && o.recursive) return fs.rmSync(p, { recursive: true, force: true });
      var path = toPath(p);
      call('rmdir', [path], undefined, x('rmdir', path));
    };
    fs.rmSync = function (p, o) {
      var path = toPath(p);
      var s;
      try { s = call('stat', [path, false], undefined, x('rm', path)); }
      catch (e) { if (o && o.force && e.code === 'ENOENT') return; throw e; }
      if (s.type === 'dir') {
        if (!(o && o.recursive)) throw err('ERR_FS_EISDIR', 21, 'Path is a directory', 'rm', path);
        call('readdir', [path]).forEach(function (e) { fs.rmSync(pathMod.join(path, e.name), o); });
        call('rmdir', [path], undefined, x('rmdir', path));
      } else call('unlink', [path], undefined, x('unlink', path));
    };
    fs.unlinkSync = function (p) { var path = toPath(p); call('unlink', [path], undefined, x('unlink', path)); };
    fs.renameSync = function (a, b) { var f = toPath(a), t = toPath(b); call('rename', [f, t], undefined, { syscall: 'rename', path: f, dest: t }); };
    fs.copyFileSync = function (a, b, mode) {
      var f = toPath(a), t = toPath(b);
      var bytes = call('readFile', [f], undefined, x('copyfile', f));
      call('writeFile', [t, { exclusive: (mode & 1) === 1 }], ab(bytes), x('copyfile', t));
    };
    fs.cpSync = function (a, b, o) {
      var f = toPath(a), t = toPath(b);
      var s = call('stat', [f, true], undefined, x('cp', f));
      if (s.type === 'dir') {
        if (!(o && o.recursive)) throw err('ERR_FS_EISDIR', 21, 'Recursive option is required to copy a directory', 'cp', f);
        fs.mkdirSync(t, { recursive: true });
        call('readdir', [f]).forEach(function (e) { fs.cpSync(pathMod.join(f, e.name), pathMod.join(t, e.name), o); });
      } else fs.copyFileSync(f, t);
    };
    fs.symlinkSync = function (target, p) { var path = toPath(p); call('symlink', [String(target), path], undefined, x('symlink', path)); };
    fs.linkSync = function (a, b) { var f = toPath(a), t = toPath(b); call('link', [f, t], undefined, { syscall: 'link', path: f, dest: t }); };
    fs.readlinkSync = function (p) { var path = toPath(p); return call('readlink', [path], undefined, x('readlink', path)); };
    fs.realpathSync = function (p) { var path = toPath(p); return call('realpath', [path], undefined, x('realpath', path)); };
    fs.realpathSync.native = fs.realpathSync;
    fs.chmodSync = function (p, mode) { var path = toPath(p); call('chmod', [path, typeof mode === 'string' ? parseInt(mode, 8) : mode], undefined, x('chmod', path)); };
    fs.chownSync = function () {};
    fs.utimesSync = function (p, a, m) {
      var path = toPath(p);
      function ms(t) { return t instanceof Date ? t.getTime() : Number(t) * 1000; }
      call('utimes', [path, ms(a), ms(m)], undefined, x('utime', path));
    };
    fs.truncateSync = function (p, len) { var path = toPath(p); call('truncate', [path, len || 0], undefined, x('open', path)); };
    fs.ftruncateSync = function (fd, len) { call('ftruncate', [fd, len || 0], undefined, x('ftruncate')); };
    function flagsOf(f) {
      if (typeof f === 'number') return { read: (f & 3) !== 1, write: (f & 3) !== 0, create: (f & 64) !== 0, exclusive: (f & 128) !== 0, truncate: (f & 512) !== 0, append: (f & 1024) !== 0 };
      f = f || 'r';
      var plus = f.indexOf('+') >= 0, k = f[0];
      return { read: k === 'r' || plus, write: k !== 'r' || plus, create: k !== 'r', truncate: k === 'w', append: k === 'a', exclusive: f.indexOf('x') >= 0 };
    }
    fs.openSync = function (p, flags, mode) {
      var path = toPath(p);
      var o = flagsOf(flags);
      o.mode = mode === undefined ? 438 : mode;
      return call('open', [path, o], undefined, x('open', path));
    };
    fs.closeSync = function (fd) { call('close', [fd], undefined, x('close')); };
    fs.readSync = function (fd, buf, off, len, pos) {
      if (off && typeof off === 'object') { pos = off.position; len = off.length; off = off.offset; }
      off = off || 0; len = len === undefined ? buf.byteLength - off : len;
      var bytes = call('fread', [fd, len, pos === undefined || pos === null ? null : Number(pos)], undefined, x('read'));
      new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength).set(bytes, off);
      return bytes.length;
    };
    fs.writeSync = function (fd, data, offOrPos, lenOrEnc, pos) {
      var bytes;
      if (typeof data === 'string') { bytes = Buffer.from(data, typeof lenOrEnc === 'string' ? lenOrEnc : 'utf8'); pos = offOrPos; }
      else {
        var u = bytesOf(data);
        var off = offOrPos || 0;
        bytes = u.subarray(off, lenOrEnc === undefined ? u.length : off + lenOrEnc);
      }
      return call('fwrite', [fd, pos === undefined || pos === null ? null : Number(pos)], ab(bytes), x('write'));
    };
    fs.fsyncSync = fs.fdatasyncSync = function () {};

    fs.createWriteStream = function (p, o) {
      var flags = o && o.flags ? o.flags : 'w';
      var fd = o && typeof o.fd === 'number' ? o.fd : fs.openSync(p, flags);
      var ws = new EventEmitter();
      ws.path = p; ws.fd = fd; ws.bytesWritten = 0; ws.writable = true;
      ws.write = function (chunk, enc, cb) {
        if (typeof enc === 'function') cb = enc;
        ws.bytesWritten += fs.writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk, typeof enc === 'string' ? enc : 'utf8') : chunk);
        if (typeof cb === 'function') queueMicrotask(cb);
        return true;
      };
      ws.end = function (chunk, enc, cb) {
        if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
        if (chunk !== undefined && chunk !== null) ws.write(chunk, enc);
        fs.closeSync(fd);
        ws.writable = false;
        queueMicrotask(function () { ws.emit('finish'); ws.emit('close'); if (typeof cb === 'function') cb(); });
        return ws;
      };
      ws.close = function (cb) { return ws.end(cb); };
      queueMicrotask(function () { ws.emit('open', fd); ws.emit('ready'); });
      return ws;
    };
    fs.createReadStream = function (p, o) {
      var rs = new EventEmitter();
      var enc = encOf(o);
      rs.path = p; rs.readable = true;
      rs.setEncoding = function (e) { enc = e; return rs; };
      rs.pipe = function (dest) { rs.on('data', function (c) { dest.write(c); }); rs.on('end', function () { if (dest !== globalThis.process.stdout && dest !== globalThis.process.stderr) dest.end(); }); return dest; };
      rs[Symbol.asyncIterator] = function () {
        var data = fs.readFileSync(p), done = false;
        return { next: function () { if (done || data.length === 0) return Promise.resolve({ done: true, value: undefined }); done = true; return Promise.resolve({ done: false, value: enc ? data.toString(enc) : data }); }, [Symbol.asyncIterator]: function () { return this; } };
      };
      setTimeout(function () {
        try {
          var data = fs.readFileSync(p);
          rs.emit('open'); rs.emit('ready');
          var size = 65536;
          for (var i = 0; i < data.length; i += size) rs.emit('data', enc ? data.subarray(i, i + size).toString(enc) : data.subarray(i, i + size));
          rs.emit('end'); rs.emit('close');
        } catch (e) { rs.emit('error', e); }
      }, 0);
      return rs;
    };

    var asyncNames = ['readFile', 'writeFile', 'appendFile', 'access', 'stat', 'lstat', 'fstat', 'readdir', 'mkdir', 'mkdtemp', 'rmdir', 'rm', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'link', 'readlink', 'realpath', 'chmod', 'chown', 'utimes', 'truncate', 'ftruncate', 'open', 'close', 'fsync'];
    var promises = {};
    asyncNames.forEach(function (name) {
      var sync = fs[name + 'Sync'];
      fs[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
        var result, error = null;
        try { result = sync.apply(fs, args); } catch (e) { error = e; }
        if (cb) queueMicrotask(function () { if (error) cb(error); else cb(null, result); });
      };
      promises[name] = function () {
        var args = arguments;
        return new Promise(function (resolve, reject) {
          try { resolve(sync.apply(fs, args)); } catch (e) { reject(e); }
        });
      };
    });
    fs.exists = function (p, cb) { var r = fs.existsSync(p); queueMicrotask(function () { cb(r); }); };
    fs.read = function (fd, buf, off, len, pos, cb) {
      try { var n = fs.readSync(fd, buf, off, len, pos); queueMicrotask(function () { cb(null, n, buf); }); } catch (e) { queueMicrotask(function () { cb(e); }); }
    };
    fs.write = function (fd, data) {
      var args = Array.prototype.slice.call(arguments);
      var cb = args.pop();
      try { var n = fs.writeSync.apply(fs, args); queueMicrotask(function () { cb(null, n, data); }); } catch (e) { queueMicrotask(function () { cb(e); }); }
    };
    promises.open = function (p, flags, mode) {
      return new Promise(function (resolve) {
        var fd = fs.openSync(p, flags, mode);
        resolve({
          fd: fd,
          readFile: function (o) { return Promise.resolve(fs.readFileSync(fd, o)); },
          writeFile: function (d, o) { return Promise.resolve(fs.writeFileSync(fd, d, o)); },
          write: function (d, a, b, c) { return Promise.resolve({ bytesWritten: fs.writeSync(fd, d, a, b, c), buffer: d }); },
          read: function (buf, off, len, pos) { return Promise.resolve({ bytesRead: fs.readSync(fd, buf, off, len, pos), buffer: buf }); },
          stat: function () { return Promise.resolve(fs.fstatSync(fd)); },
          truncate: function (n) { return Promise.resolve(fs.ftruncateSync(fd, n)); },
          close: function () { return Promise.resolve(fs.closeSync(fd)); },
        });
      });
    };
    promises.constants = fs.constants;
    fs.promises = promises;
  });
  B.define('fs/promises', function (module) { module.exports = B.builtin('fs').promises; });
})(globalThis.__burrow);
`;
