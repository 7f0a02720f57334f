/**
 * The stat of a path as Burrow's whole-path sys calls (Op.burrow_sys `stat`/`fstat`) return it: the kernel
 * writes it, the worker-side clients (shell sessions, Python, JavaScript) read it.
 */
export interface SysFileStat {
  ino: number;
  type: 'file' | 'dir' | 'symlink';
  /** Permission bits (0o777 and the setuid/sticky bits). */
  mode: number;
  nlink: number;
  size: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}
