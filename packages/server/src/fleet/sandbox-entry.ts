/**
 * One awake sandbox as the service sees it: its kernel (in a runner of its tenant), labels, background
 * processes and known sessions, and the file operations of the API expressed over the kernel's whole-file
 * calls. Kernel failures surface as KernelError; the HTTP layer and the embedded client map them to codes.
 */
import { randomBytes } from 'node:crypto';
import type { ExecResult, ExecRun, KernelApi } from '@burrow/kernel';
import { burrowError, type FileEntry, type FileStat, SERVICE_LIMITS, type SandboxInfo } from '@burrow/protocol';
import { CodeContexts } from './code-contexts.js';
import { ProcessTable } from './process-table.js';

export interface ExecCall {
  command: string;
  session?: string;
  cwd?: string;
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs?: number;
}

export class SandboxEntry {
  readonly processes: ProcessTable;
  readonly contexts: CodeContexts;
  private readonly sessionNames = new Set<string>(['default']);

  constructor(
    readonly id: string,
    readonly labels: Record<string, string>,
    readonly createdAt: string,
    readonly kernel: KernelApi,
  ) {
    this.processes = new ProcessTable(kernel, id);
    this.contexts = new CodeContexts(kernel);
  }

  info(): SandboxInfo {
    return { id: this.id, labels: { ...this.labels }, createdAt: this.createdAt, state: 'running' };
  }

  exec(call: ExecCall, signal?: AbortSignal): Promise<ExecResult> {
    return this.kernel.exec(call.command, this.execOptions(call, signal));
  }

  execStream(call: ExecCall, signal?: AbortSignal): ExecRun {
    return this.kernel.execStream(call.command, this.execOptions(call, signal));
  }

  /** Names a session (generated when absent); the kernel starts it on its first exec. */
  createSession(name?: string): string {
    const chosen = name ?? `s-${randomBytes(4).toString('hex')}`;
    this.sessionNames.add(chosen);
    return chosen;
  }

  sessions(): string[] {
    return [...this.sessionNames];
  }

  readFile(path: string): Promise<Uint8Array> {
    return this.kernel.fs.readFile(path);
  }

  /** Writes a whole file, creating missing parents. */
  async writeFile(path: string, data: Uint8Array): Promise<void> {
    const parent = path.slice(0, path.lastIndexOf('/'));
    if (parent !== '') await this.kernel.fs.mkdir(parent, { recursive: true });
    await this.kernel.fs.writeFile(path, data);
  }

  async stat(path: string): Promise<FileStat> {
    const s = await this.kernel.fs.stat(path);
    return { path, kind: s.kind, mode: s.mode, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
  }

  /** Entries under `path`, breadth first; recursion does not follow symlinked directories. */
  async list(path: string, recursive: boolean): Promise<FileEntry[]> {
    const out: FileEntry[] = [];
    const dirs = [path];
    for (let i = 0; i < dirs.length; i++) {
      const dir = dirs[i] as string;
      const base = dir.endsWith('/') ? dir : `${dir}/`;
      for (const e of await this.kernel.fs.readdir(dir)) {
        if (out.length >= SERVICE_LIMITS.listEntriesMax) {
          throw burrowError('limit_reached', `more than ${SERVICE_LIMITS.listEntriesMax} entries under ${path}: list a narrower directory`, {
            limit: SERVICE_LIMITS.listEntriesMax,
          });
        }
        const full = base + e.name;
        out.push({ name: e.name, path: full, kind: e.kind });
        if (recursive && e.kind === 'dir') dirs.push(full);
      }
    }
    return out;
  }

  mkdir(path: string, recursive: boolean): Promise<void> {
    return this.kernel.fs.mkdir(path, { recursive });
  }

  remove(path: string, recursive: boolean): Promise<void> {
    return this.kernel.fs.remove(path, { recursive });
  }

  rename(from: string, to: string): Promise<void> {
    return this.kernel.fs.rename(from, to);
  }

  /** Stops every process and closes the kernel. */
  async close(): Promise<void> {
    this.processes.killAll();
    await this.kernel.close();
  }

  private execOptions(call: ExecCall, signal?: AbortSignal) {
    if (call.session !== undefined) this.sessionNames.add(call.session);
    return {
      ...(call.session === undefined ? {} : { session: call.session }),
      ...(call.cwd === undefined ? {} : { cwd: call.cwd }),
      ...(call.env === undefined ? {} : { env: call.env }),
      ...(call.stdin === undefined ? {} : { stdin: call.stdin }),
      ...(call.timeoutMs === undefined ? {} : { timeoutMs: call.timeoutMs }),
      ...(signal === undefined ? {} : { signal }),
    };
  }
}
