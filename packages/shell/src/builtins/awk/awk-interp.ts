/**
 * The awk interpreter: walks the syntax tree with variables, arrays, fields and records. Nodes without `io`
 * are evaluated synchronously; nodes with it (getline, system, close, fflush, calls of functions that use
 * them, loops) are evaluated by the async twins, which resolve their waiting children first and then reuse
 * the synchronous evaluator. Statements return a completion code instead of throwing, so `next`, `break` and
 * function returns cost nothing special. Loops yield every few thousand iterations to flush output and to
 * notice an abort.
 */
import { SHELL_LIMITS } from '@burrow/protocol';
import { compileRegex, type Regex } from '../../regex/compile-regex.js';
import type { Expr, FuncDef, LValue, Program, Rule, Stmt, VarRef } from './awk-ast.js';
import { type AwkHost, callBuiltin } from './awk-functions.js';
import { NEED_MORE, type RecordReader } from './awk-io.js';
import { AwkRuntimeError, compareValues, numToStr, StrNum, toBool, toNum, toStr, type Value } from './awk-values.js';

export type AwkArray = Map<string, Value>;
type Slot = Value | AwkArray;

export enum Code {
  Normal = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
  Next = 4,
  Exit = 5,
  NextFile = 6,
}

/** Loop iterations between yields to the event loop. */
const YIELD_EVERY = SHELL_LIMITS.awkYieldEvery;
/** Nested user-function calls: bounds the JavaScript stack an awk program can use. */
const CALL_DEPTH_MAX = SHELL_LIMITS.awkCallDepthMax;

function isArray(v: Slot): v is AwkArray {
  return v instanceof Map;
}

export class AwkInterp {
  readonly globals = new Map<string, Slot>();
  private frame: Slot[] = [];
  private depth = 0;
  record = '';
  private fields: string[] | null = null;
  private nf = 0;
  nr = 0;
  fnr = 0;
  convfmt = '%.6g';
  ofmt = '%.6g';
  ofs = ' ';
  ors = '\n';
  fs = ' ';
  rs = '\n';
  subsep = '\x1c';
  exitCode = 0;
  retVal: Value = undefined;
  private readonly resolved = new Map<Expr, Value>();
  private readonly rangeActive: boolean[];
  private ticks = 0;

  constructor(
    readonly prog: Program,
    readonly host: AwkHost,
  ) {
    this.rangeActive = prog.rules.map(() => false);
    this.globals.set('CONVFMT', '%.6g');
    this.globals.set('OFMT', '%.6g');
    this.globals.set('OFS', ' ');
    this.globals.set('ORS', '\n');
    this.globals.set('FS', ' ');
    this.globals.set('RS', '\n');
    this.globals.set('SUBSEP', '\x1c');
    this.globals.set('RSTART', 0);
    this.globals.set('RLENGTH', -1);
    this.globals.set('FILENAME', '');
  }

  // ---- variables ----

  getVar(name: string): Value {
    switch (name) {
      case 'NF':
        this.split();
        return this.nf;
      case 'NR':
        return this.nr;
      case 'FNR':
        return this.fnr;
      default: {
        const v = this.globals.get(name);
        if (isArray(v)) throw new AwkRuntimeError(`attempt to use array \`${name}' in a scalar context`);
        return v;
      }
    }
  }

  setVar(name: string, v: Value): void {
    switch (name) {
      case 'NF':
        this.setNf(Math.trunc(toNum(v)));
        return;
      case 'NR':
        this.nr = toNum(v);
        return;
      case 'FNR':
        this.fnr = toNum(v);
        return;
      case 'CONVFMT':
        this.convfmt = toStr(v, this.convfmt);
        break;
      case 'OFMT':
        this.ofmt = toStr(v, this.convfmt);
        break;
      case 'OFS':
        this.ofs = toStr(v, this.convfmt);
        break;
      case 'ORS':
        this.ors = toStr(v, this.convfmt);
        break;
      case 'FS':
        this.fs = toStr(v, this.convfmt);
        break;
      case 'RS':
        this.rs = toStr(v, this.convfmt);
        break;
      case 'SUBSEP':
        this.subsep = toStr(v, this.convfmt);
        break;
      default:
        break;
    }
    if (isArray(this.globals.get(name))) throw new AwkRuntimeError(`attempt to use array \`${name}' in a scalar context`);
    this.globals.set(name, v);
  }

