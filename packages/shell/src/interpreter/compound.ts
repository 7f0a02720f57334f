/**
 * Compound commands: groups, subshells, if, while/until, both for loops, case, (( )) and [[ ]]. Loop control
 * (break/continue N) arrives as thrown signals that each loop level counts down.
 */
import { printWord } from '../ast/print.js';
import type { CompoundCommand, Script } from '../ast/types.js';
import { fnmatch } from '../pattern/fnmatch.js';
import { evalCond } from './cond.js';
import { BreakSignal, ContinueSignal, ShellError } from './control.js';
import { expandPattern, expandString, expandWords } from './expand.js';
import type { Fds, Interpreter } from './interpreter.js';
import { traceLine } from './simple-command.js';
import { setScalar } from './vars.js';

export async function execBody(it: Interpreter, cmd: CompoundCommand, fds: Fds): Promise<number> {
  const b = cmd.body;
  switch (b.k) {
    case 'group':
      return it.runScript(b.body, fds);
    case 'subshell':
      await it.tick();
      return it.observe('subshell', () => it.fork().runSubshell(b.body, fds));
    case 'if': {
      for (const c of b.clauses) {
        if ((await it.condition(c.cond, fds)) === 0) return it.runScript(c.body, fds);
      }
      return b.elseBody === null ? 0 : it.runScript(b.elseBody, fds);
    }
    case 'while':
      return loop(it, fds, async () => ((await it.condition(b.cond, fds)) === 0) !== b.until, b.body);
    case 'for': {
      const words = b.words === null ? it.st.positional.slice() : await expandWords(it, b.words);
      let i = 0;
      // xtrace shows the loop's source text at each iteration.
      const header = `for ${b.name} in ${b.words === null ? '"$@"' : b.words.map(printWord).join(' ')}`;
      return loop(it, 
        fds,
        async () => {
          await it.tick();
          if (i >= words.length) return false;
          if (it.st.opts.xtrace) await traceLine(it, fds, header);
          setScalar(it.st, b.name, words[i++] ?? '', it.intEval);
          return true;
        },
        b.body,
      );
    }
    case 'cfor': {
      const arith = async (w: NonNullable<typeof b.init>): Promise<bigint> => {
        const text = await expandString(it, w);
        if (it.st.opts.xtrace) await traceLine(it, fds, `(( ${text.trim()} ))`);
        return it.arith(text);
      };
      if (b.init !== null) await arith(b.init);
      let first = true;
      return loop(it, 
        fds,
        async () => {
          await it.tick();
          if (!first && b.step !== null) await arith(b.step);
          first = false;
          return b.cond === null || (await arith(b.cond)) !== 0n;
        },
        b.body,
      );
    }
    case 'case':
      return execCase(it, b, fds);
    case 'arith': {
      await it.tick();
      try {
        const text = await expandString(it, b.expr);
        if (it.st.opts.xtrace) await traceLine(it, fds, `(( ${text} ))`);
        const v = it.arith(text);
        return v !== 0n ? 0 : 1;
      } catch (e) {
        if (e instanceof ShellError) {
          await it.err(`((: ${e.message}`, fds);
          return 1;
        }
        throw e;
      }
    }
    case 'cond':
      await it.tick();
      try {
        return (await evalCond(it, b.expr)) ? 0 : 1;
      } catch (e) {
        if (e instanceof ShellError && !e.fatal) {
          await it.err(e.message, fds);
          return 2;
        }
        throw e;
      }
  }
}


async function loop(it: Interpreter, fds: Fds, next: () => Promise<boolean>, body: Script): Promise<number> {
  let status = 0;
  it.loopDepth++;
  try {
    while (await next()) {
      try {
        status = await it.runScript(body, fds);
      } catch (e) {
        if (e instanceof BreakSignal) {
          if (--e.n > 0) throw e;
          break;
        }
        if (e instanceof ContinueSignal) {
          if (--e.n > 0) throw e;
          continue;
        }
        throw e;
      }
    }
  } finally {
    it.loopDepth--;
  }
  it.st.status = status;
  return status;
}

async function execCase(it: Interpreter, b: Extract<CompoundCommand['body'], { k: 'case' }>, fds: Fds): Promise<number> {
  await it.tick();
  if (it.st.opts.xtrace) await traceLine(it, fds, `case ${printWord(b.word)} in`);
  const word = await expandString(it, b.word);
  let status = 0;
  let fall = false;
  for (let i = 0; i < b.arms.length; i++) {
    const arm = b.arms[i];
    if (arm === undefined) break;
    let hit = fall;
    if (!hit) {
      for (const pw of arm.patterns) {
        const pat = await expandPattern(it, pw);
        if (fnmatch(pat, word, { casefold: it.st.shopts.nocasematch })) {
          hit = true;
          break;
        }
      }
    }
    if (!hit) continue;
    status = await it.runScript(arm.body, fds);
    if (arm.term === ';;') return status;
    fall = arm.term === ';&';
  }
  return status;
}
