import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MasterKeyMismatchError } from '../../src/modules/keys/keys.exception';
import { createStaff, startTestApp, type Doctor, type TestApp } from '../factories/test-app';
import { adminDatabaseUrl, databaseUrlFor, TEST_DATABASE, TEST_DB_SUFFIX, TEST_MASTER_KEY } from '../factories/test-env';

/** Known identities: none of these may appear in clear in the database. */
const KNOWN = [
  { firstName: 'Eulalie', lastName: 'Vandermeersch', birthName: 'Kowalczykowa', birthDate: '1931-07-23', phone: '+33687654321', email: 'eulalie.v@example.fr' },
  { firstName: 'Thélonious', lastName: 'Abernathy-Ruiz', birthDate: '1999-12-03', phone: '+33 7 11 22 33 44' },
];
const NIR = '199129912345641';
const NEEDLES = ['Eulalie', 'Vandermeersch', 'Kowalczykowa', '1931-07-23', '687654321', 'eulalie.v@example.fr', 'Abernathy', 'Thélonious', 'Thelonious', '711223344', NIR, '10007654321'];

async function visitFor(t: TestApp, doctor: Doctor, patient: object): Promise<{ visitId: string; patientId: string }> {
  const res = await request(t.url).post('/api/visits').set('cookie', doctor.cookie).send({ patient }).expect(201);
  return { visitId: res.body.visit.id, patientId: res.body.visit.patient.id };
}

describe('health data at rest (real PostgreSQL)', () => {
  let t: TestApp;
  let doctor: Doctor;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    doctor = await createStaff(t, 'doctor', 'Dr Chiffre');
    for (const p of KNOWN) ids.push((await visitFor(t, doctor, p)).patientId);
    const { visitId } = await visitFor(t, doctor, KNOWN[0]!);
    await request(t.url)
      .put(`/api/visits/${visitId}/patient-identity`)
      .set('cookie', doctor.cookie)
      .send({ sex: 'female', ins: NIR, insOid: '1.2.250.1.213.1.4.8', identityStatus: 'QUAL', insuredNir: NIR, beneficiaryRank: 1, regularDoctorRpps: '10007654321' })
      .expect(200);
  });
  afterAll(() => t.close());

  it('stores only ciphertexts and keyed hashes in patients, and reads them back', async () => {
    const db = t.app.get(DataSource);
    const rows: Record<string, unknown>[] = await db.query(`SELECT * FROM patients WHERE id = ANY($1)`, [ids]);
    expect(rows).toHaveLength(2);
    const text = JSON.stringify(rows);
    expect(NEEDLES.filter((n) => text.includes(n))).toEqual([]);
    for (const row of rows) {
      for (const column of ['first_name', 'last_name', 'birth_date', 'phone']) expect(String(row[column])).toMatch(/^enc1:\d+:[A-Za-z0-9+/=]+$/);
      expect(String(row.bidx_last)).toMatch(/^[0-9a-f]{32}$/);
    }
    const [first] = rows.filter((r) => r.id === ids[0]);
    expect(String(first!.insured_nir)).toMatch(/^enc1:/);
    // A ciphertext moved to another row or column does not open (it is bound to its place).
    await db.query(`UPDATE patients SET last_name = first_name WHERE id = $1`, [ids[1]]);
    expect((await request(t.url).get(`/api/patients/${ids[1]}`).set('cookie', doctor.cookie)).status).toBe(500);
    await db.query(`UPDATE patients SET last_name = $2 WHERE id = $1`, [ids[1], rows.find((r) => r.id === ids[1])!.last_name]);
    const back = await request(t.url).get(`/api/patients/${ids[0]}`).set('cookie', doctor.cookie).expect(200);
    expect(back.body).toMatchObject({ firstName: 'Eulalie', lastName: 'Vandermeersch', birthName: 'Kowalczykowa', birthDate: '1931-07-23', phone: '+33687654321' });
  });

  it('writes no name, phone or NIR in clear in the audit trail', async () => {
    const audit = await t.app.get(DataSource).query(`SELECT action, detail FROM audit_events WHERE practice_id = $1`, [t.practiceId]);
    expect(audit.length).toBeGreaterThan(3);
    const text = JSON.stringify(audit);
    expect(NEEDLES.filter((n) => text.includes(n))).toEqual([]);
  });

  it('leaves none of the known identities in a pg_dump of the test database', () => {
    const dump = spawnSync('pg_dump', ['--dbname', databaseUrlFor(TEST_DATABASE), '--data-only'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    expect(dump.status).toBe(0);
    expect(dump.stdout).toContain('COPY public.patients');
    expect(NEEDLES.filter((n) => dump.stdout.includes(n))).toEqual([]);
    // The dump is real: a staff account's e-mail (not health data) is in it.
    expect(dump.stdout).toContain(doctor.email);
  });
});

