/**
 * The messages between a parent (server, CLI) and a runner process, over Node's child-process IPC channel with
 * `serialization: 'advanced'` (so Uint8Array and bigint travel as they are).
 *
 * Parent → runner: requests `{ t: 'req', id, req }`, each answered by exactly one reply `{ t: 'res', id, … }`,
 * and flow-control credits `{ t: 'credit', … }` (no reply). Runner → parent: replies, and events (process
 * output, end of output, exit, VFS snapshots, readiness). Every message is checked on arrival by the parsers
 * below: a malformed request gets an error reply (or is dropped when it has no id), never a crash.
 *
 * Output flow control is credit-based: a runner may have at most `window` bytes of one stream's output
 * in flight (sent and not yet granted back); the parent grants bytes back as its consumer takes them. A
 * parent that stops reading therefore stops the runner reading the process's pipe, and the process then
 * blocks on its next write. Stdin is ack-based: a `stdin` request is answered once the kernel took the bytes.
 */
import type { DirEntryInfo, ExecEvent, ExitStatus, FileStatInfo, ProcessInfo, Signal } from '@burrow/kernel';
import { type ProcessLimits, type SandboxLimits, SERVICE_LIMITS } from '@burrow/protocol';
import {
  arrayOf,
  boolean,
  bytes,
  type Check,
  INVALID,
  int,
  literal,
  nullable,
  object,
  oneOf,
  optional,
  partialOf,
  recordOfStrings,
  str,
  unknownValue,
} from './ipc-check.js';
import { type ContextEvent, type ContextRequest, contextEventChecks, contextRequestChecks } from './ipc-contexts.js';
import type { EncodedSnapshot } from './snapshot-codec.js';

export type StreamName = 'stdout' | 'stderr';
/** What a credit grants to: a process's stdout or stderr, or an exec's event stream. */
export type CreditTarget = StreamName | 'exec';

/** ExecOptions as they cross the channel (an AbortSignal becomes `exec-signal` requests). */
export interface WireExecOptions {
  session?: string;
  cwd?: string;
  env?: Record<string, string>;
  stdin?: Uint8Array | string;
  timeoutMs?: number;
}

export interface WireSpawnOptions {
  env?: Record<string, string>;
  cwd?: string;
  preopens?: Array<{ path: string; guestPath?: string }>;
  limits?: Partial<ProcessLimits>;
}

/** The calls of KernelFs, one variant per method (arguments as the method takes them). */
export type FsCall =
  | { call: 'readFile'; path: string }
  | { call: 'readFileChunk'; path: string; offset: number; maxBytes: number }
  | { call: 'writeFile'; path: string; data: Uint8Array | string; mode?: number }
  | { call: 'appendFile'; path: string; data: Uint8Array }
  | { call: 'mkdir'; path: string; recursive?: boolean; mode?: number }
  | { call: 'readdir'; path: string }
  | { call: 'stat'; path: string; follow?: boolean }
  | { call: 'symlink'; target: string; path: string }
  | { call: 'remove'; path: string; recursive?: boolean }
  | { call: 'rename'; from: string; to: string };

/** Test-only checks of a runner's hardening (accepted only by runners started with probes enabled). */
export type ProbeKind = 'connect' | 'write-file' | 'read-file' | 'child-process' | 'eval' | 'worker-eval' | 'env';

