/**
 * Sandboxes and files through each transport (HTTP with the SDK, and embedded): the same behaviour and the
 * same error classes from both.
 */
import { ConflictError, NotFoundError } from '@burrow/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Started, TRANSPORTS, withSandbox } from './harness.js';

describe.each(TRANSPORTS)('sandboxes over $name', (transport) => {
  let t: Started;
  beforeAll(async () => {
    t = await transport.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('creates with a chosen id and labels, gets, lists by label, destroys', async () => {
    const a = await t.burrow.create({ id: 'sb-a', labels: { team: 'red' } });
    const b = await t.burrow.create({ labels: { team: 'blue' } });
    expect(a.id).toBe('sb-a');
    expect(b.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    expect((await t.burrow.get('sb-a')).id).toBe('sb-a');
    expect((await a.info()).labels).toEqual({ team: 'red' });
    const red = await t.burrow.list({ labels: { team: 'red' } });
    expect(red.map((s) => s.id)).toEqual(['sb-a']);
    expect((await t.burrow.list()).map((s) => s.id).sort()).toEqual([b.id, 'sb-a'].sort());
    await a.destroy();
    await b.destroy();
    await expect(t.burrow.get('sb-a')).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.burrow.list()).toEqual([]);
  });

  it('refuses a second create of one id unless asked to reuse it; sandbox() gets or creates', async () => {
    const first = await t.burrow.create({ id: 'dup' });
    await expect(t.burrow.create({ id: 'dup' })).rejects.toBeInstanceOf(ConflictError);
    await expect(t.burrow.create({ id: 'dup' })).rejects.toMatchObject({ code: 'sandbox_exists' });
    expect((await t.burrow.create({ id: 'dup', ifNotExists: true })).id).toBe('dup');
    const again = await t.burrow.sandbox('dup');
    await again.files.write('/mark', 'same');
    expect(await first.files.readText('/mark')).toBe('same');
    const fresh = await t.burrow.sandbox('fresh-one');
    expect((await fresh.info()).id).toBe('fresh-one');
    await first.destroy();
    await fresh.destroy();
  });

  it('rejects a malformed id with bad_request', async () => {
    await expect(t.burrow.create({ id: '-bad id' })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('writes, reads, stats, lists, renames and removes files', async () => {
    await withSandbox(t.burrow, async (sb) => {
      await sb.files.write('/work/a/b.txt', 'hello');
      await sb.files.write('/work/bin.dat', new Uint8Array([0, 255, 1, 254]));
      expect(await sb.files.readText('/work/a/b.txt')).toBe('hello');
      expect([...(await sb.files.read('/work/bin.dat'))]).toEqual([0, 255, 1, 254]);
      const st = await sb.files.stat('/work/a/b.txt');
      expect(st).toMatchObject({ kind: 'file', size: 5 });
      expect((await sb.files.list('/work')).map((e) => e.name).sort()).toEqual(['a', 'bin.dat']);
      expect((await sb.files.list('/work', { recursive: true })).map((e) => e.path).sort()).toEqual(['/work/a', '/work/a/b.txt', '/work/bin.dat']);
      await sb.files.mkdir('/work/x/y', { recursive: true });
      expect((await sb.files.stat('/work/x/y')).kind).toBe('dir');
      await sb.files.rename('/work/a/b.txt', '/work/x/y/c.txt');
      expect(await sb.files.exists('/work/a/b.txt')).toBe(false);
      expect(await sb.files.readText('/work/x/y/c.txt')).toBe('hello');
      await expect(sb.files.remove('/work/x')).rejects.toBeInstanceOf(ConflictError);
      await sb.files.remove('/work/x', { recursive: true });
      expect(await sb.files.exists('/work/x')).toBe(false);
      await expect(sb.files.read('/nope')).rejects.toMatchObject({ code: 'file_not_found' });
    });
  });

  it('streams a large file up and down in chunks, with progress', async () => {
    await withSandbox(t.burrow, async (sb) => {
      const chunk = new Uint8Array(256 * 1024).map((_, i) => i % 251);
      const count = 12;
      async function* source() {
        for (let i = 0; i < count; i++) yield chunk;
      }
      const seen: number[] = [];
      await sb.files.upload('/big/file.bin', source(), { size: chunk.length * count, onProgress: (d) => seen.push(d) });
      expect(seen.at(-1)).toBe(chunk.length * count);
      expect((await sb.files.stat('/big/file.bin')).size).toBe(chunk.length * count);
      let total = 0;
      let chunks = 0;
      let sum = 0;
      for await (const part of sb.files.download('/big/file.bin')) {
        total += part.length;
        chunks++;
        for (const b of part) sum += b;
      }
      let expected = 0;
      for (const b of chunk) expected += b;
      expect(total).toBe(chunk.length * count);
      expect(sum).toBe(expected * count);
      expect(chunks).toBeGreaterThan(1);
    });
  });

  it('names sessions and lists them', async () => {
    await withSandbox(t.burrow, async (sb) => {
      const s = await sb.sessions.create('build');
      expect(s.name).toBe('build');
      expect((await sb.sessions.list()).map((x) => x.name).sort()).toEqual(['build', 'default']);
    });
  });

  it('reports an unknown process as not found', async () => {
    await withSandbox(t.burrow, async (sb) => {
      await expect(sb.processes.get('ghost')).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});