  arrayOf(ref: VarRef): AwkArray {
    if (ref.k === 'gvar') {
      const v = this.globals.get(ref.name);
      if (isArray(v)) return v;
      if (v !== undefined) throw new AwkRuntimeError(`attempt to use scalar \`${ref.name}' as an array`);
      const a: AwkArray = new Map();
      this.globals.set(ref.name, a);
      return a;
    }
    const v = this.frame[ref.index];
    if (isArray(v)) return v;
    if (v !== undefined) throw new AwkRuntimeError(`attempt to use scalar parameter \`${ref.name}' as an array`);
    const a: AwkArray = new Map();
    this.frame[ref.index] = a;
    return a;
  }

  /** Elements of a variable that holds an array, or null when it does not. */
  arraySize(ref: VarRef): number | null {
    const v = ref.k === 'gvar' ? this.globals.get(ref.name) : this.frame[ref.index];
    return isArray(v) ? v.size : null;
  }

  key(subs: readonly Expr[]): string {
    if (subs.length === 1) return this.keyOf(this.ev(subs[0] as Expr));
    return subs.map((s) => this.keyOf(this.ev(s))).join(this.subsep);
  }

  private keyOf(v: Value): string {
    return typeof v === 'number' && Number.isInteger(v) ? String(v) : toStr(v, this.convfmt);
  }

  str(v: Value): string {
    return toStr(v, this.convfmt);
  }

  outStr(v: Value): string {
    return typeof v === 'number' ? numToStr(v, this.ofmt) : toStr(v, this.convfmt);
  }

  // ---- records and fields ----

  setRecord(rec: string): void {
    this.record = rec;
    this.fields = null;
  }

  private split(): string[] {
    if (this.fields !== null) return this.fields;
    this.fields = this.splitText(this.record, this.fs);
    this.nf = this.fields.length;
    return this.fields;
  }

  /** Split text into fields by a field separator (FS semantics, paragraph mode included). */
  splitText(text: string, fs: string): string[] {
    if (text === '') return [];
    const paragraph = this.rs === '';
    if (fs === ' ') {
      const t = text.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return t === '' ? [] : t.split(/[ \t\n]+/);
    }
    let parts: string[];
    if (fs.length === 1 && fs !== '\\') {
      parts = fs === '\t' || !paragraph ? text.split(fs) : text.split(fs);
    } else if (fs === '') parts = [...text];
    else parts = this.regexSplit(text, this.regex(fs));
    if (paragraph) parts = parts.flatMap((p) => p.split('\n'));
    return parts;
  }

  regexSplit(text: string, re: Regex): string[] {
    const out: string[] = [];
    let from = 0;
    let start = 0;
    while (from <= text.length) {
      const m = re.exec(text, from);
      if (m === null) break;
      const s = m[0] as number;
      const e = m[1] as number;
      if (e === s) {
        from = s + 1;
        continue;
      }
      out.push(text.slice(start, s));
      start = e;
      from = e;
    }
    out.push(text.slice(start));
    return out;
  }

  getField(i: number): Value {
    if (i === 0) return new StrNum(this.record);
    if (i < 0) throw new AwkRuntimeError(`attempt to access field ${i}`);
    const f = this.split();
    const v = f[i - 1];
    return v === undefined ? undefined : new StrNum(v);
  }

  setField(i: number, v: Value): void {
    if (i === 0) {
      this.setRecord(this.str(v));
      return;
    }
    if (i < 0) throw new AwkRuntimeError(`attempt to access field ${i}`);
    const f = this.split();
    while (f.length < i) f.push('');
    f[i - 1] = this.str(v);
    this.nf = f.length;
    this.record = f.join(this.ofs);
  }

  private setNf(n: number): void {
    const f = this.split();
    if (n < 0) throw new AwkRuntimeError('NF set to negative value');
    while (f.length < n) f.push('');
    f.length = n;
    this.nf = n;
    this.record = f.join(this.ofs);
  }

  regex(src: string): Regex {
    return compileRegex(src, { syntax: 'awk' });
  }

  regexOf(e: Expr): Regex {
    if (e.k === 'regex') return this.regex(e.src);
    return this.regex(this.str(this.ev(e)));
  }

  // ---- lvalues ----