export type Request =
  | {
      op: 'create';
      sandbox: string;
      snapshot?: EncodedSnapshot;
      sandboxLimits?: Partial<SandboxLimits>;
      processLimits?: Partial<ProcessLimits>;
      /** Whether the runner sends VFS snapshots at idle points (a throwaway sandbox needs none). */
      snapshots: boolean;
    }
  | { op: 'destroy'; sandbox: string }
  | { op: 'spawn'; sandbox: string; proc: number; argv: string[]; opts: WireSpawnOptions; window: number }
  | { op: 'stdin'; sandbox: string; proc: number; data: Uint8Array }
  | { op: 'stdin-end'; sandbox: string; proc: number }
  | { op: 'kill'; sandbox: string; pid: number; signal: Signal }
  | { op: 'exec'; sandbox: string; exec: number; command: string; opts: WireExecOptions; window: number }
  | { op: 'exec-signal'; sandbox: string; exec: number; signal: Signal }
  /** A buffered exec: one request, one reply with the whole result (no events, no credit). */
  | { op: 'exec-collect'; sandbox: string; exec: number; command: string; opts: WireExecOptions }
  | { op: 'processes'; sandbox: string }
  | { op: 'fs'; sandbox: string; fs: FsCall }
  | { op: 'snapshot'; sandbox: string }
  | { op: 'probe'; probe: ProbeKind; arg: string }
  /** The Python template image, made by the parent: the runner may not write it to disk itself. */
  | { op: 'python-template'; image: Uint8Array }
  | ContextRequest;

export type Op = Request['op'];

export interface RequestMessage {
  t: 'req';
  id: number;
  req: Request;
}

export interface CreditMessage {
  t: 'credit';
  sandbox: string;
  /** A process handle id, or an exec id when `stream` is 'exec'. */
  proc: number;
  stream: CreditTarget;
  bytes: number;
}

export type ParentMessage = RequestMessage | CreditMessage;

/** An error as it crosses the channel: a kernel errno when there is one, else null (a runner-side failure). */
export interface WireError {
  errno: number | null;
  message: string;
}

export type ReplyMessage = { t: 'res'; id: number; ok: true; value: unknown } | { t: 'res'; id: number; ok: false; error: WireError };

export type RunnerEvent =
  | { t: 'ready' }
  | { t: 'out'; sandbox: string; proc: number; stream: StreamName; data: Uint8Array }
  | { t: 'eof'; sandbox: string; proc: number; stream: StreamName }
  | { t: 'exit'; sandbox: string; proc: number; status: ExitStatus }
  | { t: 'exec-event'; sandbox: string; exec: number; event: ExecEvent }
  | { t: 'exec-done'; sandbox: string; exec: number; exitCode: number; reason?: string }
  | { t: 'snapshot'; sandbox: string; snapshot: EncodedSnapshot }
  | ContextEvent;

export type RunnerMessage = ReplyMessage | RunnerEvent;

// ---- checks ----

const SIGNALS: readonly Signal[] = ['SIGINT', 'SIGHUP', 'SIGTERM', 'SIGKILL'];
const STREAMS: readonly StreamName[] = ['stdout', 'stderr'];
const CREDIT_TARGETS: readonly CreditTarget[] = ['stdout', 'stderr', 'exec'];
const PROBES: readonly ProbeKind[] = ['connect', 'write-file', 'read-file', 'child-process', 'eval', 'worker-eval', 'env'];
const sandboxId = str(128);
const path = str(1 << 16);

const numberRecord = partialOf<number>(int(0, Number.MAX_SAFE_INTEGER));

const encodedSnapshot: Check<EncodedSnapshot> = object({
  tree: unknownValue,
  buffers: arrayOf(object({ id: int(0, Number.MAX_SAFE_INTEGER), data: bytes })),
  keep: arrayOf(int(0, Number.MAX_SAFE_INTEGER)),
});

const spawnOptions: Check<WireSpawnOptions> = object({
  env: optional(recordOfStrings),
  cwd: optional(path),
  preopens: optional(arrayOf(object({ path, guestPath: optional(path) }))),
  limits: optional(numberRecord as Check<Partial<ProcessLimits>>),
});

/** The most one readFileChunk reply carries: a chunk is one IPC message, which the channel holds whole. */
export const FILE_CHUNK_BYTES_MAX = SERVICE_LIMITS.fileChunkBytesMax;

