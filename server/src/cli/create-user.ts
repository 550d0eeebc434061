import { DataSource } from 'typeorm';
import { practiceSettingsSchema, USER_ROLES, type UserRole } from '@visite/contracts';
import { loadDatabaseConfig } from '../config/app-config';
import { assertDataDirFree } from '../database/data-dir-lock';
import { dataSourceOptions } from '../database/data-source-options';
import { hashPassword } from '../modules/auth/password';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { PracticeEntity } from '../modules/practice/practice.entity';

const USAGE = `usage: VISITE_PASSWORD=... create-user --email <e-mail> --name <display name> --role <${USER_ROLES.join('|')}> [--practice "<practice name>"]
  On a fresh install, --practice creates the first practice (its first account should be an admin).
  With several practices, --practice says which one (by name).`;

/**
 * Creates a practice account (or sets a new password for an existing e-mail), and on a fresh install
 * the first practice:
 *   VISITE_PASSWORD=... node server/dist/cli/create-user.js --email a@b.fr --name "A" --role admin --practice "Cabinet A"
 * The password comes from the environment, never from the command line (it would stay in shell history).
 * On the embedded database it refuses while the server runs (the server holds the data directory).
 */
async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const email = arg('email')?.trim().toLowerCase();
  const displayName = arg('name')?.trim();
  const role = arg('role') as UserRole | undefined;
  const practiceName = arg('practice')?.trim();
  const password = process.env.VISITE_PASSWORD ?? '';
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !displayName || !role || !USER_ROLES.includes(role)) throw new Error(USAGE);
  if (password.length < 12) throw new Error('VISITE_PASSWORD must have at least 12 characters');
  const database = loadDatabaseConfig();
  if (database.kind === 'pglite') assertDataDirFree(database.dataDir);
  const ds = new DataSource(dataSourceOptions(database));
  await ds.initialize();
  try {
    // A fresh install: the schema is created here, as the server would at boot.
    await ds.runMigrations({ transaction: 'each' });
    const passwordHash = await hashPassword(password);
    await ds.transaction(async (manager) => {
      const users = manager.getRepository(UserEntity);
      const existing = await users.findOneBy({ email });
      if (existing) {
        await users.update({ id: existing.id }, { passwordHash, displayName, role, disabledAt: null });
        // A new password ends the sessions opened with the old one (their sockets close at the
        // servers' next credential recheck, REALTIME_RECHECK_SECONDS).
        const ended = (await manager.getRepository(SessionEntity).delete({ userId: existing.id })).affected ?? 0;
        console.log(`updated ${email} (${role})${ended ? `; ended ${ended} session(s)` : ''}`);
        return;
      }
      const practice = await choosePractice(manager.getRepository(PracticeEntity), practiceName);
      await users.save(users.create({ practiceId: practice.id, email, passwordHash, displayName, role, queueMessage: null, disabledAt: null }));
      console.log(`created ${email} (${role}) in ${practice.name}`);
    });
  } finally {
    await ds.destroy();
  }
}

async function choosePractice(practices: import('typeorm').Repository<PracticeEntity>, name: string | undefined): Promise<PracticeEntity> {
  const all = await practices.find({ order: { createdAt: 'ASC' } });
  if (name) {
    const found = all.find((p) => p.name === name);
    if (found) return found;
    const timeZone = process.env.PRACTICE_TIME_ZONE?.trim() || 'Europe/Paris';
    const created = await practices.save(practices.create({ name, settings: practiceSettingsSchema.parse({ timeZone }) }));
    console.log(`created the practice ${name} (${timeZone})`);
    return created;
  }
  if (all.length === 1) return all[0]!;
  throw new Error(all.length === 0 ? `no practice yet: give --practice "<name>" to create the first one\n${USAGE}` : `several practices: say which with --practice (${all.map((p) => `"${p.name}"`).join(', ')})`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
