/**
 * awk: the command around the interpreter. Options -F, -v, -f (and gawk's -e); operands form ARGV, where
 * `var=value` operands are assignments made when reached. Hosts the interpreter's input (ARGV traversal,
 * getline from files and commands) and output (stdout batched and flushed whenever input must be waited
 * for, files and pipes written on flush and close). Commands run through `ctx.run(['sh', '-c', cmd])`.
 */
import { Errno, isKernelError } from '@burrow/protocol';
import type { ByteSink, ByteSource } from '../../sys.js';
import { options, runCommand } from '../fs-shared/command.js';
import { bytesSource, resolvePath } from '../io.js';
import { openInput, type OpenedInput, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin, CommandContext } from '../types.js';
import type { AwkHost } from './awk-functions.js';
import { Code, AwkInterp } from './awk-interp.js';
import { type Destination, RecordReader } from './awk-io.js';
import { AwkSyntaxError, unescapeAwk } from './awk-lexer.js';
import { parseAwk } from './awk-parser.js';
import { AwkRuntimeError, formatAwk, StrNum, toNum, type Value } from './awk-values.js';

const encoder = new TextEncoder();

function collect(): ByteSink & { bytes(): Uint8Array } {
  const parts: Uint8Array[] = [];
  return {
    write: async (c) => {
      parts.push(c.slice());
    },
    bytes: () => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    },
  };
}

class Host implements AwkHost {
  interp!: AwkInterp;
  readonly out: TextOut;
  private readonly errOut: TextOut;
  private readonly dests = new Map<string, Destination>();
  private readonly readers = new Map<string, { reader: RecordReader; close?: () => Promise<void>; status: number }>();
  reader: RecordReader | null = null;
  private current: OpenedInput | null = null;
  private argIndex = 1;
  private usedOperand = false;
  private stdinUsed = false;

  constructor(
    private readonly ctx: CommandContext,
    private readonly checkAbort: () => void,
  ) {
    this.out = new TextOut(ctx.stdout);
    this.errOut = new TextOut(ctx.stderr);
  }

  write(text: string, redir: { mode: '>' | '>>' | '|'; name: string } | null): void {
    if (redir === null || (redir.mode !== '|' && (redir.name === '/dev/stdout' || redir.name === '-'))) {
      this.out.put(text);
      return;
    }
    if (redir.mode !== '|' && redir.name === '/dev/stderr') {
      this.errOut.put(text);
      return;
    }
    let d = this.dests.get(redir.name);
    if (d === undefined) {
      d = { kind: redir.mode === '|' ? 'pipe' : redir.mode === '>' ? 'file' : 'append', parts: [], truncate: redir.mode === '>' };
      this.dests.set(redir.name, d);
    }
    d.parts.push(text);
  }

  format(fmt: string, args: readonly Value[]): string {
    return formatAwk(fmt, args, this.interp.convfmt);
  }

  now(): number {
    return this.ctx.sys.now();
  }

  private async flushFile(name: string, d: Destination): Promise<void> {
    if (d.kind === 'pipe' || (d.parts.length === 0 && !d.truncate)) return;
    const data = encoder.encode(d.parts.join(''));
    d.parts = [];
    await this.ctx.sys.writeFile(resolvePath(this.ctx.cwd, name), data, { append: !d.truncate });
    d.truncate = false;
  }

  async flushAll(): Promise<void> {
    await this.out.flush();
    await this.errOut.flush();
    for (const [name, d] of this.dests) await this.flushFile(name, d);
  }

  async yieldPoint(): Promise<void> {
    // A macrotask turn lets timers and messages (a kill, an abort) through to a busy loop.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.checkAbort();
    await this.flushAll();
  }

  async afterRecord(): Promise<void> {
    await this.out.maybeFlush();
  }

  private run(cmd: string, io: { stdin?: ByteSource; stdout?: ByteSink }): Promise<number> {
    return this.ctx.run(['sh', '-c', cmd], io);
  }

