import { DataSource } from 'typeorm';
import { USER_ROLES, type UserRole } from '@visite/contracts';
import { loadDatabaseConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { hashPassword } from '../modules/auth/password';
import { UserEntity } from '../modules/auth/user.entity';

/**
 * Creates a practice user (or sets a new password for an existing e-mail):
 *   VISITE_PASSWORD=... node server/dist/cli/create-user.js --email a@b.fr --name "Dr A" --role doctor
 * The password comes from the environment, never from the command line (it would stay in shell history).
 */
async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const email = arg('email')?.trim().toLowerCase();
  const displayName = arg('name')?.trim();
  const role = arg('role') as UserRole | undefined;
  const password = process.env.VISITE_PASSWORD ?? '';
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !displayName || !role || !USER_ROLES.includes(role)) {
    throw new Error(`usage: VISITE_PASSWORD=... create-user --email <e-mail> --name <display name> --role <${USER_ROLES.join('|')}>`);
  }
  if (password.length < 12) throw new Error('VISITE_PASSWORD must have at least 12 characters');
  const ds = new DataSource(dataSourceOptions(loadDatabaseConfig()));
  await ds.initialize();
  try {
    const users = ds.getRepository(UserEntity);
    const existing = await users.findOneBy({ email });
    const passwordHash = await hashPassword(password);
    if (existing) {
      await users.update({ id: existing.id }, { passwordHash, displayName, role });
      console.log(`updated ${email} (${role})`);
    } else {
      await users.save(users.create({ email, passwordHash, displayName, role, queueMessage: null }));
      console.log(`created ${email} (${role})`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
