/**
 * jq against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { jq } from './jq.js';

const files: Record<string, string> = {"j.json": "{\"a\":1,\"b\":[1,2.5,\"x\"],\"c\":{\"d\":null},\"e\":[],\"f\":{}}\n", "arr.json": "[{\"n\":\"b\",\"v\":2},{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":3}]\n", "multi": "1 2\n3\n"};

const cases: GnuCase[] = [
  { argv: ["jq", "-c", ".[] | {n, v}", "arr.json"], stdin: null, stdout: "{\"n\":\"b\",\"v\":2}\n{\"n\":\"a\",\"v\":1}\n{\"n\":\"b\",\"v\":3}\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "{(.[0].n): .[0].v}", "arr.json"], stdin: null, stdout: "{\"b\":2}\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", ".[0] as $x | $x.n", "arr.json"], stdin: null, stdout: "\"b\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "map(.v) | any(. > 2), all(. > 0)", "arr.json"], stdin: null, stdout: "true\ntrue\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "\"abc\" | explode | implode"], stdin: null, stdout: "\"abc\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[1,2,1] | unique, index(1), indices(1)"], stdin: null, stdout: "[1,2]\n0\n[0,2]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "\"test\" | ltrimstr(\"te\"), rtrimstr(\"st\"), startswith(\"te\")"], stdin: null, stdout: "\"st\"\n\"te\"\ntrue\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "{\"a\":[1,2]} | .a += [3]"], stdin: null, stdout: "{\"a\":[1,2,3]}\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[1,null,2] | map(values)"], stdin: null, stdout: "[1,2]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "\"x\" * 3"], stdin: null, stdout: "\"xxx\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "10 / 4, 10 % 3"], stdin: null, stdout: "2.5\n1\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[paths] | length"], stdin: null, stdout: "0\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "{\"a\":\"x\"} | .a |= ascii_upcase"], stdin: null, stdout: "{\"a\":\"X\"}\n", stderr: "", status: 0 },
  { argv: ["jq", "nofile"], stdin: null, stdout: "", stderr: "jq: error: nofile/0 is not defined at <top-level>, line 1:\nnofile\njq: 1 compile error\n", status: 3 },
  { argv: ["jq"], stdin: null, stdout: "", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[splits(\"a+\";null)]"], stdin: null, stdout: "", stderr: "jq: error (at <unknown>): null (null) cannot be matched, as it is not a string\n", status: 5 },
  { argv: ["jq", "-n", "-c", "\"foo bar\" | capture(\"(?<x>\\\\w+) (?<y>\\\\w+)\")"], stdin: null, stdout: "{\"x\":\"foo\",\"y\":\"bar\"}\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[match(\"a\";\"g\").offset]"], stdin: null, stdout: "", stderr: "jq: error (at <unknown>): null (null) cannot be matched, as it is not a string\n", status: 5 },
  { argv: ["jq", "-n", "-c", "\"aXbXc\" | [match(\"X\"; \"g\") | .offset]"], stdin: null, stdout: "[1,3]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "{\"a\":1} | to_entries | from_entries"], stdin: null, stdout: "{\"a\":1}\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[1,2] | contains([1]), inside([1,2,3])"], stdin: null, stdout: "true\ntrue\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "$ENV | type"], stdin: null, stdout: "\"object\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "env | type"], stdin: null, stdout: "\"object\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[.[]?] | length"], stdin: null, stdout: "0\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "{a:{b:2}} | getpath([\"a\",\"b\"]), setpath([\"a\",\"b\"]; 3), delpaths([[\"a\"]])"], stdin: null, stdout: "2\n{\"a\":{\"b\":3}}\n{}\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[1,2,3] | map(select(. != 2)) | tojson | fromjson"], stdin: null, stdout: "[1,3]\n", stderr: "", status: 0 },
];

describe('jq matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(jq, files, c));
  }
});
