/*
 * programs: the table of test programs in tests/wasm/bin and what each run must produce, shared by the node:wasi
 * reference test (programs.node-wasi.test.ts) and the kernel's own tests, which run the same cases on Burrow's
 * host. A case is plain data plus, where output varies, a predicate that returns a complaint or undefined.
 * Invariants: ids are unique; '{dir}' in args stands for the guest path of the case's preopened work directory;
 * `nodeWasi` lists exactly where node:wasi (uvwasi) departs from the spec/wasmtime, which Burrow follows.
 */
import { fileURLToPath } from 'node:url';
import { NODE_CONFORMANCE_DIFFS, NODE_CONFORMANCE_SKIPS } from './node-wasi-diffs.js';

/** Guest path under which a case's work directory is preopened. */
export const GUEST_DIR = '/work';

/** Exact text, a pattern, or a predicate returning a complaint (undefined when satisfied). */
export type OutputExpectation = string | RegExp | ((output: string) => string | undefined);

export interface ProgramCase {
  id: string;
  /** File name in tests/wasm/bin without ".wasm"; argv[0] is this name. */
  program: string;
  /** argv after argv[0]; '{dir}' is replaced with the guest path of the work directory. */
  args: readonly string[];
  env?: Readonly<Record<string, string>>;
  /** A string is a file read to EOF; { pipe } is a pipe that stays open (never EOF), holding data if given. */
  stdin?: string | { pipe: true; data?: string };
  /** Preopen a fresh writable directory at GUEST_DIR. */
  workDir?: boolean;
  /** Files created in the work directory before the run (name → content). */
  setupFiles?: Readonly<Record<string, string>>;
  /** 'trap': Burrow reports status 134; 'endless': never ends by itself, killed after runMs. */
  exit: number | 'trap' | 'endless';
  /** The program may instead trap (a bad-pointer check, where the witx rules allow a trap). */
  trapAllowed?: boolean;
  runMs?: number;
  stdout?: OutputExpectation;
  stderr?: OutputExpectation;
  /** Output is too large to keep: hosts discard it. */
  discardStdout?: boolean;
  /** Files expected in the work directory after the run (name → content). */
  expectFiles?: Readonly<Record<string, string>>;
  /** How node:wasi departs from the expectation: failing check names (→ reason) and checks to skip. */
  nodeWasi?: {
    failing?: Readonly<Record<string, string>>;
    skip?: readonly string[];
    /** Replaces stdout for node:wasi. */
    stdout?: OutputExpectation;
    /** The case cannot run under node:wasi at all (why). */
    unrunnable?: string;
  };
}

export function programPath(program: string): string {
  return fileURLToPath(new URL(`./bin/${program}.wasm`, import.meta.url));
}

export function resolveArgs(args: readonly string[], guestDir: string): string[] {
  return args.map((a) => a.replaceAll('{dir}', guestDir));
}

/** Parses check lines: "ok NAME" and "FAIL NAME: DETAIL" (NAME ends at the last ": "). */
export function parseChecks(stdout: string): { ok: string[]; failed: string[] } {
  const ok: string[] = [];
  const failed: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line.startsWith('ok ')) ok.push(line.slice(3));
    else if (line.startsWith('FAIL ')) failed.push(line.slice(5, line.lastIndexOf(': ')));
  }
  return { ok, failed };
}

/** Every check passed, and there was at least one. */
export function allChecksPass(stdout: string): string | undefined {
  const { ok, failed } = parseChecks(stdout);
  if (failed.length > 0) return `failed checks: ${failed.join(' | ')}`;
  if (ok.length === 0) return 'no check ran';
  return undefined;
}

/** Compares actual output with an expectation; returns a complaint or undefined. */
export function matchOutput(expected: OutputExpectation | undefined, actual: string): string | undefined {
  if (expected === undefined) return undefined;
  if (typeof expected === 'string') return expected === actual ? undefined : `want ${JSON.stringify(expected)}`;
  if (expected instanceof RegExp) return expected.test(actual) ? undefined : `want match of ${expected}`;
  return expected(actual);
}

