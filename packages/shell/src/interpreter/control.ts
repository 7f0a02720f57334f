/**
 * Non-local exits of the interpreter, thrown and caught within it: loop control, function return, shell exit,
 * a fatal shell error (printed as `bash: message`), and the stop of a job by a signal. None of these is a bug;
 * each carries the status the construct that catches it ends with.
 */

export class BreakSignal {
  constructor(public n: number) {}
}

export class ContinueSignal {
  constructor(public n: number) {}
}

export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `exit`, `set -e`, or a fatal error: ends the (sub)shell with `status`. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** A shell error: the message is printed as `bash: message`; fatal errors end a non-interactive shell. */
export class ShellError extends Error {
  constructor(
    message: string,
    readonly status = 1,
    readonly fatal = false,
  ) {
    super(message);
  }

  /** Already printed where it happened (inside a function, whose location the message names). */
  reported = false;
}

/** The foreground job was stopped by a signal (SIGINT, SIGTERM, SIGHUP, SIGKILL, SIGPIPE). */
export class KilledSignal {
  constructor(readonly signal: number) {}

  get status(): number {
    return 128 + this.signal;
  }
}

export const SIGNALS: Record<string, number> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ILL: 4,
  TRAP: 5,
  ABRT: 6,
  BUS: 7,
  FPE: 8,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
};

/** Signal number of a name (`INT`, `SIGINT`, `int`) or number string; null when unknown. */
export function signalNumber(spec: string): number | null {
  if (/^[0-9]+$/.test(spec)) return Number(spec);
  const up = spec.toUpperCase().replace(/^SIG/, '');
  return SIGNALS[up] ?? null;
}

export function signalName(n: number): string {
  for (const [k, v] of Object.entries(SIGNALS)) if (v === n) return k;
  return String(n);
}
