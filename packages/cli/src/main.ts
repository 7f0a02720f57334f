#!/usr/bin/env node
/**
 * The `burrow` command. Exit statuses follow DESIGN.md's CLI contract: a command's own status where it runs
 * one, 255 for burrow's own failures (with a message on stderr), 2 for usage errors.
 */
import { isServiceCommand, runServiceCommand, SERVICE_USAGE } from './commands/service-commands.js';
import { EXIT_FAILURE, EXIT_USAGE } from './wasm-run.js';

const USAGE = `Usage: burrow COMMAND [ARGS...]

Commands:
${SERVICE_USAGE}
  wasm run [--dir HOSTDIR[::GUESTDIR]]... [--env K=V]... FILE.wasm [ARGS...]
                 run a wasm32-wasi program in a throwaway local sandbox

Run 'burrow COMMAND --help' for a command's options.
`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? process.stderr : process.stdout).write(USAGE);
    return command === undefined ? EXIT_USAGE : 0;
  }
  if (isServiceCommand(command)) {
    return runServiceCommand(command, argv.slice(1), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
  }
  if (command === 'wasm' && sub === 'run') {
    const { wasmRun } = await import('./wasm-run.js');
    return wasmRun(rest, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
  }
  if (command === 'wasm' && (sub === undefined || sub === '--help' || sub === '-h')) {
    process.stdout.write('Usage: burrow wasm run [--dir HOSTDIR[::GUESTDIR]]... [--env K=V]... FILE.wasm [ARGS...]\n');
    return sub === undefined ? EXIT_USAGE : 0;
  }
  process.stderr.write(`burrow: unknown command '${[command, sub].filter((w) => w !== undefined).join(' ')}'\n${USAGE}`);
  return EXIT_USAGE;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`burrow: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(EXIT_FAILURE);
  },
);
