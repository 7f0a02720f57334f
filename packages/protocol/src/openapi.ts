/**
 * The OpenAPI 3.1 document of the HTTP API, generated from ROUTES and the zod schemas (never written by
 * hand). Built once per process on first request.
 */
import { z } from 'zod';
import { ERROR_CODES } from './errors/codes.js';
import { ROUTES, type RouteSpec } from './routes.js';
import { ErrorResponse } from './schemas.js';

type Json = Record<string, unknown>;

const jsonSchema = (s: z.ZodType): Json => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Json;

function operation(name: string, r: RouteSpec): Json {
  const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = Object.entries(r.query ?? {}).map(([q, description]) => ({
    name: q,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string' },
  }));
  const op: Json = { operationId: name, summary: r.summary, parameters: [...params, ...query] };
  if (r.body === 'bytes') {
    op.requestBody = { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } };
  } else if (r.body !== undefined) {
    op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
  }
  const ok: Json = { description: 'success' };
  if (r.response === 'bytes') ok.content = { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } };
  else if (r.response === 'events') ok.content = { 'text/event-stream': {}, 'application/x-ndjson': {} };
  else if (r.response !== undefined) ok.content = { 'application/json': { schema: jsonSchema(r.response) } };
  op.responses = {
    [String(r.status ?? 200)]: ok,
    default: { description: `error; code is one of ${ERROR_CODES.join(', ')}`, content: { 'application/json': { schema: jsonSchema(ErrorResponse) } } },
  };
  return op;
}

let cached: Json | undefined;

export function openApiDocument(version: string): Json {
  if (cached !== undefined) return cached;
  const paths: Record<string, Json> = {};
  for (const [name, r] of Object.entries(ROUTES) as Array<[string, RouteSpec]>) {
    const at = paths[r.path] ?? {};
    at[r.method.toLowerCase()] = operation(name, r);
    paths[r.path] = at;
  }
  cached = {
    openapi: '3.1.0',
    info: { title: 'Burrow', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
  return cached;
}
