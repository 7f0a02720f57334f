/**
 * sed against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { sed } from './sed.js';

const files: Record<string, string> = {"pw": "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbob:x:1000:1000:Bob,,,:/home/bob:/bin/zsh\n", "t": "start\na\nb\nend\nc\nstart\nd\nend\n", "sp": "a  \nb\t\n\nc\n", "ph": "555-1234\n12-34\n999-0000x\n", "csv": "name,age\nann,30\nbob,25\ncid,35\n"};

const cases: GnuCase[] = [
  { argv: ["sed", "-n", "1~2p", "t"], stdin: null, stdout: "start\nb\nc\nd\n", stderr: "", status: 0 },
  { argv: ["sed", "/^$/d", "sp"], stdin: null, stdout: "a  \nb\t\nc\n", stderr: "", status: 0 },
  { argv: ["sed", "s/[[:space:]]*$//", "sp"], stdin: null, stdout: "a\nb\n\nc\n", stderr: "", status: 0 },
  { argv: ["sed", "-E", "s/(foo|bar)/[\\1]/g"], stdin: "foo bar baz\n", stdout: "[foo] [bar] baz\n", stderr: "", status: 0 },
  { argv: ["sed", "1i header", "csv"], stdin: null, stdout: "header\nname,age\nann,30\nbob,25\ncid,35\n", stderr: "", status: 0 },
  { argv: ["sed", "$a footer", "csv"], stdin: null, stdout: "name,age\nann,30\nbob,25\ncid,35\nfooter\n", stderr: "", status: 0 },
  { argv: ["sed", "-e", ":a", "-e", "$!N;s/\\n//;ta", "csv"], stdin: null, stdout: "name,ageann,30bob,25cid,35\n", stderr: "", status: 0 },
  { argv: ["sed", "2,$s/^/  /", "csv"], stdin: null, stdout: "name,age\n  ann,30\n  bob,25\n  cid,35\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "/start/,/end/{//!p}", "t"], stdin: null, stdout: "a\nb\nd\n", stderr: "", status: 0 },
  { argv: ["sed", "s/a/b/;s/c/d/"], stdin: "ac\n", stdout: "bd\n", stderr: "", status: 0 },
  { argv: ["sed", "y/abc/ABC/"], stdin: "aabbcc\n", stdout: "AABBCC\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "/ann/{n;p}", "csv"], stdin: null, stdout: "bob,25\n", stderr: "", status: 0 },
  { argv: ["sed", "s/,/\\t/g", "csv"], stdin: null, stdout: "name\tage\nann\t30\nbob\t25\ncid\t35\n", stderr: "", status: 0 },
  { argv: ["sed", "s/\\(^\\|,\\)a/\\1X/g"], stdin: "a,ab,ba\n", stdout: "X,Xb,ba\n", stderr: "", status: 0 },
  { argv: ["sed", "-E", "s/^(.)(.*)$/\\2\\1/", "csv"], stdin: null, stdout: "ame,agen\nnn,30a\nob,25b\nid,35c\n", stderr: "", status: 0 },
  { argv: ["sed", "s/.*/\\U&/", "csv"], stdin: null, stdout: "NAME,AGE\nANN,30\nBOB,25\nCID,35\n", stderr: "", status: 0 },
  { argv: ["sed", "s/\\b./\\u&/g"], stdin: "hello big world\n", stdout: "Hello Big World\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "$=", "pw"], stdin: null, stdout: "3\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "/bob/=", "pw"], stdin: null, stdout: "3\n", stderr: "", status: 0 },
  { argv: ["sed", "s#/#|#g", "pw"], stdin: null, stdout: "root:x:0:0:root:|root:|bin|bash\ndaemon:x:1:1:daemon:|usr|sbin:|usr|sbin|nologin\nbob:x:1000:1000:Bob,,,:|home|bob:|bin|zsh\n", stderr: "", status: 0 },
  { argv: ["sed", "3q", "pw"], stdin: null, stdout: "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbob:x:1000:1000:Bob,,,:/home/bob:/bin/zsh\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "2{p;q}", "pw"], stdin: null, stdout: "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n", stderr: "", status: 0 },
  { argv: ["sed", "/^root/!d", "pw"], stdin: null, stdout: "root:x:0:0:root:/root:/bin/bash\n", stderr: "", status: 0 },
  { argv: ["sed", "s/x/y/w /dev/stdout", "pw"], stdin: null, stdout: "root:y:0:0:root:/root:/bin/bash\nroot:y:0:0:root:/root:/bin/bash\ndaemon:y:1:1:daemon:/usr/sbin:/usr/sbin/nologin\ndaemon:y:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbob:y:1000:1000:Bob,,,:/home/bob:/bin/zsh\nbob:y:1000:1000:Bob,,,:/home/bob:/bin/zsh\n", stderr: "", status: 0 },
];

describe('sed matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(sed, files, c));
  }
});
