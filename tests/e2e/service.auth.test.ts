/**
 * API keys and tenants over HTTP: a missing or wrong key is refused (401, AuthError), and a key sees and
 * touches only its own tenant's sandboxes (another tenant's id looks missing). Also the HTTP conventions that
 * only the HTTP transport has: /health, /openapi.json, the one error format, listening without keys.
 */
import { AuthError, connect, NotFoundError } from '@burrow/sdk';
import { App, createLogger } from '@burrow/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp } from './harness.js';

describe('auth and tenants', () => {
  let t: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    t = await startHttp({ 'key-red': 'red', 'key-red-2': 'red', 'key-blue': 'blue' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('refuses requests without a key or with a wrong key', async () => {
    await expect(connect({ url: t.url }).list()).rejects.toBeInstanceOf(AuthError);
    await expect(connect({ url: t.url, apiKey: 'nope' }).list()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    const res = await fetch(`${t.url}/v1/sandboxes`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).toBe('unauthorized');
    expect(body.error.message).toMatch(/API key/);
  });

  it("keeps each tenant's sandboxes invisible and untouchable to the others", async () => {
    const red = connect({ url: t.url, apiKey: 'key-red' });
    const red2 = connect({ url: t.url, apiKey: 'key-red-2' });
    const blue = connect({ url: t.url, apiKey: 'key-blue' });
    const mine = await red.create({ id: 'secret' });
    await mine.files.write('/data.txt', 'red only');
    expect((await red2.get('secret')).id).toBe('secret');
    expect(await blue.list()).toEqual([]);
    await expect(blue.get('secret')).rejects.toBeInstanceOf(NotFoundError);
    const forged = await blue.sandbox('secret');
    expect(await forged.files.exists('/data.txt')).toBe(false);
    await forged.destroy();
    expect(await mine.files.readText('/data.txt')).toBe('red only');
    const raw = await fetch(`${t.url}/v1/sandboxes/secret/files/data.txt`, { headers: { authorization: 'Bearer key-blue' } });
    expect(raw.status).toBe(404);
    await mine.destroy();
  });

  it('serves /health without a key and /openapi.json generated from the route table', async () => {
    const health = (await (await fetch(`${t.url}/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const doc = (await (await fetch(`${t.url}/openapi.json`, { headers: { authorization: 'Bearer key-red' } })).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/v1/sandboxes/{id}/exec']?.post?.operationId).toBe('exec');
    expect(Object.keys(doc.paths['/v1/sandboxes/{id}/files/{path}'] ?? {}).sort()).toEqual(['delete', 'get', 'post', 'put']);
  });

  it('answers validation failures and unknown routes in the one error format', async () => {
    const headers = { authorization: 'Bearer key-red', 'content-type': 'application/json' };
    const bad = await fetch(`${t.url}/v1/sandboxes`, { method: 'POST', headers, body: JSON.stringify({ id: 'x', extra: 1 }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    const notJson = await fetch(`${t.url}/v1/sandboxes`, { method: 'POST', headers, body: '{' });
    expect(notJson.status).toBe(400);
    const none = await fetch(`${t.url}/v2/nothing`, { headers });
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('refuses to listen beyond loopback without keys', async () => {
    const app = new App({ dataDir: `${t.app.opts.dataDir}/other`, log: createLogger('silent'), hosts: async () => ({ createKernel: () => Promise.reject(new Error('unused')), close: async () => {} }) });
    await expect(app.listen(0, '0.0.0.0')).rejects.toThrow(/without API keys/);
    await app.close();
  });
});