  assign(target: LValue, v: Value): Value {
    switch (target.k) {
      case 'gvar':
        this.setVar(target.name, v);
        return v;
      case 'lvar':
        if (isArray(this.frame[target.index])) throw new AwkRuntimeError(`attempt to use array \`${target.name}' in a scalar context`);
        this.frame[target.index] = v;
        return v;
      case 'field':
        this.setField(Math.trunc(toNum(this.ev(target.e))), v);
        return v;
      case 'index':
        this.arrayOf(target.arr).set(this.key(target.subs), v);
        return v;
    }
  }

  private readLValue(target: LValue): { get: () => Value; set: (v: Value) => void } {
    switch (target.k) {
      case 'field': {
        const i = Math.trunc(toNum(this.ev(target.e)));
        return { get: () => this.getField(i), set: (v) => this.setField(i, v) };
      }
      case 'index': {
        const arr = this.arrayOf(target.arr);
        const k = this.key(target.subs);
        return { get: () => arr.get(k), set: (v) => arr.set(k, v) };
      }
      default:
        return { get: () => this.ev(target), set: (v) => this.assign(target, v) };
    }
  }

  // ---- expressions ----

  ev(e: Expr): Value {
    if (e.io === true && this.resolved.has(e)) return this.resolved.get(e);
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 'regex':
        return this.regex(e.src).test(this.record) ? 1 : 0;
      case 'gvar':
        return this.getVar(e.name);
      case 'lvar': {
        const v = this.frame[e.index];
        if (isArray(v)) throw new AwkRuntimeError(`attempt to use array \`${e.name}' in a scalar context`);
        return v;
      }
      case 'field':
        return this.getField(Math.trunc(toNum(this.ev(e.e))));
      case 'index': {
        const arr = this.arrayOf(e.arr);
        const k = this.key(e.subs);
        const v = arr.get(k);
        if (v === undefined && !arr.has(k)) arr.set(k, undefined);
        return v;
      }
      case 'assign': {
        if (e.op === '=') return this.assign(e.target, this.ev(e.e));
        const lv = this.readLValue(e.target);
        const r = toNum(this.ev(e.e));
        const v = arith(e.op.slice(0, -1), toNum(lv.get()), r);
        lv.set(v);
        return v;
      }
      case 'cond':
        return toBool(this.ev(e.c)) ? this.ev(e.a) : this.ev(e.b);
      case 'and':
        return toBool(this.ev(e.a)) && toBool(this.ev(e.b)) ? 1 : 0;
      case 'or':
        return toBool(this.ev(e.a)) || toBool(this.ev(e.b)) ? 1 : 0;
      case 'in':
        return this.arrayOf(e.arr).has(this.key(e.subs)) ? 1 : 0;
      case 'match': {
        const s = this.str(this.ev(e.a));
        return this.regexOf(e.re).test(s) !== e.neg ? 1 : 0;
      }
      case 'bin': {
        const a = this.ev(e.a);
        const b = this.ev(e.b);
        switch (e.op) {
          case '<':
            return compareValues(a, b, this.convfmt) < 0 ? 1 : 0;
          case '<=':
            return compareValues(a, b, this.convfmt) <= 0 ? 1 : 0;
          case '>':
            return compareValues(a, b, this.convfmt) > 0 ? 1 : 0;
          case '>=':
            return compareValues(a, b, this.convfmt) >= 0 ? 1 : 0;
          case '==':
            return compareValues(a, b, this.convfmt) === 0 ? 1 : 0;
          case '!=':
            return compareValues(a, b, this.convfmt) !== 0 ? 1 : 0;
          default:
            return arith(e.op, toNum(a), toNum(b));
        }
      }
      case 'concat':
        return this.str(this.ev(e.a)) + this.str(this.ev(e.b));
      case 'unary': {
        const v = this.ev(e.e);
        if (e.op === '!') return toBool(v) ? 0 : 1;
        return e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'incdec': {
        const lv = this.readLValue(e.target);
        const old = toNum(lv.get());
        const nv = e.op === '++' ? old + 1 : old - 1;
        lv.set(nv);
        return e.prefix ? nv : old;
      }
      case 'group':
        return this.ev(e.e);
      case 'call':
        return callBuiltin(this, e.name, e.args);
      case 'ucall':
        return this.callUser(e.name, e.args);
      case 'getline':
        throw new AwkRuntimeError('internal: getline evaluated synchronously');
    }
  }

