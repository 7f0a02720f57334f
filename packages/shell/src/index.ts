/**
 * @burrow/shell: Burrow's bash-flavoured shell as a library. `Shell` is a session over a `Sys`; `builtins`
 * is the registry of builtin commands to give it; the parser and AST are exported for tools.
 */
export type {
  AndOr,
  Assignment,
  Command,
  CompoundCommand,
  CondExpr,
  FunctionDef,
  ListItem,
  ParamPart,
  Pipeline,
  Redirect,
  Script,
  SimpleCommand,
  Word,
  WordPart,
} from './ast/types.js';
export { builtins } from './builtins/index.js';
export type { Builtin, CommandContext } from './builtins/types.js';
export type { JournalData, JournalEntry } from './interpreter/journal.js';
export { type ExecOptions, type ExecResult, Shell, type ShellOptions } from './interpreter/shell.js';
export type { StateSnapshot } from './interpreter/state.js';
export { literalText, type Program, ParseError, parseProgram, parseScript } from './parser/index.js';
export type {
  ByteSink,
  ByteSource,
  DirEntry,
  FileHandle,
  FileStat,
  FileType,
  OpenOptions,
  SpawnOptions,
  Sys,
} from './sys.js';