const fsCall: Check<FsCall> = oneOf<FsCall>('call', {
  readFile: object({ call: literal('readFile'), path }),
  readFileChunk: object({
    call: literal('readFileChunk'),
    path,
    offset: int(0, Number.MAX_SAFE_INTEGER),
    maxBytes: int(0, FILE_CHUNK_BYTES_MAX),
  }),
  writeFile: object({
    call: literal('writeFile'),
    path,
    data: (v: unknown) => (typeof v === 'string' || v instanceof Uint8Array ? v : INVALID),
    mode: optional(int(0, 0o7777)),
  }),
  appendFile: object({ call: literal('appendFile'), path, data: bytes }),
  mkdir: object({ call: literal('mkdir'), path, recursive: optional(boolean), mode: optional(int(0, 0o7777)) }),
  readdir: object({ call: literal('readdir'), path }),
  stat: object({ call: literal('stat'), path, follow: optional(boolean) }),
  symlink: object({ call: literal('symlink'), target: path, path }),
  remove: object({ call: literal('remove'), path, recursive: optional(boolean) }),
  rename: object({ call: literal('rename'), from: path, to: path }),
});

const proc = int(0, Number.MAX_SAFE_INTEGER);

const execOptions: Check<WireExecOptions> = object({
  session: optional(str(256)),
  cwd: optional(path),
  env: optional(recordOfStrings),
  stdin: optional((v: unknown) => (typeof v === 'string' || v instanceof Uint8Array ? v : INVALID)),
  timeoutMs: optional(int(0, Number.MAX_SAFE_INTEGER)),
});

const request: Check<Request> = oneOf<Request>('op', {
  create: object({
    op: literal('create'),
    sandbox: sandboxId,
    snapshot: optional(encodedSnapshot),
    sandboxLimits: optional(numberRecord as Check<Partial<SandboxLimits>>),
    processLimits: optional(numberRecord as Check<Partial<ProcessLimits>>),
    snapshots: boolean,
  }),
  destroy: object({ op: literal('destroy'), sandbox: sandboxId }),
  spawn: object({
    op: literal('spawn'),
    sandbox: sandboxId,
    proc,
    argv: arrayOf(str(1 << 20)),
    opts: spawnOptions,
    window: int(1, 1 << 30),
  }),
  stdin: object({ op: literal('stdin'), sandbox: sandboxId, proc, data: bytes }),
  'stdin-end': object({ op: literal('stdin-end'), sandbox: sandboxId, proc }),
  kill: object({ op: literal('kill'), sandbox: sandboxId, pid: proc, signal: literal(...SIGNALS) }),
  exec: object({
    op: literal('exec'),
    sandbox: sandboxId,
    exec: proc,
    command: str(1 << 22),
    opts: execOptions,
    window: int(1, 1 << 30),
  }),
  'exec-signal': object({ op: literal('exec-signal'), sandbox: sandboxId, exec: proc, signal: literal(...SIGNALS) }),
  'exec-collect': object({
    op: literal('exec-collect'),
    sandbox: sandboxId,
    exec: proc,
    command: str(1 << 22),
    opts: execOptions,
  }),
  processes: object({ op: literal('processes'), sandbox: sandboxId }),
  fs: object({ op: literal('fs'), sandbox: sandboxId, fs: fsCall }),
  snapshot: object({ op: literal('snapshot'), sandbox: sandboxId }),
  probe: object({ op: literal('probe'), probe: literal(...PROBES), arg: str(4096) }),
  'python-template': object({ op: literal('python-template'), image: bytes }),
  ...contextRequestChecks,
});

const parentMessage: Check<ParentMessage> = oneOf<ParentMessage>('t', {
  req: object({ t: literal('req'), id: proc, req: request }),
  credit: object({
    t: literal('credit'),
    sandbox: sandboxId,
    proc,
    stream: literal(...CREDIT_TARGETS),
    bytes: int(0, 1 << 30),
  }),
});

const exitStatus: Check<ExitStatus> = object({
  exitCode: int(0, 255),
  signal: optional(literal(...SIGNALS)),
  reason: optional(str(256)),
});

