/**
 * sed: the stream editor (GNU dialect): scripts from -e, -f or the first operand; -n, -E/-r, -s, -z, and
 * -i[SUFFIX] in-place editing (each file read whole, edited, written back). Without -i the inputs form one
 * stream that is edited and written as it arrives. Status 0, 1 for a bad script or usage, 2 when an input
 * could not be read, or the code given to q/Q.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import { options, runCommand } from '../fs-shared/command.js';
import { resolvePath } from '../io.js';
import { LineReader, openInput, type OpenedInput, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin, CommandContext } from '../types.js';
import { type SedHooks, type SedLineSource, SedMachine, SedRuntimeError } from './sed-exec.js';
import { parseScript, type ScriptPiece, SedError } from './sed-parse.js';

/** Turn `-i[SUFFIX]` (optionally clustered, as in `-ni.bak`) into `--in-place[=SUFFIX]`. */
function modernArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  let ended = false;
  for (const [k, a] of args.entries()) {
    const prev = args[k - 1] ?? '';
    const isValue = /^-[^-]*[efl]$/.test(prev);
    if (ended || isValue || !a.startsWith('-') || a.startsWith('--') || a === '-') {
      if (a === '--') ended = true;
      out.push(a);
      continue;
    }
    let flags = '-';
    let j = 1;
    for (; j < a.length; j++) {
      const c = a[j] as string;
      if (c === 'i') break;
      flags += c;
      if ('efl'.includes(c)) {
        j = a.length;
        flags += a.slice(flags.length);
        break;
      }
    }
    if (flags.length > 1) out.push(flags);
    if (j < a.length && a[j] === 'i') out.push(j + 1 < a.length ? `--in-place=${a.slice(j + 1)}` : '--in-place');
  }
  return out;
}

class FilesSource implements SedLineSource {
  private reader: LineReader | null = null;
  private opened: OpenedInput | null = null;
  private fileIndex = 0;
  private buffer: string[] = [];
  private at = 0;
  private bufferMissingNewline = false;
  missingNewline = false;
  fileName = '-';
  private nextFileName = '-';
  failed = false;

  constructor(
    private readonly ctx: CommandContext,
    private readonly files: readonly string[],
    private readonly eol: string,
    private readonly report: (name: string, err: unknown) => Promise<void>,
  ) {}

  /** Make sure a line is buffered if any remains. */
  private async fill(): Promise<boolean> {
    while (this.at >= this.buffer.length) {
      if (this.reader === null) {
        if (this.fileIndex >= this.files.length) return false;
        const name = this.files[this.fileIndex++] as string;
        try {
          this.opened = await openInput(this.ctx.sys, this.ctx.cwd, name, this.ctx.stdin);
          this.reader = new LineReader(this.opened.source, this.eol);
          this.nextFileName = name;
        } catch (err) {
          if (!isKernelError(err)) throw err;
          this.failed = true;
          await this.report(name, err);
          continue;
        }
      }
      let batch: string[] | null;
      try {
        batch = await this.reader.next();
      } catch (err) {
        if (!isKernelError(err) || err.errno === Errno.PIPE) throw err;
        this.failed = true;
        await this.report(this.nextFileName, err);
        batch = null;
      }
      if (batch === null) {
        await this.opened?.close().catch(() => undefined);
        this.reader = null;
        this.opened = null;
        continue;
      }
      this.buffer = batch;
      this.at = 0;
      this.bufferMissingNewline = this.reader.missingNewline;
    }
    return true;
  }

  async next(): Promise<string | null> {
    if (!(await this.fill())) return null;
    const line = this.buffer[this.at++] as string;
    this.fileName = this.nextFileName;
    this.missingNewline = this.bufferMissingNewline && this.at === this.buffer.length;
    return line;
  }

  async isLast(): Promise<boolean> {
    return !(await this.fill());
  }

  hasBuffered(): boolean {
    return this.at < this.buffer.length;
  }
}

