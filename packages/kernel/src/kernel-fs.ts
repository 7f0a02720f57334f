/**
 * The host-side whole-file API (KernelFs) over a Vfs: absolute sandbox paths, resolved from the root with `..`
 * at `/` staying at `/`. Each call is one synchronous Vfs operation (or a short sequence for recursive ones)
 * wrapped in a promise, so a failure is a rejected KernelError and nothing half-done stays behind except
 * where a recursive call already removed or created earlier entries.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { DirEntryInfo, FileStatInfo, KernelFs } from './api.js';
import type { Stat, Vfs } from './vfs/index.js';

const encoder = new TextEncoder();

function nsToMs(ns: bigint): number {
  return Number(ns / 1000n) / 1000;
}

function statInfo(st: Stat): FileStatInfo {
  return {
    ino: st.ino,
    kind: st.kind,
    mode: st.mode,
    nlink: st.nlink,
    size: st.size,
    atimeMs: nsToMs(st.atimeNs),
    mtimeMs: nsToMs(st.mtimeNs),
    ctimeMs: nsToMs(st.ctimeNs),
  };
}

function parentOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i <= 0 ? '/' : trimmed.slice(0, i);
}

function removeTree(vfs: Vfs, path: string): void {
  const st = vfs.statAt(vfs.rootIno, path, { follow: false });
  if (st.kind !== 'dir') {
    vfs.unlink(vfs.rootIno, path);
    return;
  }
  for (const name of vfs.readdirNames(path)) removeTree(vfs, `${path.replace(/\/+$/, '')}/${name}`);
  vfs.rmdir(vfs.rootIno, path);
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Runs a synchronous Vfs operation as a promise (a thrown KernelError becomes a rejection). */
function run<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * KernelFs over `vfs`. writeFile creates missing parent directories (as `burrow cp` promises); appendFile
 * needs the file to exist; mkdir without `recursive` needs the parent to exist; remove without `recursive`
 * removes a file, a symlink or an empty directory.
 */
export function vfsKernelFs(vfs: Vfs): KernelFs {
  const root = vfs.rootIno;
  return {
    readFile: (path) => run(() => vfs.readFile(path)),
    readFileChunk: (path, offset, maxBytes) =>
      run(() => {
        if (!isCount(offset) || !isCount(maxBytes)) throw new KernelError(Errno.INVAL);
        const f = vfs.open(root, path, { read: true });
        try {
          return f.pread(maxBytes, offset);
        } finally {
          f.close();
        }
      }),
    writeFile: (path, data, opts) =>
      run(() => {
        const parent = parentOf(path);
        if (parent !== '/') vfs.mkdirp(parent);
        vfs.writeFile(path, typeof data === 'string' ? encoder.encode(data) : data, opts?.mode ?? 0o644);
      }),
    appendFile: (path, data) =>
      run(() => {
        const f = vfs.open(root, path, { write: true, append: true });
        const size = f.stat().size;
        try {
          let done = 0;
          while (done < data.length) done += f.write(done === 0 ? data : data.subarray(done));
        } catch (e) {
          // A quota stops the data part-way: the file goes back to its old length, so the call changes nothing.
          if (f.stat().size !== size) f.truncate(size);
          throw e;
        } finally {
          f.close();
        }
      }),
    mkdir: (path, opts) =>
      run(() => {
        if (opts?.recursive === true) vfs.mkdirp(path, opts.mode ?? 0o755);
        else vfs.mkdir(root, path, opts?.mode ?? 0o755);
      }),
    readdir: (path) =>
      run(() => {
        const ino = vfs.lookup(root, path, { follow: true });
        if (vfs.stat(ino).kind !== 'dir') throw new KernelError(Errno.NOTDIR);
        return vfs
          .readdir(ino, 0n)
          .filter((e) => e.name !== '.' && e.name !== '..')
          .map((e): DirEntryInfo => ({ name: e.name, kind: e.kind }));
      }),
    stat: (path, opts) => run(() => statInfo(vfs.statAt(root, path, { follow: opts?.follow ?? true }))),
    symlink: (target, path) =>
      run(() => {
        vfs.symlink(target, root, path);
      }),
    remove: (path, opts) =>
      run(() => {
        if (opts?.recursive === true) {
          removeTree(vfs, path);
          return;
        }
        const st = vfs.statAt(root, path, { follow: false });
        if (st.kind === 'dir') vfs.rmdir(root, path);
        else vfs.unlink(root, path);
      }),
    rename: (from, to) =>
      run(() => {
        vfs.rename(root, from, root, to);
      }),
  };
}
