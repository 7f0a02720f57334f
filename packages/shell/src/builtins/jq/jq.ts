/**
 * jq: runs a jq program (see jq-parse.ts for the language covered) over JSON values read from files or stdin
 * (several values may follow each other), printing results pretty (2-space indent, or --tab / --indent N),
 * compact (-c), raw (-r, -j), with sorted keys (-S). -n null input, -s slurp, -R raw lines, -e status from the
 * last output, --arg, --argjson, --slurpfile, --rawfile, --args/--jsonargs. Exit statuses as jq 1.6: 2 usage
 * or input errors, 3 compile errors, 5 runtime errors.
 */
import { isKernelError } from '@burrow/protocol';
import { runCommand } from '../fs-shared/command.js';
import { resolvePath } from '../io.js';
import { openInput, readText, strerror, TextOut } from '../text-common/text-stream.js';
import type { Builtin } from '../types.js';
import { JQ_BUILTINS, jqBuiltin } from './jq-builtins.js';
import { Env, Evaluator, JqError, type Json } from './jq-eval.js';
import { JqSyntaxError, type JqNode, parseJq } from './jq-parse.js';
import { JsonParseError, parseJsonStream } from './json-stream.js';

interface Format {
  indent: string | null;
  raw: boolean;
  join: boolean;
  sortKeys: boolean;
  ascii: boolean;
}

export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'null';
  if (!Number.isFinite(n)) return n > 0 ? '1.7976931348623157e+308' : '-1.7976931348623157e+308';
  if (Number.isInteger(n) && Math.abs(n) < 1e17) return String(n);
  const s = n.toPrecision(17);
  const [mant, exp] = s.split('e') as [string, string | undefined];
  const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
  if (exp === undefined) return m;
  const e = Number(exp);
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function quote(s: string, ascii: boolean): string {
  let q = JSON.stringify(s).replace(/\u007f/g, '\\u007f');
  if (ascii) q = q.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return q;
}

export function stringify(v: Json, f: Format, depth = 0): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return quote(v, f.ascii);
  const ind = f.indent;
  const nl = ind === null ? '' : `\n${ind.repeat(depth + 1)}`;
  const close = ind === null ? '' : `\n${ind.repeat(depth)}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => nl + stringify(x, f, depth + 1)).join(',')}${close}]`;
  }
  const keys = f.sortKeys ? Object.keys(v).sort() : Object.keys(v);
  if (keys.length === 0) return '{}';
  const sep = ind === null ? ':' : ': ';
  return `{${keys.map((k) => `${nl}${quote(k, f.ascii)}${sep}${stringify(v[k] as Json, f, depth + 1)}`).join(',')}${close}}`;
}

