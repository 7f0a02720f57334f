/**
 * awk against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { awk } from './awk.js';

const files: Record<string, string> = {"f": "a1 10\nb2 20\na3 30\n", "c.csv": "x,1\ny,2\nx,3\n", "p": "l1\nl2\n\n\nl3\nl4\n"};

const cases: GnuCase[] = [
  { argv: ["awk", "BEGIN{n=split(\"\", arr); print n}"], stdin: null, stdout: "0\n", stderr: "", status: 0 },
  { argv: ["awk", "{print length}"], stdin: "hello\n", stdout: "5\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN { print 1==1.0, \"a\" < \"b\", 2 < 10, \"2\" < \"10\" }"], stdin: null, stdout: "1 1 1 0\n", stderr: "", status: 0 },
  { argv: ["awk", "{print $1 > $2}"], stdin: "1 2\n", stdout: "", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print -2^2, 2^3^2, !0, !\"\", !\"a\"}"], stdin: null, stdout: "-4 512 1 1 0\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{x = \"3.0\"; if (x == 3) print \"eq\"; else print \"ne\"}"], stdin: null, stdout: "ne\n", stderr: "", status: 0 },
  { argv: ["awk", "{if ($1 == 3) print \"eq\"; else print \"ne\"}"], stdin: "3.0\n", stdout: "eq\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{printf \"%c%c\\n\", \"hello\", 256}"], stdin: null, stdout: "hĀ\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print substr(\"hello\", 1.5, 2.3)}"], stdin: null, stdout: "he\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN { getline; print \"got:\" $0 }"], stdin: "line1\nline2\n", stdout: "got:line1\n", stderr: "", status: 0 },
  { argv: ["awk", "{ a[NR] = $0 } END { for (i = NR; i > 0; i--) print a[i] }", "f"], stdin: null, stdout: "a3 30\nb2 20\na1 10\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print 100000 * 100000, 0.000001, 123456789012}"], stdin: null, stdout: "10000000000 1e-06 123456789012\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{printf \"%i %o %X %u %5.1e %G\\n\", 42.9, 8, 255, -1, 1234.5, 0.00001}"], stdin: null, stdout: "42 10 FF 18446744073709551615 1.2e+03 1E-05\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{x[\"a\"]=1;x[\"b\"]=2; n=asorti(x, y); print n, y[1], y[2]}"], stdin: null, stdout: "2 a b\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print gensub(/(a)(b)/, \"\\\\2\\\\1\", \"g\", \"abab\")}"], stdin: null, stdout: "baba\n", stderr: "", status: 0 },
  { argv: ["awk", "{print toupper(substr($0,1,1)) substr($0,2)}"], stdin: "hello world\n", stdout: "Hello world\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{RS=\";\"}{print NR, $0}"], stdin: "a;b;c", stdout: "1 a\n2 b\n3 c\n", stderr: "", status: 0 },
  { argv: ["awk", "END{print $0}", "f"], stdin: null, stdout: "a3 30\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{printf \"%s\"}"], stdin: null, stdout: "", stderr: "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s'\n\t ^ ran out for this one\n", status: 2 },
  { argv: ["awk", "{print $(NF-1)}"], stdin: "a b c\n", stdout: "b\n", stderr: "", status: 0 },
  { argv: ["awk", "{$5=\"e\"; print; print NF}"], stdin: "a b\n", stdout: "a b   e\n5\n", stderr: "", status: 0 },
];

describe('awk matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(awk, files, c));
  }
});
