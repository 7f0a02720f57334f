/**
 * The expression language of find, parsed into a tree: primaries (tests and actions), `!`/-not, implicit or
 * explicit -a/-and, -o/-or, `,` and parentheses, with GNU's precedence. Global options (-maxdepth,
 * -mindepth, -depth) are collected separately. Errors carry GNU's wording.
 */

export type Node =
  | { kind: 'and' | 'or' | 'comma'; left: Node; right: Node }
  | { kind: 'not'; expr: Node }
  | { kind: 'true' }
  | Primary;

export type Primary =
  | { kind: 'name' | 'iname' | 'path' | 'ipath' | 'lname' | 'regex'; pattern: string }
  | { kind: 'type' | 'xtype'; types: string }
  | { kind: 'newer'; reference: string }
  | { kind: 'mtime' | 'mmin' | 'atime' | 'amin' | 'ctime' | 'cmin'; cmp: Compare }
  | { kind: 'size'; cmp: Compare; unit: number }
  | { kind: 'perm'; mode: number; match: 'exact' | 'all' | 'any' }
  | { kind: 'links' | 'inum'; cmp: Compare }
  | { kind: 'empty' | 'prune' | 'quit' | 'delete' | 'print' | 'print0' | 'false' | 'executable' | 'readable' | 'writable' | 'ls' }
  | { kind: 'printf'; format: string }
  | { kind: 'exec'; argv: string[]; batch: boolean; inDir: boolean; id: number };

export interface Compare {
  op: '+' | '-' | '=';
  value: number;
}

export interface FindProgram {
  expr: Node;
  /** Whether the expression has an action other than -prune/-quit; if not, -print is implied. */
  hasAction: boolean;
  maxDepth: number;
  minDepth: number;
  depthFirst: boolean;
  execs: Array<Extract<Primary, { kind: 'exec' }>>;
}

export class FindSyntaxError extends Error {}

const SIZE_UNITS: Record<string, number> = { b: 512, c: 1, w: 2, k: 1024, M: 1024 ** 2, G: 1024 ** 3 };

