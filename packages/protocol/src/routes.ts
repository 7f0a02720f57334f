/**
 * The route table of the HTTP API: one entry per operation, with its method, path template, body and
 * response schemas. The server routes by it and /openapi.json is generated from it, so the two cannot drift.
 * `{path}` is the rest of the URL (an absolute path inside the sandbox, slashes included).
 */
import type { z } from 'zod';
import * as S from './schemas.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteSpec {
  method: HttpMethod;
  path: string;
  summary: string;
  /** A JSON body schema, or raw bytes. */
  body?: z.ZodType | 'bytes';
  /** A JSON response schema, raw bytes, or an event stream (SSE or NDJSON of ExecEvent, chosen by Accept). */
  response?: z.ZodType | 'bytes' | 'events';
  /** Query parameters and what they mean. */
  query?: Readonly<Record<string, string>>;
  /** Success status (200 when absent). */
  status?: number;
}

const route = (r: RouteSpec): RouteSpec => r;

export const ROUTES = {
  health: route({ method: 'GET', path: '/health', summary: 'Liveness and version', response: S.Health }),
  openapi: route({ method: 'GET', path: '/openapi.json', summary: 'This API as OpenAPI 3.1' }),
  createSandbox: route({
    method: 'POST',
    path: '/v1/sandboxes',
    summary: 'Create a sandbox (id chosen by the caller or generated)',
    body: S.CreateSandboxRequest,
    response: S.SandboxInfo,
    status: 201,
  }),
  listSandboxes: route({
    method: 'GET',
    path: '/v1/sandboxes',
    summary: "List the tenant's sandboxes",
    query: { label: 'k=v; repeat to require several labels' },
    response: S.SandboxList,
  }),
  getSandbox: route({ method: 'GET', path: '/v1/sandboxes/{id}', summary: 'Describe a sandbox', response: S.SandboxInfo }),
  destroySandbox: route({
    method: 'DELETE',
    path: '/v1/sandboxes/{id}',
    summary: 'Stop every process of a sandbox and delete it',
    status: 204,
  }),
  exec: route({
    method: 'POST',
    path: '/v1/sandboxes/{id}/exec',
    summary: 'Run a command line in a shell session; buffered JSON, or streamed with Accept: text/event-stream or application/x-ndjson',
    body: S.ExecRequest,
    response: S.ExecResult,
  }),
  readFile: route({
    method: 'GET',
    path: '/v1/sandboxes/{id}/files/{path}',
    summary: 'Read a file as raw bytes; ?view=stat describes it, ?view=list lists a directory',
    query: { view: 'bytes (default) | stat | list', recursive: 'true: list recursively' },
    response: 'bytes',
  }),
  writeFile: route({
    method: 'PUT',
    path: '/v1/sandboxes/{id}/files/{path}',
    summary: 'Write a file from raw bytes (parents created)',
    body: 'bytes',
    status: 204,
  }),
  fileOp: route({
    method: 'POST',
    path: '/v1/sandboxes/{id}/files/{path}',
    summary: 'mkdir or rename',
    body: S.FileOpRequest,
    status: 204,
  }),
  removeFile: route({
    method: 'DELETE',
    path: '/v1/sandboxes/{id}/files/{path}',
    summary: 'Remove a file or directory',
    query: { recursive: 'true: remove a directory and its contents' },
    status: 204,
  }),
  startProcess: route({
    method: 'POST',
    path: '/v1/sandboxes/{id}/processes',
    summary: 'Start a command line in the background',
    body: S.ProcessStartRequest,
    response: S.ProcessInfo,
    status: 201,
  }),
  listProcesses: route({ method: 'GET', path: '/v1/sandboxes/{id}/processes', summary: 'List background processes', response: S.ProcessList }),
  getProcess: route({ method: 'GET', path: '/v1/sandboxes/{id}/processes/{name}', summary: 'Describe a process', response: S.ProcessInfo }),
  processLogs: route({
    method: 'GET',
    path: '/v1/sandboxes/{id}/processes/{name}/logs',
    summary: 'Kept output of a process; with ?follow=true (or an event-stream Accept) streamed until it exits',
    query: { follow: 'true: stream the kept output, then live output until exit' },
    response: S.ProcessLogs,
  }),
  killProcess: route({
    method: 'POST',
    path: '/v1/sandboxes/{id}/processes/{name}/kill',
    summary: "Signal a process's foreground job (default TERM)",
    body: S.KillRequest,
    status: 204,
  }),
  waitProcess: route({
    method: 'POST',
    path: '/v1/sandboxes/{id}/processes/{name}/wait',
    summary: 'Wait until a process exits',
    body: S.WaitRequest,
    response: S.ProcessInfo,
  }),
  waitForLog: route({
    method: 'POST',
    path: '/v1/sandboxes/{id}/processes/{name}/wait-for-log',
    summary: 'Wait until a line of output matches an RE2 pattern',
    body: S.WaitForLogRequest,
    response: S.WaitForLogResult,
  }),
  createSession: route({
    method: 'POST',
    path: '/v1/sandboxes/{id}/sessions',
    summary: 'Create a shell session (sessions are also created on first use)',
    body: S.SessionCreateRequest,
    response: S.SessionInfo,
    status: 201,
  }),
  listSessions: route({ method: 'GET', path: '/v1/sandboxes/{id}/sessions', summary: 'List shell sessions', response: S.SessionList }),
  createContext: route({
    method: 'POST',
    path: '/v1/sandboxes/{id}/contexts',
    summary: 'Create a code-interpreter context (variables persist across runCode calls)',
    body: S.CreateContextRequest,
    response: S.ContextInfo,
    status: 201,
  }),
  listContexts: route({ method: 'GET', path: '/v1/sandboxes/{id}/contexts', summary: 'List code-interpreter contexts', response: S.ContextList }),
  deleteContext: route({
    method: 'DELETE',
    path: '/v1/sandboxes/{id}/contexts/{ctx}',
    summary: 'Stop a code-interpreter context and forget its variables',
    status: 204,
  }),
  interruptContext: route({
    method: 'POST',
    path: '/v1/sandboxes/{id}/contexts/{ctx}/interrupt',
    summary: "Interrupt a context's running cell (a no-op when it is idle)",
    status: 204,
  }),
  runCode: route({
    method: 'POST',
    path: '/v1/sandboxes/{id}/run-code',
    summary:
      'Run code in a context (created on first use); buffered JSON, or stdout/stderr events then a result event with Accept: text/event-stream or application/x-ndjson',
    body: S.RunCodeRequest,
    response: S.RunCodeResult,
  }),
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
