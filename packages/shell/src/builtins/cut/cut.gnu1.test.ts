/**
 * cut against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { cut } from './cut.js';

const files: Record<string, string> = {"f": "a1\nb2\na3\nc4\nc5\nc6\na7\n", "sub/h": "zz\na\n", "w.txt": "the cat\nconcat here\ncat\n@cat!\n", "n.txt": "10\n9\n-3\n2.5\nabc\n1e3\n 7\n", "t.tsv": "b\t2\tx\na\t10\ty\nB\t1\tz\na\t2\tw\n"};

const cases: GnuCase[] = [
  { argv: ["cut", "-d:", "-f2-"], stdin: "a:b:c\n", stdout: "b:c\n", stderr: "", status: 0 },
  { argv: ["cut", "-d:", "-f1,3", "--output-delimiter=XX"], stdin: "a:b:c\n", stdout: "aXXc\n", stderr: "", status: 0 },
  { argv: ["cut", "-c2,4-"], stdin: "abcdef\n", stdout: "bdef\n", stderr: "", status: 0 },
  { argv: ["cut", "-f2", "t.tsv"], stdin: null, stdout: "2\n10\n1\n2\n", stderr: "", status: 0 },
  { argv: ["cut", "-d:", "-s", "-f1"], stdin: "a:b\nnodelim\n", stdout: "a\n", stderr: "", status: 0 },
  { argv: ["cut", "-f0"], stdin: "x", stdout: "", stderr: "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut"], stdin: "x", stdout: "", stderr: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", status: 1 },
  { argv: ["cut", "-d:", "--complement", "-f2"], stdin: "a:b:c\n", stdout: "a:c\n", stderr: "", status: 0 },
];

describe('cut matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(cut, files, c));
  }
});
