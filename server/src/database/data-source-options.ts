import { mkdirSync } from 'node:fs';
import type { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// The package's `exports` map names it `contrib/btree_gist`, which this project's module resolution cannot see; Node's require can.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist') as typeof import('@electric-sql/pglite/dist/contrib/btree_gist');

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
  // btree_gist: the exclusion constraint that keeps two bookings of a doctor from overlapping.
  return { ...common, driver: new PGliteDriver({ dataDir: database.dataDir, extensions: { btree_gist } }).driver };
}
