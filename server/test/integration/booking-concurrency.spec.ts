import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CurrentUser, ScheduleView, SlotsView, VisitTypeView } from '@visite/contracts';
import { Client } from 'pg';
import { adminDatabaseUrl, databaseUrlFor, mediaPrivatePem, redisUrl, TEST_DB_SUFFIX, TEST_MASTER_KEY } from '../factories/test-env';
import { ApiProcess, call, signIn } from '../support/api-process';

jest.setTimeout(120_000);

const REQUESTS = 50;

async function freshDatabase(name: string): Promise<string> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return databaseUrlFor(name);
}

/**
 * Fifty patients press "book" on the same slot at once, against the built server as it runs in
 * production (PostgreSQL and Redis) and as the start command runs it by default (PGlite in a data
 * directory): exactly one booking, forty-nine clear refusals (409 SLOT_TAKEN), one visit in the slot.
 */
describe.each([
  ['PostgreSQL and Redis', 'postgres'],
  ['the embedded default (PGlite)', 'pglite'],
] as const)('50 concurrent bookings of one slot (%s)', (_label, database) => {
  let api: ApiProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'visite-booking-'));
    const store: Record<string, string> = database === 'postgres' ? { DATABASE_URL: await freshDatabase(`visite_booking_race${TEST_DB_SUFFIX}`), REDIS_URL: redisUrl() } : { DATA_DIR: dataDir };
    api = await ApiProcess.start({
      PUBLIC_URL: 'http://visite.test', MEDIA_TOKEN_PRIVATE_KEY: mediaPrivatePem, VISITE_MASTER_KEY: TEST_MASTER_KEY, SFU_PUBLIC_URL: 'http://127.0.0.1:9',
      SEED_DEMO: 'true', OUTBOX_WORKER: 'false', ...store,
    });
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives exactly one booking and 49 refusals with SLOT_TAKEN', async () => {
    const cookie = await signIn(api.url, 'doctor@visite.local', 'visite-demo');
    const me = await call<CurrentUser>(api.url, cookie, 'GET', '/api/auth/me');
    const doctorId = me.id;
    const practice = me.practice;
    await call(api.url, cookie, 'PUT', `/api/doctors/${doctorId}/availability`, { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })), minNoticeMinutes: 0 });
    const type = await call<VisitTypeView>(api.url, cookie, 'POST', '/api/visit-types', { doctorId, name: 'Course', durationMinutes: 20 });
    const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const { slots } = await call<SlotsView>(api.url, '', 'GET', `/api/public/practices/${practice.id}/slots?doctorId=${doctorId}&visitTypeId=${type.id}&from=${date}&to=${date}`);
    const slot = slots[0]!;

    const answers = await Promise.all(
      Array.from({ length: REQUESTS }, async (_, i) => {
        const res = await fetch(`${api.url}/api/public/practices/${practice.id}/bookings`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ doctorId, visitTypeId: type.id, start: slot.start, firstName: 'Patient', lastName: `Numéro ${i}`, birthDate: '1970-01-01', email: `p${i}@example.fr`, consentToContact: true }),
        });
        return { status: res.status, body: (await res.json()) as { code?: string } };
      }),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body.code])).toEqual(Array.from({ length: REQUESTS - 1 }, () => [409, 'SLOT_TAKEN']));

    const week = await call<ScheduleView>(api.url, cookie, 'GET', `/api/doctors/${doctorId}/schedule?from=${date}&to=${date}`);
    expect(week.visits.filter((v) => v.visit.scheduledAt === slot.start && v.visit.status !== 'cancelled')).toHaveLength(1);
    // The losers' patients were rolled back with their bookings: one new record in the directory.
    const found = await call<unknown[]>(api.url, cookie, 'GET', `/api/patients?q=${encodeURIComponent('1970-01-01')}`);
    expect(found).toHaveLength(1);
  });
});
