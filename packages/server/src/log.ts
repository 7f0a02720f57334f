/**
 * Structured logs: one JSON object per line on stderr (`t`, `level`, `msg`, then fields), filtered by level.
 * Request lines are at `debug` so that the hot path writes nothing by default.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  readonly level: LogLevel;
  enabled(level: LogLevel): boolean;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const min = RANK[level];
  const emit = (lv: LogLevel, msg: string, fields?: LogFields): void => {
    if (RANK[lv] < min) return;
    write(`${JSON.stringify({ t: new Date().toISOString(), level: lv, msg, ...fields })}\n`);
  };
  return {
    level,
    enabled: (lv) => RANK[lv] >= min,
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

export function isLogLevel(v: string): v is LogLevel {
  return v in RANK;
}
