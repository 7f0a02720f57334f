/**
 * The HTTP front: node:http with keep-alive, no framework on the hot path. Each request is authenticated,
 * routed through the protocol's route table, handled, and on failure answered in the one error format.
 * A request whose client disconnects early aborts its `gone` signal (an exec then sends SIGHUP).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { burrowError, SERVICE_LIMITS } from '@burrow/protocol';
import { toBurrowError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Auth } from './auth.js';
import { HANDLERS, type HandlerContext } from './handlers.js';
import { sendError } from './respond.js';
import { matchRoute } from './router.js';

export function createHttpServer(ctx: HandlerContext, auth: Auth, log: Logger): Server {
  const server = createServer({ keepAlive: true, keepAliveTimeout: SERVICE_LIMITS.keepAliveMs, noDelay: true }, (req, res) => {
    void handle(ctx, auth, log, req, res);
  });
  server.keepAliveTimeout = SERVICE_LIMITS.keepAliveMs;
  return server;
}

async function handle(ctx: HandlerContext, auth: Auth, log: Logger, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = log.enabled('debug') ? performance.now() : 0;
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  try {
    const url = new URL(req.url ?? '/', 'http://burrow');
    const match = matchRoute(req.method ?? 'GET', url.pathname);
    if (match === null) throw burrowError('not_found', `no route ${req.method} ${url.pathname} (see /openapi.json)`);
    const tenant = match.route === 'health' ? '' : auth.tenantOf(req.headers.authorization);
    await HANDLERS[match.route](ctx, { req, res, url, match, tenant, gone: gone.signal });
  } catch (e) {
    const err = toBurrowError(e);
    if (err.code === 'internal') log.error('request failed', { method: req.method, url: req.url, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    sendError(res, err);
    // A refused body may still be arriving; the connection cannot be reused for the next request.
    if (!req.complete) req.resume();
  }
  if (started !== 0) log.debug('request', { method: req.method, url: req.url, status: res.statusCode, ms: Math.round((performance.now() - started) * 100) / 100 });
}
