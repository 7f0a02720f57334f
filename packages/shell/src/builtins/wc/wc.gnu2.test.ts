/**
 * wc against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { wc } from './wc.js';

const files: Record<string, string> = {"pw": "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbob:x:1000:1000:Bob,,,:/home/bob:/bin/zsh\n", "t": "start\na\nb\nend\nc\nstart\nd\nend\n", "sp": "a  \nb\t\n\nc\n", "ph": "555-1234\n12-34\n999-0000x\n", "csv": "name,age\nann,30\nbob,25\ncid,35\n"};

const cases: GnuCase[] = [
  { argv: ["wc", "-l", "pw", "csv"], stdin: null, stdout: "  3 pw\n  4 csv\n  7 total\n", stderr: "", status: 0 },
];

describe('wc matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(wc, files, c));
  }
});
