/**
 * uniq against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { uniq } from './uniq.js';

const files: Record<string, string> = {"f": "a b\nc d\n"};

const cases: GnuCase[] = [
  { argv: ["uniq", "-w", "x"], stdin: "x y\n", stdout: "", stderr: "uniq: x: invalid number of bytes to compare\n", status: 1 },
];

describe('uniq matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(uniq, files, c));
  }
});
