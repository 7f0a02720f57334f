/**
 * tr against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { tr } from './tr.js';

const files: Record<string, string> = {"f": "a1\nb2\na3\nc4\nc5\nc6\na7\n", "sub/h": "zz\na\n", "w.txt": "the cat\nconcat here\ncat\n@cat!\n", "n.txt": "10\n9\n-3\n2.5\nabc\n1e3\n 7\n", "t.tsv": "b\t2\tx\na\t10\ty\nB\t1\tz\na\t2\tw\n"};

const cases: GnuCase[] = [
  { argv: ["tr", "a-z", "A-Z"], stdin: "hello\n", stdout: "HELLO\n", stderr: "", status: 0 },
  { argv: ["tr", "-d", "l"], stdin: "hello\n", stdout: "heo\n", stderr: "", status: 0 },
  { argv: ["tr", "-s", " "], stdin: "a   b  c\n", stdout: "a b c\n", stderr: "", status: 0 },
  { argv: ["tr", "-c", "l\\n", "x"], stdin: "hello\n", stdout: "xxllx\n", stderr: "", status: 0 },
  { argv: ["tr", "-cd", "l"], stdin: "hello\n", stdout: "ll", stderr: "", status: 0 },
  { argv: ["tr", "[:lower:]", "[:upper:]"], stdin: "hi\n", stdout: "HI\n", stderr: "", status: 0 },
  { argv: ["tr", "abc", "[x*]"], stdin: "abc\n", stdout: "xxx\n", stderr: "", status: 0 },
  { argv: ["tr", "-t", "abc", "xy"], stdin: "abc\n", stdout: "xyc\n", stderr: "", status: 0 },
  { argv: ["tr", "a"], stdin: "x", stdout: "", stderr: "tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", status: 1 },
  { argv: ["tr", "-s", "a-c", "x"], stdin: "aabbcc\n", stdout: "x\n", stderr: "", status: 0 },
  { argv: ["tr", "\\n", " "], stdin: "a\nb\n", stdout: "a b ", stderr: "", status: 0 },
];

describe('tr matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(tr, files, c));
  }
});
