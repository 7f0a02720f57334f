/**
 * KernelFs's chunked calls over a Vfs: readFileChunk reads ranges (empty at the end), appendFile adds to an
 * existing file and, when a quota stops it, leaves the file as it was.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { vfsKernelFs } from './kernel-fs.js';
import { newVfs } from './vfs/testing/vfs-fixtures.js';

async function errnoOf(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    if (isKernelError(e)) return e.errno;
    throw e;
  }
}

const bytes = (n: number, seed = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) % 256);

describe('readFileChunk', () => {
  it('reads ranges that join up to the whole file, and empty at or past the end', async () => {
    const fs = vfsKernelFs(newVfs());
    const data = bytes(10_000);
    await fs.writeFile('/d/f.bin', data);
    const parts: number[] = [];
    for (let at = 0; ; ) {
      const chunk = await fs.readFileChunk('/d/f.bin', at, 4096);
      if (chunk.length === 0) break;
      parts.push(...chunk);
      at += chunk.length;
    }
    expect(parts).toEqual([...data]);
    expect((await fs.readFileChunk('/d/f.bin', 9_998, 100)).length).toBe(2);
    expect((await fs.readFileChunk('/d/f.bin', 10_000, 100)).length).toBe(0);
    expect((await fs.readFileChunk('/d/f.bin', 50_000, 100)).length).toBe(0);
    expect((await fs.readFileChunk('/d/f.bin', 0, 0)).length).toBe(0);
  });

  it('returns a copy: later writes do not change a chunk already read', async () => {
    const fs = vfsKernelFs(newVfs());
    await fs.writeFile('/f', 'abcdef');
    const chunk = await fs.readFileChunk('/f', 1, 3);
    await fs.writeFile('/f', 'zzzzzz');
    expect(new TextDecoder().decode(chunk)).toBe('bcd');
  });

  it('fails as a read would: missing file, directory, bad range', async () => {
    const fs = vfsKernelFs(newVfs());
    await fs.mkdir('/dir');
    await fs.writeFile('/f', 'x');
    expect(await errnoOf(fs.readFileChunk('/nope', 0, 10))).toBe(Errno.NOENT);
    expect(await errnoOf(fs.readFileChunk('/dir', 0, 10))).toBe(Errno.ISDIR);
    expect(await errnoOf(fs.readFileChunk('/f', -1, 10))).toBe(Errno.INVAL);
    expect(await errnoOf(fs.readFileChunk('/f', 0, 1.5))).toBe(Errno.INVAL);
  });

  it('leaves no open file behind', async () => {
    const vfs = newVfs();
    const fs = vfsKernelFs(vfs);
    await fs.writeFile('/f', 'x');
    await fs.readFileChunk('/f', 0, 10);
    await errnoOf(fs.readFileChunk('/f', -1, 10));
    await fs.appendFile('/f', new Uint8Array([1]));
    expect(vfs.openFileCount()).toBe(0);
  });
});

describe('appendFile', () => {
  it('appends to the end of an existing file', async () => {
    const fs = vfsKernelFs(newVfs());
    await fs.writeFile('/f', 'ab');
    await fs.appendFile('/f', new TextEncoder().encode('cd'));
    await fs.appendFile('/f', new TextEncoder().encode('ef'));
    expect(new TextDecoder().decode(await fs.readFile('/f'))).toBe('abcdef');
  });

  it('needs the file to exist and to be a file', async () => {
    const fs = vfsKernelFs(newVfs());
    await fs.mkdir('/dir');
    expect(await errnoOf(fs.appendFile('/nope', new Uint8Array([1])))).toBe(Errno.NOENT);
    expect(await errnoOf(fs.appendFile('/dir', new Uint8Array([1])))).toBe(Errno.ISDIR);
  });

  it('writes all or nothing when the file-size limit stops it part-way', async () => {
    const vfs = newVfs({ limits: { fileBytesMax: 100 } });
    const fs = vfsKernelFs(vfs);
    await fs.writeFile('/f', bytes(60));
    expect(await errnoOf(fs.appendFile('/f', bytes(60, 1)))).toBe(Errno.FBIG);
    expect([...(await fs.readFile('/f'))]).toEqual([...bytes(60)]);
    expect(vfs.usage().bytes).toBeLessThan(100);
    await fs.appendFile('/f', bytes(40, 2));
    expect((await fs.stat('/f')).size).toBe(100);
  });
});
