/**
 * The grammar half of the parser: lists, pipelines, simple and compound commands, functions, redirections
 * and here-documents, producing the plain-data AST of ast/types.ts. `parseProgram` keeps the commands of
 * the lines before a syntax error, as bash runs the lines it could read before it reports one.
 */
import type {
  AndOr,
  ArrayElement,
  Assignment,
  CaseTerminator,
  Command,
  CompoundCommand,
  ListItem,
  Pipeline,
  Redirect,
  RedirOp,
  Script,
  SimpleCommand,
  Word,
} from '../ast/types.js';
import { parseCond } from './cond-parser.js';
import { heredocWord, isName, ParseError, WordReader } from './word-reader.js';

const DECLARATION = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);
const RESERVED_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', 'in']);
const REDIR_OPS: readonly RedirOp[] = ['&>>', '<<-', '<<<', '>>', '>|', '<>', '<&', '>&', '&>', '<<', '<', '>'];

interface PendingHeredoc {
  redir: Redirect;
  delim: string;
  strip: boolean;
  /** Line of the `<<` operator. */
  line: number;
}

export interface Program {
  script: Script;
  error: ParseError | null;
}

/** Parse a whole command string. */
export function parseProgram(src: string): Program {
  const p = new Parser(src);
  return p.program();
}

/** Parse a string that must be complete (function bodies from `eval`, sourced files use parseProgram). */
export function parseScript(src: string, line = 1): Script {
  const p = new Parser(src, line);
  const { script, error } = p.program();
  if (error) throw error;
  return script;
}

export class Parser extends WordReader {
  private heredocs: PendingHeredoc[] = [];
  private depth = 0;

  program(): Program {
    const items: ListItem[] = [];
    try {
      for (;;) {
        this.skipSeparators();
        if (this.pos >= this.src.length) {
          // Here-documents whose line had no newline after it: empty, delimited by the end of the input.
          const pending = this.heredocs;
          this.heredocs = [];
          for (const h of pending) this.readHeredoc(h);
          break;
        }
        const lineStart = items.length;
        try {
          this.parseLine(items);
        } catch (e) {
          items.length = lineStart;
          throw e;
        }
      }
      return { script: { items }, error: null };
    } catch (e) {
      if (e instanceof ParseError) return { script: { items }, error: e };
      throw e;
    }
  }

