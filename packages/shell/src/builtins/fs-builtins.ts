/**
 * The file and system builtins by command name. The interpreter merges this registry with its own special
 * builtins and the text tools; names here never shadow the interpreter's (true, echo, printf, test, cd, pwd…).
 */
import { basename } from './basename/basename.js';
import { cat } from './cat/cat.js';
import { chmod } from './chmod/chmod.js';
import { cp } from './cp/cp.js';
import { curl } from './curl/curl.js';
import { date } from './date/date.js';
import { df } from './df/df.js';
import { dirname } from './dirname/dirname.js';
import { du } from './du/du.js';
import { env } from './env/env.js';
import { file } from './file/file.js';
import { find } from './find/find.js';
import { gunzip, gzip, zcat } from './gzip/gzip.js';
import { hostname } from './hostname/hostname.js';
import { id } from './id/id.js';
import { ln } from './ln/ln.js';
import { ls } from './ls/ls.js';
import { mkdir } from './mkdir/mkdir.js';
import { mktemp } from './mktemp/mktemp.js';
import { mv } from './mv/mv.js';
import { nproc } from './nproc/nproc.js';
import { printenv } from './printenv/printenv.js';
import { readlink } from './readlink/readlink.js';
import { realpath } from './realpath/realpath.js';
import { rm } from './rm/rm.js';
import { rmdir } from './rmdir/rmdir.js';
import { sleep } from './sleep/sleep.js';
import { split } from './split/split.js';
import { stat } from './stat/stat.js';
import { tar } from './tar/tar.js';
import { timeout } from './timeout/timeout.js';
import { touch } from './touch/touch.js';
import { uname } from './uname/uname.js';
import { unzip } from './unzip/unzip.js';
import { which } from './which/which.js';
import { whoami } from './whoami/whoami.js';
import { xargs } from './xargs/xargs.js';
import { zip } from './zip/zip.js';
import { cmp } from './cmp/cmp.js';
import { expr } from './expr/expr.js';
import type { Builtin } from './types.js';

export const fsBuiltins: Record<string, Builtin> = {
  basename,
  cat,
  chmod,
  cmp,
  cp,
  curl,
  date,
  df,
  dirname,
  du,
  env,
  expr,
  file,
  find,
  gunzip,
  gzip,
  hostname,
  id,
  ln,
  ls,
  mkdir,
  mktemp,
  mv,
  nproc,
  printenv,
  readlink,
  realpath,
  rm,
  rmdir,
  sleep,
  split,
  stat,
  tar,
  timeout,
  touch,
  uname,
  unzip,
  which,
  whoami,
  xargs,
  zcat,
  zip,
};
