/**
 * `burrow sh ID`: a read-run loop over one session. On a terminal it prompts and edits lines locally
 * (readline) and runs each line as it is entered; with stdin not a terminal it runs the lines it reads, in
 * order. `exit [N]` leaves the loop; the status is N or the last command's.
 */
import { createInterface } from 'node:readline';
import type { ExecEvent, Sandbox } from '@burrow/sdk';
import type { ServiceIo } from './service-commands.js';

const EXIT_LINE = /^\s*exit(?:\s+(\d+))?\s*$/;

export async function shell(sb: Sandbox, session: string | undefined, io: ServiceIo, asJson: boolean): Promise<number> {
  const tty = io.stdin.isTTY === true;
  const rl = createInterface({ input: io.stdin, ...(tty ? { output: io.stderr, prompt: `${sb.id}$ ` } : {}), terminal: tty });
  let status = 0;
  if (tty) rl.prompt();
  for await (const line of rl) {
    const leave = EXIT_LINE.exec(line);
    if (leave !== null) {
      status = leave[1] === undefined ? status : Number(leave[1]);
      break;
    }
    if (line.trim() !== '') {
      const events: AsyncIterable<ExecEvent> = sb.execStream(line, session === undefined ? {} : { session });
      for await (const e of events) {
        if (asJson) io.stdout.write(`${JSON.stringify(e)}\n`);
        else if (e.type === 'stdout') io.stdout.write(e.data);
        else if (e.type === 'stderr') io.stderr.write(e.data);
        if (e.type === 'exit') status = e.exitCode;
      }
    }
    if (tty) rl.prompt();
  }
  rl.close();
  return status;
}
