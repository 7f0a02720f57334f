/**
 * grep against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { grep } from './grep.js';

const files: Record<string, string> = {"pw": "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbob:x:1000:1000:Bob,,,:/home/bob:/bin/zsh\n", "t": "start\na\nb\nend\nc\nstart\nd\nend\n", "sp": "a  \nb\t\n\nc\n", "ph": "555-1234\n12-34\n999-0000x\n", "csv": "name,age\nann,30\nbob,25\ncid,35\n"};

const cases: GnuCase[] = [
  { argv: ["grep", "-E", "^[0-9]{3}-[0-9]{4}$", "ph"], stdin: null, stdout: "555-1234\n", stderr: "", status: 0 },
  { argv: ["grep", "-c", "", "sp"], stdin: null, stdout: "4\n", stderr: "", status: 0 },
  { argv: ["grep", "-n", "-i", "ROOT", "pw"], stdin: null, stdout: "1:root:x:0:0:root:/root:/bin/bash\n", stderr: "", status: 0 },
  { argv: ["grep", "-o", "[0-9]\\+", "ph"], stdin: null, stdout: "555\n1234\n12\n34\n999\n0000\n", stderr: "", status: 0 },
  { argv: ["grep", "-v", "-e", "a", "-e", "b", "t"], stdin: null, stdout: "end\nc\nd\nend\n", stderr: "", status: 0 },
  { argv: ["grep", "-A", "2", "-B", "1", "b", "t"], stdin: null, stdout: "a\nb\nend\nc\n", stderr: "", status: 0 },
  { argv: ["grep", "-l", "a", "t", "csv", "sp"], stdin: null, stdout: "t\ncsv\nsp\n", stderr: "", status: 0 },
  { argv: ["grep", "-x", "end", "t"], stdin: null, stdout: "end\nend\n", stderr: "", status: 0 },
  { argv: ["grep", "-w", "bin", "pw"], stdin: null, stdout: "root:x:0:0:root:/root:/bin/bash\nbob:x:1000:1000:Bob,,,:/home/bob:/bin/zsh\n", stderr: "", status: 0 },
  { argv: ["grep", "-oE", "[a-z]+sh", "pw"], stdin: null, stdout: "bash\nzsh\n", stderr: "", status: 0 },
  { argv: ["grep", "-e", "-x", "t"], stdin: null, stdout: "", stderr: "", status: 1 },
  { argv: ["grep", "--", "-x", "t"], stdin: null, stdout: "", stderr: "", status: 1 },
  { argv: ["grep", "-F", "-e", ".", "-e", "x", "ph"], stdin: null, stdout: "999-0000x\n", stderr: "", status: 0 },
  { argv: ["grep", "-E", "a|", "t"], stdin: null, stdout: "start\na\nb\nend\nc\nstart\nd\nend\n", stderr: "", status: 0 },
  { argv: ["grep", "", "t"], stdin: null, stdout: "start\na\nb\nend\nc\nstart\nd\nend\n", stderr: "", status: 0 },
  { argv: ["grep", "-n", "^", "sp"], stdin: null, stdout: "1:a  \n2:b\t\n3:\n4:c\n", stderr: "", status: 0 },
  { argv: ["grep", "-ob", "b", "t"], stdin: null, stdout: "8:b\n", stderr: "", status: 0 },
  { argv: ["grep", "-m1", "-c", "a", "t"], stdin: null, stdout: "1\n", stderr: "", status: 0 },
  { argv: ["grep", "-H", "-c", "start", "t"], stdin: null, stdout: "t:2\n", stderr: "", status: 0 },
];

describe('grep matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(grep, files, c));
  }
});
