/**
 * head against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { head } from './head.js';

const files: Record<string, string> = {"f": "a1\nb2\na3\nc4\nc5\nc6\na7\n", "sub/h": "zz\na\n", "w.txt": "the cat\nconcat here\ncat\n@cat!\n", "n.txt": "10\n9\n-3\n2.5\nabc\n1e3\n 7\n", "t.tsv": "b\t2\tx\na\t10\ty\nB\t1\tz\na\t2\tw\n"};

const cases: GnuCase[] = [
  { argv: ["head", "-n", "2", "f"], stdin: null, stdout: "a1\nb2\n", stderr: "", status: 0 },
  { argv: ["head", "-c", "3", "f"], stdin: null, stdout: "a1\n", stderr: "", status: 0 },
  { argv: ["head", "f", "sub/h"], stdin: null, stdout: "==> f <==\na1\nb2\na3\nc4\nc5\nc6\na7\n\n==> sub/h <==\nzz\na\n", stderr: "", status: 0 },
  { argv: ["head", "-n", "-5", "f"], stdin: null, stdout: "a1\nb2\n", stderr: "", status: 0 },
  { argv: ["head", "-q", "-n1", "f", "sub/h"], stdin: null, stdout: "a1\nzz\n", stderr: "", status: 0 },
];

describe('head matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(head, files, c));
  }
});
