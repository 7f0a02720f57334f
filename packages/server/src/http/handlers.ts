/**
 * One handler per route of ROUTES: validate the input with the protocol's schemas, call the fleet, write the
 * response. Long-running work never belongs to a request: an exec's request owns only that exec (its
 * disconnect sends SIGHUP to the foreground job); background processes live in the sandbox's ProcessTable.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { burrowError, DEFAULT_SANDBOX_LIMITS, openApiDocument, type RouteName, schemas as S } from '@burrow/protocol';
import { textEvents } from '../fleet/exec-text.js';
import type { Fleet } from '../fleet/fleet.js';
import { primed, runCodeEvents } from '../fleet/run-code-events.js';
import type { SandboxEntry } from '../fleet/sandbox-entry.js';
import { readJson } from './body.js';
import { receiveFile, sendFile } from './file-body.js';
import type { Match } from './router.js';
import { sendEmpty, sendEvents, sendJson, streamFormat } from './respond.js';

export interface HandlerContext {
  fleet: Fleet;
  version: string;
  startedAt: number;
}

export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  match: Match;
  tenant: string;
  /** Aborts when the client goes away before the response is complete. */
  gone: AbortSignal;
}

type Handler = (ctx: HandlerContext, call: Call) => Promise<void>;

const sandbox = (ctx: HandlerContext, c: Call): Promise<SandboxEntry> => ctx.fleet.getReady(c.tenant, c.match.id);
const flag = (url: URL, name: string): boolean => {
  const v = url.searchParams.get(name);
  return v === 'true' || v === '1' || v === '';
};

