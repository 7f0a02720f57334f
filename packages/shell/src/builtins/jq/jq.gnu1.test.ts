/**
 * jq against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { jq } from './jq.js';

const files: Record<string, string> = {"j.json": "{\"a\":1,\"b\":[1,2.5,\"x\"],\"c\":{\"d\":null},\"e\":[],\"f\":{}}\n", "arr.json": "[{\"n\":\"b\",\"v\":2},{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":3}]\n", "multi": "1 2\n3\n"};

const cases: GnuCase[] = [
  { argv: ["jq", ".", "j.json"], stdin: null, stdout: "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2.5,\n    \"x\"\n  ],\n  \"c\": {\n    \"d\": null\n  },\n  \"e\": [],\n  \"f\": {}\n}\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", ".b[]", "j.json"], stdin: null, stdout: "1\n2.5\n\"x\"\n", stderr: "", status: 0 },
  { argv: ["jq", ".a.b", "j.json"], stdin: null, stdout: "", stderr: "jq: error (at j.json:1): Cannot index number with string \"b\"\n", status: 5 },
  { argv: ["jq", "keys", "-c", "j.json"], stdin: null, stdout: "[\"a\",\"b\",\"c\",\"e\",\"f\"]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "1.0, 1e1000, 100000000000000000000, 0.1+0.2, 3/2"], stdin: null, stdout: "1\n1.7976931348623157e+308\n1e+20\n0.30000000000000004\n1.5\n", stderr: "", status: 0 },
  { argv: ["jq", "-r", ".b[2]", "j.json"], stdin: null, stdout: "x\n", stderr: "", status: 0 },
  { argv: ["jq", "-s", "-c", "."], stdin: "1 2", stdout: "[1,2]\n", stderr: "", status: 0 },
  { argv: ["jq", "-e", ".c.d", "j.json"], stdin: null, stdout: "null\n", stderr: "", status: 1 },
  { argv: ["jq", "-n", "\"\\(1+2)x\""], stdin: null, stdout: "\"3x\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[1,2] | map(.*2)"], stdin: null, stdout: "[2,4]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "{a:1} | .a |= .+1"], stdin: null, stdout: "{\"a\":2}\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-r", "[3,1,2]|sort|@csv"], stdin: null, stdout: "1,2,3\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "\"a,b\" | split(\",\")"], stdin: null, stdout: "[\"a\",\"b\"]\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "map(select(.v > 1))", "arr.json"], stdin: null, stdout: "[{\"n\":\"b\",\"v\":2},{\"n\":\"b\",\"v\":3}]\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "sort_by(.n)", "arr.json"], stdin: null, stdout: "[{\"n\":\"a\",\"v\":1},{\"n\":\"b\",\"v\":2},{\"n\":\"b\",\"v\":3}]\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "group_by(.n) | map({n: .[0].n, total: (map(.v) | add)})", "arr.json"], stdin: null, stdout: "[{\"n\":\"a\",\"total\":1},{\"n\":\"b\",\"total\":5}]\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "[.[] | .v] | add, length, min, max", "arr.json"], stdin: null, stdout: "6\n3\n1\n3\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "to_entries", "j.json"], stdin: null, stdout: "[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":[1,2.5,\"x\"]},{\"key\":\"c\",\"value\":{\"d\":null}},{\"key\":\"e\",\"value\":[]},{\"key\":\"f\",\"value\":{}}]\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "with_entries(select(.key != \"b\"))", "j.json"], stdin: null, stdout: "{\"a\":1,\"c\":{\"d\":null},\"e\":[],\"f\":{}}\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "del(.b, .c)", "j.json"], stdin: null, stdout: "{\"a\":1,\"e\":[],\"f\":{}}\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", ".b |= map(tostring)", "j.json"], stdin: null, stdout: "{\"a\":1,\"b\":[\"1\",\"2.5\",\"x\"],\"c\":{\"d\":null},\"e\":[],\"f\":{}}\n", stderr: "", status: 0 },
  { argv: ["jq", "--arg", "x", "hi", "-n", "$x"], stdin: null, stdout: "\"hi\"\n", stderr: "", status: 0 },
  { argv: ["jq", "--argjson", "x", "{\"a\":[1]}", "-n", "-c", "$x.a"], stdin: null, stdout: "[1]\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", ".[0] | has(\"n\"), has(\"z\")", "arr.json"], stdin: null, stdout: "true\nfalse\n", stderr: "", status: 0 },
  { argv: ["jq", "-r", ".[] | \"\\(.n)=\\(.v)\"", "arr.json"], stdin: null, stdout: "b=2\na=1\nb=3\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "[.[] | select(.n == \"b\") | .v]", "arr.json"], stdin: null, stdout: "[2,3]\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", "unique_by(.n) | map(.n)", "arr.json"], stdin: null, stdout: "[\"a\",\"b\"]\n", stderr: "", status: 0 },
  { argv: ["jq", "-c", ".", "multi"], stdin: null, stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[range(5)], [range(1;10;3)]"], stdin: null, stdout: "[0,1,2,3,4]\n[1,4,7]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "reduce range(5) as $i (0; . + $i)"], stdin: null, stdout: "10\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[foreach range(4) as $i (0; .+$i)]"], stdin: null, stdout: "[0,1,3,6]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "if 1 > 2 then \"a\" elif 2 > 1 then \"b\" else \"c\" end"], stdin: null, stdout: "\"b\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "try error(\"x\") catch ."], stdin: null, stdout: "\"x\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[.[]?]"], stdin: null, stdout: "[]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "\"abc\" | test(\"b\"), ascii_upcase, length"], stdin: null, stdout: "true\n\"ABC\"\n3\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "\"a-b-c\" | sub(\"-\";\"+\"), gsub(\"-\";\"+\")"], stdin: null, stdout: "\"a+b-c\"\n\"a+b+c\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "{\"a\":{\"b\":1}} | paths"], stdin: null, stdout: "[\"a\"]\n[\"a\",\"b\"]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[1,[2,[3]]] | flatten, flatten(1)"], stdin: null, stdout: "[1,2,3]\n[1,2,[3]]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "{a:1,b:2} | keys, values?, length"], stdin: null, stdout: "[\"a\",\"b\"]\n{\"a\":1,\"b\":2}\n2\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "\"1,2\" | split(\",\") | map(tonumber) | add"], stdin: null, stdout: "3\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[1,2,3] | .[1:], .[:-1], .[-1]"], stdin: null, stdout: "[2,3]\n[1,2]\n3\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "{} | .a.b.c = 1"], stdin: null, stdout: "{\"a\":{\"b\":{\"c\":1}}}\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[3,1,2] | sort | reverse | first, last"], stdin: null, stdout: "3\n1\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "null | length, (. // \"default\")"], stdin: null, stdout: "0\n\"default\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[limit(3; range(10))], first(range(5;9))"], stdin: null, stdout: "[0,1,2]\n5\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "{\"a\":1} + {\"b\":2} * {\"b\":{\"c\":3}}"], stdin: null, stdout: "{\"a\":1,\"b\":{\"c\":3}}\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-r", "[\"a\",1,null] | @tsv, @json, @sh"], stdin: null, stdout: "a\t1\t\n[\"a\",1,null]\n'a' 1 null\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-r", "\"<&>\" | @html, @uri, @base64"], stdin: null, stdout: "&lt;&amp;&gt;\n%3C%26%3E\nPCY+\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "def f(x): x * 2; [f(1), f(3)]"], stdin: null, stdout: "[2,6]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "def fac: if . <= 1 then 1 else . * (. - 1 | fac) end; 5 | fac"], stdin: null, stdout: "120\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "-c", "[.[] | .a]"], stdin: null, stdout: "", stderr: "jq: error (at <unknown>): Cannot iterate over null (null)\n", status: 5 },
  { argv: ["jq", ".a.b"], stdin: "{\"a\":5}\n", stdout: "", stderr: "jq: error (at <stdin>:1): Cannot index number with string \"b\"\n", status: 5 },
  { argv: ["jq", "-S", "."], stdin: "{\"b\":1,\"a\":{\"d\":1,\"c\":2}}", stdout: "{\n  \"a\": {\n    \"c\": 2,\n    \"d\": 1\n  },\n  \"b\": 1\n}\n", stderr: "", status: 0 },
  { argv: ["jq", "--tab", "."], stdin: "{\"a\":[1]}", stdout: "{\n\t\"a\": [\n\t\t1\n\t]\n}\n", stderr: "", status: 0 },
  { argv: ["jq", "--indent", "1", "."], stdin: "{\"a\":[1]}", stdout: "{\n \"a\": [\n  1\n ]\n}\n", stderr: "", status: 0 },
  { argv: ["jq", "-j", ".[]"], stdin: "[\"a\",\"b\",1]", stdout: "ab1", stderr: "", status: 0 },
  { argv: ["jq", "-R", "."], stdin: "line1\nline2\n", stdout: "\"line1\"\n\"line2\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-Rs", "."], stdin: "l1\nl2\n", stdout: "\"l1\\nl2\\n\"\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "[inputs]", "-c"], stdin: "1 2 3", stdout: "[1,2,3]\n", stderr: "", status: 0 },
  { argv: ["jq", "-n", "input"], stdin: "7 8", stdout: "7\n", stderr: "", status: 0 },
];

describe('jq matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(jq, files, c));
  }
});
