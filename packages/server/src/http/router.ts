/**
 * Maps a method and URL path to a route of the protocol's ROUTES table and its parameters. Hand-written over
 * path segments (no regex per route) because it runs on every request. `{path}` is the rest of the URL after
 * `/files`, decoded segment by segment, always absolute.
 */
import { burrowError, type RouteName } from '@burrow/protocol';

export interface Match {
  route: RouteName;
  id: string;
  name: string;
  path: string;
}

const PROCESS_ACTIONS: Readonly<Record<string, RouteName>> = { kill: 'killProcess', wait: 'waitProcess', 'wait-for-log': 'waitForLog' };

/** The route, or null when no route has this path; throws not_found for a known path with another method. */
export function matchRoute(method: string, pathname: string): Match | null {
  const m = (route: RouteName, id = '', name = '', path = ''): Match => ({ route, id, name, path });
  if (pathname === '/health') return method === 'GET' ? m('health') : wrongMethod(method, pathname);
  if (pathname === '/openapi.json') return method === 'GET' ? m('openapi') : wrongMethod(method, pathname);
  const seg = pathname.split('/');
  if (seg[1] !== 'v1' || seg[2] !== 'sandboxes') return null;
  if (seg.length === 3 || (seg.length === 4 && seg[3] === '')) {
    if (method === 'POST') return m('createSandbox');
    if (method === 'GET') return m('listSandboxes');
    return wrongMethod(method, pathname);
  }
  const id = decode(seg[3] ?? '');
  const sub = seg[4];
  if (sub === undefined) {
    if (method === 'GET') return m('getSandbox', id);
    if (method === 'DELETE') return m('destroySandbox', id);
    return wrongMethod(method, pathname);
  }
  if (sub === 'exec' && seg.length === 5) return method === 'POST' ? m('exec', id) : wrongMethod(method, pathname);
  if (sub === 'files') {
    const path = `/${seg.slice(5).map(decode).join('/')}`;
    if (method === 'GET') return m('readFile', id, '', path);
    if (method === 'PUT') return m('writeFile', id, '', path);
    if (method === 'POST') return m('fileOp', id, '', path);
    if (method === 'DELETE') return m('removeFile', id, '', path);
    return wrongMethod(method, pathname);
  }
  if (sub === 'sessions' && seg.length === 5) {
    if (method === 'POST') return m('createSession', id);
    if (method === 'GET') return m('listSessions', id);
    return wrongMethod(method, pathname);
  }
  if (sub === 'run-code' && seg.length === 5) return method === 'POST' ? m('runCode', id) : wrongMethod(method, pathname);
  if (sub === 'contexts') {
    if (seg.length === 5) {
      if (method === 'POST') return m('createContext', id);
      if (method === 'GET') return m('listContexts', id);
      return wrongMethod(method, pathname);
    }
    const name = decode(seg[5] ?? '');
    if (seg.length === 6) return method === 'DELETE' ? m('deleteContext', id, name) : wrongMethod(method, pathname);
    if (seg.length === 7 && seg[6] === 'interrupt') return method === 'POST' ? m('interruptContext', id, name) : wrongMethod(method, pathname);
  }
  if (sub === 'processes') {
    if (seg.length === 5) {
      if (method === 'POST') return m('startProcess', id);
      if (method === 'GET') return m('listProcesses', id);
      return wrongMethod(method, pathname);
    }
    const name = decode(seg[5] ?? '');
    if (seg.length === 6) return method === 'GET' ? m('getProcess', id, name) : wrongMethod(method, pathname);
    const action = seg[6] ?? '';
    if (seg.length === 7 && action === 'logs') return method === 'GET' ? m('processLogs', id, name) : wrongMethod(method, pathname);
    const route = PROCESS_ACTIONS[action];
    if (seg.length === 7 && route !== undefined) return method === 'POST' ? m(route, id, name) : wrongMethod(method, pathname);
  }
  return null;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw burrowError('bad_request', `malformed percent-encoding in '${s}'`);
  }
}

function wrongMethod(method: string, pathname: string): never {
  throw burrowError('not_found', `${method} is not supported on ${pathname} (see /openapi.json)`);
}