  private async closeName(name: string): Promise<number> {
    const d = this.dests.get(name);
    if (d !== undefined) {
      this.dests.delete(name);
      if (d.kind !== 'pipe') {
        await this.flushFile(name, d);
        return 0;
      }
      await this.flushAll();
      return this.run(name, { stdin: bytesSource(encoder.encode(d.parts.join(''))), stdout: this.ctx.stdout });
    }
    for (const key of [`f:${name}`, `c:${name}`]) {
      const r = this.readers.get(key);
      if (r !== undefined) {
        this.readers.delete(key);
        await r.close?.();
        return r.status;
      }
    }
    return -1;
  }

  async closeAll(): Promise<void> {
    for (const name of [...this.dests.keys()]) await this.closeName(name);
    for (const r of this.readers.values()) await r.close?.();
    this.readers.clear();
    await this.flushAll();
  }

  async ioCall(name: string, args: readonly string[]): Promise<Value> {
    if (name === 'fflush') {
      await this.flushAll();
      return 0;
    }
    if (name === 'close') return this.closeName(args[0] ?? '');
    await this.flushAll();
    return this.run(args[0] ?? '', {});
  }

  async readFrom(kind: 'file' | 'cmd', name: string): Promise<string | null | -1> {
    const key = `${kind === 'file' ? 'f' : 'c'}:${name}`;
    let r = this.readers.get(key);
    if (r === undefined) {
      if (kind === 'file') {
        try {
          const opened = await openInput(this.ctx.sys, this.ctx.cwd, name === '/dev/stdin' ? '-' : name, this.ctx.stdin);
          r = { reader: new RecordReader(opened.source), close: opened.close, status: 0 };
        } catch (err) {
          if (!isKernelError(err)) throw err;
          return -1;
        }
      } else {
        await this.flushAll();
        const sink = collect();
        const status = await this.run(name, { stdout: sink });
        r = { reader: new RecordReader(bytesSource(sink.bytes())), status };
      }
      this.readers.set(key, r);
    }
    try {
      return await r.reader.next(this.interp.rs);
    } catch (err) {
      // A file that opens but cannot be read (a directory) reads as an error, as getline's -1 says.
      if (!isKernelError(err) || err.errno === Errno.PIPE) throw err;
      return -1;
    }
  }

  async advanceInput(): Promise<boolean> {
    await this.current?.close().catch(() => undefined);
    this.current = null;
    this.reader = null;
    const interp = this.interp;
    for (;;) {
      const argc = Math.trunc(toNum(interp.getVar('ARGC')));
      if (this.argIndex >= argc) break;
      const argv = interp.arrayOf({ k: 'gvar', name: 'ARGV' });
      const arg = interp.str(argv.get(String(this.argIndex++)));
      if (arg === '') continue;
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(arg);
      if (assign !== null) {
        interp.setVar(assign[1] as string, new StrNum(unescapeAwk(assign[2] ?? '')));
        continue;
      }
      this.usedOperand = true;
      try {
        this.current = await openInput(this.ctx.sys, this.ctx.cwd, arg, this.ctx.stdin);
      } catch (err) {
        if (!isKernelError(err)) throw err;
        throw new AwkRuntimeError(`cannot open file \`${arg}' for reading: ${strerror(err)}`, true);
      }
      this.reader = new RecordReader(this.current.source);
      interp.setVar('FILENAME', arg);
      interp.fnr = 0;
      return true;
    }
    if (!this.usedOperand && !this.stdinUsed) {
      this.stdinUsed = true;
      this.reader = new RecordReader(this.ctx.stdin);
      interp.fnr = 0;
      return true;
    }
    return false;
  }

  async nextMainRecord(): Promise<string | null> {
    for (;;) {
      if (this.reader === null && !(await this.advanceInput())) return null;
      const r = this.reader;
      if (r === null) return null;
      const rec = await r.next(this.interp.rs);
      if (rec !== null) return rec;
      if (!(await this.advanceInput())) return null;
    }
  }
}

