/**
 * What a RemoteKernel (and its processes and execs) needs from the runner process that hosts it: requests
 * with checked replies, credit grants, and being forgotten when closed. RunnerProcess implements it.
 */
import type { Check } from './ipc-check.js';
import type { CreditTarget, Request } from './ipc.js';

export interface RunnerLink {
  request<T>(req: Request, check: Check<T>): Promise<T>;
  credit(sandbox: string, proc: number, stream: CreditTarget, bytes: number): void;
  forget(sandbox: string): void;
  readonly outputWindowBytes: number;
}
