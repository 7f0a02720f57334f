/**
 * bc against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { bc } from './bc.js';

const files: Record<string, string> = {"prog.bc": "define sq(x) { return (x*x); }\nsq(12)\n"};

const cases: GnuCase[] = [
  { argv: ["bc"], stdin: "1/3; scale=5; 1/3; 2^10; -7%3; sqrt(2); a=5; a*2; .5+0; -0.25*1\n", stdout: "0\n.33333\n1024\n-.00001\n1.41421\n10\n.5\n-.25\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "3.1415 * 2\n", stdout: "6.2830\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "scale=2; 10/3\n", stdout: "3.33\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "define f(x) { return (x*2); }; f(4)\n", stdout: "8\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "x=0; while (x<3) { x; x+=1 }\n", stdout: "0\n1\n2\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "print \"hi\\n\"\n", stdout: "hi\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "obase=16; 255\n", stdout: "FF\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "ibase=2; 101\n", stdout: "5\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "2^100\n", stdout: "1267650600228229401496703205376\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "10^80\n", stdout: "10000000000000000000000000000000000000000000000000000000000000000000\\\n0000000000000\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "scale=3; 1.23456 * 1\n", stdout: "1.23456\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "length(123.45); scale(1.500)\n", stdout: "5\n3\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "if (1 < 2) 5 else 6\n", stdout: "5\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "5 == 5; 4 > 5; !0\n", stdout: "1\n0\n1\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "syntax(\n", stdout: "", stderr: "(standard_in) 2: syntax error\n", status: 0 },
  { argv: ["bc"], stdin: "for (i=0; i<3; i++) i*i\n", stdout: "0\n1\n4\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "a[1]=5; a[1]+1\n", stdout: "6\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "scale=10; 2/3*3\n", stdout: "1.9999999998\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "x=3; x++; x; --x\n", stdout: "3\n4\n3\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "0.1+0.2\n", stdout: ".3\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "-5/2\n", stdout: "-2\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "5%3; 5.5%2\n", stdout: "2\n1.5\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "2^-1; scale=3; 2^-2\n", stdout: "0\n.250\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "obase=2; 10\n", stdout: "1010\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "sqrt(16); scale=4; sqrt(10)\n", stdout: "4\n3.1622\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "define f(n) { if (n<=1) return (1); return (n*f(n-1)); }\nf(20)\n", stdout: "2432902008176640000\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "99999999999999999999*99999999999999999999\n", stdout: "9999999999999999999800000000000000000001\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "quit\n", stdout: "", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "1; quit; 2\n", stdout: "", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "x=5\nx\n", stdout: "5\n", stderr: "", status: 0 },
  { argv: ["bc"], stdin: "\"str\"; 1\n", stdout: "str1\n", stderr: "", status: 0 },
  { argv: ["bc", "-l"], stdin: "1/3\n", stdout: ".33333333333333333333\n", stderr: "", status: 0 },
  { argv: ["bc", "prog.bc"], stdin: "", stdout: "144\n", stderr: "", status: 0 },
];

describe('bc matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(bc, files, c));
  }
});