const execEvent: Check<ExecEvent> = oneOf<ExecEvent>('type', {
  stdout: object({ type: literal('stdout'), data: bytes }),
  stderr: object({ type: literal('stderr'), data: bytes }),
  exit: object({ type: literal('exit'), exitCode: int(0, 255), reason: optional(str(256)) }),
});

const runnerMessage: Check<RunnerMessage> = oneOf<RunnerMessage>('t', {
  res: (v: unknown) => {
    const head = object({ t: literal('res'), id: proc, ok: boolean })(v);
    if (head === INVALID) return INVALID;
    if (head.ok) return { t: 'res', id: head.id, ok: true, value: (v as { value?: unknown }).value };
    const error = object({ errno: nullable(int(0, 1 << 16)), message: str(1 << 16) })((v as { error?: unknown }).error);
    return error === INVALID ? INVALID : { t: 'res', id: head.id, ok: false, error };
  },
  ready: object({ t: literal('ready') }),
  out: object({ t: literal('out'), sandbox: sandboxId, proc, stream: literal(...STREAMS), data: bytes }),
  eof: object({ t: literal('eof'), sandbox: sandboxId, proc, stream: literal(...STREAMS) }),
  exit: object({ t: literal('exit'), sandbox: sandboxId, proc, status: exitStatus }),
  'exec-event': object({ t: literal('exec-event'), sandbox: sandboxId, exec: proc, event: execEvent }),
  'exec-done': object({
    t: literal('exec-done'),
    sandbox: sandboxId,
    exec: proc,
    exitCode: int(0, 255),
    reason: optional(str(256)),
  }),
  snapshot: object({ t: literal('snapshot'), sandbox: sandboxId, snapshot: encodedSnapshot }),
  ...contextEventChecks,
});

/** Checks a message from the parent; undefined when malformed. */
export function parseParentMessage(v: unknown): ParentMessage | undefined {
  const m = parentMessage(v);
  return m === INVALID ? undefined : m;
}

/** Checks a message from a runner; undefined when malformed. */
export function parseRunnerMessage(v: unknown): RunnerMessage | undefined {
  const m = runnerMessage(v);
  return m === INVALID ? undefined : m;
}

/** The id of a malformed request, when it has one, so that it can still be answered. */
export function requestIdOf(v: unknown): number | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const id = (v as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

// ---- reply values, checked by the parent per request ----

const kind = literal('file', 'dir', 'symlink');
const finite: Check<number> = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : INVALID);

export const statInfo: Check<FileStatInfo> = object({
  ino: finite,
  kind,
  mode: int(0, 0o177777),
  nlink: int(0, Number.MAX_SAFE_INTEGER),
  size: int(0, Number.MAX_SAFE_INTEGER),
  atimeMs: finite,
  mtimeMs: finite,
  ctimeMs: finite,
});

export const dirEntries: Check<DirEntryInfo[]> = arrayOf(object({ name: str(4096), kind }));

export const processInfos: Check<ProcessInfo[]> = arrayOf(
  object({
    pid: proc,
    ppid: proc,
    argv: arrayOf(str(1 << 20)),
    cwd: path,
    state: literal('running', 'exited'),
    exitCode: nullable(int(0, 255)),
    cpuMs: finite,
    memoryBytes: finite,
    startedAtMs: finite,
  }),
);

export const spawnReply: Check<{ pid: number }> = object({ pid: proc });
export const execResult: Check<{ exitCode: number; stdout: string; stderr: string; reason?: string }> = object({
  exitCode: int(0, 255),
  stdout: str(1 << 30),
  stderr: str(1 << 30),
  reason: optional(str(256)),
});
export const nothing: Check<null> = (v: unknown) => (v === null || v === undefined ? null : INVALID);
export const bytesReply: Check<Uint8Array> = bytes;
export const probeReply: Check<{ outcome: string }> = object({ outcome: str(4096) });
export { encodedSnapshot };
