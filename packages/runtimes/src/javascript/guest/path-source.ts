/**
 * Guest source of `path` (POSIX only; `path.posix` is itself and `path.win32` is absent). Plain JS for QuickJS.
 */
export const PATH_SOURCE = String.raw`
(function (B) {
  'use strict';
  B.define('path', function (module) {
    function normalizeParts(parts, absolute) {
      var out = [];
      for (var i = 0; i < parts.length; i++) {
        var p = parts[i];
        if (p === '' || p === '.') continue;
        if (p === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!absolute) out.push('..'); }
        else out.push(p);
      }
      return out;
    }
    var path = {
      sep: '/',
      delimiter: ':',
      normalize: function (p) {
        if (p === '') return '.';
        var abs = p[0] === '/';
        var trail = p[p.length - 1] === '/';
        var s = normalizeParts(p.split('/'), abs).join('/');
        if (s === '' && !abs) s = '.';
        if (s !== '' && trail) s += '/';
        return (abs ? '/' : '') + s;
      },
      join: function () {
        var parts = Array.prototype.filter.call(arguments, function (a) { if (typeof a !== 'string') throw new TypeError('The "path" argument must be of type string'); return a !== ''; });
        return parts.length ? path.normalize(parts.join('/')) : '.';
      },
      resolve: function () {
        var r = '';
        for (var i = arguments.length - 1; i >= -1 && r[0] !== '/'; i--) {
          var a = i >= 0 ? arguments[i] : globalThis.process ? globalThis.process.cwd() : '/';
          if (typeof a !== 'string') throw new TypeError('The "path" argument must be of type string');
          if (a !== '') r = a + (r ? '/' + r : '');
        }
        var s = '/' + normalizeParts(r.split('/'), true).join('/');
        return s;
      },
      isAbsolute: function (p) { return p.length > 0 && p[0] === '/'; },
      dirname: function (p) {
        if (p === '') return '.';
        var s = p.replace(/\/+$/, '');
        if (s === '') return '/';
        var i = s.lastIndexOf('/');
        if (i < 0) return '.';
        var d = s.slice(0, i).replace(/\/+$/, '');
        return d === '' ? '/' : d;
      },
      basename: function (p, ext) {
        var s = p.replace(/\/+$/, '');
        var b = s.slice(s.lastIndexOf('/') + 1);
        if (ext && b !== ext && b.slice(-ext.length) === ext) b = b.slice(0, -ext.length);
        return b;
      },
      extname: function (p) {
        var b = path.basename(p);
        var i = b.lastIndexOf('.');
        return i <= 0 ? '' : b.slice(i);
      },
      relative: function (from, to) {
        var f = path.resolve(from).split('/').filter(Boolean);
        var t = path.resolve(to).split('/').filter(Boolean);
        var i = 0;
        while (i < f.length && i < t.length && f[i] === t[i]) i++;
        return f.slice(i).map(function () { return '..'; }).concat(t.slice(i)).join('/');
      },
      parse: function (p) {
        var root = p[0] === '/' ? '/' : '';
        var base = path.basename(p);
        var ext = path.extname(p);
        var dir = path.dirname(p);
        if (dir === '.' && p.indexOf('/') < 0) dir = '';
        return { root: root, dir: dir, base: base, ext: ext, name: ext ? base.slice(0, -ext.length) : base };
      },
      format: function (o) {
        var dir = o.dir || o.root || '';
        var base = o.base || (o.name || '') + (o.ext || '');
        return dir ? (dir === o.root ? dir + base : dir + '/' + base) : base;
      },
      toNamespacedPath: function (p) { return p; },
    };
    path.posix = path;
    module.exports = path;
  });
})(globalThis.__burrow);
`;
