/**
 * jq against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { jq } from './jq.js';

const files: Record<string, string> = {"f": "a b\nc d\n"};

const cases: GnuCase[] = [
  { argv: ["jq", "..|numbers"], stdin: "{\"a\":[1,{\"b\":2}]}", stdout: "1\n2\n", stderr: "", status: 0 },
  { argv: ["jq", ".[]|.a?"], stdin: "[1,{\"a\":2}]", stdout: "2\n", stderr: "", status: 0 },
  { argv: ["jq", "-r", ".[]"], stdin: "[\"a\\nb\"]", stdout: "a\nb\n", stderr: "", status: 0 },
  { argv: ["jq", ".a = .b"], stdin: "{\"b\":3}", stdout: "{\n  \"b\": 3,\n  \"a\": 3\n}\n", stderr: "", status: 0 },
  { argv: ["jq", "path(..)", "-c"], stdin: "{\"a\":[1]}", stdout: "[]\n[\"a\"]\n[\"a\",0]\n", stderr: "", status: 0 },
  { argv: ["jq", "to_entries|map(\"\\(.key)=\\(.value)\")|join(\"&\")", "-r"], stdin: "{\"a\":1,\"b\":\"x\"}", stdout: "a=1&b=x\n", stderr: "", status: 0 },
];

describe('jq matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(jq, files, c));
  }
});