  /** Evaluate an expression that may wait. */
  async evA(e: Expr): Promise<Value> {
    if (e.io !== true) return this.ev(e);
    switch (e.k) {
      case 'getline':
        return this.getline(e);
      case 'and':
        return toBool(await this.evA(e.a)) && toBool(await this.evA(e.b)) ? 1 : 0;
      case 'or':
        return toBool(await this.evA(e.a)) || toBool(await this.evA(e.b)) ? 1 : 0;
      case 'cond':
        return toBool(await this.evA(e.c)) ? this.evA(e.a) : this.evA(e.b);
      case 'group':
        return this.evA(e.e);
      case 'ucall':
        return this.callUserA(e.name, e.args);
      case 'call':
        if (e.name === 'system' || e.name === 'close' || e.name === 'fflush') {
          const args: Value[] = [];
          for (const a of e.args) args.push(await this.evA(a));
          return this.host.ioCall(e.name, args.map((a) => this.str(a)));
        }
        break;
      default:
        break;
    }
    const kids = ioChildren(e);
    for (const k of kids) this.resolved.set(k, await this.evA(k));
    try {
      return this.ev(e);
    } finally {
      for (const k of kids) this.resolved.delete(k);
    }
  }

  private async getline(e: Expr & { k: 'getline' }): Promise<Value> {
    let rec: string | null;
    if (e.from === 'main') {
      rec = await this.host.nextMainRecord();
      if (rec === null) return 0;
      this.nr++;
      this.fnr++;
    } else {
      const name = this.str(await this.evA(e.src as Expr));
      const r = await this.host.readFrom(e.from, name);
      if (r === -1) return -1;
      rec = r;
      if (rec === null) return 0;
      if (e.from === 'cmd') this.nr++;
    }
    if (e.target === null) this.setRecord(rec);
    else this.assign(e.target, new StrNum(rec));
    return 1;
  }

  // ---- functions ----

  private bindArgs(fn: FuncDef, args: readonly Expr[], values: readonly Value[] | null): Slot[] {
    const frame: Slot[] = new Array<Slot>(fn.params.length).fill(undefined);
    if (args.length > fn.params.length) throw new AwkRuntimeError(`function \`${fn.name}' called with more arguments than declared`);
    args.forEach((a, i) => {
      if (fn.arrayParams[i] === true && (a.k === 'gvar' || a.k === 'lvar')) frame[i] = this.arrayOf(a);
      else if (a.k === 'gvar' && isArray(this.globals.get(a.name))) frame[i] = this.globals.get(a.name);
      else if (a.k === 'lvar' && isArray(this.frame[a.index])) frame[i] = this.frame[a.index];
      else frame[i] = values === null ? this.ev(a) : values[i];
    });
    return frame;
  }

  private enter(fn: FuncDef): void {
    if (++this.depth > CALL_DEPTH_MAX) throw new AwkRuntimeError(`function call nesting too deep in \`${fn.name}'`);
  }

  callUser(name: string, args: readonly Expr[]): Value {
    const fn = this.prog.funcs.get(name) as FuncDef;
    const frame = this.bindArgs(fn, args, null);
    const saved = this.frame;
    this.enter(fn);
    this.frame = frame;
    try {
      this.retVal = undefined;
      const code = this.exec(fn.body);
      if (code === Code.Next || code === Code.Exit || code === Code.NextFile) throw new Escape(code);
      return this.retVal;
    } finally {
      this.frame = saved;
      this.depth--;
    }
  }

  async callUserA(name: string, args: readonly Expr[]): Promise<Value> {
    const fn = this.prog.funcs.get(name) as FuncDef;
    const values: Value[] = [];
    for (const [i, a] of args.entries()) {
      values.push(fn.arrayParams[i] === true && (a.k === 'gvar' || a.k === 'lvar') ? undefined : await this.evA(a));
    }
    const frame = this.bindArgs(fn, args, values);
    const saved = this.frame;
    this.enter(fn);
    this.frame = frame;
    try {
      this.retVal = undefined;
      const code = await this.execA(fn.body);
      if (code === Code.Next || code === Code.Exit || code === Code.NextFile) throw new Escape(code);
      return this.retVal;
    } finally {
      this.frame = saved;
      this.depth--;
    }
  }

  // ---- statements ----

