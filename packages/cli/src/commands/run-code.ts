/**
 * `burrow run-code ID [--context NAME] [--language python|javascript|typescript] CODE` (DESIGN.md's CLI
 * contract): runs code in a code-interpreter context (created on first use; without --context each language
 * has its own default context, which persists), streams its stdout and stderr as they come, prints each
 * result's text/plain, and exits 1 when the code raised (its traceback on stderr). With --json it prints the
 * whole result as one JSON document instead, with the same exit status.
 */
import type { ContextLanguage, Sandbox } from '@burrow/sdk';
import { UsageError } from './cli-args.js';

export const RUN_CODE_USAGE = 'burrow run-code ID [--context NAME] [--language python|javascript|typescript] [--timeout MS] CODE';
const LANGUAGES: readonly string[] = ['python', 'javascript', 'typescript'];

export interface RunCodeIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface RunCodeArgs {
  code: string;
  context?: string;
  language?: string;
  timeout?: string;
  json: boolean;
}

export async function runCodeCommand(sb: Sandbox, args: RunCodeArgs, io: RunCodeIo): Promise<number> {
  const { language, timeout } = args;
  if (language !== undefined && !LANGUAGES.includes(language)) {
    throw new UsageError(`--language must be python, javascript or typescript, not '${language}'`);
  }
  const timeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) throw new UsageError(`--timeout must be a positive number of ms, not '${timeout}'`);
  const opts = {
    ...(args.context === undefined ? {} : { context: args.context }),
    ...(language === undefined ? {} : { language: language as ContextLanguage }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
  if (args.json) {
    const r = await sb.runCode(args.code, opts);
    io.stdout.write(`${JSON.stringify(r)}\n`);
    return r.error === undefined ? 0 : 1;
  }
  let endsWithNewline = true;
  const r = await sb.runCode(args.code, {
    ...opts,
    onStdout: (text) => {
      io.stdout.write(text);
      if (text !== '') endsWithNewline = text.endsWith('\n');
    },
    onStderr: (text) => io.stderr.write(text),
  });
  for (const bundle of r.results) {
    const text = bundle['text/plain'];
    if (typeof text !== 'string') continue;
    io.stdout.write(`${endsWithNewline ? '' : '\n'}${text}\n`);
    endsWithNewline = true;
  }
  if (r.error === undefined) return 0;
  const tb = r.error.traceback;
  io.stderr.write(tb !== '' ? (tb.endsWith('\n') ? tb : `${tb}\n`) : `${r.error.name}: ${r.error.value}\n`);
  return 1;
}
