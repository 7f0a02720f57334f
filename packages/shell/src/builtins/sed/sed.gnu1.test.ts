/**
 * sed against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { sed } from './sed.js';

const files: Record<string, string> = {"f": "a1\nb2\na3\nc4\nc5\nc6\na7\n", "s1": "1\n2\n", "s2": "3\n4\n", "nonl": "x\ny"};

const cases: GnuCase[] = [
  { argv: ["sed", "k"], stdin: "abc\n", stdout: "", stderr: "sed: -e expression #1, char 1: unknown command: `k'\n", status: 1 },
  { argv: ["sed", "s/a/b"], stdin: "abc\n", stdout: "", stderr: "sed: -e expression #1, char 5: unterminated `s' command\n", status: 1 },
  { argv: ["sed", "s/a/b/q"], stdin: "abc\n", stdout: "", stderr: "sed: -e expression #1, char 7: unknown option to `s'\n", status: 1 },
  { argv: ["sed", "/a"], stdin: "abc\n", stdout: "", stderr: "sed: -e expression #1, char 2: unterminated address regex\n", status: 1 },
  { argv: ["sed", "{p"], stdin: "abc\n", stdout: "", stderr: "sed: -e expression #1, char 0: unmatched `{'\n", status: 1 },
  { argv: ["sed", "p}"], stdin: "abc\n", stdout: "", stderr: "sed: -e expression #1, char 2: unexpected `}'\n", status: 1 },
  { argv: ["sed", "b foo"], stdin: "abc\n", stdout: "", stderr: "sed: can't find label for jump to `foo'\n", status: 4 },
  { argv: ["sed", "-e", "p", "-e", "k"], stdin: "abc\n", stdout: "", stderr: "sed: -e expression #2, char 1: unknown command: `k'\n", status: 1 },
  { argv: ["sed", "a"], stdin: "abc\n", stdout: "", stderr: "sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'\n", status: 1 },
  { argv: ["sed", "px"], stdin: "abc\n", stdout: "", stderr: "sed: -e expression #1, char 2: extra characters after command\n", status: 1 },
  { argv: ["sed", "-n", "$=", "f"], stdin: null, stdout: "7\n", stderr: "", status: 0 },
  { argv: ["sed", "p"], stdin: "a\nb", stdout: "a\na\nb\nb", stderr: "", status: 0 },
  { argv: ["sed", "s/a*/x/g"], stdin: "baaac\n", stdout: "xbxcx\n", stderr: "", status: 0 },
  { argv: ["sed", "s/x*/-/g"], stdin: "abc\n", stdout: "-a-b-c-\n", stderr: "", status: 0 },
  { argv: ["sed", "s/\\(l\\+\\)/[\\U\\1]/"], stdin: "hello\n", stdout: "he[LL]o\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "2{p;p}"], stdin: "a\nb\nc\n", stdout: "b\nb\n", stderr: "", status: 0 },
  { argv: ["sed", "$!N;s/\\n/-/"], stdin: "a\nb\nc\n", stdout: "a-b\nc\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "l"], stdin: "a\tb\\\n", stdout: "a\\tb\\\\$\n", stderr: "", status: 0 },
  { argv: ["sed", "0~2d"], stdin: "1\n2\n3\n4\n", stdout: "1\n3\n", stderr: "", status: 0 },
  { argv: ["sed", "2q5"], stdin: "1\n2\n3\n", stdout: "1\n2\n", stderr: "", status: 5 },
  { argv: ["sed", "-n", "/2/,$p"], stdin: "1\n2\n3\n", stdout: "2\n3\n", stderr: "", status: 0 },
  { argv: ["sed", "a\\\nfoo\\\nbar"], stdin: "x\n", stdout: "x\nfoo\nbar\n", stderr: "", status: 0 },
  { argv: ["sed", "i\\  hi"], stdin: "x\n", stdout: "  hi\nx\n", stderr: "", status: 0 },
  { argv: ["sed", "1c\\changed"], stdin: "x\ny\n", stdout: "changed\ny\n", stderr: "", status: 0 },
  { argv: ["sed", "-s", "-n", "$=", "s1", "s2"], stdin: null, stdout: "2\n2\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "$=", "s1", "s2"], stdin: null, stdout: "4\n", stderr: "", status: 0 },
  { argv: ["sed", "-s", "1d", "s1", "s2"], stdin: null, stdout: "2\n4\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "F", "s1"], stdin: null, stdout: "s1\ns1\n", stderr: "", status: 0 },
  { argv: ["sed", "s/a/X/2"], stdin: "aaaa\n", stdout: "aXaa\n", stderr: "", status: 0 },
  { argv: ["sed", "s/a/X/2g"], stdin: "aaaa\n", stdout: "aXXX\n", stderr: "", status: 0 },
  { argv: ["sed", "-E", "s/(a|b)+/<&>/g"], stdin: "xabbay ab\n", stdout: "x<abba>y <ab>\n", stderr: "", status: 0 },
  { argv: ["sed", "y/abc/xyz/"], stdin: "aabbcc\n", stdout: "xxyyzz\n", stderr: "", status: 0 },
  { argv: ["sed", "/b2/,/c5/d", "f"], stdin: null, stdout: "a1\nc6\na7\n", stderr: "", status: 0 },
  { argv: ["sed", "2,4!d", "f"], stdin: null, stdout: "b2\na3\nc4\n", stderr: "", status: 0 },
  { argv: ["sed", "0,/a/s//X/", "f"], stdin: null, stdout: "X1\nb2\na3\nc4\nc5\nc6\na7\n", stderr: "", status: 0 },
  { argv: ["sed", "/a/,+1d", "f"], stdin: null, stdout: "c5\nc6\n", stderr: "", status: 0 },
  { argv: ["sed", "2,~4d", "f"], stdin: null, stdout: "a1\nc5\nc6\na7\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "/c/{=;p}", "f"], stdin: null, stdout: "4\nc4\n5\nc5\n6\nc6\n", stderr: "", status: 0 },
  { argv: ["sed", "1!G;h;$!d", "f"], stdin: null, stdout: "a7\nc6\nc5\nc4\na3\nb2\na1\n", stderr: "", status: 0 },
  { argv: ["sed", ":a;N;$!ba;s/\\n/,/g", "f"], stdin: null, stdout: "a1,b2,a3,c4,c5,c6,a7\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "$p", "nonl"], stdin: null, stdout: "y", stderr: "", status: 0 },
  { argv: ["sed", "p", "nonl"], stdin: null, stdout: "x\nx\ny\ny", stderr: "", status: 0 },
  { argv: ["sed", "$a end", "nonl"], stdin: null, stdout: "x\ny\nend\n", stderr: "", status: 0 },
  { argv: ["sed", "s/x/&&/", "nonl"], stdin: null, stdout: "xx\ny", stderr: "", status: 0 },
  { argv: ["sed", "=", "s1"], stdin: null, stdout: "1\n1\n2\n2\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "/a/{s/a/A/;t done;p;:done}", "f"], stdin: null, stdout: "", stderr: "", status: 0 },
  { argv: ["sed", "s/[0-9]//;T;s/^/+/", "f"], stdin: null, stdout: "+a\n+b\n+a\n+c\n+c\n+c\n+a\n", stderr: "", status: 0 },
  { argv: ["sed", "2{h;d};4{G}", "f"], stdin: null, stdout: "a1\na3\nc4\nb2\nc5\nc6\na7\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "2{n;p}", "f"], stdin: null, stdout: "a3\n", stderr: "", status: 0 },
  { argv: ["sed", "$d", "f"], stdin: null, stdout: "a1\nb2\na3\nc4\nc5\nc6\n", stderr: "", status: 0 },
  { argv: ["sed", "N;P;D", "f"], stdin: null, stdout: "a1\nb2\na3\nc4\nc5\nc6\na7\n", stderr: "", status: 0 },
  { argv: ["sed", "s/a/\\n/", "f"], stdin: null, stdout: "\n1\nb2\n\n3\nc4\nc5\nc6\n\n7\n", stderr: "", status: 0 },
  { argv: ["sed", "s|/|_|g"], stdin: "a/b/c\n", stdout: "a_b_c\n", stderr: "", status: 0 },
  { argv: ["sed", "s/\\//|/g"], stdin: "a/b\n", stdout: "a|b\n", stderr: "", status: 0 },
  { argv: ["sed", "-e", "1d", "-e", "s/b/B/", "f"], stdin: null, stdout: "B2\na3\nc4\nc5\nc6\na7\n", stderr: "", status: 0 },
  { argv: ["sed", "2i\\\nins", "s1"], stdin: null, stdout: "1\nins\n2\n", stderr: "", status: 0 },
  { argv: ["sed", "s/A/x/I", "f"], stdin: null, stdout: "x1\nb2\nx3\nc4\nc5\nc6\nx7\n", stderr: "", status: 0 },
  { argv: ["sed", "/A/Id", "f"], stdin: null, stdout: "b2\nc4\nc5\nc6\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "2,3p;3q", "f"], stdin: null, stdout: "b2\na3\n", stderr: "", status: 0 },
  { argv: ["sed", "3Q", "f"], stdin: null, stdout: "a1\nb2\n", stderr: "", status: 0 },
];

describe('sed matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(sed, files, c));
  }
});
