/**
 * awk against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { awk } from './awk.js';

const files: Record<string, string> = {"pw": "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbob:x:1000:1000:Bob,,,:/home/bob:/bin/zsh\n", "t": "start\na\nb\nend\nc\nstart\nd\nend\n", "sp": "a  \nb\t\n\nc\n", "ph": "555-1234\n12-34\n999-0000x\n", "csv": "name,age\nann,30\nbob,25\ncid,35\n"};

const cases: GnuCase[] = [
  { argv: ["awk", "-F:", "{print $1}", "pw"], stdin: null, stdout: "root\ndaemon\nbob\n", stderr: "", status: 0 },
  { argv: ["awk", "-F:", "$3 >= 1000 {print $1, $7}", "pw"], stdin: null, stdout: "bob /bin/zsh\n", stderr: "", status: 0 },
  { argv: ["awk", "NR>1", "csv"], stdin: null, stdout: "ann,30\nbob,25\ncid,35\n", stderr: "", status: 0 },
  { argv: ["awk", "-F,", "NR>1 {s+=$2} END {print s/(NR-1)}", "csv"], stdin: null, stdout: "30\n", stderr: "", status: 0 },
  { argv: ["awk", "{$1=\"\"; print}"], stdin: "a b c\n", stdout: " b c\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{OFS=\",\"} {print $1,$2}"], stdin: "a b\n", stdout: "a,b\n", stderr: "", status: 0 },
  { argv: ["awk", "length($0) > 3", "pw"], stdin: null, stdout: "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbob:x:1000:1000:Bob,,,:/home/bob:/bin/zsh\n", stderr: "", status: 0 },
  { argv: ["awk", "$0 ~ \"r.ot\"", "pw"], stdin: null, stdout: "root:x:0:0:root:/root:/bin/bash\n", stderr: "", status: 0 },
  { argv: ["awk", "{n=split($0, a, \"\"); print n, a[1], a[n]}"], stdin: "hello\n", stdout: "5 h o\n", stderr: "", status: 0 },
  { argv: ["awk", "{printf \"%-10s|%5.1f|\\n\", $1, $2}"], stdin: "ab 3.14159\n", stdout: "ab        |  3.1|\n", stderr: "", status: 0 },
  { argv: ["awk", "{print substr($0, index($0,\"b\"))}"], stdin: "aabcc\n", stdout: "bcc\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{x = 1 2; print x, x+1}"], stdin: null, stdout: "12 13\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print 1 \" \" 2, 1+2 \"x\"}"], stdin: null, stdout: "1 2 3x\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{a = \"10\"; b = 9; print (a > b)}"], stdin: null, stdout: "0\n", stderr: "", status: 0 },
  { argv: ["awk", "{print ($1 > $2)}"], stdin: "10 9\n", stdout: "1\n", stderr: "", status: 0 },
  { argv: ["awk", "{ print NR \": \" $0 }", "sp"], stdin: null, stdout: "1: a  \n2: b\t\n3: \n4: c\n", stderr: "", status: 0 },
  { argv: ["awk", "END { print NR }", "sp"], stdin: null, stdout: "4\n", stderr: "", status: 0 },
  { argv: ["awk", "-F,", "{ print $NF }", "csv"], stdin: null, stdout: "age\n30\n25\n35\n", stderr: "", status: 0 },
  { argv: ["awk", "{ sum[$1] += $2 } END { n = asorti(sum, k); for (i = 1; i <= n; i++) print k[i], sum[k[i]] }"], stdin: "b 1\na 2\nb 3\n", stdout: "a 2\nb 4\n", stderr: "", status: 0 },
  { argv: ["awk", "{ print toupper($0) }"], stdin: "abc\n", stdout: "ABC\n", stderr: "", status: 0 },
  { argv: ["awk", "/start/,/end/", "t"], stdin: null, stdout: "start\na\nb\nend\nstart\nd\nend\n", stderr: "", status: 0 },
  { argv: ["awk", "/start/{f=1;next} /end/{f=0} f", "t"], stdin: null, stdout: "a\nb\nd\n", stderr: "", status: 0 },
  { argv: ["awk", "{ a[NR]=$0 } END { print a[1], a[NR] }", "t"], stdin: null, stdout: "start end\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{printf \"%d%%\\n\", 50}"], stdin: null, stdout: "50%\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print index(\"hello\", \"l\"), length(\"\")}"], stdin: null, stdout: "3 0\n", stderr: "", status: 0 },
  { argv: ["awk", "{print $2}", "FS=,", "csv"], stdin: null, stdout: "age\n30\n25\n35\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN { s = \"a b c\"; gsub(\" \", \"_\", s); print s }"], stdin: null, stdout: "a_b_c\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN { print substr(\"hello\", 3) }"], stdin: null, stdout: "llo\n", stderr: "", status: 0 },
  { argv: ["awk", "{ $3 = $1 + $2 } 1"], stdin: "1 2\n3 4\n", stdout: "1 2 3\n3 4 7\n", stderr: "", status: 0 },
  { argv: ["awk", "NF"], stdin: "a\n\nb\n", stdout: "a\nb\n", stderr: "", status: 0 },
  { argv: ["awk", "!seen[$0]++"], stdin: "a\nb\na\nc\nb\n", stdout: "a\nb\nc\n", stderr: "", status: 0 },
  { argv: ["awk", "{print; print \"---\"}"], stdin: "x\n", stdout: "x\n---\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{printf \"%s\\n\", 1e300*1e300}"], stdin: null, stdout: "+inf\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print int(3.9), int(-3.9), 7/2}"], stdin: null, stdout: "3 -3 3.5\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print \"a\" > \"/dev/stderr\"}"], stdin: null, stdout: "", stderr: "a\n", status: 0 },
  { argv: ["awk", "BEGIN{getline line < \"nofile\"; print \"r\"}"], stdin: null, stdout: "r\n", stderr: "", status: 0 },
  { argv: ["awk", "{print $1}", "nofile"], stdin: null, stdout: "", stderr: "awk: fatal: cannot open file `nofile' for reading: No such file or directory\n", status: 2 },
  { argv: ["awk", "-v", "OFS=-", "{$1=$1}1"], stdin: "a b\n", stdout: "a-b\n", stderr: "", status: 0 },
];

describe('awk matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(awk, files, c));
  }
});
