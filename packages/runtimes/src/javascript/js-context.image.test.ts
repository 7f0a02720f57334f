/**
 * JavaScript code-interpreter contexts in-thread (no kernel: cells that touch no files need no sys calls):
 * persistence of variables across cells, MIME bundles, errors, TypeScript cells, and heap images restored
 * into a fresh interpreter.
 */
import { CHANNEL_BYTES, DOORBELL_BYTES } from '@burrow/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { JsContext } from './js-context.js';

const contexts: JsContext[] = [];

async function newContext(image?: Uint8Array): Promise<JsContext> {
  const opts = {
    channel: new SharedArrayBuffer(CHANNEL_BYTES),
    doorbell: new SharedArrayBuffer(DOORBELL_BYTES),
    pid: 1,
    cwd: '/root',
    env: { HOME: '/root' },
  };
  const c = image === undefined ? await JsContext.create(opts) : await JsContext.restore(image, opts);
  contexts.push(c);
  return c;
}

describe('JsContext', () => {
  afterEach(() => {
    for (const c of contexts.splice(0)) c.dispose();
  });

  it('keeps variables across cells and returns the last value as MIME bundles', async () => {
    const c = await newContext();
    expect(c.runCode('var a = 20; let b = 1; const o = { n: a + b + 1 }; console.log("hi")')).toEqual({
      results: [],
      stdout: 'hi\n',
      stderr: '',
    });
    const r = c.runCode('o.n * 1 + b');
    expect(r.results).toEqual([{ 'text/plain': '23', 'application/json': 23 }]);
    expect(c.runCode('({ list: [a, b] })').results[0]).toEqual({
      'text/plain': '{ list: [ 20, 1 ] }',
      'application/json': { list: [20, 1] },
    });
  });

  // Timers sleep through the kernel (a parked sleepUntil call): a cell with a timer needs a kernel on another
  // thread, so that case is tested through the kernel (runner/src/javascript-context.test.ts), not here.
  it('awaits a Promise value', async () => {
    const c = await newContext();
    const r = c.runCode('Promise.resolve(6 * 7)');
    expect(r.results).toEqual([{ 'text/plain': '42', 'application/json': 42 }]);
  });

  it('reports a failing cell as an error value and stays usable', async () => {
    const c = await newContext();
    const r = c.runCode('function f() { throw new RangeError("nope") }\nf()');
    expect(r.error).toMatchObject({ name: 'RangeError', value: 'nope' });
    expect(r.error?.traceback).toContain('at f');
    expect(c.runCode('1 + 1').results).toEqual([{ 'text/plain': '2', 'application/json': 2 }]);
  });

  it('runs TypeScript cells', async () => {
    const c = await newContext();
    c.runCode('interface P { x: number }\nvar p: P = { x: 4 };', 'typescript');
    expect(c.runCode('p.x as number * 2', 'typescript').results[0]).toMatchObject({ 'text/plain': '8' });
  });

  it('restores an image into a fresh interpreter with the same variables', async () => {
    const a = await newContext();
    a.runCode('var counter = 41; globalThis.fn = (x) => x + counter; var m = new Map([["k", [1, 2]]]);');
    const image = a.image();
    a.runCode('counter = 0');
    const b = await newContext(image);
    expect(b.runCode('fn(1)').results[0]).toMatchObject({ 'text/plain': '42' });
    expect(b.runCode('m.get("k").length + counter').results[0]).toMatchObject({ 'text/plain': '43' });
    expect(a.runCode('counter').results[0]).toMatchObject({ 'text/plain': '0' });
    expect(b.runCode('require("path").join("/a", "b")').results[0]).toMatchObject({ 'text/plain': "'/a/b'" });
  });
});