const BIG_LINE = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+\n';

function bigOutput(mib: number): (out: string) => string | undefined {
  return (out) => {
    if (out.length !== mib * 1048576) return `length ${out.length}, want ${mib * 1048576}`;
    for (let i = 0; i < out.length; i += 64) {
      if (out.slice(i, i + 64) !== BIG_LINE) return `pattern broken at byte ${i}`;
    }
    return undefined;
  };
}

/** The output of `ticker TICKS MS`, computed as the C program does. */
export function tickerOutput(ticks: number): string {
  const buf = new Uint32Array(1 << 18);
  let sum = 2166136261;
  let out = '';
  for (let i = 1; i <= ticks; i++) {
    for (let k = 0; k < buf.length; k++) {
      const v = (Math.imul(buf[k] ?? 0, 31) + sum + k) >>> 0;
      buf[k] = v;
      sum = Math.imul((sum ^ v) >>> 0, 16777619) >>> 0;
    }
    out += `tick ${i} ${sum.toString(16).padStart(8, '0')}\n`;
  }
  return `${out}done ${sum.toString(16).padStart(8, '0')}\n`;
}

function sleptBetween(minMs: number, maxMs: number): (out: string) => string | undefined {
  return (out) => {
    const ms = Number(/^slept (\d+) ms\n$/.exec(out)?.[1] ?? Number.NaN);
    return ms >= minMs && ms < maxMs ? undefined : `slept ${ms} ms, want ${minMs}..${maxMs}`;
  };
}

const checks = allChecksPass;
const pipe = { pipe: true } as const;

const basic: ProgramCase[] = [
  { id: 'hello', program: 'hello', args: [], exit: 0, stdout: 'hello world\n', stderr: '' },
  {
    id: 'args',
    program: 'args',
    args: ['one', 'two words', ''],
    env: { A: '1', B: 'x=y' },
    exit: 0,
    stdout: /^argc 4\nargv\[0\]=[^\n]+\nargv\[1\]=one\nargv\[2\]=two words\nargv\[3\]=\nenv A=1\nenv B=x=y\n$/,
  },
  { id: 'exit-7', program: 'exit', args: ['7'], exit: 7, stdout: '' },
  { id: 'exit-0', program: 'exit', args: [], exit: 0, stdout: '' },
  { id: 'exit-125', program: 'exit', args: ['125'], exit: 125 },
  { id: 'cat-stdin', program: 'cat', args: [], stdin: 'abc\nxyz', exit: 0, stdout: 'abc\nxyz' },
  { id: 'cat-empty', program: 'cat', args: [], stdin: '', exit: 0, stdout: '' },
  { id: 'cat-large', program: 'cat', args: [], stdin: 'z'.repeat(100_003), exit: 0, stdout: 'z'.repeat(100_003) },
  {
    id: 'cat-files',
    program: 'cat',
    args: ['{dir}/a', '-', '{dir}/b'],
    stdin: 'mid\n',
    workDir: true,
    setupFiles: { a: 'first\n', b: 'last\n' },
    exit: 0,
    stdout: 'first\nmid\nlast\n',
  },
  {
    id: 'cat-missing',
    program: 'cat',
    args: ['{dir}/missing'],
    workDir: true,
    exit: 1,
    stdout: '',
    stderr: /^cat: \S+missing: ENOENT\n$/,
  },
  { id: 'wc-stdin', program: 'wc-stdin', args: [], stdin: 'a\nbb\nccc', exit: 0, stdout: '8 2\n' },
  { id: 'wc-stdin-empty', program: 'wc-stdin', args: [], stdin: '', exit: 0, stdout: '0 0\n' },
  {
    id: 'echo-stdin-lines',
    program: 'echo-stdin-lines',
    args: [],
    stdin: 'x\n\ny\nlast',
    exit: 0,
    stdout: 'line 1: x\nline 2: \nline 3: y\nline 4: last\nlines 4\n',
  },
  { id: 'stdout-stderr', program: 'stdout-stderr', args: ['3'], exit: 3, stdout: 'to stdout\n', stderr: 'to stderr\n' },
  {
    id: 'file-size',
    program: 'file-size',
    args: ['{dir}/f.txt'],
    workDir: true,
    setupFiles: { 'f.txt': 'hello' },
    exit: 0,
    stdout: '5\n',
  },
  {
    id: 'file-size-missing',
    program: 'file-size',
    args: ['{dir}/nope'],
    workDir: true,
    exit: 1,
    stderr: /ENOENT\n$/,
  },
  {
    id: 'write-no-close',
    program: 'write-no-close',
    args: ['{dir}/out.txt', 'payload\n'],
    workDir: true,
    exit: 0,
    stdout: '',
    expectFiles: { 'out.txt': 'payload\n' },
  },
  { id: 'ticker', program: 'ticker', args: ['3', '10'], exit: 0, stdout: tickerOutput(3) },
];

