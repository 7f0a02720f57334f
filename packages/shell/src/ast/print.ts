/**
 * Prints an AST back as shell source in bash's layout for `declare -f` and `type`: one command per line,
 * four-space indentation, `;` between commands of a list. Quoting is regenerated (the parser keeps no source
 * text), so the output reads back to the same AST, though not always to the same characters.
 */
import type { AndOr, Assignment, Command, CondExpr, ParamPart, Pipeline, Redirect, Script, Word, WordPart } from './types.js';

const IND = '    ';

export function printFunction(name: string, body: Command): string {
  return `${name} () \n${printCommand(body, '').replace(/^\{ /, '{ ')}\n`;
}

/** `terminated`: end the last command with `;` too, as bash does inside if, loop and case bodies. */
function printList(s: Script, ind: string, terminated = false): string {
  return s.items
    .map((it, i) => {
      const text = ind + printAndOr(it.cmd, ind);
      if (it.background) return `${text} &`;
      return i < s.items.length - 1 || terminated ? `${text};` : text;
    })
    .join('\n');
}

function printAndOr(a: AndOr, ind: string): string {
  let out = printPipeline(a.first, ind);
  for (const r of a.rest) out += ` ${r.op} ${printPipeline(r.p, ind)}`;
  return out;
}

function printPipeline(p: Pipeline, ind: string): string {
  const cmds = p.cmds.map((c) => printCommand(c, ind));
  let out = cmds[0] ?? '';
  for (let i = 1; i < cmds.length; i++) out += ` ${p.stderr[i - 1] ? '|&' : '|'} ${cmds[i]}`;
  const timed = p.time === undefined ? out : `time ${p.time === 'posix' ? '-p ' : ''}${out}`;
  return p.negate ? `! ${timed}` : timed;
}

function printRedirs(rs: readonly Redirect[]): string {
  return rs
    .map((r) => {
      const fd = r.fd === null ? '' : String(r.fd);
      if (r.op === '<<' || r.op === '<<-') return ` ${fd}${r.op} EOF`;
      return ` ${fd}${r.op} ${printWord(r.target)}`;
    })
    .join('');
}

export function printCommand(c: Command, ind: string): string {
  if (c.k === 'function') return printFunction(c.name, c.body).trimEnd();
  if (c.k === 'simple') {
    return [...c.assigns.map(printAssign), ...c.words.map(printWord)].join(' ') + printRedirs(c.redirs);
  }
  const inner = `${ind}${IND}`;
  const b = c.body;
  let out: string;
  switch (b.k) {
    case 'group':
      out = `{ \n${printList(b.body, inner)}\n${ind}}`;
      break;
    case 'subshell':
      out = `( ${printList(b.body, '').replace(/\n/g, ' ')} )`;
      break;
    case 'if':
      out = b.clauses
        .map((cl, i) => `${i === 0 ? 'if' : `\n${ind}elif`} ${printList(cl.cond, '').replace(/\n/g, ' ')}; then\n${printList(cl.body, inner, true)}`)
        .join('');
      if (b.elseBody !== null) out += `\n${ind}else\n${printList(b.elseBody, inner, true)}`;
      out += `\n${ind}fi`;
      break;
    case 'while':
      out = `${b.until ? 'until' : 'while'} ${printList(b.cond, '').replace(/\n/g, ' ')}; do\n${printList(b.body, inner, true)}\n${ind}done`;
      break;
    case 'for':
      out = `for ${b.name}${b.words === null ? '' : ` in ${b.words.map(printWord).join(' ')}`};\n${ind}do\n${printList(b.body, inner, true)}\n${ind}done`;
      break;
    case 'cfor':
      out = `for ((${[b.init, b.cond, b.step].map((w) => (w === null ? '' : printWord(w))).join('; ')}))\n${ind}do\n${printList(b.body, inner, true)}\n${ind}done`;
      break;
    case 'case':
      out = `case ${printWord(b.word)} in \n${b.arms
        .map((a) => `${inner}${a.patterns.map(printWord).join(' | ')})\n${printList(a.body, `${inner}${IND}`)}\n${inner}${a.term}`)
        .join('\n')}\n${ind}esac`;
      break;
    case 'arith':
      out = `((${printWord(b.expr)}))`;
      break;
    case 'cond':
      out = `[[ ${printCond(b.expr)} ]]`;
      break;
  }
  return out + printRedirs(c.redirs);
}

