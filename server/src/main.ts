import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './create-app';
import { acquireDataDir, DataDirBusyError } from './database/data-dir-lock';
import { MasterKeyMismatchError } from './modules/keys/keys.exception';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // The embedded database belongs to this process while it runs: the CLIs refuse meanwhile.
  const release = config.database.kind === 'pglite' ? acquireDataDir(config.database.dataDir, config.publicUrl) : () => undefined;
  const app = await createApp(config);
  app.getHttpServer().once('close', release);
  await app.listen(config.port, config.host);
  Logger.log(`Visite API on ${config.publicUrl} (database: ${config.database.kind}, redis: ${config.redisUrl ? 'on' : 'in-process'})`, 'Boot');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof DataDirBusyError || error instanceof MasterKeyMismatchError ? error.message : error);
  process.exit(1);
});
