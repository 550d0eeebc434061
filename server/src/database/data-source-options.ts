import { mkdirSync } from 'node:fs';
import type { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** PostgreSQL when DATABASE_URL is set; otherwise the same dialect embedded (PGlite) under DATA_DIR. */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
  };
  if (database.kind === 'postgres') return { ...common, url: database.url };
  mkdirSync(database.dataDir, { recursive: true });
  return { ...common, driver: new PGliteDriver({ dataDir: database.dataDir }).driver };
}
