/**
 * grep against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { grep } from './grep.js';

const files: Record<string, string> = {"f": "a1\nb2\na3\nc4\nc5\nc6\na7\n", "sub/h": "zz\na\n", "w.txt": "the cat\nconcat here\ncat\n@cat!\n", "n.txt": "10\n9\n-3\n2.5\nabc\n1e3\n 7\n", "t.tsv": "b\t2\tx\na\t10\ty\nB\t1\tz\na\t2\tw\n"};

const cases: GnuCase[] = [
  { argv: ["grep", "-n", "-C1", "a", "f"], stdin: null, stdout: "1:a1\n2-b2\n3:a3\n4-c4\n--\n6-c6\n7:a7\n", stderr: "", status: 0 },
  { argv: ["grep", "-c", "a", "f", "sub/h"], stdin: null, stdout: "f:3\nsub/h:1\n", stderr: "", status: 0 },
  { argv: ["grep", "-l", "a", "f", "sub/h", "nofile"], stdin: null, stdout: "f\nsub/h\n", stderr: "grep: nofile: No such file or directory\n", status: 2 },
  { argv: ["grep", "-L", "zz", "f", "sub/h"], stdin: null, stdout: "f\n", stderr: "", status: 0 },
  { argv: ["grep", "-o", "a[0-9]", "f"], stdin: null, stdout: "a1\na3\na7\n", stderr: "", status: 0 },
  { argv: ["grep", "-m2", "-A1", "a", "f"], stdin: null, stdout: "a1\nb2\na3\nc4\n", stderr: "", status: 0 },
  { argv: ["grep", "-vc", "a", "f"], stdin: null, stdout: "4\n", stderr: "", status: 0 },
  { argv: ["grep", "-q", "a", "nofile", "f"], stdin: null, stdout: "", stderr: "grep: nofile: No such file or directory\n", status: 0 },
  { argv: ["grep", "-s", "a", "nofile"], stdin: null, stdout: "", stderr: "", status: 2 },
  { argv: ["grep", "-E", "a(", "f"], stdin: null, stdout: "", stderr: "grep: Unmatched ( or \\(\n", status: 2 },
  { argv: ["grep", "a\\(", "f"], stdin: null, stdout: "", stderr: "grep: Unmatched ( or \\(\n", status: 2 },
  { argv: ["grep", "-w", "cat", "w.txt"], stdin: null, stdout: "the cat\ncat\n@cat!\n", stderr: "", status: 0 },
  { argv: ["grep", "-wo", "cat", "w.txt"], stdin: null, stdout: "cat\ncat\ncat\n", stderr: "", status: 0 },
  { argv: ["grep", "-x", "cat", "w.txt"], stdin: null, stdout: "cat\n", stderr: "", status: 0 },
  { argv: ["grep", "-i", "CAT", "w.txt"], stdin: null, stdout: "the cat\nconcat here\ncat\n@cat!\n", stderr: "", status: 0 },
  { argv: ["grep", "-e", "a", "-e", "zz", "-n", "sub/h"], stdin: null, stdout: "1:zz\n2:a\n", stderr: "", status: 0 },
  { argv: ["grep", "-E", "^(a|c)[0-9]$", "f"], stdin: null, stdout: "a1\na3\nc4\nc5\nc6\na7\n", stderr: "", status: 0 },
  { argv: ["grep", "-B2", "c6", "f"], stdin: null, stdout: "c4\nc5\nc6\n", stderr: "", status: 0 },
  { argv: ["grep", "-A1", "-n", "a", "f", "sub/h"], stdin: null, stdout: "f:1:a1\nf-2-b2\nf:3:a3\nf-4-c4\n--\nf:7:a7\n--\nsub/h:2:a\n", stderr: "", status: 0 },
  { argv: ["grep", "-F", "a.", "f"], stdin: null, stdout: "", stderr: "", status: 1 },
  { argv: ["grep", "-c", "x", "-"], stdin: "x\ny\nx", stdout: "2\n", stderr: "", status: 0 },
  { argv: ["grep", "a", "d"], stdin: null, stdout: "", stderr: "grep: d: No such file or directory\n", status: 2 },
  { argv: ["grep"], stdin: null, stdout: "", stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", status: 2 },
  { argv: ["grep", "-H", "zz", "sub/h"], stdin: null, stdout: "sub/h:zz\n", stderr: "", status: 0 },
  { argv: ["grep", "\\(c\\)[0-9]\\1", "f"], stdin: null, stdout: "", stderr: "", status: 1 },
  { argv: ["grep", "-E", "(.)\\1", "-o"], stdin: "hello\nabba\nxyz\n", stdout: "ll\nbb\n", stderr: "", status: 0 },
  { argv: ["grep", "-ow", "[a-z]*"], stdin: "foo bar\n", stdout: "foo\nbar\n", stderr: "", status: 0 },
  { argv: ["grep", "-x", "-F", "cat", "w.txt"], stdin: null, stdout: "cat\n", stderr: "", status: 0 },
  { argv: ["grep", "-n", ""], stdin: "a\n\nb\n", stdout: "1:a\n2:\n3:b\n", stderr: "", status: 0 },
  { argv: ["grep", "-v", "-n", "^$"], stdin: "a\n\nb\n", stdout: "1:a\n3:b\n", stderr: "", status: 0 },
  { argv: ["grep", "-o", "b*"], stdin: "abbbc\n", stdout: "bbb\n", stderr: "", status: 0 },
];

describe('grep matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(grep, files, c));
  }
});
