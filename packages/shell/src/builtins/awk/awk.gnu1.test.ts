/**
 * awk against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { awk } from './awk.js';

const files: Record<string, string> = {"f": "a1 10\nb2 20\na3 30\n", "c.csv": "x,1\ny,2\nx,3\n", "p": "l1\nl2\n\n\nl3\nl4\n"};

const cases: GnuCase[] = [
  { argv: ["awk", "{print $1}", "f"], stdin: null, stdout: "a1\nb2\na3\n", stderr: "", status: 0 },
  { argv: ["awk", "{s+=$2} END {print s}", "f"], stdin: null, stdout: "60\n", stderr: "", status: 0 },
  { argv: ["awk", "-F,", "{a[$1]+=$2} END {for (k in a) print k, a[k]}", "c.csv"], stdin: null, stdout: "x 4\ny 2\n", stderr: "", status: 0 },
  { argv: ["awk", "NR==2", "f"], stdin: null, stdout: "b2 20\n", stderr: "", status: 0 },
  { argv: ["awk", "/a/{print NR\": \"$0}", "f"], stdin: null, stdout: "1: a1 10\n3: a3 30\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN { printf \"%5.2f|%-5d|%x|%c|%s|%e|%g\\n\", 3.14159, 42, 255, 65, \"hi\", 12345.678, 0.0001234 }"], stdin: null, stdout: " 3.14|42   |ff|A|hi|1.234568e+04|0.0001234\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print 1e6, 1e16, 0.1+0.2, 100000000000000000000, -0, 1/3}"], stdin: null, stdout: "1000000 10000000000000000 0.3 100000000000000000000 0 0.333333\n", stderr: "", status: 0 },
  { argv: ["awk", "{print $1 $2, $1+$2; $3=\"x\"; print; print NF}"], stdin: "3 4\n", stdout: "34 7\n3 4 x\n3\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print substr(\"hello\",2,3), substr(\"hello\",0), substr(\"hello\",-1,3), index(\"abc\",\"c\"), toupper(\"x\")}"], stdin: null, stdout: "ell hello hel 3 X\n", stderr: "", status: 0 },
  { argv: ["awk", "{$2=\"\"; print; NF=2; print; print NF}"], stdin: "a b c\n", stdout: "a  c\na \n2\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{x[\"a\"]=1; delete x[\"a\"]; print length(x); n=split(\"a:b:c\",p,\":\"); print n, p[3]}"], stdin: null, stdout: "0\n3 c\n", stderr: "", status: 0 },
  { argv: ["awk", "{gsub(/x*/,\"-\"); print}"], stdin: "abc\n", stdout: "-a-b-c-\n", stderr: "", status: 0 },
  { argv: ["awk", "{sub(/b/,\"[&]\"); print}"], stdin: "abc\n", stdout: "a[b]c\n", stderr: "", status: 0 },
  { argv: ["awk", "{gsub(/b/,\"\\\\&\"); print}"], stdin: "abc\n", stdout: "a&c\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print match(\"foobar\", /o+/), RSTART, RLENGTH}"], stdin: null, stdout: "2 2 2\n", stderr: "", status: 0 },
  { argv: ["awk", "function f(n) { return n<=1 ? 1 : n*f(n-1) } BEGIN { print f(10) }"], stdin: null, stdout: "3628800\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{while(i<3){i++; print i}}"], stdin: null, stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{for(i=0;i<3;i++) s = s i; print s}"], stdin: null, stdout: "012\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{do{k++}while(k<5); print k}"], stdin: null, stdout: "5\n", stderr: "", status: 0 },
  { argv: ["awk", "-v", "x=5", "BEGIN{print x+1}"], stdin: null, stdout: "6\n", stderr: "", status: 0 },
  { argv: ["awk", "{print x}", "x=7", "f"], stdin: null, stdout: "7\n7\n7\n", stderr: "", status: 0 },
  { argv: ["awk", "END{print NR}", "f", "f"], stdin: null, stdout: "6\n", stderr: "", status: 0 },
  { argv: ["awk", "{print FILENAME, FNR}", "f", "c.csv"], stdin: null, stdout: "f 1\nf 2\nf 3\nc.csv 1\nc.csv 2\nc.csv 3\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{RS=\"\"}{print NR\": \"$0}", "p"], stdin: null, stdout: "1: l1\nl2\n2: l3\nl4\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{OFS=\"-\"}{$1=$1; print}"], stdin: "a b c\n", stdout: "a-b-c\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{ORS=\"|\"}{print}"], stdin: "a\nb\n", stdout: "a|b|", stderr: "", status: 0 },
  { argv: ["awk", "$2>15", "f"], stdin: null, stdout: "b2 20\na3 30\n", stderr: "", status: 0 },
  { argv: ["awk", "$1==\"b2\"{print \"yes\"}", "f"], stdin: null, stdout: "yes\n", stderr: "", status: 0 },
  { argv: ["awk", "/a1/,/b2/", "f"], stdin: null, stdout: "a1 10\nb2 20\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{if (\"10\" < \"9\") print \"str\"; else print \"num\"}"], stdin: null, stdout: "str\n", stderr: "", status: 0 },
  { argv: ["awk", "{if ($1 < $2) print \"lt\"; else print \"ge\"}"], stdin: "10 9\n", stdout: "ge\n", stderr: "", status: 0 },
  { argv: ["awk", "{print ($1 < $2)}"], stdin: "abc abd\n", stdout: "1\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{x; print (x == 0), (x == \"\")}"], stdin: null, stdout: "1 1\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print length(\"héllo\")}"], stdin: null, stdout: "5\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{while ((getline line < \"f\") > 0) n++; print n}"], stdin: null, stdout: "3\n", stderr: "", status: 0 },
  { argv: ["awk", "{getline; print}", "f"], stdin: null, stdout: "b2 20\na3 30\n", stderr: "", status: 0 },
  { argv: ["awk", "NR==1{getline x; print x}", "f"], stdin: null, stdout: "b2 20\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print 2^10, 2**3, 7%3, -7%3, int(-3.7), int(\"4x\")}"], stdin: null, stdout: "1024 8 1 -1 -3 4\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{printf(\"%d %s\\n\", \"3abc\", 3.0)}"], stdin: null, stdout: "3 3\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{CONVFMT=\"%.2g\"; x=3.14159; y=x \"\"; print y}"], stdin: null, stdout: "3.1\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{OFMT=\"%.2f\"; print 3.14159}"], stdin: null, stdout: "3.14\n", stderr: "", status: 0 },
  { argv: ["awk", "{print NF, $NF}"], stdin: "a b  c\n", stdout: "3 c\n", stderr: "", status: 0 },
  { argv: ["awk", "-F", "\\t", "{print $2}"], stdin: "a\tb\n", stdout: "b\n", stderr: "", status: 0 },
  { argv: ["awk", "-F", ":", "{print $2}"], stdin: "a:b:c\n", stdout: "b\n", stderr: "", status: 0 },
  { argv: ["awk", "-F", "[:;]", "{print $3}"], stdin: "a:b;c\n", stdout: "c\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{FS=\",\"} {print $2}", "c.csv"], stdin: null, stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { argv: ["awk", "{ print > \"out.txt\" } END { close(\"out.txt\"); while ((getline l < \"out.txt\") > 0) print \"got\", l }", "f"], stdin: null, stdout: "got a1 10\ngot b2 20\ngot a3 30\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{printf \"%s %s\\n\", \"a\"}"], stdin: null, stdout: "", stderr: "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s %s\n'\n\t    ^ ran out for this one\n", status: 2 },
  { argv: ["awk", "BEGIN{print substr(\"abc\", 2)}"], stdin: null, stdout: "bc\n", stderr: "", status: 0 },
  { argv: ["awk", "{print; next; print \"no\"}"], stdin: "x\n", stdout: "x\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{exit 3} END{print \"end\"}"], stdin: null, stdout: "end\n", stderr: "", status: 3 },
  { argv: ["awk", "{exit} END{print \"e\", NR}", "f"], stdin: null, stdout: "e 1\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN { x = }"], stdin: null, stdout: "", stderr: "awk: cmd. line:1: BEGIN { x = }\nawk: cmd. line:1:             ^ syntax error\n", status: 1 },
  { argv: ["awk", "BEGIN{a[\"x\"]; if (\"x\" in a) print \"in\"; if (!(\"y\" in a)) print \"out\"}"], stdin: null, stdout: "in\nout\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{a[1,2]=3; for (k in a) {split(k,p,SUBSEP); print p[1], p[2]}}"], stdin: null, stdout: "1 2\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{s=\"a.b.c\"; n=gsub(/\\./,\"-\",s); print n, s}"], stdin: null, stdout: "2 a-b-c\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print tolower(\"ABC\") toupper(\"def\")}"], stdin: null, stdout: "abcDEF\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print sprintf(\"%03d|%+d|% d|%5s|%-5s|%.3s\", 7, 5, 5, \"ab\", \"ab\", \"abcdef\")}"], stdin: null, stdout: "007|+5| 5|   ab|ab   |abc\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print index(\"foo\",\"\")}"], stdin: null, stdout: "1\n", stderr: "", status: 0 },
  { argv: ["awk", "{ $0 = \"x y\"; print $2 }"], stdin: "a\n", stdout: "y\n", stderr: "", status: 0 },
];

describe('awk matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(awk, files, c));
  }
});
