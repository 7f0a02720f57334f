/**
 * The router maps every route of the protocol's table, decodes file paths, and refuses other methods.
 */
import { ROUTES, type RouteName } from '@burrow/protocol';
import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.js';

describe('matchRoute', () => {
  it('maps every route of ROUTES back to itself', () => {
    for (const [name, r] of Object.entries(ROUTES) as Array<[RouteName, (typeof ROUTES)[RouteName]]>) {
      const path = r.path.replace('{id}', 'sb1').replace('{name}', 'p1').replace('{path}', 'a/b');
      expect(matchRoute(r.method, path)?.route, `${r.method} ${path}`).toBe(name);
    }
  });

  it('decodes ids, names and file paths', () => {
    expect(matchRoute('GET', '/v1/sandboxes/a.b/files/dir/my%20file.txt')).toMatchObject({ id: 'a.b', path: '/dir/my file.txt' });
    expect(matchRoute('GET', '/v1/sandboxes/a/files')).toMatchObject({ route: 'readFile', path: '/' });
    expect(matchRoute('POST', '/v1/sandboxes/a/processes/web/wait-for-log')).toMatchObject({ route: 'waitForLog', name: 'web' });
  });

  it('answers null for unknown paths and throws not_found for a wrong method', () => {
    expect(matchRoute('GET', '/v2/sandboxes')).toBeNull();
    expect(matchRoute('GET', '/v1/sandboxes/a/unknown')).toBeNull();
    expect(() => matchRoute('PUT', '/v1/sandboxes/a/exec')).toThrow(/not supported/);
  });
});