export const HANDLERS: Readonly<Record<RouteName, Handler>> = {
  health: async (ctx, c) => sendJson(c.res, 200, { status: 'ok', version: ctx.version, uptimeMs: Date.now() - ctx.startedAt }),
  openapi: async (ctx, c) => sendJson(c.res, 200, openApiDocument(ctx.version)),

  createSandbox: async (ctx, c) => {
    const body = await readJson(c.req, S.CreateSandboxRequest, 'create-sandbox');
    const entry = await ctx.fleet.create(c.tenant, body);
    sendJson(c.res, 201, entry.info());
  },
  listSandboxes: async (ctx, c) => {
    const labels: Record<string, string> = {};
    for (const kv of c.url.searchParams.getAll('label')) {
      const eq = kv.indexOf('=');
      if (eq <= 0) throw burrowError('bad_request', `label filter '${kv}' must be k=v`);
      labels[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    sendJson(c.res, 200, { sandboxes: ctx.fleet.list(c.tenant, labels) });
  },
  getSandbox: async (ctx, c) => sendJson(c.res, 200, (await sandbox(ctx, c)).info()),
  destroySandbox: async (ctx, c) => {
    await ctx.fleet.destroy(c.tenant, c.match.id);
    sendEmpty(c.res);
  },

  exec: async (ctx, c) => {
    const body = await readJson(c.req, S.ExecRequest, 'exec');
    const entry = await sandbox(ctx, c);
    const format = streamFormat(c.req);
    if (format === null) {
      const r = await entry.exec(body, c.gone);
      sendJson(c.res, 200, r);
      return;
    }
    const run = entry.execStream(body, c.gone);
    await sendEvents(c.res, format, textEvents(run.events));
  },

  readFile: async (ctx, c) => {
    const entry = await sandbox(ctx, c);
    const view = c.url.searchParams.get('view') ?? 'bytes';
    if (view === 'stat') return sendJson(c.res, 200, await entry.stat(c.match.path));
    if (view === 'list') return sendJson(c.res, 200, { entries: await entry.list(c.match.path, flag(c.url, 'recursive')) });
    if (view !== 'bytes') throw burrowError('bad_request', `view must be bytes, stat or list, not '${view}'`);
    await sendFile(entry.kernel.fs, c.match.path, c.res);
  },
  writeFile: async (ctx, c) => {
    const entry = await sandbox(ctx, c);
    await receiveFile(entry.kernel.fs, c.match.path, c.req, DEFAULT_SANDBOX_LIMITS.fileBytesMax);
    sendEmpty(c.res);
  },
  fileOp: async (ctx, c) => {
    const body = await readJson(c.req, S.FileOpRequest, 'file operation');
    const entry = await sandbox(ctx, c);
    if (body.op === 'mkdir') await entry.mkdir(c.match.path, body.recursive === true);
    else await entry.rename(c.match.path, body.to);
    sendEmpty(c.res);
  },
  removeFile: async (ctx, c) => {
    await (await sandbox(ctx, c)).remove(c.match.path, flag(c.url, 'recursive'));
    sendEmpty(c.res);
  },

  startProcess: async (ctx, c) => {
    const body = await readJson(c.req, S.ProcessStartRequest, 'start-process');
    sendJson(c.res, 201, await (await sandbox(ctx, c)).processes.start(body));
  },
  listProcesses: async (ctx, c) => sendJson(c.res, 200, { processes: (await sandbox(ctx, c)).processes.list() }),
  getProcess: async (ctx, c) => sendJson(c.res, 200, (await sandbox(ctx, c)).processes.get(c.match.name)),
  processLogs: async (ctx, c) => {
    const table = (await sandbox(ctx, c)).processes;
    const format = streamFormat(c.req) ?? (flag(c.url, 'follow') ? 'ndjson' : null);
    if (format === null) return sendJson(c.res, 200, table.logs(c.match.name));
    const events = table.follow(c.match.name, c.gone);
    await sendEvents(c.res, format, events);
  },
  killProcess: async (ctx, c) => {
    const body = await readJson(c.req, S.KillRequest, 'kill');
    (await sandbox(ctx, c)).processes.kill(c.match.name, body.signal);
    sendEmpty(c.res);
  },
  waitProcess: async (ctx, c) => {
    const body = await readJson(c.req, S.WaitRequest, 'wait');
    sendJson(c.res, 200, await (await sandbox(ctx, c)).processes.wait(c.match.name, body.timeoutMs, c.gone));
  },
  waitForLog: async (ctx, c) => {
    const body = await readJson(c.req, S.WaitForLogRequest, 'wait-for-log');
    const table = (await sandbox(ctx, c)).processes;
    const line = await table.waitForLog(
      c.match.name,
      body.pattern,
      { ...(body.timeoutMs === undefined ? {} : { timeoutMs: body.timeoutMs }), ...(body.stream === undefined ? {} : { stream: body.stream }) },
      c.gone,
    );
    sendJson(c.res, 200, { line });
  },

  createSession: async (ctx, c) => {
    const body = await readJson(c.req, S.SessionCreateRequest, 'create-session');
    sendJson(c.res, 201, { name: (await sandbox(ctx, c)).createSession(body.name) });
  },
  listSessions: async (ctx, c) => sendJson(c.res, 200, { sessions: (await sandbox(ctx, c)).sessions().map((name) => ({ name })) }),

  createContext: async (ctx, c) => {
    const body = await readJson(c.req, S.CreateContextRequest, 'create-context');
    sendJson(c.res, 201, await (await sandbox(ctx, c)).contexts.create(body));
  },
  listContexts: async (ctx, c) => sendJson(c.res, 200, { contexts: await (await sandbox(ctx, c)).contexts.list() }),
  deleteContext: async (ctx, c) => {
    await (await sandbox(ctx, c)).contexts.delete(c.match.name);
    sendEmpty(c.res);
  },
  interruptContext: async (ctx, c) => {
    await (await sandbox(ctx, c)).contexts.interrupt(c.match.name);
    sendEmpty(c.res);
  },
  runCode: async (ctx, c) => {
    const body = await readJson(c.req, S.RunCodeRequest, 'run-code');
    const contexts = (await sandbox(ctx, c)).contexts;
    const format = streamFormat(c.req);
    if (format === null) return sendJson(c.res, 200, await contexts.run(body, { signal: c.gone }));
    await sendEvents(c.res, format, await primed(runCodeEvents(contexts, body, c.gone)));
  },
};
