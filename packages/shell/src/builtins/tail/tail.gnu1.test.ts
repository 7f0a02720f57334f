/**
 * tail against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { tail } from './tail.js';

const files: Record<string, string> = {"f": "a1\nb2\na3\nc4\nc5\nc6\na7\n", "sub/h": "zz\na\n", "w.txt": "the cat\nconcat here\ncat\n@cat!\n", "n.txt": "10\n9\n-3\n2.5\nabc\n1e3\n 7\n", "t.tsv": "b\t2\tx\na\t10\ty\nB\t1\tz\na\t2\tw\n"};

const cases: GnuCase[] = [
  { argv: ["tail", "-n", "2", "f"], stdin: null, stdout: "c6\na7\n", stderr: "", status: 0 },
  { argv: ["tail", "-c", "4", "f"], stdin: null, stdout: "\na7\n", stderr: "", status: 0 },
  { argv: ["tail", "-n", "+6", "f"], stdin: null, stdout: "c6\na7\n", stderr: "", status: 0 },
  { argv: ["tail", "f", "sub/h"], stdin: null, stdout: "==> f <==\na1\nb2\na3\nc4\nc5\nc6\na7\n\n==> sub/h <==\nzz\na\n", stderr: "", status: 0 },
  { argv: ["tail", "-2", "f"], stdin: null, stdout: "c6\na7\n", stderr: "", status: 0 },
  { argv: ["tail", "-n", "1"], stdin: "a\nb", stdout: "b", stderr: "", status: 0 },
];

describe('tail matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(tail, files, c));
  }
});
