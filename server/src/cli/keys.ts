import { DataSource } from 'typeorm';
import { readMasterKey } from '../config/app-config';
import { loadDatabaseConfig } from '../config/app-config';
import { assertDataDirFree } from '../database/data-dir-lock';
import { dataSourceOptions } from '../database/data-source-options';
import { Keyring } from '../modules/keys/keyring';
import { PracticeKeysRepository } from '../modules/keys/practice-keys.repository';
import { PracticeEntity } from '../modules/practice/practice.entity';

const USAGE = `usage: node server/dist/cli/keys.js <command>
  status                       each practice's key versions and the master key that wraps them
  rewrap                       re-wraps every practice key under VISITE_MASTER_KEY (the new key); keys wrapped
                               by VISITE_MASTER_KEY_PREVIOUS (the old key) are opened with it
  new-data-key [--practice <id>]   starts a new data key version for new writes (every practice without
                               --practice); earlier versions stay readable
  The master keys come from VISITE_MASTER_KEY / _FILE and VISITE_MASTER_KEY_PREVIOUS / _FILE, as for the server.`;

/**
 * Key management while the server runs (PostgreSQL): servers keep the keys they unwrapped in memory and
 * accept both master keys during a rotation, so nothing stops. On the embedded database the server holds
 * the data directory: restart it with the new key as VISITE_MASTER_KEY and the old one as
 * VISITE_MASTER_KEY_PREVIOUS, and it re-wraps at boot.
 */
async function main(): Promise<void> {
  const command = process.argv[2];
  if (!command || !['status', 'rewrap', 'new-data-key'].includes(command)) throw new Error(USAGE);
  const env = process.env;
  const current = readMasterKey('VISITE_MASTER_KEY', env.VISITE_MASTER_KEY || undefined, env.VISITE_MASTER_KEY_FILE || undefined);
  if (!current) throw new Error(`VISITE_MASTER_KEY (or VISITE_MASTER_KEY_FILE) is required\n${USAGE}`);
  const previous = readMasterKey('VISITE_MASTER_KEY_PREVIOUS', env.VISITE_MASTER_KEY_PREVIOUS || undefined, env.VISITE_MASTER_KEY_PREVIOUS_FILE || undefined);
  const database = loadDatabaseConfig();
  if (database.kind === 'pglite') assertDataDirFree(database.dataDir);
  const ds = new DataSource(dataSourceOptions(database));
  await ds.initialize();
  try {
    const repo = new PracticeKeysRepository(ds);
    const keyring = new Keyring(repo, current, previous && previous.id !== current.id ? [previous] : []);
    if (command === 'status') {
      const rows = await repo.all();
      for (const row of rows) console.log(`${row.practiceId} ${row.purpose} v${row.version} wrapped by ${row.masterKeyId}${row.masterKeyId === current.id ? ' (VISITE_MASTER_KEY)' : ''}`);
      console.log(`${rows.length} keys; VISITE_MASTER_KEY is ${current.id}`);
    } else if (command === 'rewrap') {
      const count = await keyring.verifyAndRewrap();
      console.log(`re-wrapped ${count} keys under ${current.id}; every key now opens with VISITE_MASTER_KEY`);
    } else {
      await keyring.verifyAndRewrap();
      const i = process.argv.indexOf('--practice');
      const ids = i > 0 ? [process.argv[i + 1]!] : (await ds.getRepository(PracticeEntity).find()).map((p) => p.id);
      for (const id of ids) console.log(`practice ${id}: new writes use data key v${await keyring.addDataKeyVersion(id)}`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
