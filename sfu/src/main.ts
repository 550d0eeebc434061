import { ConfigError, loadConfig } from './config';
import { Logger } from './logging/logger';
import { createSfu } from './sfu';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
  const logger = new Logger(config.logLevel);
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason }));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error }));

  const sfu = await createSfu(config, logger);
  const shutdown = (signal: string): void => {
    logger.info('shutting down', { signal });
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    sfu.close().then(
      () => logger.info('stopped'),
      (err: unknown) => {
        logger.error('shutdown failed', { error: err });
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`sfu failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
