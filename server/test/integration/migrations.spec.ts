import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { MIGRATIONS } from '../../src/database/migrations';
import { adminDatabaseUrl, databaseUrlFor, TEST_DB_SUFFIX } from '../factories/test-env';

const DB = `visite_migrations_roundtrip${TEST_DB_SUFFIX}`;

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

describe('migrations on the embedded default (PGlite under DATA_DIR)', () => {
  // PGlite loads its WebAssembly through a dynamic import that jest's VM cannot run, so this drives
  // the real migration CLI (server/dist/database/migrate.js, built by the test command) in a child.
  const cli = join(__dirname, '..', '..', 'dist', 'database', 'migrate.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'visite-pglite-'));
  const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
  const env = { ...parentEnv, DATA_DIR: dataDir, MEDIA_TOKEN_PRIVATE_KEY: testKeyPem() };
  const migrate = (command: string) => {
    const res = spawnSync(process.execPath, [cli, command], { env, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`migrate ${command} failed: ${res.stderr}`);
    return res.stdout.trim();
  };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the same migrations up, down and up again', () => {
    expect(existsSync(cli)).toBe(true);
    expect(migrate('up')).toBe(`applied: ${MIGRATIONS.map((m) => m.name).join(', ')}`);
    expect(migrate('status')).toBe('schema is up to date');
    expect(migrate('down')).toBe('reverted the last migration');
    expect(migrate('status')).toBe('pending migrations');
    expect(migrate('up')).toMatch(/^applied: /);
    expect(migrate('up')).toBe('schema is up to date');
  });
});

function testKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
