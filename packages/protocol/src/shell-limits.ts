/**
 * Limits of Burrow's shell interpreter, each with the reason it exists. Passing one ends the offending
 * command with a bash-style message on stderr and a nonzero status; the session itself stays usable.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

export const SHELL_LIMITS = Object.freeze({
  /** Nested function calls: stops runaway recursion before it exhausts the worker's stack (bash: FUNCNEST). */
  functionDepthMax: 1000,
  /** Commands one exec may run: bounds a runaway loop that makes no syscalls and is never interrupted. */
  commandsPerExecMax: 10_000_000,
  /** Characters of one string produced by expansion: stops `x=$x$x` doubling from exhausting memory. */
  stringBytesMax: 16 * MiB,
  /** Words one brace expansion may produce: `{1..99999999}` would allocate before anything runs. */
  braceExpansionMax: 100_000,
  /** Stages of one pipeline: each stage holds a pipe buffer and a concurrent task. */
  pipelineWidthMax: 256,
  /** Bytes of one here-document body: it is held in memory whole. */
  heredocBytesMax: 16 * MiB,
  /** Variables (including array variables) in one session: bounds session state and snapshot size. */
  variablesMax: 100_000,
  /** Elements of one array variable: bounds session state and snapshot size. */
  arrayElementsMax: 1_000_000,
  /** Nesting of `source`/`eval`/command substitution: each level is a recursive interpreter call. */
  evalDepthMax: 200,
  /** Bytes buffered between two builtin stages of a pipeline before the writer waits (Linux's pipe size). */
  pipeBytes: 64 * KiB,
  /** Characters of one command line the parser accepts: parsing is linear but the AST is held whole. */
  scriptBytesMax: 64 * MiB,
  /** Parsed command lines kept per session for reuse (least recently used are dropped first). */
  parseCacheEntriesMax: 256,
});

export type ShellLimits = typeof SHELL_LIMITS;
