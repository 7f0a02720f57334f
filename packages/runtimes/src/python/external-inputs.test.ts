import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { afterEach, describe, expect, it } from 'vitest';
import { externalInputs, type InputKind } from './external-inputs.js';

function recording(): Array<[InputKind, unknown]> {
  const seen: Array<[InputKind, unknown]> = [];
  externalInputs.recorder = { record: (kind, value) => seen.push([kind, value]) };
  return seen;
}

describe('external inputs', () => {
  afterEach(() => {
    externalInputs.recorder = null;
  });

  it('hands clocks and random bytes to the recorder with the values the reader gets', async () => {
    externalInputs.install();
    const seen = recording();
    const t = Date.now();
    const m = performance.now();
    const { randomFillSync } = await import('node:crypto');
    const buf = randomFillSync(new Uint8Array(16));
    expect(seen).toContainEqual(['realtime', t]);
    expect(seen).toContainEqual(['monotonic', m]);
    expect(seen).toContainEqual(['random', buf]);
  });

  it("sees what Python's time.time() and os.urandom() read", async () => {
    externalInputs.install();
    const indexURL = `${dirname(fileURLToPath(import.meta.resolve('pyodide')))}/`;
    const py = await loadPyodide({ indexURL, jsglobals: Object.create(null) as object, stdout: () => {} });
    const seen = recording();
    const [ms, hex] = py.runPython('import time, os\n[time.time() * 1000, os.urandom(12).hex()]').toJs() as [number, string];
    const randoms = seen.filter(([k]) => k === 'random').map(([, v]) => Buffer.from(v as Uint8Array).toString('hex'));
    expect(randoms.some((r) => r.includes(hex))).toBe(true);
    const clocks = seen.filter(([k]) => k === 'realtime').map(([, v]) => v as number);
    expect(clocks.some((c) => Math.abs(c - ms) < 1)).toBe(true);
  }, 60_000);
});
