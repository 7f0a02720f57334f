/*
 * node-wasi-host: runs one ProgramCase under Node's own WASI (node:wasi, preview1) in a worker thread, the
 * reference host the test programs are proven on. Each run gets a fresh temporary directory (preopened as
 * GUEST_DIR when the case asks for one), stdout/stderr captured through temporary files, and stdin from a file
 * (EOF at the end) or a FIFO (never EOF). A worker keeps endless programs and hangs from blocking the test process:
 * it is terminated after the case's runMs (endless) or a safety timeout.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GUEST_DIR, type ProgramCase, programPath, resolveArgs } from './programs.js';

export interface NodeWasiResult {
  /** Exit status, 'trap' when the instance trapped (or exhausted the engine's stack), 'killed' after runMs. */
  exit: number | 'trap' | 'killed' | 'timeout';
  stdout: string;
  stderr: string;
  trapMessage: string;
  /** Host path of the preopened directory (removed by cleanup). */
  dir: string;
  cleanup: () => void;
}

const SAFETY_TIMEOUT_MS = 20_000;

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { WASI } = require('node:wasi');
const fs = require('node:fs');
process.removeAllListeners('warning');
const d = workerData;
const wasi = new WASI({ version: 'preview1', args: d.args, env: d.env, preopens: d.preopens,
  stdin: d.stdin, stdout: d.stdout, stderr: d.stderr, returnOnExit: true });
const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(d.file)), wasi.getImportObject());
try { parentPort.postMessage({ exit: wasi.start(instance) }); }
catch (e) { parentPort.postMessage({ trap: String(e && e.message ? e.message : e) }); }
`;

function openStdin(c: ProgramCase, dir: string): number {
  if (c.stdin === undefined || typeof c.stdin === 'string') {
    const file = path.join(dir, '..', `${path.basename(dir)}.stdin`);
    fs.writeFileSync(file, c.stdin ?? '');
    return fs.openSync(file, 'r');
  }
  const fifo = path.join(dir, '..', `${path.basename(dir)}.fifo`);
  execFileSync('mkfifo', [fifo]);
  // O_RDWR keeps a writer open, so the guest sees a pipe that never reaches EOF.
  const fd = fs.openSync(fifo, 'r+');
  if (c.stdin.data) fs.writeSync(fd, c.stdin.data);
  return fd;
}

export async function runNodeWasi(c: ProgramCase, extraArgs: readonly string[] = []): Promise<NodeWasiResult> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'burrow-wasm-'));
  const dir = path.join(base, 'work');
  fs.mkdirSync(dir);
  for (const [name, content] of Object.entries(c.setupFiles ?? {})) fs.writeFileSync(path.join(dir, name), content);
  const outFile = path.join(base, 'stdout');
  const errFile = path.join(base, 'stderr');
  const stdin = openStdin(c, dir);
  const stdout = c.discardStdout ? fs.openSync('/dev/null', 'w') : fs.openSync(outFile, 'w+');
  const stderr = fs.openSync(errFile, 'w+');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file: programPath(c.program),
      args: [c.program, ...resolveArgs(c.args, GUEST_DIR), ...extraArgs],
      env: c.env ?? {},
      preopens: c.workDir ? { [GUEST_DIR]: dir } : {},
      stdin,
      stdout,
      stderr,
    },
  });
  const outcome = await new Promise<{ exit: NodeWasiResult['exit']; trapMessage: string }>((resolve) => {
    const limitMs = c.exit === 'endless' ? (c.runMs ?? 300) : SAFETY_TIMEOUT_MS;
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ exit: c.exit === 'endless' ? 'killed' : 'timeout', trapMessage: '' });
    }, limitMs);
    worker.on('message', (m: { exit?: number; trap?: string }) => {
      clearTimeout(timer);
      resolve(m.trap !== undefined ? { exit: 'trap', trapMessage: m.trap } : { exit: m.exit ?? -1, trapMessage: '' });
    });
    worker.on('error', (e: Error) => {
      clearTimeout(timer);
      resolve({ exit: 'trap', trapMessage: e.message });
    });
  });
  await worker.terminate();
  for (const fd of [stdin, stdout, stderr]) fs.closeSync(fd);
  const result: NodeWasiResult = {
    ...outcome,
    stdout: c.discardStdout ? '' : fs.readFileSync(outFile, 'latin1'),
    stderr: fs.readFileSync(errFile, 'latin1'),
    dir,
    cleanup: () => fs.rmSync(base, { recursive: true, force: true }),
  };
  return result;
}
