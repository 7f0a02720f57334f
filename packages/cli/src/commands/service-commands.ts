/**
 * The service commands of the `burrow` CLI (DESIGN.md §7 "CLI contract"): serve, create, ls, rm, exec, start,
 * ps, logs, kill, cp, sh. Exit statuses: a command's own status where one runs (exec, sh), 255 for burrow's own
 * failures (server unreachable, unknown sandbox, refused key: one line on stderr that says what to do), 2 for
 * usage errors. `--json` prints one JSON document, or NDJSON events for streams.
 */
import { type Burrow, BurrowError, connect, type ExecEvent } from '@burrow/sdk';
import { bool, list, type ParsedArgs, pairs, parseArgs, sandboxId, str, UsageError } from './cli-args.js';
import { copy } from './copy.js';
import { RUN_CODE_USAGE, runCodeCommand } from './run-code.js';
import { shell } from './shell-loop.js';

export interface ServiceIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 255;

export const SERVICE_USAGE = `  serve [--port N] [--host H] [--data-dir DIR] [--keys FILE]   start the server
  create [ID] [--label k=v]... [--if-not-exists]                 create a sandbox, print its id
  ls [--label k=v]...                                            list sandboxes
  rm ID                                                          destroy a sandbox
  exec ID [--session S] [--cwd DIR] [--env K=V]... [--timeout MS] -- WORD...
                                                                 run a command line, exit with its status
  start ID [--name NAME] -- WORD...                              run a command line in the background
  ps ID                                                          list background processes
  logs ID NAME [-f]                                              print (or follow) a process's output
  kill ID NAME [--signal TERM|INT|KILL]                          signal a background process
  cp SRC DST                                                     copy files; either side may be ID:/path
  sh ID [--session S]                                            run lines in a session
  run-code ID [--context NAME] [--language L] [--timeout MS] CODE
                                                                 run code in a persistent context
  Every command takes --url URL (BURROW_URL), --api-key KEY (BURROW_API_KEY) and --json.`;

type Command = (a: ParsedArgs, io: ServiceIo) => Promise<number>;

interface CommandSpec {
  usage: string;
  options: Readonly<Record<string, 'bool' | 'string' | 'list'>>;
  short?: Readonly<Record<string, string>>;
  run: Command;
}

function client(a: ParsedArgs, io: ServiceIo): Burrow {
  const url = str(a, 'url') ?? io.env.BURROW_URL;
  const apiKey = str(a, 'api-key') ?? io.env.BURROW_API_KEY;
  return connect({ ...(url === undefined ? {} : { url }), ...(apiKey === undefined ? {} : { apiKey }) });
}

const out = (io: ServiceIo, text: string): void => {
  io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};
const json = (io: ServiceIo, value: unknown): void => out(io, JSON.stringify(value));

function commandLine(a: ParsedArgs, usage: string): string {
  if (a.rest === null || a.rest.length === 0) throw new UsageError(`missing the command after --\n${usage}`);
  return a.rest.join(' ');
}

/** Writes stream events; returns the exit status of the `exit` event (255 when the stream ended without one). */
async function relay(events: AsyncIterable<ExecEvent>, io: ServiceIo, asJson: boolean): Promise<number> {
  let status = EXIT_FAILURE;
  for await (const e of events) {
    if (asJson) json(io, e);
    else if (e.type === 'stdout') io.stdout.write(e.data);
    else if (e.type === 'stderr') io.stderr.write(e.data);
    if (e.type === 'exit') status = e.exitCode;
  }
  return status;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(parts).toString('utf8');
}

