/**
 * Job control over background jobs of the session: wait, jobs, kill, fg, bg, disown. Jobs keep running
 * between execs; their records are plain data in the state, their live handles in the runtime.
 */
import { KilledSignal, signalName, signalNumber, SIGNALS } from '../control.js';
import type { Fds, Interpreter, LiveJob } from '../interpreter.js';
import type { JobRecord } from '../state.js';
import { fail, out, type ShellBuiltin } from './types.js';

function resolveJob(it: Interpreter, spec: string): JobRecord | undefined {
  const jobs = it.st.jobs;
  if (spec.startsWith('%')) {
    const s = spec.slice(1);
    if (s === '' || s === '%' || s === '+') return jobs[jobs.length - 1];
    if (s === '-') return jobs[jobs.length - 2];
    if (/^[0-9]+$/.test(s)) return jobs.find((j) => j.id === Number(s));
    return jobs.find((j) => j.text.startsWith(s));
  }
  if (/^[0-9]+$/.test(spec)) return jobs.find((j) => j.pid === Number(spec));
  return undefined;
}

function live(it: Interpreter, rec: JobRecord): LiveJob | undefined {
  return it.rt.jobs.get(rec.pid);
}

async function waitFor(it: Interpreter, rec: JobRecord): Promise<number> {
  const job = live(it, rec);
  const status = await it.observe('wait', async () => (job === undefined ? rec.status : await job.done));
  rec.state = 'done';
  rec.status = status;
  return status;
}

function forget(it: Interpreter, rec: JobRecord): void {
  it.st.jobs = it.st.jobs.filter((j) => j !== rec);
  it.rt.jobs.delete(rec.pid);
}

async function wait(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const args = argv.slice(1);
  if (args[0] === '-n') {
    const running = it.st.jobs.filter((j) => live(it, j) !== undefined);
    if (running.length === 0) return 127;
    const first = await it.observe('wait', () =>
      Promise.race(running.map((j) => (live(it, j)?.done ?? Promise.resolve(j.status)).then((s) => [j.pid, s] as const))),
    );
    const rec = running.find((j) => j.pid === first[0]);
    if (rec !== undefined) forget(it, rec);
    return first[1];
  }
  if (args.length === 0) {
    for (const rec of it.st.jobs.slice()) {
      await waitFor(it, rec);
      forget(it, rec);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const rec = resolveJob(it, a);
    if (rec === undefined) {
      status = await fail(it, fds, a.startsWith('%') ? `wait: ${a}: no such job` : `wait: pid ${a} is not a child of this shell`, 127);
      continue;
    }
    status = await waitFor(it, rec);
    forget(it, rec);
  }
  return status;
}

async function jobs(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  const pidsOnly = argv.includes('-p');
  const long = argv.includes('-l');
  const list = it.st.jobs;
  for (let k = 0; k < list.length; k++) {
    const j = list[k];
    if (j === undefined) continue;
    if (pidsOnly) {
      await out(fds, `${j.pid}\n`);
      continue;
    }
    const mark = k === list.length - 1 ? '+' : k === list.length - 2 ? '-' : ' ';
    const state = j.state === 'running' ? 'Running' : j.status === 0 ? 'Done' : `Exit ${j.status}`;
    const pid = long ? `${j.pid} ` : '';
    await out(fds, `[${j.id}]${mark}  ${pid}${state.padEnd(24)}${j.text}${j.state === 'running' ? ' &' : ''}\n`);
  }
  it.st.jobs = list.filter((j) => j.state === 'running');
  return 0;
}

async function kill(it: Interpreter, argv: string[], fds: Fds): Promise<number> {
  let sig = SIGNALS.TERM ?? 15;
  let i = 1;
  const a1 = argv[1];
  if (a1 === '-l' || a1 === '-L') {
    const n = argv[2];
    if (n !== undefined) await out(fds, `${/^[0-9]+$/.test(n) ? signalName(Number(n) > 128 ? Number(n) - 128 : Number(n)) : String(signalNumber(n) ?? '')}\n`);
    else await out(fds, `${Object.keys(SIGNALS).join(' ')}\n`);
    return 0;
  }
  if (a1 === '-s' || a1 === '-n') {
    const n = signalNumber(argv[2] ?? '');
    if (n === null) return fail(it, fds, `kill: ${argv[2]}: invalid signal specification`, 1);
    sig = n;
    i = 3;
  } else if (a1?.startsWith('-') && a1 !== '--') {
    const n = signalNumber(a1.slice(1));
    if (n === null) return fail(it, fds, `kill: ${a1.slice(1)}: invalid signal specification`, 1);
    sig = n;
    i = 2;
  } else if (a1 === '--') i = 2;
  const targets = argv.slice(i);
  if (targets.length === 0) return fail(it, fds, 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]', 2);
  let status = 0;
  for (const t of targets) {
    if (t === String(it.st.pid) || t === String(it.st.bashPid)) {
      await killSelf(it, sig, fds);
      continue;
    }
    const rec = resolveJob(it, t);
    const job = rec === undefined ? undefined : live(it, rec);
    if (rec === undefined || job === undefined) {
      status = await fail(it, fds, t.startsWith('%') ? `kill: ${t}: no such job` : `kill: (${t}) - No such process`, 1);
      continue;
    }
    if (sig !== 0) job.controller.abort(sig);
  }
  return status;
}

/** Signals whose default action leaves a process running. */
const HARMLESS = new Set([0, 17, 18, 23, 28]);

/** `kill -SIG $$`: run the shell's trap for it, or end the shell as the signal's default action does. */
async function killSelf(it: Interpreter, sig: number, fds: Fds): Promise<void> {
  const trap = it.st.traps.get(signalName(sig));
  if (trap !== undefined) {
    const saved = it.st.status;
    await it.evalString(trap, fds);
    it.st.status = saved;
    return;
  }
  if (!HARMLESS.has(sig)) throw new KilledSignal(sig);
}

export const JOB_BUILTINS: Record<string, ShellBuiltin> = {
  wait,
  jobs,
  kill,
  fg: async (it, argv, fds) => {
    const rec = resolveJob(it, argv[1] ?? '%+');
    if (rec === undefined) return fail(it, fds, `fg: ${argv[1] ?? 'current'}: no such job`, 1);
    await out(fds, `${rec.text}\n`);
    const status = await waitFor(it, rec);
    forget(it, rec);
    return status;
  },
  bg: async (it, argv, fds) => {
    const rec = resolveJob(it, argv[1] ?? '%+');
    if (rec === undefined) return fail(it, fds, `bg: ${argv[1] ?? 'current'}: no such job`, 1);
    return fail(it, fds, `bg: job ${rec.id} already in background`, 0);
  },
  disown: async (it, argv, fds) => {
    const specs = argv.slice(1).filter((a) => !a.startsWith('-') || a.startsWith('%'));
    if (argv.includes('-a') || specs.length === 0) {
      const all = argv.includes('-a') ? it.st.jobs.slice() : it.st.jobs.slice(-1);
      for (const r of all) it.st.jobs = it.st.jobs.filter((j) => j !== r);
      return 0;
    }
    for (const s of specs) {
      const rec = resolveJob(it, s);
      if (rec === undefined) return fail(it, fds, `disown: ${s}: no such job`, 1);
      it.st.jobs = it.st.jobs.filter((j) => j !== rec);
    }
    return 0;
  },
};
