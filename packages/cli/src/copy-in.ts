/**
 * Copies a host directory tree into a sandbox through KernelFs: directories, regular files and symlinks
 * (as symlinks, targets unchanged), with their permission bits. Other kinds (sockets, fifos, devices) are
 * skipped: a sandbox has none. Siblings are copied concurrently so that IPC round trips overlap.
 */
import { lstat, readdir, readFile, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { KernelFs } from '@burrow/kernel';

const MODE_BITS = 0o7777;

/** Copies the tree at `hostDir` to `sandboxDir` (created with its parents). */
export async function copyIn(fs: KernelFs, hostDir: string, sandboxDir: string): Promise<void> {
  // The top directory itself may be reached through a symlink, as wasmtime's --dir allows.
  const st = await stat(hostDir);
  if (!st.isDirectory()) throw new Error(`${hostDir}: not a directory`);
  await fs.mkdir(sandboxDir, { recursive: true, mode: st.mode & MODE_BITS });
  await copyChildren(fs, hostDir, sandboxDir);
}

async function copyChildren(fs: KernelFs, hostDir: string, sandboxDir: string): Promise<void> {
  const entries = await readdir(hostDir, { withFileTypes: true });
  await Promise.all(entries.map((e) => copyEntry(fs, join(hostDir, e.name), `${sandboxDir}/${e.name}`)));
}

async function copyEntry(fs: KernelFs, hostPath: string, sandboxPath: string): Promise<void> {
  const st = await lstat(hostPath);
  const mode = st.mode & MODE_BITS;
  if (st.isSymbolicLink()) {
    await fs.symlink(await readlink(hostPath), sandboxPath);
  } else if (st.isDirectory()) {
    await fs.mkdir(sandboxPath, { mode });
    await copyChildren(fs, hostPath, sandboxPath);
  } else if (st.isFile()) {
    await fs.writeFile(sandboxPath, await readFile(hostPath), { mode });
  }
}
