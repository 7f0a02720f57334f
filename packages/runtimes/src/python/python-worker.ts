/**
 * A Python process inside a process worker. The worker may have been prepared ahead of time (a template image
 * restored while it waited in the pool); a `run` then only wires the process in: stdio onto its kernel fds
 * 0–2, the sandbox's directories mounted, the /dev/burrow sys device, the memory cap and the interrupt
 * buffer, then the hardening, then the program. A worker runs one Python process and is then retired.
 *
 * In:  { type: 'python-prepare', template }     restore an interpreter now and wait for a run
 *      { type: 'python-make-template' }          → { type: 'python-template', bytes } (or 'crash')
 *      { type: 'run', spec }                     with spec.kind 'python'
 * Out: { type: 'python-ready' } once prepared; { type: 'done', retire: true } after the exit is reported
 */
import type { Transferable } from 'node:worker_threads';
import type { PyodideAPI } from 'pyodide';
import { ChannelClient } from '../wasi/channel-client.js';
import type { RunSpec } from '../wasi/run-process.js';
import { externalInputs } from './external-inputs.js';
import { hardenInterpreter, moduleOf } from './hardening.js';
import { capMemory, loadInterpreter, makeTemplate, warmUp } from './interpreter.js';
import { mountSandbox } from './kernel-mount.js';
import { type ContextMessage, serveContext } from './python-context.js';
import { installSysDevice } from './sys-device.js';
import { SyncSys } from './sync-sys.js';

export interface PortLike {
  postMessage(msg: unknown, transfer?: readonly Transferable[]): void;
}

externalInputs.install();

let prepared: Promise<PyodideAPI> | null = null;
/** The code context this worker serves, once its process is set up. */
let context: ((msg: ContextMessage) => void) | null = null;

function templateBytes(t: unknown): Uint8Array | undefined {
  if (t instanceof Uint8Array) return t;
  if (t instanceof SharedArrayBuffer || t instanceof ArrayBuffer) return new Uint8Array(t);
  return undefined;
}

export function onPythonMessage(msg: ContextMessage & { template?: unknown }, port: PortLike): void {
  if (msg.type === 'python-run-code' || msg.type === 'python-image') {
    context?.(msg);
  } else if (msg.type === 'python-prepare') {
    prepared = loadInterpreter(templateBytes(msg.template)).then((py) => {
      warmUp(py);
      return py;
    });
    prepared.then(
      () => port.postMessage({ type: 'python-ready' }),
      (e: unknown) => port.postMessage({ type: 'crash', message: e instanceof Error ? e.message : String(e) }),
    );
  } else if (msg.type === 'python-make-template') {
    makeTemplate().then(
      (bytes) => port.postMessage({ type: 'python-template', bytes }, [bytes.buffer as ArrayBuffer]),
      (e: unknown) => port.postMessage({ type: 'crash', message: e instanceof Error ? e.message : String(e) }),
    );
  }
}

/** Wires the process's stdio to its kernel fds 0, 1, 2 (blocking reads and writes over the channel). */
function wireStdio(py: PyodideAPI, sys: SyncSys): void {
  py.setStdin({ read: (buf: Uint8Array) => sys.read(0, buf, 0, buf.length), isatty: false });
  py.setStdout({ write: (buf: Uint8Array) => sys.write(1, buf), isatty: false });
  py.setStderr({ write: (buf: Uint8Array) => sys.write(2, buf), isatty: false });
}

function envRecord(list: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return env;
}

export async function runPython(spec: RunSpec, port: PortLike): Promise<void> {
  const opts = spec.python;
  if (opts === undefined) throw new Error('python spec without python options');
  const py = await (prepared ?? loadInterpreter(templateBytes(opts.template)));
  prepared = null;
  const sys = new SyncSys(new ChannelClient(spec.channels[0] as SharedArrayBuffer, spec.doorbell));
  const FS = moduleOf(py).FS;
  let status: number;
  try {
    capMemory(py, opts.memoryBytesMax, (pages) => {
      sys.pages = pages;
    });
    wireStdio(py, sys);
    mountSandbox(FS, sys);
    installSysDevice(FS, sys, spec.pid);
    py.setInterruptBuffer(new Int32Array(opts.interrupt));
    py.runPython('import time, _burrow_sys, _burrow_subprocess\ntime.sleep = _burrow_sys.sleep\n_burrow_subprocess.install()');
    hardenInterpreter(py);
    if (opts.context === true) {
      // The context's working directory and environment, as a program's are set by _burrow_main.
      const where = Buffer.from(JSON.stringify([opts.cwd, envRecord(spec.env)])).toString('base64');
      py.runPython(
        'def __burrow_enter(cwd, env):\n    import os\n    os.environ.update(env)\n    try:\n        os.chdir(cwd)\n' +
          '    except OSError:\n        pass\n' +
          `__burrow_enter(*__import__('json').loads(__import__('base64').b64decode('${where}')))\ndel __burrow_enter`,
      );
      sys.markStarted();
      context = serveContext(py, port);
      return;
    }
    const args = Buffer.from(JSON.stringify([spec.argv, envRecord(spec.env), opts.cwd, true])).toString('base64');
    sys.markStarted();
    status = py.runPython(
      `import _burrow_main, json, base64\n_burrow_main.main(*json.loads(base64.b64decode('${args}')))`,
    ) as number;
  } catch (e) {
    // A fatal interpreter error (deep C recursion, an abort) ends the process as a trap would.
    const message = e instanceof Error ? e.message : String(e);
    try {
      sys.write(2, new TextEncoder().encode(`burrow: python: fatal error: ${message.slice(0, 1000)}\n`));
    } catch {
      // stderr is gone: the status still tells
    }
    status = 134;
  }
  sys.exit(status);
  port.postMessage({ type: 'done', retire: true });
}