export const awk: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const parsed = await options(
      io,
      {
        short: 'F:v:f:e:',
        long: {
          'field-separator': { key: 'F', arg: 'required' },
          assign: { key: 'v', arg: 'required' },
          file: { key: 'f', arg: 'required' },
          source: { key: 'e', arg: 'required' },
        },
        stopAtOperand: true,
      },
      2,
    );
    if (typeof parsed === 'number') return parsed;
    const sources: string[] = [];
    const assigns: Array<[string, string]> = [];
    let fs: string | undefined;
    for (const o of parsed.options) {
      const v = o.value ?? '';
      if (o.key === 'F') fs = v === 't' ? '\t' : unescapeAwk(v);
      else if (o.key === 'v') {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(v);
        if (m === null) {
          await io.warn(`\`${v}' argument to \`-v' not in \`var=value' form`);
          return 2;
        }
        assigns.push([m[1] as string, unescapeAwk(m[2] ?? '')]);
      } else if (o.key === 'e') sources.push(v);
      else if (o.key === 'f') {
        try {
          sources.push(new TextDecoder().decode(await ctx.sys.readFile(resolvePath(ctx.cwd, v))));
        } catch (err) {
          if (!isKernelError(err)) throw err;
          await io.warn(`fatal: can't open source file \`${v}' for reading: ${strerror(err)}`);
          return 2;
        }
      }
    }
    const operands = [...parsed.operands];
    if (sources.length === 0) {
      const prog = operands.shift();
      if (prog === undefined) {
        await ctx.stderr.write(encoder.encode('usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nusage: awk [POSIX or GNU style options] [--] \'program\' file ...\n'));
        return 2;
      }
      sources.push(prog);
    }
    const source = sources.join('\n');
    let program: ReturnType<typeof parseAwk>;
    try {
      program = parseAwk(source);
    } catch (err) {
      if (err instanceof AwkSyntaxError) {
        const line = source.split('\n')[err.line - 1] ?? '';
        await io.warn(`cmd. line:${err.line}: ${line}\nawk: cmd. line:${err.line}: ${' '.repeat(err.col)}^ ${err.message}`);
        return 1;
      }
      throw err;
    }
    const host = new Host(ctx, io.checkAbort);
    const interp = new AwkInterp(program, host);
    host.interp = interp;
    interp.setVar('ARGC', operands.length + 1);
    const argv = interp.arrayOf({ k: 'gvar', name: 'ARGV' });
    argv.set('0', 'awk');
    for (const [i, a] of operands.entries()) argv.set(String(i + 1), new StrNum(a));
    const environ = interp.arrayOf({ k: 'gvar', name: 'ENVIRON' });
    for (const [k, v] of Object.entries(ctx.env)) environ.set(k, new StrNum(v));
    if (fs !== undefined) interp.setVar('FS', fs);
    for (const [k, v] of assigns) interp.setVar(k, new StrNum(v));
    try {
      let code = await interp.runSpecial('begin');
      const needsInput = program.rules.some((r) => r.kind !== 'begin');
      if (code !== Code.Exit && needsInput) {
        if (host.reader !== null || (await host.advanceInput())) {
          code = await interp.mainLoop(() => host.reader);
        }
      }
      // END runs after an exit in BEGIN or in a main rule too; an exit inside END ends it.
      await interp.runSpecial('end');
      void code;
      await host.closeAll();
      return interp.exitCode;
    } catch (err) {
      if (err instanceof AwkRuntimeError) {
        await host.flushAll().catch(() => undefined);
        const where = interp.nr > 0 ? `(FILENAME=${interp.str(interp.getVar('FILENAME')) || '-'} FNR=${interp.fnr}) ` : '';
        if (err.plainError) {
          await io.warn(`cmd. line:1: error: ${err.message}`);
          return 1;
        }
        await io.warn(err.global ? `fatal: ${err.message}` : `cmd. line:1: ${where}fatal: ${err.message}`);
        return 2;
      }
      if (err instanceof RangeError) {
        await io.warn('fatal: program too deeply nested (stack exhausted)');
        return 2;
      }
      if (isKernelError(err) && err.errno !== Errno.PIPE) {
        await io.warn(`fatal: ${strerror(err)}`);
        return 2;
      }
      throw err;
    }
  });