  exec(s: Stmt): Code {
    switch (s.k) {
      case 'expr':
        this.ev(s.e);
        return Code.Normal;
      case 'print':
      case 'printf':
        this.output(s, s.args.map((a) => this.ev(a)), s.redir === null ? null : this.str(this.ev(s.redir.dest)));
        return Code.Normal;
      case 'block':
        for (const st of s.body) {
          const c = this.exec(st);
          if (c !== Code.Normal) return c;
        }
        return Code.Normal;
      case 'if':
        if (toBool(this.ev(s.c))) return this.exec(s.t);
        return s.f === null ? Code.Normal : this.exec(s.f);
      case 'next':
        return Code.Next;
      case 'nextfile':
        return Code.NextFile;
      case 'exit':
        if (s.e !== null) this.exitCode = Math.trunc(toNum(this.ev(s.e))) & 0xff;
        return Code.Exit;
      case 'return':
        this.retVal = s.e === null ? undefined : this.ev(s.e);
        return Code.Return;
      case 'break':
        return Code.Break;
      case 'continue':
        return Code.Continue;
      case 'delete': {
        const arr = this.arrayOf(s.arr);
        if (s.subs === null) arr.clear();
        else arr.delete(this.key(s.subs));
        return Code.Normal;
      }
      default:
        throw new AwkRuntimeError('internal: loop run synchronously');
    }
  }

  private async tick(): Promise<void> {
    if (++this.ticks % YIELD_EVERY === 0) await this.host.yieldPoint();
  }

  async execA(s: Stmt): Promise<Code> {
    if (s.io !== true) return this.exec(s);
    switch (s.k) {
      case 'block':
        for (const st of s.body) {
          const c = st.io === true ? await this.execA(st) : this.exec(st);
          if (c !== Code.Normal) return c;
        }
        return Code.Normal;
      case 'if':
        if (toBool(await this.evA(s.c))) return this.execA(s.t);
        return s.f === null ? Code.Normal : this.execA(s.f);
      case 'while':
        while (toBool(s.c.io === true ? await this.evA(s.c) : this.ev(s.c))) {
          const c = s.body.io === true ? await this.execA(s.body) : this.exec(s.body);
          if (c === Code.Break) break;
          if (c !== Code.Normal && c !== Code.Continue) return c;
          await this.tick();
        }
        return Code.Normal;
      case 'do':
        do {
          const c = s.body.io === true ? await this.execA(s.body) : this.exec(s.body);
          if (c === Code.Break) break;
          if (c !== Code.Normal && c !== Code.Continue) return c;
          await this.tick();
        } while (toBool(s.c.io === true ? await this.evA(s.c) : this.ev(s.c)));
        return Code.Normal;
      case 'for':
        if (s.init !== null) await this.execA(s.init);
        while (s.c === null || toBool(s.c.io === true ? await this.evA(s.c) : this.ev(s.c))) {
          const c = s.body.io === true ? await this.execA(s.body) : this.exec(s.body);
          if (c === Code.Break) break;
          if (c !== Code.Normal && c !== Code.Continue) return c;
          if (s.step !== null) await this.execA(s.step);
          await this.tick();
        }
        return Code.Normal;
      case 'forin': {
        const arr = this.arrayOf(s.arr);
        for (const k of [...arr.keys()]) {
          if (!arr.has(k)) continue;
          this.assign(s.v, new StrNum(k));
          const c = s.body.io === true ? await this.execA(s.body) : this.exec(s.body);
          if (c === Code.Break) break;
          if (c !== Code.Normal && c !== Code.Continue) return c;
          await this.tick();
        }
        return Code.Normal;
      }
      case 'expr':
        await this.evA(s.e);
        return Code.Normal;
      case 'print':
      case 'printf': {
        const vals: Value[] = [];
        for (const a of s.args) vals.push(await this.evA(a));
        const dest = s.redir === null ? null : this.str(await this.evA(s.redir.dest));
        this.output(s, vals, dest);
        return Code.Normal;
      }
      case 'exit':
        if (s.e !== null) this.exitCode = Math.trunc(toNum(await this.evA(s.e))) & 0xff;
        return Code.Exit;
      case 'return':
        this.retVal = s.e === null ? undefined : await this.evA(s.e);
        return Code.Return;
      default:
        return this.exec(s);
    }
  }

