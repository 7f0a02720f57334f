/**
 * awk against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { awk } from './awk.js';

const files: Record<string, string> = {"f": "a b\nc d\n"};

const cases: GnuCase[] = [
  { argv: ["awk", "{print $-1}"], stdin: "x y\n", stdout: "", stderr: "awk: cmd. line:1: (FILENAME=- FNR=1) fatal: attempt to access field -1\n", status: 2 },
  { argv: ["awk", "BEGIN{a[1]=1; print a}"], stdin: "x y\n", stdout: "", stderr: "awk: cmd. line:1: fatal: attempt to use array `a' in a scalar context\n", status: 2 },
  { argv: ["awk", "function f(a){a[1]=1} BEGIN{f(x); print x[1]}"], stdin: "x y\n", stdout: "1\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{x=1; x[1]=2}"], stdin: "x y\n", stdout: "", stderr: "awk: cmd. line:1: fatal: attempt to use scalar `x' as an array\n", status: 2 },
  { argv: ["awk", "{print $(1/0)}"], stdin: "x y\n", stdout: "", stderr: "awk: cmd. line:1: error: division by zero attempted\n", status: 1 },
  { argv: ["awk", "BEGIN{printf \"%*d|\\n\", 5, 3}"], stdin: "x y\n", stdout: "    3|\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN { getline x < \"/\" ; print \"ok\" }"], stdin: "x y\n", stdout: "ok\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN{print substr(\"abc\", \"x\")}"], stdin: "x y\n", stdout: "abc\n", stderr: "", status: 0 },
  { argv: ["awk", "{ nextfile; print \"no\" } END{print NR}", "f", "f"], stdin: "x y\n", stdout: "2\n", stderr: "", status: 0 },
  { argv: ["awk", "BEGIN { RS=\"x+\" } { print \"[\" $0 \"]\" }"], stdin: "axxbxc", stdout: "[a]\n[b]\n[c]\n", stderr: "", status: 0 },
  { argv: ["awk", "{print NF; NF=5; print; print NF}"], stdin: "x y\n", stdout: "2\nx y   \n5\n", stderr: "", status: 0 },
];

describe('awk matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(awk, files, c));
  }
});
