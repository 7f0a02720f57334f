/**
 * sort against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { sort } from './sort.js';

const files: Record<string, string> = {"f": "a1\nb2\na3\nc4\nc5\nc6\na7\n", "sub/h": "zz\na\n", "w.txt": "the cat\nconcat here\ncat\n@cat!\n", "n.txt": "10\n9\n-3\n2.5\nabc\n1e3\n 7\n", "t.tsv": "b\t2\tx\na\t10\ty\nB\t1\tz\na\t2\tw\n"};

const cases: GnuCase[] = [
  { argv: ["sort", "t.tsv"], stdin: null, stdout: "B\t1\tz\na\t10\ty\na\t2\tw\nb\t2\tx\n", stderr: "", status: 0 },
  { argv: ["sort", "-k2n", "t.tsv"], stdin: null, stdout: "B\t1\tz\na\t2\tw\nb\t2\tx\na\t10\ty\n", stderr: "", status: 0 },
  { argv: ["sort", "-t", "\t", "-k2,2n", "t.tsv"], stdin: null, stdout: "B\t1\tz\na\t2\tw\nb\t2\tx\na\t10\ty\n", stderr: "", status: 0 },
  { argv: ["sort", "-n", "n.txt"], stdin: null, stdout: "-3\nabc\n1e3\n2.5\n 7\n9\n10\n", stderr: "", status: 0 },
  { argv: ["sort", "-g", "n.txt"], stdin: null, stdout: "abc\n-3\n2.5\n 7\n9\n10\n1e3\n", stderr: "", status: 0 },
  { argv: ["sort", "-rn", "n.txt"], stdin: null, stdout: "10\n9\n 7\n2.5\n1e3\nabc\n-3\n", stderr: "", status: 0 },
  { argv: ["sort", "-u", "-k1,1", "t.tsv"], stdin: null, stdout: "B\t1\tz\na\t10\ty\nb\t2\tx\n", stderr: "", status: 0 },
  { argv: ["sort", "-f", "t.tsv"], stdin: null, stdout: "a\t10\ty\na\t2\tw\nB\t1\tz\nb\t2\tx\n", stderr: "", status: 0 },
  { argv: ["sort", "-fu"], stdin: "a\nA\nb\n", stdout: "a\nb\n", stderr: "", status: 0 },
  { argv: ["sort", "-h"], stdin: "10K\n1M\n5\n2G\n", stdout: "5\n10K\n1M\n2G\n", stderr: "", status: 0 },
  { argv: ["sort", "-V"], stdin: "1.10\n1.2\n1.9a\n", stdout: "1.2\n1.9a\n1.10\n", stderr: "", status: 0 },
  { argv: ["sort", "-k3", "-r", "t.tsv"], stdin: null, stdout: "B\t1\tz\na\t10\ty\nb\t2\tx\na\t2\tw\n", stderr: "", status: 0 },
  { argv: ["sort", "-c"], stdin: "3\n1\n", stdout: "", stderr: "sort: -:2: disorder: 1\n", status: 1 },
  { argv: ["sort", "-s", "-k1,1", "t.tsv"], stdin: null, stdout: "B\t1\tz\na\t10\ty\na\t2\tw\nb\t2\tx\n", stderr: "", status: 0 },
  { argv: ["sort", "-t", "\t", "-k3.1,3.1", "t.tsv"], stdin: null, stdout: "a\t2\tw\nb\t2\tx\na\t10\ty\nB\t1\tz\n", stderr: "", status: 0 },
  { argv: ["sort", "-b", "-k2"], stdin: "x  b\ny a\n", stdout: "y a\nx  b\n", stderr: "", status: 0 },
  { argv: ["sort", "nofile"], stdin: null, stdout: "", stderr: "sort: cannot read: nofile: No such file or directory\n", status: 2 },
];

describe('sort matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(sort, files, c));
  }
});
