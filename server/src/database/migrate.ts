import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from '../config/app-config';
import { assertDataDirFree } from './data-dir-lock';
import { dataSourceOptions } from './data-source-options';

/** CLI: `node dist/database/migrate.js up|down|status` against the configured database. */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'up';
  const database = loadDatabaseConfig();
  if (database.kind === 'pglite') assertDataDirFree(database.dataDir);
  const ds = new DataSource(dataSourceOptions(database));
  await ds.initialize();
  try {
    if (command === 'up') {
      const done = await ds.runMigrations({ transaction: 'each' });
      console.log(done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'schema is up to date');
    } else if (command === 'down') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'status') {
      console.log((await ds.showMigrations()) ? 'pending migrations' : 'schema is up to date');
    } else {
      throw new Error(`unknown command ${command}: use up, down or status`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