export function parseFind(tokens: readonly string[]): FindProgram {
  let i = 0;
  const program: FindProgram = {
    expr: { kind: 'true' },
    hasAction: false,
    maxDepth: Number.POSITIVE_INFINITY,
    minDepth: 0,
    depthFirst: false,
    execs: [],
  };
  const next = (): string | undefined => tokens[i++];
  const need = (pred: string): string => {
    const v = next();
    if (v === undefined) throw new FindSyntaxError(`missing argument to \`${pred}'`);
    return v;
  };
  const compare = (pred: string, text: string): Compare => {
    const m = /^([+-]?)(\d+)$/u.exec(text);
    if (m === null) throw new FindSyntaxError(`invalid argument \`${text}' to \`${pred}'`);
    return { op: m[1] === '+' ? '+' : m[1] === '-' ? '-' : '=', value: Number(m[2]) };
  };

  const primary = (): Node => {
    const tok = next();
    if (tok === undefined) throw new FindSyntaxError('expected an expression');
    switch (tok) {
      case '(': {
        const inner = comma();
        if (next() !== ')') throw new FindSyntaxError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
        return inner;
      }
      case '!':
      case '-not':
        return { kind: 'not', expr: primary() };
      case '-name':
      case '-iname':
      case '-path':
      case '-ipath':
      case '-lname':
      case '-regex':
        return { kind: tok.slice(1) as 'name', pattern: need(tok) };
      case '-wholename':
        return { kind: 'path', pattern: need(tok) };
      case '-iwholename':
        return { kind: 'ipath', pattern: need(tok) };
      case '-type':
      case '-xtype': {
        const types = need(tok);
        if (!/^[fdlpcbs](,[fdlpcbs])*$/u.test(types)) throw new FindSyntaxError(`Unknown argument to ${tok}: ${types}`);
        return { kind: tok.slice(1) as 'type', types: types.replaceAll(',', '') };
      }
      case '-newer':
        return { kind: 'newer', reference: need(tok) };
      case '-mtime':
      case '-mmin':
      case '-atime':
      case '-amin':
      case '-ctime':
      case '-cmin':
        return { kind: tok.slice(1) as 'mtime', cmp: compare(tok, need(tok)) };
      case '-links':
      case '-inum':
        return { kind: tok.slice(1) as 'links', cmp: compare(tok, need(tok)) };
      case '-size': {
        const text = need(tok);
        const m = /^([+-]?\d+)([bcwkMG]?)$/u.exec(text);
        if (m === null) throw new FindSyntaxError(`invalid -size type \`${text}'`);
        return { kind: 'size', cmp: compare(tok, m[1] ?? ''), unit: SIZE_UNITS[m[2] || 'b'] ?? 512 };
      }
      case '-perm': {
        const text = need(tok);
        const match = text.startsWith('-') ? 'all' : text.startsWith('/') ? 'any' : 'exact';
        const digits = match === 'exact' ? text : text.slice(1);
        if (!/^[0-7]+$/u.test(digits)) throw new FindSyntaxError(`invalid mode \`${text}'`);
        return { kind: 'perm', mode: Number.parseInt(digits, 8), match };
      }
      case '-empty':
      case '-prune':
      case '-quit':
      case '-false':
      case '-executable':
      case '-readable':
      case '-writable':
        return { kind: tok.slice(1) as 'empty' };
      case '-true':
        return { kind: 'true' };
      case '-delete':
        program.hasAction = true;
        program.depthFirst = true;
        return { kind: 'delete' };
      case '-print':
      case '-print0':
      case '-ls':
        program.hasAction = true;
        return { kind: tok.slice(1) as 'print' };
      case '-printf':
        program.hasAction = true;
        return { kind: 'printf', format: need(tok) };
      case '-fprint':
        throw new FindSyntaxError('-fprint is not supported');
      case '-exec':
      case '-execdir':
      case '-ok':
      case '-okdir': {
        const argv: string[] = [];
        let batch = false;
        for (;;) {
          const t = next();
          if (t === undefined) throw new FindSyntaxError(`missing argument to \`${tok}'`);
          if (t === ';') break;
          if (t === '+' && argv[argv.length - 1] === '{}') {
            batch = true;
            argv.pop();
            break;
          }
          argv.push(t);
        }
        if (argv.length === 0) throw new FindSyntaxError(`missing argument to \`${tok}'`);
        program.hasAction = true;
        const node = { kind: 'exec' as const, argv, batch, inDir: tok.endsWith('dir'), id: program.execs.length };
        program.execs.push(node);
        return node;
      }
      case '-maxdepth':
      case '-mindepth': {
        const text = need(tok);
        if (!/^\d+$/u.test(text)) throw new FindSyntaxError(`Expected a positive decimal integer argument to ${tok}, but got \u2018${text}\u2019`);
        if (tok === '-maxdepth') program.maxDepth = Number(text);
        else program.minDepth = Number(text);
        return { kind: 'true' };
      }
      case '-depth':
      case '-d':
        program.depthFirst = true;
        return { kind: 'true' };
      case '-xdev':
      case '-mount':
      case '-noleaf':
      case '-follow':
      case '-ignore_readdir_race':
        return { kind: 'true' };
      default:
        if (tok.startsWith('-')) throw new FindSyntaxError(`unknown predicate \`${tok}'`);
        throw new FindSyntaxError(`paths must precede expression: \`${tok}'`);
    }
  };

  const isOperand = (t: string | undefined): boolean => t !== undefined && t !== ')' && t !== '-o' && t !== '-or' && t !== ',';
  const and = (): Node => {
    let left = primary();
    while (isOperand(tokens[i])) {
      if (tokens[i] === '-a' || tokens[i] === '-and') i++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (tokens[i] === '-o' || tokens[i] === '-or') {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const comma = (): Node => {
    let left = or();
    while (tokens[i] === ',') {
      i++;
      left = { kind: 'comma', left, right: or() };
    }
    return left;
  };
  if (tokens.length > 0) program.expr = comma();
  if (i < tokens.length) {
    const t = tokens[i];
    throw new FindSyntaxError(t === ')' ? "invalid expression; you have too many ')'" : `paths must precede expression: \`${t}'`);
  }
  return program;
}
