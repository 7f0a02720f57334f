/**
 * Where cp and mv put each source: `SRC DEST` (DEST not a directory, or -T), `SRC... DIR`, or `-t DIR SRC...`.
 * Returns the pairs, or prints GNU's message and returns a status.
 */
import { basename, type Io, q, qa } from '../fs-shared/command.js';
import { resolvePath } from '../io.js';

export interface Target {
  src: { name: string; path: string };
  dst: { name: string; path: string };
}

export async function planTargets(
  io: Io,
  operands: readonly string[],
  targetDir: string | undefined,
  noTargetDir: boolean,
): Promise<Target[] | number> {
  const { ctx } = io;
  const entry = (name: string) => ({ name, path: resolvePath(ctx.cwd, name) });
  const into = (dir: string, src: string) => {
    const name = `${dir.endsWith('/') ? dir : `${dir}/`}${basename(src)}`;
    return { src: entry(src), dst: entry(name) };
  };
  const isDir = async (name: string): Promise<boolean> => {
    try {
      return (await ctx.sys.stat(resolvePath(ctx.cwd, name))).type === 'dir';
    } catch {
      return false;
    }
  };
  if (targetDir !== undefined) {
    if (operands.length === 0) return io.usage('missing file operand');
    if (!(await isDir(targetDir))) {
      await io.warn(`target directory ${qa(targetDir)} is not a directory`);
      return 1;
    }
    return operands.map((s) => into(targetDir, s));
  }
  if (operands.length === 0) return io.usage('missing file operand');
  if (operands.length === 1) return io.usage(`missing destination file operand after ${qa(operands[0] ?? '')}`);
  const dest = operands[operands.length - 1] ?? '';
  const sources = operands.slice(0, -1);
  if (noTargetDir) {
    if (sources.length > 1) return io.usage(`extra operand ${q(operands[2] ?? '')}`);
    return [{ src: entry(sources[0] ?? ''), dst: entry(dest) }];
  }
  if (await isDir(dest)) return sources.map((s) => into(dest, s));
  if (sources.length > 1) {
    await io.warn(`target ${qa(dest)} is not a directory`);
    return 1;
  }
  return [{ src: entry(sources[0] ?? ''), dst: entry(dest) }];
}