  /** Commands up to and including the end of one line. */
  private parseLine(items: ListItem[]): void {
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.src.length) return;
      if (this.src.charAt(this.pos) === '\n') {
        this.newline();
        return;
      }
      const item = this.parseItem();
      items.push(item);
      if (this.pos >= this.src.length) return;
      if (this.src.charAt(this.pos) === '\n') {
        this.newline();
        return;
      }
      if (!item.background && this.src.charAt(this.pos) !== ';') this.unexpected();
      // `;;` outside a case arm is an error about the whole token.
      if (this.src.startsWith(';;', this.pos)) this.unexpected();
      if (this.src.charAt(this.pos) === ';') this.pos++;
    }
  }

  /** One and-or list with its `&` / `;` terminator left at `pos` (`&` is consumed). */
  private parseItem(): ListItem {
    const start = this.pos;
    const cmd = this.parseAndOr();
    this.skipBlanks();
    const op = this.peekOperator();
    if (op === '&') {
      const text = this.src.slice(start, this.pos).trim();
      this.pos++;
      return { cmd, background: true, text };
    }
    if (op === ';' || op === '\n' || op === null || (op === ')' && this.depth > 0)) return { cmd, background: false };
    if (op === ';;' || op === ';&' || op === ';;&') return { cmd, background: false };
    this.unexpected();
  }

  protected override parseNested(): Script {
    this.depth++;
    const body = this.parseList(() => this.src.charAt(this.pos) === ')');
    this.depth--;
    return body;
  }

  protected override subParse(text: string, line: number): Script {
    const p = new Parser(text, line);
    const { script, error } = p.program();
    if (error) throw new ParseError(error.message, error.line, error.incomplete);
    return script;
  }

  /** Consume a newline and read the bodies of here-documents that started on its line. */
  private newline(): void {
    this.pos++;
    if (this.heredocs.length === 0) return;
    const pending = this.heredocs;
    this.heredocs = [];
    for (const h of pending) this.readHeredoc(h);
  }

  private readHeredoc(h: PendingHeredoc): void {
    const s = this.src;
    let body = '';
    const bodyLine = this.lineAt(this.pos);
    for (;;) {
      if (this.pos >= s.length) {
        h.redir.eof = { line: this.lineAt(s.length), start: h.line, delim: h.delim };
        break;
      }
      let end = s.indexOf('\n', this.pos);
      if (end < 0) end = s.length;
      let line = s.slice(this.pos, end);
      this.pos = Math.min(end + 1, s.length);
      if (h.strip) line = line.replace(/^\t+/, '');
      if (line === h.delim) break;
      body += `${line}\n`;
    }
    h.redir.target = h.redir.quoted ? { parts: [{ k: 'sq', v: body }] } : heredocWord(body, (t, l) => this.subParse(t, l), bodyLine);
  }

  private skipSeparators(): void {
    for (;;) {
      this.skipBlanks();
      if (this.src.charAt(this.pos) === '\n') this.newline();
      else return;
    }
  }

  /** Statements until `atEnd()` holds at the start of a statement (or input ends). */
  private parseList(atEnd: () => boolean): Script {
    const items: ListItem[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.pos >= this.src.length || atEnd()) break;
      const item = this.parseItem();
      items.push(item);
      this.skipBlanks();
      const c = this.src.charAt(this.pos);
      if (c === ';' && !this.src.startsWith(';;', this.pos) && !this.src.startsWith(';&', this.pos)) this.pos++;
      else if (c === '\n') this.newline();
    }
    return { items };
  }

  private listUntil(...keywords: string[]): Script {
    const body = this.parseList(() => keywords.some((k) => this.atKeyword(k)));
    if (this.pos >= this.src.length) this.fail('syntax error: unexpected end of file', true);
    return body;
  }

  private keyword(kw: string): void {
    this.skipSeparators();
    if (!this.atKeyword(kw)) this.unexpected();
    this.pos += kw.length;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.peekOperator();
      if (op !== '&&' && op !== '||') break;
      this.pos += 2;
      this.skipSeparators();
      rest.push({ op, p: this.parsePipeline() });
    }
    return { k: 'andor', first, rest };
  }

  private parsePipeline(): Pipeline {
    this.skipBlanks();
    const line = this.lineAt(this.pos);
    let negate = false;
    let time: Pipeline['time'];
    while (this.atKeyword('!') || this.atKeyword('time')) {
      if (this.src.charAt(this.pos) === '!') negate = !negate;
      else time = 'default';
      this.pos += this.src.charAt(this.pos) === '!' ? 1 : 4;
      this.skipBlanks();
      if (time !== undefined && this.atKeyword('-p')) {
        time = 'posix';
        this.pos += 2;
        this.skipBlanks();
      }
    }
    const cmds: Command[] = [this.parseCommand()];
    const stderr: boolean[] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.peekOperator();
      if (op !== '|' && op !== '|&') break;
      this.pos += op.length;
      stderr.push(op === '|&');
      this.skipSeparators();
      cmds.push(this.parseCommand());
    }
    const pipeline: Pipeline = { k: 'pipeline', negate, cmds, stderr, line };
    if (time !== undefined) pipeline.time = time;
    return pipeline;
  }

  private parseCommand(): Command {
    this.skipBlanks();
    const s = this.src;
    const line = this.lineAt(this.pos);
    if (this.pos >= s.length) this.fail('syntax error: unexpected end of file', true);
    const compound = (body: CompoundCommand['body']): CompoundCommand => ({
      k: 'compound',
      body,
      redirs: this.parseTrailingRedirs(),
      line,
    });
    if (s.startsWith('((', this.pos)) {
      const save = this.pos;
      this.pos += 2;
      const text = this.readArithText();
      if (text !== null) return compound({ k: 'arith', expr: this.arithWord(text) });
      this.pos = save;
    }
    const c = s.charAt(this.pos);
    if (c === '(') {
      this.pos++;
      this.depth++;
      const body = this.parseList(() => s.charAt(this.pos) === ')');
      this.depth--;
      // An unclosed `(` subshell is a plain end of file to bash (unlike an unclosed `$(`).
      if (this.pos >= s.length) this.fail('syntax error: unexpected end of file', true);
      this.expect(')');
      return compound({ k: 'subshell', body });
    }
    const op = this.peekOperator();
    if (op !== null && !REDIR_OPS.includes(op as RedirOp)) this.unexpected();
    if (this.atKeyword('{')) {
      this.pos++;
      const body = this.listUntil('}');
      this.pos++;
      return compound({ k: 'group', body });
    }
    if (this.atKeyword('if')) return compound(this.parseIf());
    if (this.atKeyword('while') || this.atKeyword('until')) {
      const until = this.atKeyword('until');
      this.pos += 5;
      const cond = this.listUntil('do');
      this.pos += 2;
      const body = this.listUntil('done');
      this.pos += 4;
      return compound({ k: 'while', until, cond, body });
    }
    if (this.atKeyword('for')) return compound(this.parseFor());
    if (this.atKeyword('case')) return compound(this.parseCase());
    if (this.atKeyword('[[')) {
      this.pos += 2;
      const expr = parseCond({
        skip: () => this.skipSeparators(),
        peek: () => this.peekCondToken(),
        advance: (n: number) => {
          this.pos += n;
        },
        word: (regex: boolean) => (regex ? this.readRegexWord() : this.readWord('word')),
        fail: () => this.unexpected(),
      });
      this.skipSeparators();
      if (!this.atKeyword(']]')) this.unexpected();
      this.pos += 2;
      return compound({ k: 'cond', expr });
    }
    if (this.atKeyword('function')) {
      this.pos += 8;
      this.skipBlanks();
      const name = this.peekBareWord() ?? this.unexpected();
      this.pos += name.length;
      this.skipBlanks();
      if (s.startsWith('()', this.pos)) this.pos += 2;
      return this.functionBody(name, line);
    }
    for (const kw of RESERVED_END) if (this.atKeyword(kw)) this.unexpected();
    return this.parseSimple(line);
  }

  private functionBody(name: string, line: number): Command {
    this.skipSeparators();
    const body = this.parseCommand();
    if (body.k !== 'compound') this.fail(`syntax error near unexpected token \`${name}'`);
    return { k: 'function', name, body, line };
  }

  private parseIf(): CompoundCommand['body'] {
    this.pos += 2;
    const clauses: { cond: Script; body: Script }[] = [];
    let elseBody: Script | null = null;
    for (;;) {
      const cond = this.listUntil('then');
      this.pos += 4;
      const body = this.listUntil('elif', 'else', 'fi');
      clauses.push({ cond, body });
      if (this.atKeyword('elif')) {
        this.pos += 4;
        continue;
      }
      if (this.atKeyword('else')) {
        this.pos += 4;
        elseBody = this.listUntil('fi');
      }
      this.pos += 2;
      return { k: 'if', clauses, elseBody };
    }
  }

  private parseFor(): CompoundCommand['body'] {
    this.pos += 3;
    this.skipBlanks();
    if (this.src.startsWith('((', this.pos)) {
      this.pos += 2;
      const text = this.readArithText() ?? this.fail("syntax error: unexpected end of file");
      const parts = text.split(';');
      if (parts.length !== 3) this.fail(`syntax error: arithmetic expression required`);
      const w = (t: string | undefined) => (t === undefined || t.trim() === '' ? null : this.arithWord(t));
      this.skipBlanks();
      if (this.src.charAt(this.pos) === ';') this.pos++;
      const body = this.loopBody();
      return { k: 'cfor', init: w(parts[0]), cond: w(parts[1]), step: w(parts[2]), body };
    }
    const name = this.peekBareWord() ?? this.unexpected();
    if (!isName(name)) this.fail(`\`${name}': not a valid identifier`);
    this.pos += name.length;
    this.skipSeparators();
    let words: Word[] | null = null;
    if (this.atKeyword('in')) {
      this.pos += 2;
      words = [];
      for (;;) {
        this.skipBlanks();
        const c = this.src.charAt(this.pos);
        if (c === ';' || c === '\n') {
          this.pos++;
          break;
        }
        if (this.pos >= this.src.length) this.fail('syntax error: unexpected end of file', true);
        if (this.atWordEnd()) this.unexpected();
        words.push(this.readWord());
      }
    } else if (this.src.charAt(this.pos) === ';') this.pos++;
    return { k: 'for', name, words, body: this.loopBody() };
  }

  private loopBody(): Script {
    this.skipSeparators();
    if (this.atKeyword('{')) {
      this.pos++;
      const body = this.listUntil('}');
      this.pos++;
      return body;
    }
    this.keyword('do');
    const body = this.listUntil('done');
    this.pos += 4;
    return body;
  }

  private parseCase(): CompoundCommand['body'] {
    this.pos += 4;
    this.skipBlanks();
    const word = this.readWord();
    this.keyword('in');
    const arms: { patterns: Word[]; body: Script; term: CaseTerminator }[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.atKeyword('esac')) {
        this.pos += 4;
        break;
      }
      if (this.pos >= this.src.length) this.fail('syntax error: unexpected end of file', true);
      if (this.src.charAt(this.pos) === '(') this.pos++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanks();
        if (this.atWordEnd()) this.unexpected();
        patterns.push(this.readWord());
        this.skipBlanks();
        const c = this.src.charAt(this.pos);
        if (c === '|') {
          this.pos++;
          continue;
        }
        if (c === ')') {
          this.pos++;
          break;
        }
        this.unexpected();
      }
      const body = this.parseList(
        () => this.atKeyword('esac') || this.src.startsWith(';;', this.pos) || this.src.startsWith(';&', this.pos),
      );
      let term: CaseTerminator = ';;';
      for (const t of [';;&', ';;', ';&'] as const) {
        if (this.src.startsWith(t, this.pos)) {
          term = t;
          this.pos += t.length;
          break;
        }
      }
      arms.push({ patterns, body, term });
    }
    return { k: 'case', word, arms };
  }

  private peekCondToken(): string | null {
    const s = this.src;
    if (this.atKeyword(']]')) return ']]';
    for (const t of ['&&', '||', '(', ')', '<', '>', '!']) {
      if (s.startsWith(t, this.pos) && (t !== '!' || this.atKeyword('!'))) return t;
    }
    return this.peekBareWord();
  }

  /** The right side of `=~`: parentheses and `|` belong to the regex; quoted parts are literal. */
  private readRegexWord(): Word {
    const s = this.src;
    const parts: Word['parts'] = [];
    let depth = 0;
    let lit = '';
    while (this.pos < s.length) {
      const c = s.charAt(this.pos);
      if (depth === 0 && (c === ' ' || c === '\t' || c === '\n')) break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      if (c === "'" || c === '"' || c === '$' || c === '\\' || c === '`') {
        if (lit !== '') parts.push({ k: 'lit', v: lit });
        lit = '';
        const w = this.readWordPiece();
        parts.push(...w.parts);
        continue;
      }
      lit += c;
      this.pos++;
    }
    if (lit !== '') parts.push({ k: 'lit', v: lit });
    return { parts };
  }

  /** One quoted section or expansion, read as a word limited to that construct. */
  private readWordPiece(): Word {
    const start = this.pos;
    const w = this.readWord('word', '()|');
    if (this.pos === start) {
      this.pos++;
      return { parts: [{ k: 'lit', v: this.src.charAt(start) }] };
    }
    return w;
  }

  private parseTrailingRedirs(): Redirect[] {
    const redirs: Redirect[] = [];
    for (;;) {
      this.skipBlanks();
      const r = this.tryRedirect();
      if (r === null) return redirs;
      redirs.push(r);
    }
  }

  private tryRedirect(): Redirect | null {
    const s = this.src;
    let i = this.pos;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    const fd = i > this.pos ? Number(s.slice(this.pos, i)) : null;
    const op = REDIR_OPS.find((o) => s.startsWith(o, i));
    if (op === undefined || (fd !== null && op.startsWith('&'))) return null;
    // `<(…)` and `>(…)` are process substitutions (words), not redirections.
    if ((op === '<' || op === '>') && fd === null && s.charAt(i + 1) === '(') return null;
    this.pos = i + op.length;
    this.skipBlanks();
    if (this.pos >= s.length || s.charAt(this.pos) === '\n') this.fail("syntax error near unexpected token `newline'");
    if (this.atWordEnd()) this.unexpected();
    const target = this.readWord();
    const redir: Redirect = { fd, op, target };
    if (op === '<<' || op === '<<-') {
      const quoted = target.parts.some((p) => p.k !== 'lit');
      redir.quoted = quoted;
      this.heredocs.push({ redir, delim: literalText(target), strip: op === '<<-', line: this.lineAt(this.pos) });
    }
    return redir;
  }

  private parseSimple(line: number): Command {
    const cmd: SimpleCommand = { k: 'simple', assigns: [], words: [], redirs: [], line };
    let declaration = false;
    for (;;) {
      this.skipBlanks();
      const r = this.tryRedirect();
      if (r !== null) {
        cmd.redirs.push(r);
        continue;
      }
      if (this.atWordEnd()) break;
      if (cmd.words.length === 0 || declaration) {
        const a = this.tryAssignment();
        if (a !== null) {
          if (cmd.words.length === 0) cmd.assigns.push(a);
          else cmd.words.push({ parts: [{ k: 'lit', v: a.name }], assign: a });
          continue;
        }
      }
      const word = this.readWord();
      if (cmd.words.length === 0) {
        const name = word.parts.length === 1 && word.parts[0]?.k === 'lit' ? word.parts[0].v : null;
        this.skipBlanks();
        if (name !== null && cmd.assigns.length === 0 && this.src.startsWith('(', this.pos)) {
          const m = /^\(\s*\)/.exec(this.src.slice(this.pos, this.pos + 64));
          if (m === null) {
            // bash reads `name (` as the start of a function definition and reports the token after `(`.
            this.pos++;
            this.skipBlanks();
            if (this.pos >= this.src.length || this.src.charAt(this.pos) === '\n') {
              this.fail("syntax error near unexpected token `newline'");
            }
            this.unexpected();
          }
          this.pos += m[0].length;
          return this.functionBody(name, line);
        }
        declaration = name !== null && DECLARATION.has(name);
      }
      cmd.words.push(word);
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) this.unexpected();
    return cmd;
  }

  private tryAssignment(): Assignment | null {
    const s = this.src;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos, this.pos + 256));
    if (m === null) return null;
    let i = this.pos + m[0].length;
    let indexText: string | null = null;
    if (s.charAt(i) === '[') {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        const c = s.charAt(j);
        if (c === '[') depth++;
        else if (c === ']' && --depth === 0) break;
        else if (c === '\n') return null;
      }
      if (j >= s.length) return null;
      indexText = s.slice(i + 1, j);
      i = j + 1;
    }
    let append = false;
    if (s.charAt(i) === '+') {
      append = true;
      i++;
    }
    if (s.charAt(i) !== '=') return null;
    const start = this.pos;
    this.pos = i + 1;
    const index = indexText === null ? null : this.arithWord(indexText);
    if (s.charAt(this.pos) === '(' && indexText === null) {
      this.pos++;
      return { name: m[0], index: null, append, value: null, array: this.parseArrayLiteral() };
    }
    void start;
    return { name: m[0], index, append, value: this.readWord('assign'), array: null };
  }

  private parseArrayLiteral(): ArrayElement[] {
    const out: ArrayElement[] = [];
    for (;;) {
      this.skipSeparators();
      const c = this.src.charAt(this.pos);
      if (c === ')') {
        this.pos++;
        return out;
      }
      if (this.pos >= this.src.length) this.fail("unexpected EOF while looking for matching `)'", true);
      const keyed = /^\[([^\]]*)\]=/.exec(this.src.slice(this.pos, this.pos + 4096));
      if (keyed) {
        this.pos += keyed[0].length;
        const key = this.arithWord(keyed[1] ?? '');
        const value = this.atWordEnd() ? { parts: [] } : this.readWord('assign');
        out.push({ key, value });
        continue;
      }
      if (this.atWordEnd()) this.unexpected();
      out.push({ key: null, value: this.readWord() });
    }
  }
}

/** The text of a word with quotes removed and no expansion (here-document delimiters). */
export function literalText(w: Word): string {
  let out = '';
  for (const p of w.parts) {
    if (p.k === 'lit' || p.k === 'sq') out += p.v;
    else if (p.k === 'dq') out += literalText({ parts: p.parts });
    else if (p.k === 'param') out += `$${p.name}`;
  }
  return out;
}