export const jq: Builtin = (ctx) =>
  runCommand(ctx, async (io) => {
    const args = ctx.argv.slice(1);
    const f: Format = { indent: '  ', raw: false, join: false, sortKeys: false, ascii: false };
    let nullInput = false;
    let slurp = false;
    let rawInput = false;
    let exitStatus = false;
    let filter: string | undefined;
    const files: string[] = [];
    const named: Record<string, Json> = {};
    const positional: Json[] = [];
    let restMode: 'files' | 'args' | 'jsonargs' = 'files';
    const usage = async (msg: string): Promise<number> => {
      await io.warn(`${msg}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq`);
      return 2;
    };
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const need = async (n: number): Promise<string[] | null> => {
        const vals = args.slice(i + 1, i + 1 + n);
        if (vals.length < n) return null;
        i += n;
        return vals;
      };
      if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a) && restMode === 'files') {
        if (a === '--') {
          restMode = 'files';
          continue;
        }
        if (a.startsWith('--')) {
          const name = a.slice(2);
          if (name === 'arg' || name === 'argjson' || name === 'slurpfile' || name === 'rawfile') {
            const v = await need(2);
            if (v === null) return usage(`jq: error: --${name} takes two parameters (e.g. --${name} varname value)`);
            const [k, val] = v as [string, string];
            if (name === 'arg') named[k] = val;
            else if (name === 'argjson') {
              try {
                named[k] = JSON.parse(val) as Json;
              } catch {
                return usage(`jq: Invalid JSON text passed to --argjson`);
              }
            } else {
              try {
                const text = new TextDecoder().decode(await ctx.sys.readFile(resolvePath(ctx.cwd, val)));
                named[k] = name === 'rawfile' ? text : parseJsonStream(text).map((x) => x.value);
              } catch (err) {
                if (!isKernelError(err) && !(err instanceof JsonParseError)) throw err;
                await io.warn(`error: Could not open ${val}: ${strerror(err)}`);
                return 2;
              }
            }
          } else if (name === 'indent') {
            const v = await need(1);
            const n = Number(v?.[0]);
            if (v === null || !Number.isInteger(n) || n < 0 || n > 7) return usage('jq: Cannot indent more than 7 characters');
            f.indent = n === 0 ? null : ' '.repeat(n);
          } else if (name === 'tab') f.indent = '\t';
          else if (name === 'args') restMode = 'args';
          else if (name === 'jsonargs') restMode = 'jsonargs';
          else if (name === 'raw-output') f.raw = true;
          else if (name === 'join-output') f.raw = f.join = true;
          else if (name === 'compact-output') f.indent = null;
          else if (name === 'null-input') nullInput = true;
          else if (name === 'slurp') slurp = true;
          else if (name === 'raw-input') rawInput = true;
          else if (name === 'exit-status') exitStatus = true;
          else if (name === 'sort-keys') f.sortKeys = true;
          else if (name === 'ascii-output') f.ascii = true;
          else if (name === 'color-output' || name === 'monochrome-output' || name === 'unbuffered' || name === 'seq') continue;
          else return usage(`jq: Unknown option: ${a}`);
          continue;
        }
        for (const c of a.slice(1)) {
          if (c === 'r') f.raw = true;
          else if (c === 'j') f.raw = f.join = true;
          else if (c === 'c') f.indent = null;
          else if (c === 'n') nullInput = true;
          else if (c === 's') slurp = true;
          else if (c === 'R') rawInput = true;
          else if (c === 'e') exitStatus = true;
          else if (c === 'S') f.sortKeys = true;
          else if (c === 'a') f.ascii = true;
          else if (c === 'M' || c === 'C') continue;
          else return usage(`jq: Unknown option: ${a}`);
        }
        continue;
      }
      if (filter === undefined) filter = a;
      else if (restMode === 'args') positional.push(a);
      else if (restMode === 'jsonargs') {
        try {
          positional.push(JSON.parse(a) as Json);
        } catch {
          return usage(`jq: Invalid JSON text passed to --jsonargs`);
        }
      } else files.push(a);
    }
    // Without a filter and with input that is not a terminal, jq uses `.`.
    filter ??= '.';
    let program: JqNode;
    try {
      program = parseJq(filter);
      checkCalls(program, new Set());
    } catch (err) {
      if (!(err instanceof JqSyntaxError)) throw err;
      await io.warn(`error: ${err.message} at <top-level>, line 1:\n${filter}\njq: 1 compile error`);
      return 3;
    }
    // Read every input first: jq programs may pull further inputs with `input`/`inputs`.
    const texts: Array<{ name: string; text: string }> = [];
    for (const name of files.length === 0 ? ['-'] : files) {
      try {
        const input = await openInput(ctx.sys, ctx.cwd, name, ctx.stdin);
        try {
          texts.push({ name: name === '-' ? '<stdin>' : name, text: await readText(input.source) });
        } finally {
          await input.close().catch(() => undefined);
        }
      } catch (err) {
        if (!isKernelError(err)) throw err;
        await io.warn(`error: Could not open ${name}: ${strerror(err)}`);
        return 2;
      }
    }
    const values: Array<{ value: Json; where: string }> = [];
    for (const t of texts) {
      if (rawInput) {
        const lines = t.text.split('\n');
        if (t.text.endsWith('\n')) lines.pop();
        if (slurp) values.push({ value: t.text, where: t.name });
        else for (const l of lines) values.push({ value: l, where: t.name });
        continue;
      }
      try {
        for (const v of parseJsonStream(t.text)) values.push({ value: v.value, where: `${t.name}:${v.line}` });
      } catch (err) {
        if (!(err instanceof JsonParseError)) throw err;
        await ctx.stderr.write(new TextEncoder().encode(`parse error: ${err.message}\n`));
        return 2;
      }
    }
    let inputs: Array<{ value: Json; where: string }>;
    if (slurp && rawInput) inputs = [{ value: texts.map((t) => t.text).join(''), where: '<stdin>:0' }];
    else if (slurp) inputs = [{ value: values.map((v) => v.value), where: '<stdin>:0' }];
    else inputs = values;
    let cursor = 0;
    const evaluator = new Evaluator({
      nextInput: () => (cursor < inputs.length ? (inputs[cursor++] as { value: Json }).value : undefined),
      env: { ...ctx.env },
      now: () => ctx.sys.now(),
      builtin: (name, a, input, env, ev) => jqBuiltin(name, a, input, env, ev),
    });
    let env = new Env(null);
    for (const [k, v] of Object.entries(named)) env = env.withVar(k, v);
    env = env.withVar('__prog_args', null);
    env = env.withVar('named', { positional, named } as unknown as Json);
    const out = new TextOut(ctx.stdout);
    let last: Json | undefined;
    let status = 0;
    const run = async (input: Json, where: string): Promise<boolean> => {
      try {
        for (const v of evaluator.eval(program, input, env)) {
          last = v;
          out.put((f.raw && typeof v === 'string' ? v : stringify(v, f)) + (f.join ? '' : '\n'));
          await out.maybeFlush();
          io.checkAbort();
        }
        return true;
      } catch (err) {
        if (!(err instanceof JqError)) {
          if (err instanceof RangeError) {
            await out.flush();
            await io.warn(`error (at ${where}): stack overflow`);
            status = 5;
            return false;
          }
          throw err;
        }
        await out.flush();
        const msg = typeof err.value === 'string' ? err.value : `${stringify(err.value, { ...f, indent: null })} (not a string)`;
        await io.warn(`error (at ${where}): ${msg}`);
        status = 5;
        return false;
      }
    };
    if (nullInput) await run(null, '<unknown>');
    else {
      while (cursor < inputs.length) {
        const item = inputs[cursor++] as { value: Json; where: string };
        await run(item.value, item.where);
      }
    }
    await out.flush();
    if (status !== 0) return status;
    if (exitStatus) return last === undefined ? 4 : last === null || last === false ? 1 : 0;
    return 0;
  });

