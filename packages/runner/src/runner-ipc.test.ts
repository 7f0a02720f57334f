import { Vfs } from '@burrow/kernel';
import { Errno } from '@burrow/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunnerMessage, parseParentMessage, parseRunnerMessage } from './ipc.js';
import { RunnerService } from './runner-service.js';
import { decodeWhole, SnapshotDecoder, SnapshotEncoder } from './snapshot-codec.js';
import { WorkerPool } from './worker-pool.js';

describe('IPC message checks', () => {
  it('accepts well-formed messages and keeps only known fields', () => {
    const m = parseParentMessage({ t: 'req', id: 1, req: { op: 'fs', sandbox: 's', fs: { call: 'stat', path: '/' } }, x: 1 });
    expect(m).toEqual({ t: 'req', id: 1, req: { op: 'fs', sandbox: 's', fs: { call: 'stat', path: '/' } } });
    const spawn = { op: 'spawn', sandbox: 's', proc: 1, argv: ['/a'], opts: { env: { A: 'b' } }, window: 10 };
    expect(parseParentMessage({ t: 'req', id: 2, req: spawn })).toEqual({ t: 'req', id: 2, req: spawn });
  });

  it.each([
    ['not an object', 'hello'],
    ['unknown kind', { t: 'zap', id: 1 }],
    ['unknown op', { t: 'req', id: 1, req: { op: 'format-disk' } }],
    ['negative id', { t: 'req', id: -1, req: { op: 'processes', sandbox: 's' } }],
    ['argv not strings', { t: 'req', id: 1, req: { op: 'spawn', sandbox: 's', proc: 1, argv: [1], opts: {}, window: 1 } }],
    ['env not strings', { t: 'req', id: 1, req: { op: 'spawn', sandbox: 's', proc: 1, argv: [], opts: { env: { A: 1 } }, window: 1 } }],
    ['stdin not bytes', { t: 'req', id: 1, req: { op: 'stdin', sandbox: 's', proc: 1, data: [1, 2] } }],
    ['bad signal', { t: 'req', id: 1, req: { op: 'kill', sandbox: 's', pid: 1, signal: 'SIGSTOP' } }],
    ['credit not a number', { t: 'credit', sandbox: 's', proc: 1, stream: 'stdout', bytes: '9' }],
    ['fs call unknown', { t: 'req', id: 1, req: { op: 'fs', sandbox: 's', fs: { call: 'chown', path: '/' } } }],
  ])('refuses a malformed parent message: %s', (_name, raw) => {
    expect(parseParentMessage(raw)).toBeUndefined();
  });

  it('refuses malformed runner messages', () => {
    expect(parseRunnerMessage({ t: 'out', sandbox: 's', proc: 1, stream: 'stdout', data: 'text' })).toBeUndefined();
    expect(parseRunnerMessage({ t: 'exit', sandbox: 's', proc: 1, status: { exitCode: 999 } })).toBeUndefined();
    expect(parseRunnerMessage({ t: 'res', id: 1, ok: false, error: { errno: 'x', message: '' } })).toBeUndefined();
    expect(parseRunnerMessage({ t: 'res', id: 1, ok: false, error: { errno: 44, message: 'm' } })).toEqual({
      t: 'res',
      id: 1,
      ok: false,
      error: { errno: 44, message: 'm' },
    });
  });
});

describe('RunnerService: a malformed request is an error reply, never a crash', () => {
  const pool = new WorkerPool(0);
  const sent: RunnerMessage[] = [];
  const service = new RunnerService({ send: (m) => sent.push(m), pool, probes: false });
  afterEach(() => {
    sent.length = 0;
  });

  async function reply(id: number): Promise<RunnerMessage | undefined> {
    for (let i = 0; i < 100; i++) {
      const r = sent.find((m) => m.t === 'res' && m.id === id);
      if (r !== undefined) return r;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return undefined;
  }

  it('answers garbage that has an id, drops garbage without one', async () => {
    expect(() => service.handle({ t: 'req', id: 7, req: { op: 'spawn', argv: 'rm -rf /' } })).not.toThrow();
    expect(await reply(7)).toMatchObject({ ok: false, error: { errno: null, message: 'malformed request' } });
    for (const junk of [null, undefined, 42, 'x', [], { t: 'credit' }, { __proto__: { t: 'req' } }]) service.handle(junk);
    expect(sent).toHaveLength(1);
  });

  it('answers requests about unknown sandboxes and processes with errors', async () => {
    service.handle({ t: 'req', id: 1, req: { op: 'processes', sandbox: 'nope' } });
    service.handle({ t: 'req', id: 2, req: { op: 'probe', probe: 'eval', arg: '' } });
    expect(await reply(1)).toMatchObject({ ok: false });
    expect(await reply(2)).toMatchObject({ ok: false });
    service.handle({ t: 'req', id: 3, req: { op: 'create', sandbox: 'a', snapshots: false } });
    expect(await reply(3)).toMatchObject({ ok: true });
    service.handle({ t: 'req', id: 4, req: { op: 'stdin', sandbox: 'a', proc: 99, data: new Uint8Array(1) } });
    service.handle({ t: 'req', id: 5, req: { op: 'kill', sandbox: 'a', pid: 12345, signal: 'SIGKILL' } });
    service.handle({ t: 'req', id: 6, req: { op: 'fs', sandbox: 'a', fs: { call: 'readFile', path: '/none' } } });
    expect(await reply(4)).toMatchObject({ ok: false });
    expect(await reply(5)).toMatchObject({ ok: false, error: { errno: Errno.SRCH } });
    expect(await reply(6)).toMatchObject({ ok: false, error: { errno: Errno.NOENT } });
    service.handle({ t: 'req', id: 8, req: { op: 'destroy', sandbox: 'a' } });
    expect(await reply(8)).toMatchObject({ ok: true });
    expect(service.sandboxCount).toBe(0);
  });
});

describe('snapshot codec', () => {
  it('round-trips a VFS snapshot and resends only changed file data', () => {
    const vfs = Vfs.create();
    vfs.writeFile('/big', new Uint8Array(100_000).fill(7));
    vfs.writeFile('/small', new TextEncoder().encode('x'));
    const enc = new SnapshotEncoder();
    const dec = new SnapshotDecoder();
    const first = enc.encode(vfs.snapshot());
    const sent1 = first.buffers.reduce((n, b) => n + b.data.length, 0);
    expect(sent1).toBeGreaterThanOrEqual(100_001);
    dec.decode(first);
    vfs.writeFile('/small', new TextEncoder().encode('yy'));
    const second = enc.encode(vfs.snapshot());
    const sent2 = second.buffers.reduce((n, b) => n + b.data.length, 0);
    expect(sent2).toBeLessThan(1000);
    const restored = Vfs.fromSnapshot(dec.decode(second) as ReturnType<Vfs['snapshot']>);
    expect(restored.readFile('/big')).toEqual(new Uint8Array(100_000).fill(7));
    expect(Buffer.from(restored.readFile('/small')).toString()).toBe('yy');
  });

  it('refuses an encoding that refers to bytes the decoder lacks', () => {
    const enc = new SnapshotEncoder();
    const snap = { a: new Uint8Array([1, 2, 3]) };
    enc.encode(snap);
    const second = enc.encode(snap);
    expect(second.buffers).toEqual([]);
    expect(() => new SnapshotDecoder().decode(second)).toThrow(TypeError);
    expect(decodeWhole(new SnapshotEncoder().encode(snap))).toEqual(snap);
  });
});
