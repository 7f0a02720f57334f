/**
 * Zod schemas of every request and response body of the HTTP API, and the types inferred from them. The
 * server validates with these (each schema is built once, at import), the OpenAPI document is generated
 * from them, and clients share the types. Names of limits come from limits.ts.
 */
import { z } from 'zod';

/** Sandbox ids, process names and session names: DESIGN.md's CLI contract. */
export const NAME_RE: RegExp = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export const Name = z.string().regex(NAME_RE, 'must match [A-Za-z0-9][A-Za-z0-9._-]{0,62}');
export const Labels = z.record(z.string().min(1).max(63), z.string().max(255));
const Env = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a shell variable name'), z.string());
const AbsPath = z.string().startsWith('/', 'must be an absolute path').max(4096);

export const CreateSandboxRequest = z.strictObject({
  id: Name.optional(),
  labels: Labels.optional(),
  /** Return the existing sandbox instead of failing with sandbox_exists. */
  ifNotExists: z.boolean().optional(),
});

export const SandboxInfo = z.object({
  id: z.string(),
  labels: Labels,
  createdAt: z.string(),
  state: z.enum(['running']),
});

export const SandboxList = z.object({ sandboxes: z.array(SandboxInfo) });

export const ExecRequest = z.strictObject({
  command: z.string().min(1),
  session: Name.optional(),
  cwd: AbsPath.optional(),
  env: Env.optional(),
  /** Text on the command's stdin; it sees end of file after it. */
  stdin: z.string().optional(),
  timeoutMs: z.number().int().positive().optional(),
});

export const ExecResult = z.object({
  exitCode: z.number().int(),
  stdout: z.string(),
  stderr: z.string(),
  reason: z.string().optional(),
});

/** One event of a streamed exec or of a followed process log, in order; `exit` is last. */
export const ExecEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stdout'), data: z.string() }),
  z.object({ type: z.literal('stderr'), data: z.string() }),
  z.object({ type: z.literal('exit'), exitCode: z.number().int(), reason: z.string().optional() }),
  /** Output a slow follower missed because the bounded log dropped it. */
  z.object({ type: z.literal('gap'), bytes: z.number().int() }),
]);

export const FileKind = z.enum(['file', 'dir', 'symlink']);

export const FileStat = z.object({
  path: z.string(),
  kind: FileKind,
  mode: z.number().int(),
  size: z.number().int(),
  mtimeMs: z.number(),
  ctimeMs: z.number(),
});

export const FileEntry = z.object({ name: z.string(), path: z.string(), kind: FileKind });
export const FileList = z.object({ entries: z.array(FileEntry) });

/** POST on a file path: operations that are not a read or a write of its bytes. */
export const FileOpRequest = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('mkdir'), recursive: z.boolean().optional() }),
  z.strictObject({ op: z.literal('rename'), to: AbsPath }),
]);

export const ProcessStartRequest = z.strictObject({
  command: z.string().min(1),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,55}$/, 'must match [A-Za-z0-9][A-Za-z0-9._-]{0,55}').optional(),
  cwd: AbsPath.optional(),
  env: Env.optional(),
});

