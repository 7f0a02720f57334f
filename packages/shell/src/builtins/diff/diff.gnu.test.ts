/**
 * diff against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { diff } from './diff.js';

const files: Record<string, string> = {"c1": "a\nb\nd\n", "c2": "b\nc\nd\n", "j1": "1 a\n2 b\n", "j2": "1 x\n3 y\n", "p1": "1\n2\n", "p2": "x\ny\nz\n", "d1": "a\nb\nc\nd\n", "d2": "a\nx\nc\nd\ne\n", "n1": "a", "n2": "b", "e1": "x\n", "e2": "", "r1/f": "1\n", "r2/f": "2\n", "r1/only": "x\n", "h1": "ab", "sums": "fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603  h1\n", "big": "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\nline 16\nline 17\nline 18\nline 19\nline 20\nline 21\nline 22\nline 23\nline 24\nline 25\nline 26\nline 27\nline 28\nline 29\n"};

const cases: GnuCase[] = [
  { argv: ["diff", "d1", "d2"], stdin: null, stdout: "2c2\n< b\n---\n> x\n4a5\n> e\n", stderr: "", status: 1 },
  { argv: ["diff", "n1", "n2"], stdin: null, stdout: "1c1\n< a\n\\ No newline at end of file\n---\n> b\n\\ No newline at end of file\n", stderr: "", status: 1 },
  { argv: ["diff", "e1", "e2"], stdin: null, stdout: "1d0\n< x\n", stderr: "", status: 1 },
  { argv: ["diff", "e2", "e1"], stdin: null, stdout: "0a1\n> x\n", stderr: "", status: 1 },
  { argv: ["diff", "-q", "d1", "d2"], stdin: null, stdout: "Files d1 and d2 differ\n", stderr: "", status: 1 },
  { argv: ["diff", "d1", "nofile"], stdin: null, stdout: "", stderr: "diff: nofile: No such file or directory\n", status: 2 },
  { argv: ["diff", "d1", "d1"], stdin: null, stdout: "", stderr: "", status: 0 },
  { argv: ["diff", "-r", "r1", "r2"], stdin: null, stdout: "diff -r r1/f r2/f\n1c1\n< 1\n---\n> 2\nOnly in r1: only\n", stderr: "", status: 1 },
  { argv: ["diff", "-u", "--label", "a", "--label", "b", "d1", "d2"], stdin: null, stdout: "--- a\n+++ b\n@@ -1,4 +1,5 @@\n a\n-b\n+x\n c\n d\n+e\n", stderr: "", status: 1 },
  { argv: ["diff", "-i"], stdin: "A\n", stdout: "", stderr: "diff: missing operand after '-i'\ndiff: Try 'diff --help' for more information.\n", status: 2 },
  { argv: ["diff", "-u", "--label", "x", "--label", "y", "big", "d1"], stdin: null, stdout: "--- x\n+++ y\n@@ -1,29 +1,4 @@\n-line 1\n-line 2\n-line 3\n-line 4\n-line 5\n-line 6\n-line 7\n-line 8\n-line 9\n-line 10\n-line 11\n-line 12\n-line 13\n-line 14\n-line 15\n-line 16\n-line 17\n-line 18\n-line 19\n-line 20\n-line 21\n-line 22\n-line 23\n-line 24\n-line 25\n-line 26\n-line 27\n-line 28\n-line 29\n+a\n+b\n+c\n+d\n", stderr: "", status: 1 },
];

describe('diff matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(diff, files, c));
  }
});
