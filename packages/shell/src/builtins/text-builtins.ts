/**
 * The text-processing builtins of the shell, by command name. Each is a streaming `Builtin` that reads its
 * inputs through `ctx.sys` and `ctx.stdin` and writes `ctx.stdout`.
 */
import { awk } from './awk/awk.js';
import { base64 } from './base64/base64.js';
import { bc } from './bc/bc.js';
import { comm } from './comm/comm.js';
import { cut } from './cut/cut.js';
import { diff } from './diff/diff.js';
import { fold } from './fold/fold.js';
import { grep } from './grep/grep.js';
import { head } from './head/head.js';
import { join } from './join/join.js';
import { jq } from './jq/jq.js';
import { nl } from './nl/nl.js';
import { paste } from './paste/paste.js';
import { rev } from './rev/rev.js';
import { sed } from './sed/sed.js';
import { seq } from './seq/seq.js';
import { md5sum, sha1sum, sha256sum, sha512sum } from './sha256sum/sha256sum.js';
import { shuf } from './shuf/shuf.js';
import { sort } from './sort/sort.js';
import { tac } from './tac/tac.js';
import { tail } from './tail/tail.js';
import { tee } from './tee/tee.js';
import { tr } from './tr/tr.js';
import type { Builtin } from './types.js';
import { uniq } from './uniq/uniq.js';
import { wc } from './wc/wc.js';
import { yes } from './yes/yes.js';

const egrep: Builtin = (ctx) => grep({ ...ctx, argv: ['grep', '-E', ...ctx.argv.slice(1)] });
const fgrep: Builtin = (ctx) => grep({ ...ctx, argv: ['grep', '-F', ...ctx.argv.slice(1)] });

export const textBuiltins: Record<string, Builtin> = {
  awk,
  base64,
  bc,
  comm,
  cut,
  diff,
  egrep,
  fgrep,
  fold,
  gawk: awk,
  grep,
  head,
  join,
  jq,
  md5sum,
  nl,
  paste,
  rev,
  sed,
  seq,
  sha1sum,
  sha256sum,
  sha512sum,
  shuf,
  sort,
  tac,
  tail,
  tee,
  tr,
  uniq,
  wc,
  yes,
};