  private output(s: Stmt & { k: 'print' | 'printf' }, vals: Value[], dest: string | null): void {
    let text: string;
    if (s.k === 'print') {
      text = vals.length === 0 ? this.record : vals.map((v) => this.outStr(v)).join(this.ofs);
      text += this.ors;
    } else text = this.host.format(this.str(vals[0]), vals.slice(1));
    this.host.write(text, s.redir === null ? null : { mode: s.redir.mode, name: dest ?? '' });
  }

  // ---- rules ----

  /** Run one rule kind's actions (BEGIN or END). */
  async runSpecial(kind: 'begin' | 'end'): Promise<Code> {
    for (const r of this.prog.rules) {
      if (r.kind !== kind || r.action === null) continue;
      const c = await this.runAction(r.action);
      if (c === Code.Exit) return c;
    }
    return Code.Normal;
  }

  private async runAction(action: Stmt): Promise<Code> {
    try {
      return action.io === true ? await this.execA(action) : this.exec(action);
    } catch (err) {
      if (err instanceof Escape) return err.code;
      throw err;
    }
  }

  private async test(p: Expr): Promise<boolean> {
    return toBool(p.io === true ? await this.evA(p) : this.ev(p));
  }

  /** Run the main rules over the current record. */
  async runMain(): Promise<Code> {
    const rules = this.prog.rules;
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i] as Rule;
      if (r.kind !== 'main') continue;
      let hit: boolean;
      if (r.pattern === null) hit = true;
      else if (r.pattern2 === null) hit = await this.test(r.pattern);
      else if (this.rangeActive[i] === true) {
        hit = true;
        if (await this.test(r.pattern2)) this.rangeActive[i] = false;
      } else if (await this.test(r.pattern)) {
        hit = true;
        this.rangeActive[i] = !(await this.test(r.pattern2));
      } else hit = false;
      if (!hit) continue;
      if (r.action === null) {
        this.host.write(this.record + this.ors, null);
        continue;
      }
      const c = await this.runAction(r.action);
      if (c === Code.Next || c === Code.Exit || c === Code.NextFile) return c;
    }
    return Code.Normal;
  }

  /** The main loop over input records, reading from `reader` while it answers without waiting. */
  async mainLoop(reader: () => RecordReader | null): Promise<Code> {
    for (;;) {
      const r = reader();
      if (r === null) return Code.Normal;
      const rec = r.take(this.rs);
      if (rec === NEED_MORE) {
        await this.host.yieldPoint();
        await r.fill();
        continue;
      }
      if (rec === null) {
        if (!(await this.host.advanceInput())) return Code.Normal;
        continue;
      }
      this.nr++;
      this.fnr++;
      this.setRecord(rec);
      const c = await this.runMain();
      if (c === Code.Exit) return c;
      if (c === Code.NextFile && !(await this.host.advanceInput())) return Code.Normal;
      await this.host.afterRecord();
    }
  }
}

/** A `next`, `exit` or `nextfile` inside a function travels up to the rule through this. */
class Escape extends Error {
  constructor(readonly code: Code) {
    super('escape');
  }
}

export function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new AwkRuntimeError('division by zero attempted', false, true);
      return a / b;
    case '%':
      if (b === 0) throw new AwkRuntimeError('division by zero attempted in `%\'', false, true);
      return a % b;
    case '^':
      return a ** b;
    default:
      throw new AwkRuntimeError(`internal: unknown operator ${op}`);
  }
}

/** Direct children of an expression that may wait, in evaluation order. */
function ioChildren(e: Expr): Expr[] {
  const out: Expr[] = [];
  const add = (x: Expr | null | undefined): void => {
    if (x?.io === true) out.push(x);
  };
  switch (e.k) {
    case 'field':
    case 'unary':
      add(e.e);
      break;
    case 'index':
    case 'in':
      for (const s of e.subs) add(s);
      break;
    case 'assign':
      if (e.target.k === 'field') add(e.target.e);
      if (e.target.k === 'index') for (const s of e.target.subs) add(s);
      add(e.e);
      break;
    case 'bin':
    case 'concat':
      add(e.a);
      add(e.b);
      break;
    case 'match':
      add(e.a);
      add(e.re);
      break;
    case 'incdec':
      if (e.target.k === 'field') add(e.target.e);
      if (e.target.k === 'index') for (const s of e.target.subs) add(s);
      break;
    case 'call':
      for (const a of e.args) add(a);
      break;
    default:
      break;
  }
  return out;
}
