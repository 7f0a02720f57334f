/**
 * `burrow serve`: loads the configuration, starts the App's HTTP front and stops it gracefully on SIGINT or
 * SIGTERM (every sandbox stopped, runners closed). Resolves with the process exit status.
 */
import { App } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';

export const SERVE_USAGE = `Usage: burrow serve [--port N] [--host H] [--data-dir DIR] [--keys FILE] [--config FILE] [--log-level LEVEL]

  --port N          port to listen on (env BURROW_PORT, default 8787; 0 picks a free port)
  --host H          address to listen on (env BURROW_HOST, default 127.0.0.1)
  --data-dir DIR    data directory (env BURROW_DATA_DIR, default ./.burrow)
  --keys FILE       JSON object mapping API keys to tenant names (env BURROW_KEYS_FILE)
  --config FILE     JSON config file (env BURROW_CONFIG, default DATA_DIR/config.json when present)
  --log-level L     debug|info|warn|error|silent (env BURROW_LOG_LEVEL, default info)
  BURROW_API_KEY    one API key of the 'default' tenant
`;

export async function serve(argv: string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(SERVE_USAGE);
    return 0;
  }
  let app: App;
  try {
    const config = loadConfig(argv, env);
    app = new App({ dataDir: config.dataDir, keys: config.keys, log: createLogger(config.logLevel) });
    await app.listen(config.port, config.host);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`burrow serve: ${e.message}\n${SERVE_USAGE}`);
      return 2;
    }
    process.stderr.write(`burrow serve: ${e instanceof Error ? e.message : String(e)}\n`);
    return 255;
  }
  const running = app;
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      running.log.info('shutting down');
      void running.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
