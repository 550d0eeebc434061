import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { adminDatabaseUrl, databaseUrlFor, TEST_DATABASE } from './factories/test-env';

/**
 * Integration specs run against a real PostgreSQL: a fresh database per run, with the committed
 * migrations applied once here (the migration round trip has its own database).
 */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEST_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEST_DATABASE}`);
  } finally {
    await admin.end();
  }
  const ds = new DataSource(dataSourceOptions({ kind: 'postgres', url: databaseUrlFor(TEST_DATABASE) }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}