const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  create: {
    usage: 'burrow create [ID] [--label k=v]... [--if-not-exists]',
    options: { label: 'list', 'if-not-exists': 'bool' },
    run: async (a, io) => {
      const id = a.positional[0] === undefined ? undefined : sandboxId(a.positional[0], COMMANDS.create?.usage ?? '');
      const sb = await client(a, io).create({
        ...(id === undefined ? {} : { id }),
        labels: pairs(list(a, 'label'), 'label'),
        ifNotExists: bool(a, 'if-not-exists'),
      });
      if (bool(a, 'json')) json(io, await sb.info());
      else out(io, sb.id);
      return 0;
    },
  },
  ls: {
    usage: 'burrow ls [--label k=v]...',
    options: { label: 'list' },
    run: async (a, io) => {
      const all = await client(a, io).list({ labels: pairs(list(a, 'label'), 'label') });
      if (bool(a, 'json')) json(io, { sandboxes: all });
      else for (const s of all) out(io, [s.id, s.createdAt, Object.entries(s.labels).map(([k, v]) => `${k}=${v}`).join(',')].join('\t'));
      return 0;
    },
  },
  rm: {
    usage: 'burrow rm ID',
    options: {},
    run: async (a, io) => {
      const id = sandboxId(a.positional[0], 'burrow rm ID');
      await (await client(a, io).get(id)).destroy();
      if (bool(a, 'json')) json(io, { id, destroyed: true });
      return 0;
    },
  },
  exec: {
    usage: 'burrow exec ID [--session NAME] [--cwd DIR] [--env K=V]... [--timeout MS] -- WORD...',
    options: { session: 'string', cwd: 'string', env: 'list', timeout: 'string' },
    run: async (a, io) => {
      const usage = COMMANDS.exec?.usage ?? '';
      const id = sandboxId(a.positional[0], usage);
      const command = commandLine(a, usage);
      const timeout = str(a, 'timeout');
      const timeoutMs = timeout === undefined ? undefined : Number(timeout);
      if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) throw new UsageError(`--timeout must be a positive number of ms, not '${timeout}'`);
      const stdin = io.stdin.isTTY === true ? undefined : await readAll(io.stdin);
      const session = str(a, 'session');
      const cwd = str(a, 'cwd');
      const sb = await client(a, io).get(id);
      const events = sb.execStream(command, {
        ...(session === undefined ? {} : { session }),
        ...(cwd === undefined ? {} : { cwd }),
        env: pairs(list(a, 'env'), '--env'),
        ...(stdin === undefined || stdin === '' ? {} : { stdin }),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
      return relay(events, io, bool(a, 'json'));
    },
  },
  'run-code': {
    usage: RUN_CODE_USAGE,
    options: { context: 'string', language: 'string', timeout: 'string' },
    run: async (a, io) => {
      const id = sandboxId(a.positional[0], RUN_CODE_USAGE);
      const words = a.rest ?? a.positional.slice(1);
      if (words.length === 0) throw new UsageError(`missing CODE\n${RUN_CODE_USAGE}`);
      const context = str(a, 'context');
      const language = str(a, 'language');
      const timeout = str(a, 'timeout');
      const args = {
        code: words.join(' '),
        json: bool(a, 'json'),
        ...(context === undefined ? {} : { context }),
        ...(language === undefined ? {} : { language }),
        ...(timeout === undefined ? {} : { timeout }),
      };
      return runCodeCommand(await client(a, io).get(id), args, io);
    },
  },
  start: {
    usage: 'burrow start ID [--name NAME] -- WORD...',
    options: { name: 'string' },
    run: async (a, io) => {
      const usage = COMMANDS.start?.usage ?? '';
      const id = sandboxId(a.positional[0], usage);
      const command = commandLine(a, usage);
      const name = str(a, 'name');
      const p = await (await client(a, io).get(id)).processes.start(command, name === undefined ? {} : { name });
      if (bool(a, 'json')) json(io, p);
      else out(io, p.name);
      return 0;
    },
  },
  ps: {
    usage: 'burrow ps ID',
    options: {},
    run: async (a, io) => {
      const all = await (await client(a, io).get(sandboxId(a.positional[0], 'burrow ps ID'))).processes.list();
      if (bool(a, 'json')) json(io, { processes: all });
      else for (const p of all) out(io, [p.name, p.status, p.exitCode ?? '-', p.command.replace(/\s+/g, ' ')].join('\t'));
      return 0;
    },
  },
  logs: {
    usage: 'burrow logs ID NAME [-f]',
    options: { follow: 'bool' },
    short: { f: 'follow' },
    run: async (a, io) => {
      const id = sandboxId(a.positional[0], 'burrow logs ID NAME [-f]');
      const name = a.positional[1];
      if (name === undefined) throw new UsageError('missing process NAME\nburrow logs ID NAME [-f]');
      const procs = (await client(a, io).get(id)).processes;
      if (bool(a, 'follow')) {
        await relay(procs.follow(name), io, bool(a, 'json'));
        return 0;
      }
      const logs = await procs.logs(name);
      if (bool(a, 'json')) json(io, logs);
      else {
        io.stdout.write(logs.stdout);
        io.stderr.write(logs.stderr);
      }
      return 0;
    },
  },
  kill: {
    usage: 'burrow kill ID NAME [--signal TERM|INT|KILL]',
    options: { signal: 'string' },
    run: async (a, io) => {
      const id = sandboxId(a.positional[0], 'burrow kill ID NAME [--signal TERM|INT|KILL]');
      const name = a.positional[1];
      if (name === undefined) throw new UsageError('missing process NAME\nburrow kill ID NAME [--signal TERM|INT|KILL]');
      const signal = (str(a, 'signal') ?? 'TERM').toUpperCase().replace(/^SIG/, '');
      if (signal !== 'TERM' && signal !== 'INT' && signal !== 'KILL' && signal !== 'HUP') throw new UsageError(`--signal must be TERM, INT or KILL, not '${signal}'`);
      await (await client(a, io).get(id)).processes.kill(name, signal);
      if (bool(a, 'json')) json(io, { id, name, signal });
      return 0;
    },
  },
  cp: {
    usage: 'burrow cp SRC DST   (either side may be ID:/path)',
    options: {},
    run: async (a, io) => {
      const [src, dst] = a.positional;
      if (src === undefined || dst === undefined) throw new UsageError('missing SRC or DST\nburrow cp SRC DST');
      const r = await copy(client(a, io), src, dst, io.stderr.isTTY === true && !bool(a, 'json') ? io.stderr : null);
      if (bool(a, 'json')) json(io, r);
      return 0;
    },
  },
  sh: {
    usage: 'burrow sh ID [--session NAME]',
    options: { session: 'string' },
    run: async (a, io) => {
      const id = sandboxId(a.positional[0], 'burrow sh ID [--session NAME]');
      const session = str(a, 'session');
      return shell(await client(a, io).get(id), session, io, bool(a, 'json'));
    },
  },
};

export function isServiceCommand(name: string): boolean {
  return name === 'serve' || name in COMMANDS;
}

/** Runs a service command; resolves with the exit status. */
export async function runServiceCommand(name: string, argv: string[], io: ServiceIo): Promise<number> {
  if (name === 'serve') {
    const { serve } = await import('@burrow/server');
    return serve(argv, io.env);
  }
  const spec = COMMANDS[name];
  if (spec === undefined) {
    io.stderr.write(`burrow: unknown command '${name}'\n`);
    return EXIT_USAGE;
  }
  try {
    const a = parseArgs(argv, spec.options, spec.short);
    if (bool(a, 'help')) {
      out(io, `Usage: ${spec.usage}`);
      return 0;
    }
    return await spec.run(a, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`burrow ${name}: ${e.message}\n${e.message.includes('Usage') || e.message.includes('\n') ? '' : `Usage: ${spec.usage}\n`}`);
      return EXIT_USAGE;
    }
    if (e instanceof BurrowError) {
      io.stderr.write(`burrow ${name}: ${e.message}\n`);
      return EXIT_FAILURE;
    }
    throw e;
  }
}