/** Reject calls of functions that are neither builtins, definitions in scope nor closure parameters. */
function checkCalls(n: JqNode, scope: Set<string>): void {
  const visit = (x: JqNode | null, s: Set<string>): void => {
    if (x !== null) checkCalls(x, s);
  };
  switch (n.k) {
    case 'call': {
      const key = `${n.name}/${n.args.length}`;
      if (!JQ_BUILTINS.has(key) && !scope.has(key)) throw new JqSyntaxError(`${key} is not defined`);
      for (const a of n.args) visit(a, scope);
      return;
    }
    case 'def': {
      const inner = new Set(scope);
      inner.add(`${n.name}/${n.params.length}`);
      for (const p of n.params) inner.add(`${p.replace(/^\$/, '')}/0`);
      visit(n.body, inner);
      const rest = new Set(scope);
      rest.add(`${n.name}/${n.params.length}`);
      visit(n.rest, rest);
      return;
    }
    default:
      for (const v of Object.values(n)) {
        if (v !== null && typeof v === 'object' && 'k' in v) visit(v as JqNode, scope);
        else if (Array.isArray(v)) {
          for (const e of v) {
            if (e !== null && typeof e === 'object' && 'k' in e) visit(e as JqNode, scope);
            else if (e !== null && typeof e === 'object' && 'key' in e) {
              visit((e as { key: JqNode }).key, scope);
              visit((e as { value: JqNode | null }).value, scope);
            }
          }
        }
      }
  }
}
