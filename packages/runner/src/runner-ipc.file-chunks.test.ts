/**
 * The chunked fs calls across the runner boundary: readFileChunk and appendFile through RunnerService (an
 * append sends no VFS snapshot, the final rename does) and through RemoteKernel in a real runner process.
 */
import { Errno, KernelError } from '@burrow/protocol';
import type { RunnerProcess } from '@burrow/runner';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FILE_CHUNK_BYTES_MAX, parseParentMessage, type RunnerMessage } from './ipc.js';
import { RunnerService } from './runner-service.js';
import { startRunner } from './testing/runner-fixtures.js';
import { WorkerPool } from './worker-pool.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

describe('RunnerService: chunked fs calls', () => {
  const pool = new WorkerPool(0);
  const sent: RunnerMessage[] = [];
  const service = new RunnerService({ send: (m) => sent.push(m), pool, probes: false });
  let nextId = 1;
  afterAll(async () => {
    await service.closeAll();
  });

  async function call(req: unknown): Promise<RunnerMessage> {
    const id = nextId++;
    service.handle({ t: 'req', id, req });
    for (let i = 0; i < 200; i++) {
      const r = sent.find((m) => m.t === 'res' && m.id === id);
      if (r !== undefined) return r;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no reply to request ${id}`);
  }
  const snapshots = (): number => sent.filter((m) => m.t === 'snapshot').length;
  const fs = (c: Record<string, unknown>): unknown => ({ op: 'fs', sandbox: 'up', fs: c });

  it('appends without a snapshot per chunk; the rename sends one', async () => {
    expect(await call({ op: 'create', sandbox: 'up', snapshots: true })).toMatchObject({ ok: true });
    expect(await call(fs({ call: 'writeFile', path: '/.tmp', data: enc.encode('ab') }))).toMatchObject({ ok: true });
    const afterWrite = snapshots();
    expect(afterWrite).toBeGreaterThan(0);
    for (const part of ['cd', 'ef', 'gh']) {
      expect(await call(fs({ call: 'appendFile', path: '/.tmp', data: enc.encode(part) }))).toMatchObject({ ok: true });
    }
    expect(snapshots()).toBe(afterWrite);
    expect(await call(fs({ call: 'rename', from: '/.tmp', to: '/f' }))).toMatchObject({ ok: true });
    expect(snapshots()).toBe(afterWrite + 1);
    const chunk = async (offset: number, maxBytes: number): Promise<string | null> => {
      const r = await call(fs({ call: 'readFileChunk', path: '/f', offset, maxBytes }));
      return r.t === 'res' && r.ok && r.value instanceof Uint8Array ? dec.decode(r.value) : null;
    };
    expect(await chunk(2, 4)).toBe('cdef');
    expect(await chunk(6, 100)).toBe('gh');
    expect(await chunk(8, 4)).toBe('');
    expect(await call(fs({ call: 'appendFile', path: '/missing', data: enc.encode('x') }))).toMatchObject({
      ok: false,
      error: { errno: Errno.NOENT },
    });
  });

  it('refuses malformed chunk calls', () => {
    const req = (c: Record<string, unknown>) => ({ t: 'req', id: 1, req: { op: 'fs', sandbox: 's', fs: c } });
    expect(parseParentMessage(req({ call: 'readFileChunk', path: '/f', offset: -1, maxBytes: 1 }))).toBeUndefined();
    expect(parseParentMessage(req({ call: 'readFileChunk', path: '/f', offset: 0, maxBytes: FILE_CHUNK_BYTES_MAX + 1 }))).toBeUndefined();
    expect(parseParentMessage(req({ call: 'appendFile', path: '/f', data: 'text' }))).toBeUndefined();
    expect(parseParentMessage(req({ call: 'readFileChunk', path: '/f', offset: 3, maxBytes: 9 }))).toBeDefined();
  });
});

describe('RemoteKernel: chunked fs calls in a runner process', () => {
  let runner: RunnerProcess | null = null;
  afterEach(() => {
    runner?.terminate();
    runner = null;
  });

  it('appends, reads in ranges, and fails with the kernel errno', async () => {
    const s = await startRunner([]);
    runner = s.runner;
    const fs = s.kernel.fs;
    await fs.writeFile('/d/f', 'hello');
    await fs.appendFile('/d/f', enc.encode(' world'));
    expect(dec.decode(await fs.readFileChunk('/d/f', 6, 100))).toBe('world');
    expect((await fs.readFileChunk('/d/f', 11, 100)).length).toBe(0);
    const big = await fs.readFileChunk('/d/f', 0, FILE_CHUNK_BYTES_MAX * 4);
    expect(dec.decode(big)).toBe('hello world');
    const e = await fs.readFileChunk('/d/nope', 0, 1).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KernelError);
    expect((e as KernelError).errno).toBe(Errno.NOENT);
    const bad = await fs.readFileChunk('/d/f', -1, 1).catch((x: unknown) => x);
    expect((bad as KernelError).errno).toBe(Errno.INVAL);
  });
});
