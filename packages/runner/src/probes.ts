/**
 * Test-only probes of a runner's hardening: each tries one thing the runner must not be able to do (reach the
 * network, write or read host files, start a child process, compile code from a string) and reports the
 * outcome as text: 'allowed' when it worked, else the error's code or name ('env' lists the variable names). A runner answers them only when
 * started with probes enabled. `worker-*` probes run the same check inside a worker thread started as process
 * workers are (empty execArgv), since they must inherit the runner's restrictions.
 *
 * This file is also a worker entry: started with `workerData.probe`, it runs that probe and posts the outcome.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ProbeKind } from './ipc.js';

const CONNECT_TIMEOUT_MS = 3000;

function codeOf(e: unknown): string {
  if (typeof e === 'object' && e !== null) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return String(e);
}

async function connect(arg: string): Promise<string> {
  const net = await import('node:net');
  const colon = arg.lastIndexOf(':');
  const host = arg.slice(0, colon);
  const port = Number(arg.slice(colon + 1));
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, CONNECT_TIMEOUT_MS);
    socket.on('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('allowed');
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      resolve(codeOf(e));
    });
  });
}

async function inThisThread(kind: Exclude<ProbeKind, 'worker-eval'>, arg: string): Promise<string> {
  try {
    switch (kind) {
      case 'connect':
        return await connect(arg);
      case 'write-file': {
        const fs = await import('node:fs');
        fs.writeFileSync(arg, 'probe');
        return 'allowed';
      }
      case 'read-file': {
        const fs = await import('node:fs');
        fs.readFileSync(arg);
        return 'allowed';
      }
      case 'child-process': {
        const cp = await import('node:child_process');
        const r = cp.spawnSync(arg, []);
        return r.error === undefined ? 'allowed' : codeOf(r.error);
      }
      case 'env':
        return JSON.stringify(Object.keys(process.env));
      case 'eval': {
        const f = new Function('return 1');
        return f() === 1 ? 'allowed' : 'broken';
      }
    }
  } catch (e) {
    return codeOf(e);
  }
}

function inWorker(kind: 'eval' | 'write-file', arg: string): Promise<string> {
  return new Promise((resolve) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { probe: kind, arg }, execArgv: [] });
    w.once('message', (outcome: string) => {
      resolve(outcome);
      void w.terminate();
    });
    w.once('error', (e) => resolve(`worker failed: ${codeOf(e)}`));
  });
}

export async function runProbe(kind: ProbeKind, arg: string): Promise<{ outcome: string }> {
  const outcome = kind === 'worker-eval' ? await inWorker('eval', arg) : await inThisThread(kind, arg);
  return { outcome };
}

if (!isMainThread && parentPort !== null) {
  const data = workerData as { probe?: unknown; arg?: unknown } | null;
  if (data !== null && (data.probe === 'eval' || data.probe === 'write-file') && typeof data.arg === 'string') {
    const port = parentPort;
    void inThisThread(data.probe, data.arg).then((outcome) => port.postMessage(outcome));
  }
}