export const sed: Builtin = (ctx) =>
  runCommand({ ...ctx, argv: [ctx.argv[0] ?? 'sed', ...modernArgs(ctx.argv.slice(1))] }, async (io) => {
    const parsed = await options(io, {
      short: 'ne:f:Erszul:',
      long: {
        quiet: { key: 'n' },
        silent: { key: 'n' },
        expression: { key: 'e', arg: 'required' },
        file: { key: 'f', arg: 'required' },
        'regexp-extended': { key: 'E' },
        separate: { key: 's' },
        'null-data': { key: 'z' },
        unbuffered: { key: 'u' },
        'line-length': { key: 'l', arg: 'required' },
        'in-place': { key: 'i', arg: 'optional' },
        posix: { key: 'posix' },
        sandbox: { key: 'sandbox' },
        debug: { key: 'debug' },
        'follow-symlinks': { key: 'follow-symlinks' },
      },
    });
    if (typeof parsed === 'number') return parsed;
    let quiet = false;
    let extended = false;
    let separate = false;
    let inPlace: string | undefined;
    let eol = '\n';
    const pieces: ScriptPiece[] = [];
    for (const o of parsed.options) {
      const v = o.value ?? '';
      if (o.key === 'n') quiet = true;
      else if (o.key === 'E' || o.key === 'r') extended = true;
      else if (o.key === 's') separate = true;
      else if (o.key === 'z') eol = '\0';
      else if (o.key === 'i') {
        inPlace = v;
        separate = true;
      } else if (o.key === 'e') pieces.push({ text: v, origin: `-e expression #${pieces.length + 1}` });
      else if (o.key === 'f') {
        try {
          const data = await ctx.sys.readFile(resolvePath(ctx.cwd, v));
          let text = new TextDecoder().decode(data);
          if (text.startsWith('#n\n')) {
            quiet = true;
            text = text.slice(3);
          }
          pieces.push({ text: text.replace(/\n$/, ''), origin: `file ${v} line 1` });
        } catch (err) {
          if (!isKernelError(err)) throw err;
          await io.warn(`couldn't open file ${v}: ${strerror(err)}`);
          return 1;
        }
      }
    }
    const operands = [...parsed.operands];
    if (pieces.length === 0) {
      const script = operands.shift();
      if (script === undefined) {
        await ctx.stderr.write(new TextEncoder().encode(USAGE));
        return 1;
      }
      pieces.push({ text: script, origin: '-e expression #1' });
    }
    if (pieces.length === 1 && pieces[0]?.text.startsWith('#n\n')) quiet = true;
    let program: ReturnType<typeof parseScript>;
    try {
      program = parseScript(pieces, { extended });
    } catch (err) {
      if (err instanceof SedError) {
        await io.warn(err.message);
        return err.status;
      }
      throw err;
    }
    if (inPlace !== undefined && operands.length === 0) {
      await io.warn('no input files');
      return 1;
    }
    const out = new TextOut(ctx.stdout);
    const wfiles = new Map<string, string[]>();
    const rfiles = new Map<string, { lines: string[]; at: number }>();
    for (const c of program) {
      const w = c.name === 'w' || c.name === 'W' ? c.text : c.wfile;
      if (w !== '' && !wfiles.has(w) && w !== '/dev/stdout' && w !== '/dev/stderr') wfiles.set(w, []);
    }
    let sinkText: (s: string) => void = (s) => out.put(s);
    const hooks: SedHooks = {
      write: (s) => sinkText(s),
      readFile: async (path) => {
        try {
          return new TextDecoder().decode(await ctx.sys.readFile(resolvePath(ctx.cwd, path)));
        } catch {
          return null;
        }
      },
      readLine: async (path) => {
        let f = rfiles.get(path);
        if (f === undefined) {
          let lines: string[] = [];
          try {
            const t = new TextDecoder().decode(await ctx.sys.readFile(resolvePath(ctx.cwd, path)));
            lines = t.split('\n');
            if (t.endsWith('\n')) lines.pop();
          } catch {
            lines = [];
          }
          f = { lines, at: 0 };
          rfiles.set(path, f);
        }
        return f.lines[f.at++] ?? null;
      },
      writeFile: (path, text) => {
        if (path === '/dev/stdout') sinkText(text);
        else if (path === '/dev/stderr') void ctx.stderr.write(new TextEncoder().encode(text));
        else wfiles.get(path)?.push(text);
      },
      checkAbort: io.checkAbort,
      flush: () => out.flush(),
    };
    const machine = new SedMachine(program, quiet, hooks);
    let failed = false;
    const report = async (name: string, err: unknown): Promise<void> => {
      failed = true;
      await io.warn(`can't read ${name}: ${strerror(err)}`);
    };
    const writeWFiles = async (): Promise<void> => {
      for (const [path, parts] of wfiles) {
        await ctx.sys.writeFile(resolvePath(ctx.cwd, path), new TextEncoder().encode(parts.join('')));
      }
    };
    try {
      if (inPlace !== undefined) {
        for (const file of operands) {
          const parts: string[] = [];
          sinkText = (s) => parts.push(s);
          const src = new FilesSource(ctx, [file], eol, report);
          machine.lineNo = 0;
          await machine.run(src);
          if (src.failed) continue;
          const path = resolvePath(ctx.cwd, file);
          if (inPlace !== '') {
            const backup = inPlace.includes('*') ? inPlace.replaceAll('*', file.slice(file.lastIndexOf('/') + 1)) : file + inPlace;
            await ctx.sys.writeFile(resolvePath(ctx.cwd, backup), await ctx.sys.readFile(path));
          }
          await ctx.sys.writeFile(path, new TextEncoder().encode(parts.join('')));
          if (machine.quit !== null) break;
        }
      } else if (separate) {
        for (const file of operands.length === 0 ? ['-'] : operands) {
          machine.lineNo = 0;
          await machine.run(new FilesSource(ctx, [file], eol, report));
          if (machine.quit !== null) break;
        }
      } else await machine.run(new FilesSource(ctx, operands.length === 0 ? ['-'] : operands, eol, report));
    } catch (err) {
      if (err instanceof SedRuntimeError) {
        await out.flush();
        await io.warn(err.message);
        return 4;
      }
      throw err;
    }
    await out.flush();
    await writeWFiles();
    if (machine.quit !== null) return machine.quit;
    return failed ? 2 : 0;
  });

const USAGE = "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\n";