describe('key rotation and the master key (a database of its own)', () => {
  const DB = `visite_keys${TEST_DB_SUFFIX}`;
  const cli = join(__dirname, '..', '..', 'dist', 'cli', 'keys.js');
  const K1 = TEST_MASTER_KEY;
  const K2 = randomBytes(32).toString('base64');
  const on = (key: string, extra: Record<string, string> = {}) => ({ DATABASE_URL: databaseUrlFor(DB), RUN_MIGRATIONS: 'true', VISITE_MASTER_KEY: key, ...extra });
  const keysCli = (args: string[], env: Record<string, string>) => {
    const { DATABASE_URL: _d, ...parent } = process.env;
    return spawnSync(process.execPath, [cli, ...args], { env: { ...parent, DATABASE_URL: databaseUrlFor(DB), ...env }, encoding: 'utf8' });
  };
  async function admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: adminDatabaseUrl() });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  }

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${DB}`);
  });
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`));

  it('adds data key versions and rotates the master key without stopping; everything stays readable', async () => {
    const t1 = await startTestApp(on(K1));
    const doctor = await createStaff(t1, 'doctor', 'Dr Rotation');
    const before = await visitFor(t1, doctor, KNOWN[0]!);

    // A new data key version for new writes; the earlier one stays readable.
    const added = keysCli(['new-data-key', '--practice', t1.practiceId], { VISITE_MASTER_KEY: K1 });
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain(`practice ${t1.practiceId}: new writes use data key v2`);
    const t2 = await startTestApp(on(K1));
    const doctor2 = await createStaff(t2, 'doctor', 'Dr Rotation Two', t1.practiceId);
    const after = await visitFor(t2, doctor2, KNOWN[1]!);
    const versions = await t2.app.get(DataSource).query(`SELECT split_part(first_name, ':', 2) AS v FROM patients WHERE id = ANY($1) ORDER BY v`, [[before.patientId, after.patientId]]);
    expect(versions.map((r: { v: string }) => r.v)).toEqual(['1', '2']);
    await t2.close();
    const read = async (t: TestApp, who: Doctor, id: string) => (await request(t.url).get(`/api/patients/${id}`).set('cookie', who.cookie).expect(200)).body.lastName;
    expect(await read(t1, doctor, after.patientId)).toBe('Abernathy-Ruiz');

    // Master key rotation, as a rolling restart: a node comes up with the new key and the old one as
    // previous, and re-wraps every key at boot, while the node started with the old key keeps serving.
    const t3 = await startTestApp(on(K2, { VISITE_MASTER_KEY_PREVIOUS: K1 }));
    const wrappedBy = await t3.app.get(DataSource).query(`SELECT DISTINCT master_key_id FROM practice_keys`);
    expect(wrappedBy).toHaveLength(1);
    expect(await read(t1, doctor, before.patientId)).toBe('Vandermeersch');
    expect(await read(t1, doctor, after.patientId)).toBe('Abernathy-Ruiz');
    await t1.close();
    await t3.close();
    const rewrap = keysCli(['rewrap'], { VISITE_MASTER_KEY: K2, VISITE_MASTER_KEY_PREVIOUS: K1 });
    expect(rewrap.stderr).toBe('');
    expect(rewrap.stdout).toMatch(/^re-wrapped 0 keys under [0-9a-f]{16}; every key now opens with VISITE_MASTER_KEY/);
    const status = keysCli(['status'], { VISITE_MASTER_KEY: K2 });
    expect(status.stdout.trim().split('\n').slice(0, -1).every((line) => line.endsWith('(VISITE_MASTER_KEY)'))).toBe(true);

    // The new key alone reads everything, both data key versions, and search still works.
    const t4 = await startTestApp(on(K2));
    const doctor4 = await createStaff(t4, 'doctor', 'Dr After', t1.practiceId);
    expect(await read(t4, doctor4, before.patientId)).toBe('Vandermeersch');
    expect(await read(t4, doctor4, after.patientId)).toBe('Abernathy-Ruiz');
    const search = await request(t4.url).get('/api/patients').query({ q: 'vander 23/07/1931' }).set('cookie', doctor4.cookie).expect(200);
    expect(search.body.map((p: { id: string }) => p.id)).toEqual([before.patientId]);
    await t4.close();
  }, 120_000);

  it('re-wraps from the CLI while servers hold both keys', async () => {
    const K3 = randomBytes(32).toString('base64');
    const t = await startTestApp(on(K3, { VISITE_MASTER_KEY_PREVIOUS: K2, RUN_MIGRATIONS: 'false' }));
    const rewrap = keysCli(['rewrap'], { VISITE_MASTER_KEY: K3, VISITE_MASTER_KEY_PREVIOUS: K2 });
    expect(rewrap.stdout).toMatch(/^re-wrapped 0 keys/);
    await t.close();
    // Without the previous key the CLI refuses clearly before changing anything.
    const wrong = keysCli(['rewrap'], { VISITE_MASTER_KEY: randomBytes(32).toString('base64') });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/does not open this database's practice keys/);
  }, 60_000);

  it('refuses to start with the old or a wrong master key, saying why', async () => {
    for (const key of [K2, randomBytes(32).toString('hex')]) {
      const attempt = startTestApp(on(key));
      await expect(attempt).rejects.toBeInstanceOf(MasterKeyMismatchError);
      await expect(attempt).rejects.toThrow(/VISITE_MASTER_KEY does not open this database's practice keys[\s\S]*VISITE_MASTER_KEY_PREVIOUS/);
    }
  });
});
