/**
 * seq against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { seq } from './seq.js';

const files: Record<string, string> = {"c1": "a\nb\nd\n", "c2": "b\nc\nd\n", "j1": "1 a\n2 b\n", "j2": "1 x\n3 y\n", "p1": "1\n2\n", "p2": "x\ny\nz\n", "d1": "a\nb\nc\nd\n", "d2": "a\nx\nc\nd\ne\n", "n1": "a", "n2": "b", "e1": "x\n", "e2": "", "r1/f": "1\n", "r2/f": "2\n", "r1/only": "x\n", "h1": "ab", "sums": "fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603  h1\n", "big": "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\nline 14\nline 15\nline 16\nline 17\nline 18\nline 19\nline 20\nline 21\nline 22\nline 23\nline 24\nline 25\nline 26\nline 27\nline 28\nline 29\n"};

const cases: GnuCase[] = [
  { argv: ["seq", "3"], stdin: null, stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { argv: ["seq", "-s,", "1", "2", "7"], stdin: null, stdout: "1,3,5,7\n", stderr: "", status: 0 },
  { argv: ["seq", "-w", "8", "10"], stdin: null, stdout: "08\n09\n10\n", stderr: "", status: 0 },
  { argv: ["seq", "1", "0.5", "2"], stdin: null, stdout: "1.0\n1.5\n2.0\n", stderr: "", status: 0 },
  { argv: ["seq", "-f", "%03g", "3"], stdin: null, stdout: "001\n002\n003\n", stderr: "", status: 0 },
  { argv: ["seq", "1", "0.1", "1.3"], stdin: null, stdout: "1.0\n1.1\n1.2\n1.3\n", stderr: "", status: 0 },
  { argv: ["seq", "2", "-1", "0"], stdin: null, stdout: "2\n1\n0\n", stderr: "", status: 0 },
  { argv: ["seq", "-w", "-1", "1"], stdin: null, stdout: "-1\n00\n01\n", stderr: "", status: 0 },
  { argv: ["seq", "1", "x"], stdin: null, stdout: "", stderr: "seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n", status: 1 },
  { argv: ["seq"], stdin: null, stdout: "", stderr: "seq: missing operand\nTry 'seq --help' for more information.\n", status: 1 },
  { argv: ["seq", "10", "2.50", "15"], stdin: null, stdout: "10.00\n12.50\n15.00\n", stderr: "", status: 0 },
  { argv: ["seq", "1e2", "1e2", "3e2"], stdin: null, stdout: "100\n200\n300\n", stderr: "", status: 0 },
  { argv: ["seq", "5", "1"], stdin: null, stdout: "", stderr: "", status: 0 },
  { argv: ["seq", "0", "0", "1"], stdin: null, stdout: "", stderr: "seq: invalid Zero increment value: ‘0’\nTry 'seq --help' for more information.\n", status: 1 },
];

describe('seq matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(seq, files, c));
  }
});
