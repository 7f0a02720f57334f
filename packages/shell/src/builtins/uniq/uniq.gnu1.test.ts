/**
 * uniq against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { uniq } from './uniq.js';

const files: Record<string, string> = {"f": "a1\nb2\na3\nc4\nc5\nc6\na7\n", "sub/h": "zz\na\n", "w.txt": "the cat\nconcat here\ncat\n@cat!\n", "n.txt": "10\n9\n-3\n2.5\nabc\n1e3\n 7\n", "t.tsv": "b\t2\tx\na\t10\ty\nB\t1\tz\na\t2\tw\n"};

const cases: GnuCase[] = [
  { argv: ["uniq"], stdin: "a\na\nb\na\n", stdout: "a\nb\na\n", stderr: "", status: 0 },
  { argv: ["uniq", "-c"], stdin: "a\na\nb\na\n", stdout: "      2 a\n      1 b\n      1 a\n", stderr: "", status: 0 },
  { argv: ["uniq", "-d"], stdin: "a\na\nb\nc\nc\n", stdout: "a\nc\n", stderr: "", status: 0 },
  { argv: ["uniq", "-u"], stdin: "a\na\nb\nc\nc\n", stdout: "b\n", stderr: "", status: 0 },
  { argv: ["uniq", "-i"], stdin: "a\nA\nb\n", stdout: "a\nb\n", stderr: "", status: 0 },
  { argv: ["uniq", "-D"], stdin: "a\na\nb\nc\nc\n", stdout: "a\na\nc\nc\n", stderr: "", status: 0 },
  { argv: ["uniq", "-f1"], stdin: "1 a\n2 a\n3 b\n", stdout: "1 a\n3 b\n", stderr: "", status: 0 },
];

describe('uniq matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(uniq, files, c));
  }
});
