import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { MIGRATIONS } from '../../src/database/migrations';
import { adminDatabaseUrl, databaseUrlFor } from '../factories/test-env';

const DB = 'visite_migrations_roundtrip';

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function tables(ds: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
  return rows.map((r) => r.table_name);
}

describe('migrations on real PostgreSQL', () => {
  let ds: DataSource;

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${DB}`);
    ds = new DataSource(dataSourceOptions({ kind: 'postgres', url: databaseUrlFor(DB) }));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  });

  it('goes up, down and up again, and leaves a schema that matches the entities', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    const schemaTables = await tables(ds);
    expect(schemaTables).toEqual(expect.arrayContaining(['users', 'sessions', 'patients', 'visits', 'consents', 'audit_events']));

    // The entities describe exactly what the migrations built: nothing left for TypeORM to change.
    const diff = await ds.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);

    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual(['migrations']);

    await ds.runMigrations({ transaction: 'each' });
    expect(await tables(ds)).toEqual(schemaTables);
    expect(await ds.showMigrations()).toBe(false);
  });
});