const fs: ProgramCase[] = [
  {
    id: 'fileio',
    program: 'fileio',
    args: ['{dir}'],
    workDir: true,
    exit: 0,
    stdout: checks,
    nodeWasi: {
      failing: {
        'futimens-now': 'uvwasi rejects FSTFLAGS_*_NOW with EINVAL',
        'utimensat-now': 'uvwasi rejects FSTFLAGS_*_NOW with EINVAL',
      },
    },
  },
  {
    id: 'dirs',
    program: 'dirs',
    args: ['{dir}'],
    workDir: true,
    exit: 0,
    stdout: (out) => checks(out) ?? (out.includes('listing: a b.txt c\n') ? undefined : 'listing line missing'),
  },
  {
    id: 'symlinks',
    program: 'symlinks',
    args: ['{dir}'],
    workDir: true,
    exit: 0,
    stdout: checks,
    nodeWasi: {
      failing: {
        'readlink-truncates': 'uvwasi answers a short readlink buffer with ENOBUFS instead of truncating',
        'nofollow-open ELOOP': 'uvwasi follows the final symlink even without SYMLINK_FOLLOW',
      },
    },
  },
];

const timeAndRandom: ProgramCase[] = [
  { id: 'clocks', program: 'clocks', args: [], exit: 0, stdout: checks },
  { id: 'random', program: 'random', args: [], exit: 0, stdout: checks },
  {
    id: 'sleep-50',
    program: 'sleep',
    args: ['50'],
    exit: 0,
    stdout: sleptBetween(50, 5000),
    // uvwasi sleeps on a libuv timer of whole milliseconds, which can fire up to ~1 ms early.
    nodeWasi: { stdout: sleptBetween(48, 5000) },
  },
  { id: 'poll-stdin-timeout', program: 'poll-stdin', args: ['100'], stdin: pipe, exit: 0, stdout: 'timeout\n' },
  {
    id: 'poll-stdin-ready',
    program: 'poll-stdin',
    args: ['5000'],
    stdin: { pipe: true, data: 'x\n' },
    exit: 0,
    stdout: 'ready\n',
  },
];

