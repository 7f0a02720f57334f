/**
 * The inputs of grep: a file operand, or with -r/-R a directory tree walked in directory order. -r follows
 * symbolic links only when they are operands; -R follows all. --include/--exclude match a file's base name
 * (--exclude applies to operands too), --exclude-dir a directory's.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import { fnmatch } from '../../pattern/fnmatch.js';
import type { ByteSource, Sys } from '../../sys.js';
import { resolvePath } from '../io.js';
import { handleSource } from '../text-common/text-stream.js';

export interface WalkOptions {
  recursive: 'no' | 'r' | 'R';
  include: readonly string[];
  exclude: readonly string[];
  excludeDir: readonly string[];
  displayName: (path: string) => string;
  /** Search a file; true stops the whole walk (grep -q found a match). */
  onFile: (source: ByteSource, name: string) => Promise<boolean>;
  onError: (name: string, err: unknown) => Promise<void>;
  onDirectory: (name: string) => Promise<void>;
}

function baseName(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t.slice(t.lastIndexOf('/') + 1);
}

function fileWanted(name: string, o: WalkOptions): boolean {
  const base = baseName(name);
  if (o.exclude.some((g) => fnmatch(g, base))) return false;
  if (o.include.length > 0 && !o.include.some((g) => fnmatch(g, base))) return false;
  return true;
}

/** Walk one operand; resolves to true when the search should stop. */
export async function walkTree(sys: Sys, cwd: string, operand: string, o: WalkOptions): Promise<boolean> {
  const visit = async (path: string, isOperand: boolean): Promise<boolean> => {
    const abs = resolvePath(cwd, path);
    const shown = o.displayName(path);
    let type: string;
    try {
      const follow = isOperand || o.recursive === 'R';
      const st = await sys.stat(abs, { follow });
      type = st.type;
    } catch (err) {
      if (!isKernelError(err)) throw err;
      await o.onError(shown, err);
      return false;
    }
    if (type === 'symlink') return false;
    if (type === 'dir') {
      if (o.recursive === 'no') {
        await o.onDirectory(shown);
        return false;
      }
      if (!isOperand && o.excludeDir.some((g) => fnmatch(g, baseName(path)))) return false;
      let entries: Array<{ name: string }>;
      try {
        entries = await sys.readdir(abs);
      } catch (err) {
        if (!isKernelError(err)) throw err;
        await o.onError(shown, err);
        return false;
      }
      for (const e of entries) {
        const child = path.endsWith('/') ? `${path}${e.name}` : `${path}/${e.name}`;
        if (await visit(child, false)) return true;
      }
      return false;
    }
    if (o.recursive !== 'no' && !isOperand && !fileWanted(path, o)) return false;
    if (isOperand && o.exclude.some((g) => fnmatch(g, baseName(path)))) return false;
    if (isOperand && o.recursive !== 'no' && o.include.length > 0 && !fileWanted(path, o)) return false;
    let handle: Awaited<ReturnType<Sys['open']>>;
    try {
      handle = await sys.open(abs, { read: true });
    } catch (err) {
      if (!isKernelError(err)) throw err;
      await o.onError(shown, err);
      return false;
    }
    try {
      return await o.onFile(handleSource(handle), shown);
    } catch (err) {
      if (!isKernelError(err) || err.errno === Errno.PIPE) throw err;
      await o.onError(shown, err);
      return false;
    } finally {
      await handle.close().catch(() => undefined);
    }
  };
  return visit(operand, true);
}
