/**
 * sort against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { sort } from './sort.js';

const files: Record<string, string> = {"f": "a b\nc d\n"};

const cases: GnuCase[] = [
  { argv: ["sort", "-k", "0"], stdin: "x y\n", stdout: "", stderr: "sort: field number is zero: invalid field specification ‘0’\n", status: 2 },
  { argv: ["sort", "-k", "1.0"], stdin: "x y\n", stdout: "", stderr: "sort: character offset is zero: invalid field specification ‘1.0’\n", status: 2 },
];

describe('sort matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(sort, files, c));
  }
});
