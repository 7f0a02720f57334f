/**
 * wc against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { wc } from './wc.js';

const files: Record<string, string> = {"f": "a1\nb2\na3\nc4\nc5\nc6\na7\n", "sub/h": "zz\na\n", "w.txt": "the cat\nconcat here\ncat\n@cat!\n", "n.txt": "10\n9\n-3\n2.5\nabc\n1e3\n 7\n", "t.tsv": "b\t2\tx\na\t10\ty\nB\t1\tz\na\t2\tw\n"};

const cases: GnuCase[] = [
  { argv: ["wc", "f"], stdin: null, stdout: " 7  7 21 f\n", stderr: "", status: 0 },
  { argv: ["wc", "f", "sub/h"], stdin: null, stdout: " 7  7 21 f\n 2  2  5 sub/h\n 9  9 26 total\n", stderr: "", status: 0 },
  { argv: ["wc", "-l", "f"], stdin: null, stdout: "7 f\n", stderr: "", status: 0 },
  { argv: ["wc"], stdin: "hi there\n", stdout: "      1       2       9\n", stderr: "", status: 0 },
  { argv: ["wc", "-w"], stdin: "a b  c\nd", stdout: "4\n", stderr: "", status: 0 },
  { argv: ["wc", "-c", "f", "nofile"], stdin: null, stdout: "21 f\n21 total\n", stderr: "wc: nofile: No such file or directory\n", status: 1 },
  { argv: ["wc", "-L", "w.txt"], stdin: null, stdout: "11 w.txt\n", stderr: "", status: 0 },
  { argv: ["wc", "-lw"], stdin: "x\n", stdout: "      1       1\n", stderr: "", status: 0 },
];

describe('wc matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(wc, files, c));
  }
});
