/**
 * sed against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { sed } from './sed.js';

const files: Record<string, string> = {"f": "a b\nc d\n"};

const cases: GnuCase[] = [
  { argv: ["sed", "s/a/b/3g"], stdin: "aaaaa\n", stdout: "aabbb\n", stderr: "", status: 0 },
  { argv: ["sed", "1,3{/x/d}"], stdin: "x y\n", stdout: "", stderr: "", status: 0 },
  { argv: ["sed", "s/x/\\n/"], stdin: "x y\n", stdout: "\n y\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "/x/{p;p"], stdin: "x y\n", stdout: "", stderr: "sed: -e expression #1, char 0: unmatched `{'\n", status: 1 },
  { argv: ["sed", "y/a/"], stdin: "x y\n", stdout: "", stderr: "sed: -e expression #1, char 4: unterminated `y' command\n", status: 1 },
  { argv: ["sed", "s/(/x/"], stdin: "x y\n", stdout: "x y\n", stderr: "", status: 0 },
  { argv: ["sed", "-E", "s/(/x/"], stdin: "x y\n", stdout: "", stderr: "sed: -e expression #1, char 6: Unmatched ( or \\(\n", status: 1 },
  { argv: ["sed", "2,1p"], stdin: "x y\n", stdout: "x y\n", stderr: "", status: 0 },
  { argv: ["sed", "0,/x/d"], stdin: "x y\n", stdout: "", stderr: "", status: 0 },
  { argv: ["sed", "$!d"], stdin: "x y\n", stdout: "x y\n", stderr: "", status: 0 },
];

describe('sed matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(sed, files, c));
  }
});
