/**
 * Guest source of `os`, `child_process` (spawnSync/execSync/execFileSync into the kernel; the async forms run
 * the child to completion, then emit its output and exit), `crypto`, and the network modules, which fail with
 * a clear message while the sandbox has no egress. Plain JS for QuickJS; no template literals.
 */
export const SYSTEM_SOURCE = String.raw`
(function (B) {
  'use strict';
  var call = B.call;
  var NET_OFF = 'network is disabled for this sandbox';
  B.define('os', function (module, exports) {
    var env = function () { return globalThis.process.env; };
    Object.assign(exports, {
      EOL: '\n',
      devNull: '/dev/null',
      platform: function () { return 'linux'; },
      type: function () { return 'Linux'; },
      arch: function () { return globalThis.process.arch; },
      release: function () { return '6.0.0-burrow'; },
      version: function () { return '#1 Burrow'; },
      machine: function () { return 'wasm32'; },
      hostname: function () { return env().HOSTNAME || 'sandbox'; },
      homedir: function () { return env().HOME || '/root'; },
      tmpdir: function () { return (env().TMPDIR || '/tmp').replace(/\/$/, '') || '/'; },
      endianness: function () { return 'LE'; },
      cpus: function () { return [{ model: 'Burrow sandbox CPU', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } }]; },
      availableParallelism: function () { return 1; },
      totalmem: function () { return call('memoryLimit'); },
      freemem: function () { return Math.max(0, call('memoryLimit') - call('memory')); },
      uptime: function () { return globalThis.process.uptime(); },
      loadavg: function () { return [0, 0, 0]; },
      networkInterfaces: function () { return {}; },
      userInfo: function () { return { uid: 0, gid: 0, username: env().USER || 'root', homedir: env().HOME || '/root', shell: env().SHELL || null }; },
      constants: { signals: { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }, errno: {} },
    });
  });

  B.define('child_process', function (module, exports) {
    var Buffer = B.builtin('buffer').Buffer;
    var EventEmitter = B.builtin('events');
    function stdioOf(o) {
      var s = o && o.stdio !== undefined ? o.stdio : 'pipe';
      if (typeof s === 'string') s = [s, s, s];
      return [0, 1, 2].map(function (i) { var v = s[i] === undefined ? 'pipe' : s[i]; return typeof v === 'number' ? v : String(v); });
    }
    function run(argv, o) {
      o = o || {};
      var input = o.input === undefined ? null : typeof o.input === 'string' ? Buffer.from(o.input) : o.input;
      var env = o.env || globalThis.process.env;
      var cwd = o.cwd ? B.builtin('path').resolve(String(o.cwd)) : globalThis.process.cwd();
      var r = call('spawnSync', [argv, { cwd: cwd, env: env, stdio: stdioOf(o), hasInput: input !== null }], input === null ? undefined : input.slice().buffer);
      var stdout = Buffer.from(r.stdout, 'base64'), stderr = Buffer.from(r.stderr, 'base64');
      var enc = o.encoding && o.encoding !== 'buffer' ? o.encoding : null;
      return {
        pid: r.pid, status: r.status, signal: r.signal, error: r.error ? B.SystemError(r.error, { syscall: 'spawnSync ' + argv[0], path: argv[0] }) : undefined,
        stdout: enc ? stdout.toString(enc) : stdout, stderr: enc ? stderr.toString(enc) : stderr,
        output: [null, enc ? stdout.toString(enc) : stdout, enc ? stderr.toString(enc) : stderr],
      };
    }
    /** A command line runs through the sandbox's shell (/bin/sh, or options.shell), as in Node. */
    function shellArgv(cmd, o) {
      var sh = o && typeof o.shell === 'string' ? o.shell : '/bin/sh';
      return [sh, '-c', cmd];
    }
    function fail(r, argv) {
      var e = r.error || new Error('Command failed: ' + argv.join(' ') + (r.stderr && r.stderr.length ? '\n' + r.stderr.toString() : ''));
      e.status = r.status; e.signal = r.signal; e.stdout = r.stdout; e.stderr = r.stderr; e.output = r.output; e.pid = r.pid;
      return e;
    }
    function syncOpts(o, dflt) {
      o = Object.assign({}, o || {});
      if (o.stdio === undefined) o.stdio = dflt;
      return o;
    }
    /** argv of spawn/spawnSync: with the shell option, the words joined and run by the shell, as in Node. */
    function spawnArgv(cmd, args, o) {
      var argv = [String(cmd)].concat(args.map(String));
      return o && o.shell ? shellArgv(argv.join(' '), o) : argv;
    }
    exports.spawnSync = function (cmd, args, o) {
      if (!Array.isArray(args)) { o = args; args = []; }
      return run(spawnArgv(cmd, args, o), o);
    };
    exports.execFileSync = function (file, args, o) {
      if (!Array.isArray(args)) { o = args; args = []; }
      var argv = [String(file)].concat(args.map(String));
      var r = run(argv, syncOpts(o, ['pipe', 'pipe', 'inherit']));
      if (r.error || r.status !== 0) throw fail(r, argv);
      return r.stdout;
    };
    exports.execSync = function (cmd, o) {
      var argv = shellArgv(String(cmd), o);
      var r = run(argv, syncOpts(o, ['pipe', 'pipe', 'inherit']));
      if (r.error || r.status !== 0) throw fail(r, argv);
      return r.stdout;
    };
    function ChildProcess() { EventEmitter.call(this); this.stdout = new EventEmitter(); this.stderr = new EventEmitter(); this.stdin = { write: function () { return true; }, end: function () {} }; this.exitCode = null; this.signalCode = null; this.killed = false; }
    Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
    ChildProcess.prototype.kill = function () { return false; };
    function setEnc(em) { em.setEncoding = function (e) { em._enc = e; return em; }; em.pipe = function (d) { em.on('data', function (c) { d.write(c); }); return d; }; }
    function startAsync(argv, o, done) {
      var cp = new ChildProcess();
      setEnc(cp.stdout); setEnc(cp.stderr);
      var chunks = [];
      cp.stdin = { write: function (c) { chunks.push(typeof c === 'string' ? Buffer.from(c) : c); return true; }, end: function (c) { if (c) chunks.push(typeof c === 'string' ? Buffer.from(c) : c); } };
      setTimeout(function () {
        var opts = Object.assign({}, o || {});
        if (chunks.length) opts.input = Buffer.concat(chunks);
        opts.encoding = 'buffer';
        var r = run(argv, opts);
        cp.pid = r.pid;
        if (r.error) { cp.emit('error', r.error); if (done) done(r.error, '', ''); return; }
        cp.emit('spawn');
        if (r.stdout.length) cp.stdout.emit('data', cp.stdout._enc ? r.stdout.toString(cp.stdout._enc) : r.stdout);
        if (r.stderr.length) cp.stderr.emit('data', cp.stderr._enc ? r.stderr.toString(cp.stderr._enc) : r.stderr);
        cp.stdout.emit('end'); cp.stderr.emit('end');
        cp.exitCode = r.status; cp.signalCode = r.signal;
        cp.emit('exit', r.status, r.signal);
        cp.emit('close', r.status, r.signal);
        if (done) {
          var enc = o && o.encoding === 'buffer' ? null : 'utf8';
          var so = enc ? r.stdout.toString(enc) : r.stdout, se = enc ? r.stderr.toString(enc) : r.stderr;
          done(r.status === 0 ? null : Object.assign(fail(r, argv), { code: r.status }), so, se);
        }
      }, 0);
      return cp;
    }
    exports.spawn = function (cmd, args, o) {
      if (!Array.isArray(args)) { o = args; args = []; }
      return startAsync(spawnArgv(cmd, args, o), o, null);
    };
    exports.exec = function (cmd, o, cb) {
      if (typeof o === 'function') { cb = o; o = {}; }
      return startAsync(shellArgv(String(cmd), o), o, cb || null);
    };
    exports.execFile = function (file, args, o, cb) {
      if (typeof args === 'function') { cb = args; args = []; o = {}; }
      else if (typeof o === 'function') { cb = o; o = Array.isArray(args) ? {} : args; if (!Array.isArray(args)) args = []; }
      return startAsync([String(file)].concat((args || []).map(String)), o, cb || null);
    };
    exports.fork = function () { throw new Error('child_process.fork is not supported in this sandbox'); };
    exports.ChildProcess = ChildProcess;
  });

  B.define('crypto', function (module, exports) {
    var Buffer = B.builtin('buffer').Buffer;
    function randomBytes(n, cb) {
      var b = Buffer.from(call('random', [n]));
      if (typeof cb === 'function') { queueMicrotask(function () { cb(null, b); }); return undefined; }
      return b;
    }
    function getRandomValues(arr) {
      var b = call('random', [arr.byteLength]);
      new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength).set(b);
      return arr;
    }
    function randomUUID() {
      var b = call('random', [16]);
      b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
      var h = Buffer.from(b).toString('hex');
      return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
    }
    function Hash(op, alg, key) { this._op = op; this._alg = alg; this._key = key; this._parts = []; }
    Hash.prototype.update = function (d, enc) { this._parts.push(typeof d === 'string' ? Buffer.from(d, enc || 'utf8') : Buffer.from(d)); return this; };
    Hash.prototype.digest = function (enc) {
      var data = Buffer.concat(this._parts);
      var args = this._op === 'hmac' ? [this._alg, this._key.toString('base64')] : [this._alg];
      var out = Buffer.from(call(this._op, args, data.slice().buffer));
      return enc ? out.toString(enc) : out;
    };
    Hash.prototype.copy = function () { var h = new Hash(this._op, this._alg, this._key); h._parts = this._parts.slice(); return h; };
    exports.createHash = function (alg) { return new Hash('hash', String(alg), null); };
    exports.createHmac = function (alg, key) { return new Hash('hmac', String(alg), typeof key === 'string' ? Buffer.from(key) : Buffer.from(key)); };
    exports.randomBytes = randomBytes;
    exports.pseudoRandomBytes = randomBytes;
    exports.randomFillSync = function (b) { return getRandomValues(b); };
    exports.randomInt = function (min, max) {
      if (max === undefined) { max = min; min = 0; }
      var b = call('random', [6]);
      var v = ((b[0] * 256 + b[1]) * 65536 + (b[2] * 256 + b[3])) * 65536 + (b[4] * 256 + b[5]);
      return min + (v % (max - min));
    };
    exports.randomUUID = randomUUID;
    exports.getRandomValues = getRandomValues;
    exports.timingSafeEqual = function (a, b) { if (a.length !== b.length) throw new RangeError('Input buffers must have the same byte length'); var d = 0; for (var i = 0; i < a.length; i++) d |= a[i] ^ b[i]; return d === 0; };
    exports.getHashes = function () { return ['md5', 'sha1', 'sha256', 'sha384', 'sha512']; };
    exports.webcrypto = { getRandomValues: getRandomValues, randomUUID: randomUUID };
    globalThis.crypto = exports.webcrypto;
  });

  function offline(name) {
    B.define(name, function (module, exports) {
      var f = function () { var e = new Error(name + ': ' + NET_OFF); e.code = 'ENETUNREACH'; throw e; };
      ['request', 'get', 'createServer', 'connect', 'createConnection', 'lookup', 'resolve', 'Agent', 'Server', 'Socket'].forEach(function (k) { exports[k] = f; });
    });
  }
  ['http', 'https', 'net', 'tls', 'dns', 'http2', 'dgram'].forEach(offline);
})(globalThis.__burrow);
`;