function printCond(e: CondExpr): string {
  switch (e.k) {
    case 'and':
      return `${printCond(e.l)} && ${printCond(e.r)}`;
    case 'or':
      return `${printCond(e.l)} || ${printCond(e.r)}`;
    case 'not':
      return `! ${printCond(e.e)}`;
    case 'unary':
      return `${e.op} ${printWord(e.a)}`;
    case 'binary':
      return `${printWord(e.l)} ${e.op} ${printWord(e.r)}`;
    case 'word':
      return printWord(e.a);
  }
}

function squote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

function printAssign(a: Assignment): string {
  const idx = a.index === null ? '' : `[${printWord(a.index)}]`;
  const value =
    a.array === null
      ? printWord(a.value ?? { parts: [] })
      : `(${a.array.map((e) => (e.key === null ? '' : `[${printWord(e.key)}]=`) + printWord(e.value)).join(' ')})`;
  return `${a.name}${idx}${a.append ? '+' : ''}=${value}`;
}

export function printWord(w: Word): string {
  if (w.assign !== undefined) return printAssign(w.assign);
  return w.parts.map((p) => printPart(p, false)).join('');
}

function printPart(p: WordPart, inDq: boolean): string {
  switch (p.k) {
    case 'lit':
      return p.v;
    case 'sq':
      return inDq ? p.v.replace(/([$`"\\])/g, '\\$1') : squote(p.v);
    case 'dq':
      return `"${p.parts.map((q) => printPart(q, true)).join('')}"`;
    case 'param':
      return printParam(p);
    case 'cmd':
      return `$(${printList(p.body, '').replace(/\n/g, ' ')})`;
    case 'proc':
      return `${p.dir}(${printList(p.body, '').replace(/\n/g, ' ')})`;
    case 'arith':
      return `$((${printWord(p.expr)}))`;
    case 'tilde':
      return `~${p.user}`;
    case 'brace':
      return `{${p.alts.map(printWord).join(',')}}`;
    case 'seq':
      return `{${p.from}..${p.to}${p.step === null ? '' : `..${p.step}`}}`;
  }
}

function printParam(p: ParamPart): string {
  const idx = p.index === null ? '' : `[${printWord(p.index)}]`;
  const name = `${p.indirect ? '!' : ''}${p.name}${idx}`;
  const op = p.p;
  switch (op.op) {
    case 'plain':
      return idx === '' && !p.indirect && /^([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])$/.test(p.name) ? `$${p.name}` : `\${${name}}`;
    case 'length':
      return `\${#${name}}`;
    case 'default':
    case 'assign':
    case 'error':
    case 'alt':
      return `\${${name}${op.colon ? ':' : ''}${{ default: '-', assign: '=', error: '?', alt: '+' }[op.op]}${printWord(op.word)}}`;
    case 'trim':
      return `\${${name}${op.suffix ? '%' : '#'}${op.longest ? (op.suffix ? '%' : '#') : ''}${printWord(op.pattern)}}`;
    case 'replace':
      return `\${${name}/${op.mode}${printWord(op.pattern)}${op.replacement === null ? '' : `/${printWord(op.replacement)}`}}`;
    case 'case': {
      const c = op.upper === null ? '~' : op.upper ? '^' : ',';
      return `\${${name}${c}${op.all ? c : ''}${op.pattern === null ? '' : printWord(op.pattern)}}`;
    }
    case 'substr':
      return `\${${name}:${printWord(op.offset)}${op.length === null ? '' : `:${printWord(op.length)}`}}`;
    case 'prefix':
      return `\${!${p.name}${op.at ? '@' : '*'}}`;
    case 'keys':
      return `\${!${p.name}[${op.at ? '@' : '*'}]}`;
    case 'transform':
      return `\${${name}@${op.t}}`;
    case 'bad':
      return op.text;
  }
}