export const ProcessInfo = z.object({
  name: z.string(),
  command: z.string(),
  status: z.enum(['running', 'exited']),
  exitCode: z.number().int().nullable(),
  reason: z.string().optional(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  /** Output bytes the process wrote; the log keeps the last SERVICE_LIMITS.processLogBytesMax of them. */
  outputBytes: z.number().int(),
});

export const ProcessList = z.object({ processes: z.array(ProcessInfo) });

export const ProcessLogs = z.object({
  stdout: z.string(),
  stderr: z.string(),
  /** Bytes dropped from the start of the log to keep it bounded. */
  droppedBytes: z.number().int(),
});

export const Signal = z.enum(['TERM', 'INT', 'KILL', 'HUP']);
export const KillRequest = z.strictObject({ signal: Signal.optional() });
export const WaitRequest = z.strictObject({ timeoutMs: z.number().int().positive().optional() });
export const WaitForLogRequest = z.strictObject({
  /** An RE2 regular expression (linear time), matched against each line of output. */
  pattern: z.string().min(1).max(1024),
  stream: z.enum(['stdout', 'stderr', 'both']).optional(),
  timeoutMs: z.number().int().positive().optional(),
});
export const WaitForLogResult = z.object({ line: z.string() });

export const SessionCreateRequest = z.strictObject({ name: Name.optional() });
export const SessionInfo = z.object({ name: z.string() });
export const SessionList = z.object({ sessions: z.array(SessionInfo) });

/** Languages of code-interpreter contexts. */
export const ContextLanguage = z.enum(['python', 'javascript', 'typescript']);

export const CreateContextRequest = z.strictObject({
  /** The context's name; generated when absent. */
  id: Name.optional(),
  language: ContextLanguage.optional(),
  cwd: AbsPath.optional(),
  env: Env.optional(),
});

export const ContextInfo = z.object({
  id: z.string(),
  language: ContextLanguage,
  cwd: z.string(),
  /** A cell is running in it. */
  busy: z.boolean(),
});

export const ContextList = z.object({ contexts: z.array(ContextInfo) });

export const RunCodeRequest = z.strictObject({
  code: z.string().max(1 << 24),
  /** The context to run in (created with `language` on first use); default: the language's default context. */
  context: Name.optional(),
  /** Default python; a context that exists keeps its own language. */
  language: ContextLanguage.optional(),
  timeoutMs: z.number().int().positive().optional(),
});

/** An exception the code raised, as the interpreter describes it. */
export const RunCodeError = z.object({ name: z.string(), value: z.string(), traceback: z.string() });

export const RunCodeResult = z.object({
  /** The last expression's value as MIME bundles (`text/plain` always present). */
  results: z.array(z.record(z.string(), z.unknown())),
  stdout: z.string(),
  stderr: z.string(),
  error: RunCodeError.optional(),
});

/** One event of a streamed runCode, in order; `result` is last. */
export const RunCodeEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stdout'), data: z.string() }),
  z.object({ type: z.literal('stderr'), data: z.string() }),
  z.object({ type: z.literal('result'), result: RunCodeResult }),
]);

export const Health = z.object({ status: z.literal('ok'), version: z.string(), uptimeMs: z.number() });

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
});

export type CreateSandboxRequest = z.infer<typeof CreateSandboxRequest>;
export type SandboxInfo = z.infer<typeof SandboxInfo>;
export type ExecRequest = z.infer<typeof ExecRequest>;
export type ExecResult = z.infer<typeof ExecResult>;
export type ExecEvent = z.infer<typeof ExecEvent>;
export type FileKind = z.infer<typeof FileKind>;
export type FileStat = z.infer<typeof FileStat>;
export type FileEntry = z.infer<typeof FileEntry>;
export type FileOpRequest = z.infer<typeof FileOpRequest>;
export type ProcessStartRequest = z.infer<typeof ProcessStartRequest>;
export type ProcessInfo = z.infer<typeof ProcessInfo>;
export type ProcessLogs = z.infer<typeof ProcessLogs>;
export type SignalName = z.infer<typeof Signal>;
export type WaitForLogRequest = z.infer<typeof WaitForLogRequest>;
export type SessionInfo = z.infer<typeof SessionInfo>;
export type ContextLanguage = z.infer<typeof ContextLanguage>;
export type CreateContextRequest = z.infer<typeof CreateContextRequest>;
export type ContextInfo = z.infer<typeof ContextInfo>;
export type RunCodeRequest = z.infer<typeof RunCodeRequest>;
export type RunCodeResult = z.infer<typeof RunCodeResult>;
export type RunCodeEvent = z.infer<typeof RunCodeEvent>;
