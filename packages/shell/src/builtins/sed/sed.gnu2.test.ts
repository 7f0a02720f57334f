/**
 * sed against the real tool: every expected stdout, stderr and status below was printed by it (Debian 12:
 * coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2, jq 1.6, bc 1.07, diffutils 3.8) for the same command and files.
 */
import { describe, it } from 'vitest';
import { expectGnu, type GnuCase } from '../text-common/testing/gnu-case.js';
import { sed } from './sed.js';

const files: Record<string, string> = {"f": "a1\nb2\na3\nc4\nc5\nc6\na7\n", "s1": "1\n2\n", "s2": "3\n4\n", "nonl": "x\ny"};

const cases: GnuCase[] = [
  { argv: ["sed", "s/.*/\"&\"/", "s1"], stdin: null, stdout: "\"1\"\n\"2\"\n", stderr: "", status: 0 },
  { argv: ["sed", "s/\\(.\\)\\(.\\)/\\2\\1/", "f"], stdin: null, stdout: "1a\n2b\n3a\n4c\n5c\n6c\n7a\n", stderr: "", status: 0 },
  { argv: ["sed", "-E", "s/(.)(.)/\\2\\1/", "f"], stdin: null, stdout: "1a\n2b\n3a\n4c\n5c\n6c\n7a\n", stderr: "", status: 0 },
  { argv: ["sed", "s/[[:digit:]]/<&>/g", "s1"], stdin: null, stdout: "<1>\n<2>\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "/a/!p", "f"], stdin: null, stdout: "b2\nc4\nc5\nc6\n", stderr: "", status: 0 },
  { argv: ["sed", "1~3p", "-n", "f"], stdin: null, stdout: "a1\nc4\na7\n", stderr: "", status: 0 },
  { argv: ["sed", "s/b/x/w out", "f"], stdin: null, stdout: "a1\nx2\na3\nc4\nc5\nc6\na7\n", stderr: "", status: 0 },
  { argv: ["sed", "r s1", "s2"], stdin: null, stdout: "3\n1\n2\n4\n1\n2\n", stderr: "", status: 0 },
  { argv: ["sed", "R s1", "f"], stdin: null, stdout: "a1\n1\nb2\n2\na3\nc4\nc5\nc6\na7\n", stderr: "", status: 0 },
  { argv: ["sed", "-z", "s/\\n/,/g", "s1"], stdin: null, stdout: "1,2,", stderr: "", status: 0 },
  { argv: ["sed", "nofile"], stdin: null, stdout: "", stderr: "sed: -e expression #1, char 2: extra characters after command\n", status: 1 },
  { argv: ["sed", "p", "nofile"], stdin: null, stdout: "", stderr: "sed: can't read nofile: No such file or directory\n", status: 2 },
  { argv: ["sed"], stdin: null, stdout: "", stderr: "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\n", status: 1 },
  { argv: ["sed", "y/ab/x/"], stdin: "a\n", stdout: "", stderr: "sed: -e expression #1, char 7: strings for `y' command are different lengths\n", status: 1 },
  { argv: ["sed", "s/\\u/x/"], stdin: "a\n", stdout: "a\n", stderr: "", status: 0 },
  { argv: ["sed", "s/a/\\u&x\\Ubc\\Ed/"], stdin: "a\n", stdout: "AxBCd\n", stderr: "", status: 0 },
  { argv: ["sed", "--expression=s/1/one/", "s1"], stdin: null, stdout: "one\n2\n", stderr: "", status: 0 },
  { argv: ["sed", "-n", "-e", "2{", "-e", "p", "-e", "}", "f"], stdin: null, stdout: "b2\n", stderr: "", status: 0 },
];

describe('sed matches GNU', () => {
  for (const c of cases) {
    it(c.argv.slice(1).join(' ') || '(no arguments)', () => expectGnu(sed, files, c));
  }
});
