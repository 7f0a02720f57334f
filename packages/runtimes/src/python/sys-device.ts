/**
 * /dev/burrow: the character device through which Python code makes Burrow's sys calls (spawn, wait, poll,
 * kill, pipe, sleep). Python writes one JSON request `[method, ...args]` and reads back one JSON reply
 * `{"ok": value}` or `{"errno": n}`. Only bytes cross, so no JavaScript object ever reaches Python.
 * File descriptors in requests and replies are the interpreter's; the device maps them to kernel fds.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { EmFS, EmNode, EmStream, StreamOps } from './emscripten-fs.js';
import { kernelFdOf } from './kernel-mount.js';
import type { SyncSys } from './sync-sys.js';

const S_IFIFO = 0o010000;
const O_RDONLY = 0;
const O_WRONLY = 1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function intArg(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new KernelError(Errno.INVAL);
  return v;
}

/** Streams over kernel pipe ends: reads block in the kernel, nothing is seekable. */
function pipeStreamOps(FS: EmFS, sys: SyncSys): StreamOps {
  return {
    read: (stream, buffer, offset, length) => {
      const fd = stream.kfd;
      if (fd === undefined) throw new FS.ErrnoError(Errno.BADF);
      try {
        return sys.read(fd, buffer, offset, length);
      } catch (e) {
        if (e instanceof KernelError) throw new FS.ErrnoError(e.errno);
        throw e;
      }
    },
    write: (stream, buffer, offset, length) => {
      const fd = stream.kfd;
      if (fd === undefined) throw new FS.ErrnoError(Errno.BADF);
      try {
        return sys.write(fd, buffer.subarray(offset, offset + length));
      } catch (e) {
        if (e instanceof KernelError) throw new FS.ErrnoError(e.errno);
        throw e;
      }
    },
    llseek: () => {
      throw new FS.ErrnoError(Errno.SPIPE);
    },
    dup: (stream) => {
      stream.shared.refcount = (stream.shared.refcount ?? 1) + 1;
    },
    close: (stream) => {
      const left = (stream.shared.refcount ?? 1) - 1;
      stream.shared.refcount = left;
      if (left <= 0 && stream.kfd !== undefined) sys.call('close', stream.kfd);
    },
    getattr: (stream) => ({
      dev: 2,
      ino: stream.node.id,
      mode: S_IFIFO | 0o600,
      nlink: 1,
      uid: 0,
      gid: 0,
      rdev: 0,
      size: 0,
      atime: new Date(0),
      mtime: new Date(0),
      ctime: new Date(0),
      blksize: 4096,
      blocks: 0,
    }),
  };
}

export function installSysDevice(FS: EmFS, sys: SyncSys, pid: number): void {
  const pipeOps = pipeStreamOps(FS, sys);
  let pipeNode: EmNode | null = null;

  function pipeStream(kfd: number, flags: number): number {
    pipeNode ??= FS.createNode(null, 'pipe', S_IFIFO | 0o600);
    // FSStream keeps flags and position in `shared`: it must not be replaced, only filled in.
    const s = FS.createStream({ node: pipeNode, flags, position: 0, seekable: false, stream_ops: pipeOps, kfd });
    s.shared.refcount = 1;
    return s.fd;
  }

  const methods: Record<string, (args: unknown[]) => unknown> = {
    spawn: ([argv, cwd, env, stdio]) => {
      if (!Array.isArray(stdio) || stdio.length !== 3) throw new KernelError(Errno.INVAL);
      const nulls: number[] = [];
      const kfds = stdio.map((fd: unknown) => {
        if (fd === null) {
          const k = sys.call<number>('openNull');
          nulls.push(k);
          return k;
        }
        return kernelFdOf(FS, intArg(fd));
      });
      try {
        return sys.call<number>('spawn', argv, { cwd, env, stdio: kfds });
      } finally {
        for (const k of nulls) sys.call('close', k);
      }
    },
    wait: ([p]) => sys.call('wait', intArg(p)),
    poll: ([p]) => sys.call('poll', intArg(p)),
    kill: ([p, signal]) => sys.call('kill', intArg(p), signal),
    pipe: () => {
      const [r, w] = sys.call<[number, number]>('pipe');
      return [pipeStream(r, O_RDONLY), pipeStream(w, O_WRONLY)];
    },
    sleep: ([seconds]) => {
      if (typeof seconds !== 'number' || !(seconds >= 0)) throw new KernelError(Errno.INVAL);
      sys.call('sleepUntil', Date.now() + seconds * 1000);
      return null;
    },
    getpid: () => pid,
  };

  interface DeviceState {
    reply: Uint8Array;
    at: number;
  }
  const state = new WeakMap<EmStream, DeviceState>();

  const ops: StreamOps = {
    open: (stream) => {
      state.set(stream, { reply: new Uint8Array(0), at: 0 });
    },
    write: (stream, buffer, offset, length) => {
      const st = state.get(stream);
      if (st === undefined) throw new FS.ErrnoError(Errno.BADF);
      let result: unknown;
      try {
        const req: unknown = JSON.parse(decoder.decode(buffer.subarray(offset, offset + length)));
        if (!Array.isArray(req) || typeof req[0] !== 'string') throw new KernelError(Errno.INVAL);
        const method = methods[req[0]];
        if (method === undefined) throw new KernelError(Errno.NOSYS);
        result = { ok: method(req.slice(1)) ?? null };
      } catch (e) {
        if (e instanceof KernelError) result = { errno: e.errno };
        else if (e instanceof SyntaxError) result = { errno: Errno.INVAL };
        else if (e instanceof FS.ErrnoError) result = { errno: (e as Error & { errno: number }).errno };
        else throw e;
      }
      st.reply = encoder.encode(JSON.stringify(result));
      st.at = 0;
      return length;
    },
    read: (stream, buffer, offset, length) => {
      const st = state.get(stream);
      if (st === undefined) throw new FS.ErrnoError(Errno.BADF);
      const n = Math.min(length, st.reply.length - st.at);
      buffer.set(st.reply.subarray(st.at, st.at + n), offset);
      st.at += n;
      return n;
    },
    llseek: () => {
      throw new FS.ErrnoError(Errno.SPIPE);
    },
  };
  const dev = FS.makedev(64, 0);
  FS.registerDevice(dev, ops);
  FS.mkdev('/dev/burrow', 0o666, dev);
}
