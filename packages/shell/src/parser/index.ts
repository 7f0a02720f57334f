/** The parser's public surface: source text in, plain-data AST out. */
export { literalText, type Program, parseProgram, parseScript } from './parser.js';
export { isName, ParseError, readAnsiC } from './word-reader.js';
