/**
 * The code-interpreter parts of the runner IPC protocol (see ipc.ts): `context` requests (create, list,
 * delete, interrupt, image) and `run-code`. A run-code request is answered by one reply with the whole
 * RunCodeResult; when the parent asked for output as it happens, `code-output` events for that run precede
 * the reply on the same ordered channel. The events carry no more than the reply's stdout and stderr (the
 * context manager holds the cell's output anyway), so they need no credit of their own.
 */
import type { CodeContextInfo, RunCodeResult } from '@burrow/kernel';
import {
  arrayOf,
  bytes,
  type Check,
  INVALID,
  int,
  literal,
  object,
  oneOf,
  optional,
  recordOfStrings,
  str,
} from './ipc-check.js';

/** Languages a context may have on the wire; the kernel answers ENOTSUP for one it does not run. */
export const CONTEXT_LANGUAGES: readonly string[] = ['python', 'javascript', 'typescript'];
export type ContextLanguage = CodeContextInfo['language'];

/** KernelContexts' methods, one variant per method. */
export type ContextCall =
  | { call: 'create'; id?: string; language?: ContextLanguage; cwd?: string; env?: Record<string, string>; image?: Uint8Array }
  | { call: 'list' }
  | { call: 'delete'; id: string }
  | { call: 'interrupt'; id: string }
  | { call: 'image'; id: string };

export interface WireRunCodeOptions {
  context?: string;
  language?: ContextLanguage;
  timeoutMs?: number;
}

export type ContextRequest =
  | { op: 'context'; sandbox: string; ctx: ContextCall }
  /** `stream`: send `code-output` events as the cell writes (else only the reply). */
  | { op: 'run-code'; sandbox: string; run: number; code: string; opts: WireRunCodeOptions; stream: boolean };

export type ContextEvent = { t: 'code-output'; sandbox: string; run: number; stream: 'stdout' | 'stderr'; text: string };

const sandboxId = str(128);
const contextId = str(64);
const handle = int(0, Number.MAX_SAFE_INTEGER);
const TEXT_MAX = 1 << 30;

export const contextLanguage: Check<ContextLanguage> = (v) =>
  typeof v === 'string' && CONTEXT_LANGUAGES.includes(v) ? (v as ContextLanguage) : INVALID;

const contextCall: Check<ContextCall> = oneOf<ContextCall>('call', {
  create: object({
    call: literal('create'),
    id: optional(contextId),
    language: optional(contextLanguage),
    cwd: optional(str(4096)),
    env: optional(recordOfStrings),
    image: optional(bytes),
  }),
  list: object({ call: literal('list') }),
  delete: object({ call: literal('delete'), id: contextId }),
  interrupt: object({ call: literal('interrupt'), id: contextId }),
  image: object({ call: literal('image'), id: contextId }),
});

/** Checks of the context request variants, merged into ipc.ts's request check. */
export const contextRequestChecks: Record<ContextRequest['op'], Check<ContextRequest>> = {
  context: object({ op: literal('context'), sandbox: sandboxId, ctx: contextCall }),
  'run-code': object({
    op: literal('run-code'),
    sandbox: sandboxId,
    run: handle,
    code: str(1 << 24),
    opts: object({ context: optional(contextId), language: optional(contextLanguage), timeoutMs: optional(int(0, Number.MAX_SAFE_INTEGER)) }),
    stream: (v: unknown) => (typeof v === 'boolean' ? v : INVALID),
  }),
};

/** Checks of the context event variants, merged into ipc.ts's runner message check. */
export const contextEventChecks: Record<ContextEvent['t'], Check<ContextEvent>> = {
  'code-output': object({
    t: literal('code-output'),
    sandbox: sandboxId,
    run: handle,
    stream: literal('stdout', 'stderr'),
    text: str(TEXT_MAX),
  }),
};

// ---- reply values, checked by the parent ----

export const contextInfo: Check<CodeContextInfo> = object({
  id: contextId,
  language: contextLanguage,
  cwd: str(4096),
  pid: handle,
  busy: (v: unknown) => (typeof v === 'boolean' ? v : INVALID),
});

export const contextInfos: Check<CodeContextInfo[]> = arrayOf(contextInfo);

const mimeBundle: Check<Record<string, unknown>> = (v) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...(v as Record<string, unknown>) } : INVALID;

const runCodeError = object({ name: str(1 << 16), value: str(1 << 20), traceback: str(1 << 24) });

export const runCodeResult: Check<RunCodeResult> = (v) => {
  const r = object({
    results: arrayOf(mimeBundle),
    stdout: str(TEXT_MAX),
    stderr: str(TEXT_MAX),
    error: optional(runCodeError),
  })(v);
  if (r === INVALID) return INVALID;
  return { results: r.results, stdout: r.stdout, stderr: r.stderr, ...(r.error === undefined ? {} : { error: r.error }) };
};
