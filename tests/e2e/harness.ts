/**
 * End-to-end fixtures: a Burrow server started by the test on a free port (reached with the SDK over HTTP)
 * or the embedded transport, each with its own throwaway data directory. Both give the same `Burrow`
 * interface, so suites run unchanged against either. `sandboxFor` names the sandbox id in a failing test's
 * message and always destroys it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Burrow, connect, type Sandbox } from '@burrow/sdk';
import { App, createLogger, embedded } from '@burrow/server';

export interface Transport {
  name: 'http' | 'embedded';
  start(): Promise<Started>;
}

export interface Started {
  burrow: Burrow;
  /** Server URL (HTTP only). */
  url?: string;
  stop(): Promise<void>;
}

export async function startHttp(keys?: Record<string, string>): Promise<Started & { url: string; app: App }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'burrow-e2e-'));
  const app = new App({ dataDir, log: createLogger('warn'), ...(keys === undefined ? {} : { keys }) });
  const { port } = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    burrow: connect({ url }),
    stop: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startEmbedded(): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'burrow-e2e-'));
  const burrow = embedded({ dataDir, log: createLogger('warn') });
  return {
    burrow,
    stop: async () => {
      await burrow.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const TRANSPORTS: Transport[] = [
  { name: 'http', start: startHttp },
  { name: 'embedded', start: startEmbedded },
];

let counter = 0;

/** Runs `body` with a fresh sandbox; the sandbox id is in the message of any failure; the sandbox is always destroyed. */
export async function withSandbox(burrow: Burrow, body: (sb: Sandbox) => Promise<void>): Promise<void> {
  const sb = await burrow.create({ id: `e2e-${process.pid}-${++counter}` });
  try {
    await body(sb);
  } catch (e) {
    if (e instanceof Error) e.message = `[sandbox ${sb.id}] ${e.message}`;
    throw e;
  } finally {
    await sb.destroy().catch(() => {});
  }
}
