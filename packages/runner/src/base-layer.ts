/**
 * The read-only base layer every sandbox of this host starts from: the standard directories and one
 * executable marker file per shell builtin in /usr/bin, so `which ls`, `command -v jq` and `ls /usr/bin` see
 * the commands a Unix system has. Built once per process and shared by every sandbox (never copied).
 */
import { LowerLayer } from '@burrow/kernel';
import { builtins } from '@burrow/shell';

const encoder = new TextEncoder();
const DIRS = ['/bin', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/etc', '/home', '/root', '/tmp', '/var', '/var/tmp'];

let layer: LowerLayer | null = null;

export function baseLayer(): LowerLayer {
  if (layer !== null) return layer;
  const names = Object.keys(builtins).filter((n) => /^[A-Za-z0-9_.+-]+$/.test(n) && n !== '.' && n !== '..');
  layer = LowerLayer.fromEntries([
    ...DIRS.map((path) => ({ path, kind: 'dir' as const, mode: path.endsWith('tmp') ? 0o1777 : 0o755 })),
    { path: '/etc/hostname', kind: 'file' as const, data: encoder.encode('sandbox\n'), mode: 0o644 },
    ...names.map((n) => ({
      path: `/usr/bin/${n}`,
      kind: 'file' as const,
      data: encoder.encode(`#!burrow:builtin ${n}\n`),
      mode: 0o755,
    })),
  ]);
  return layer;
}