const failures: ProgramCase[] = [
  { id: 'trap', program: 'trap', args: [], exit: 'trap', stdout: 'before trap\n' },
  { id: 'abort', program: 'abort', args: [], exit: 'trap', stdout: 'before abort\n' },
  { id: 'big-output-2', program: 'big-output', args: ['2'], exit: 0, stdout: bigOutput(2) },
  {
    id: 'memgrow',
    program: 'memgrow',
    args: [],
    exit: 0,
    stdout: /^allocated 12[0-7] MiB\n$/,
    nodeWasi: { unrunnable: 'Node 20 crashes (SIGSEGV) now and then after a module grows near 128 MiB' },
  },
  { id: 'memgrow-10', program: 'memgrow', args: ['10'], exit: 0, stdout: 'allocated 10 MiB\n' },
  { id: 'spin', program: 'spin', args: [], exit: 'endless', runMs: 300, stdout: 'spinning\n' },
  { id: 'spin-syscalls', program: 'spin-syscalls', args: [], exit: 'endless', runMs: 300, stdout: 'spinning\n' },
  { id: 'output-flood', program: 'output-flood', args: [], exit: 'endless', runMs: 300, discardStdout: true },
  {
    id: 'fd-bomb-200',
    program: 'fd-bomb',
    args: ['{dir}', '200'],
    workDir: true,
    exit: 0,
    stdout: 'opened 200 files: limit reached\n',
  },
  { id: 'recurse-1000', program: 'recurse', args: ['1000'], exit: 0, stdout: 'depth 1000 sum 500500\n' },
  { id: 'recurse-1000000', program: 'recurse', args: ['1000000'], exit: 'trap', stdout: '' },
];

const conformance: ProgramCase[] = [
  {
    id: 'wasi-conformance',
    program: 'wasi-conformance',
    args: [GUEST_DIR],
    env: { CONFORMANCE: 'yes' },
    stdin: pipe,
    workDir: true,
    exit: 0,
    stdout: checks,
    nodeWasi: { failing: NODE_CONFORMANCE_DIFFS, skip: NODE_CONFORMANCE_SKIPS },
  },
];

/** abuse checks answered by an errno on every host. */
const ABUSE_ERRNO_CHECKS = ['forged-fds', 'renumber-unopened', 'poll-zero', 'path-1mb', 'iovs-1m-valid'];
/** abuse checks with a bad pointer: EFAULT or a trap; node:wasi answers EOVERFLOW. */
const ABUSE_POINTER_CHECKS: Record<string, string> = {
  'iovs-1m-oob': 'fd_write 1M iovecs past memory',
  'poll-huge': 'poll_oneoff 0x7fffffff subscriptions',
  'write-iovs-oob': 'fd_write iovs past memory',
  'write-buf-oob': 'fd_write buffer past memory',
  'write-result-oob': 'fd_write result pointer past memory',
  'read-buf-oob': 'fd_read buffer past memory',
  'path-oob': 'path_open path past memory',
  'path-len-huge': 'path_open path length 0xffffffff',
  'args-oob': 'args_get pointers past memory',
  'random-oob': 'random_get buffer past memory',
  'random-huge': 'random_get length 0xffffffff',
  'clock-oob': 'clock_time_get result past memory',
  'prestat-name-oob': 'fd_prestat_dir_name buffer past memory',
  'readdir-oob': 'fd_readdir buffer past memory',
};

const abuse: ProgramCase[] = [
  ...ABUSE_ERRNO_CHECKS.map(
    (check): ProgramCase => ({
      id: `abuse-${check}`,
      program: 'abuse',
      args: [check, GUEST_DIR],
      stdin: 'data\n',
      workDir: true,
      exit: 0,
      stdout: checks,
    }),
  ),
  ...Object.entries(ABUSE_POINTER_CHECKS).map(
    ([check, line]): ProgramCase => ({
      id: `abuse-${check}`,
      program: 'abuse',
      args: [check, GUEST_DIR],
      stdin: 'data\n',
      workDir: true,
      exit: 0,
      trapAllowed: true,
      stdout: checks,
      nodeWasi: { failing: { [line]: 'node:wasi answers an out-of-bounds pointer with EOVERFLOW' } },
    }),
  ),
];

export const PROGRAM_CASES: readonly ProgramCase[] = [
  ...basic,
  ...fs,
  ...timeAndRandom,
  ...failures,
  ...conformance,
  ...abuse,
];
