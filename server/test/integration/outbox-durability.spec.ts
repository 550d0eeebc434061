import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MessageView, VisitMessages, VisitWithLink } from '@visite/contracts';
import { Client } from 'pg';
import { adminDatabaseUrl, databaseUrlFor, mediaPrivatePem, redisUrl, TEST_DB_SUFFIX, TEST_MASTER_KEY } from '../factories/test-env';
import { ApiProcess, call, signIn } from '../support/api-process';
import { SmtpSink } from '../support/smtp-sink';
import { waitUntil } from '../support/wait-until';

/**
 * Durability of the outbox with the real built server (server/dist/main.js) as child processes:
 * killed with SIGKILL before a reminder is due, killed in the middle of a send, and two nodes polling
 * one database. The mail server is a real SMTP server; "exactly once" is counted on what it accepted.
 */
jest.setTimeout(120_000);

const POLL_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DAY = 86_400_000;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freshDatabase(name: string): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  return databaseUrlFor(name);
}

function baseEnv(smtp: SmtpSink, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PUBLIC_URL: 'http://visite.test',
    MEDIA_TOKEN_PRIVATE_KEY: mediaPrivatePem,
    VISITE_MASTER_KEY: TEST_MASTER_KEY,
    SFU_PUBLIC_URL: 'http://127.0.0.1:9',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'cabinet@visite.test',
    OUTBOX_POLL_INTERVAL_MS: String(POLL_MS),
    SEED_DEMO: 'true',
    ...extra,
  };
}

async function doctorCookie(api: ApiProcess): Promise<string> {
  return signIn(api.url, 'doctor@visite.local', 'visite-demo');
}

function createVisit(api: ApiProcess, cookie: string, email: string, scheduledAt: Date): Promise<VisitWithLink> {
  return call<VisitWithLink>(api.url, cookie, 'POST', '/api/visits', { patient: { firstName: 'Jeanne', lastName: 'Durand', birthDate: '1948-05-17', email }, scheduledAt: scheduledAt.toISOString() });
}

async function messages(api: ApiProcess, cookie: string, visitId: string): Promise<MessageView[]> {
  return (await call<VisitMessages>(api.url, cookie, 'GET', `/api/visits/${visitId}/messages`)).messages;
}

const dayBefore = (m: MessageView) => m.kind === 'reminder' && m.reminderMinutes === 1440;

describe.each([
  ['PostgreSQL and Redis', 'postgres'],
  ['the embedded default (PGlite)', 'pglite'],
] as const)('a reminder due while the API is killed (%s)', (_label, database) => {
  let smtp: SmtpSink;
  let api: ApiProcess;
  let dataDir: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    dataDir = mkdtempSync(join(tmpdir(), 'visite-outbox-'));
    const store: Record<string, string> = database === 'postgres' ? { DATABASE_URL: await freshDatabase(`visite_outbox_kill${TEST_DB_SUFFIX}`), REDIS_URL: redisUrl() } : { DATA_DIR: dataDir };
    api = await ApiProcess.start(baseEnv(smtp, store));
  });
  afterAll(async () => {
    await api?.kill('SIGKILL');
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is sent exactly once after the restart', async () => {
    const cookie = await doctorCookie(api);
    const scheduledAt = new Date(Date.now() + DAY + 8_000);
    const { visit } = await createVisit(api, cookie, 'killed.before@example.fr', scheduledAt);
    const invitation = (await messages(api, cookie, visit.id)).find((m) => m.kind === 'invitation')!;
    await smtp.waitFor((s) => s.withOutboxId(invitation.id).length === 1);
    const reminder = (await messages(api, cookie, visit.id)).find(dayBefore)!;
    expect(reminder.state).toBe('pending');
    expect(new Date(reminder.dueAt).getTime()).toBeGreaterThan(Date.now() + 2_000);

    await api.kill('SIGKILL');
    await sleep(new Date(reminder.dueAt).getTime() - Date.now() + 1_500);
    expect(smtp.withOutboxId(reminder.id)).toEqual([]);

    await api.launch();
    await smtp.waitFor((s) => s.withOutboxId(reminder.id).length > 0);
    await sleep(POLL_MS * 8);
    const received = smtp.withOutboxId(reminder.id);
    expect(received).toHaveLength(1);
    expect(received[0].parsed.subject).toMatch(/^Rappel : téléconsultation avec Dr Claire Martin le /);
    expect(received[0].parsed.messageId).toBe(`<${reminder.id}@visite.test>`);
    expect(smtp.withOutboxId(invitation.id)).toHaveLength(1);

    const after = (await messages(api, await doctorCookie(api), visit.id)).find((m) => m.id === reminder.id)!;
    expect(after).toMatchObject({ state: 'sent', attempts: 1 });
  });
});

describe('an API killed in the middle of a send (PostgreSQL and Redis)', () => {
  let smtp: SmtpSink;
  let api: ApiProcess;
  let db: Client;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    const url = await freshDatabase(`visite_outbox_midsend${TEST_DB_SUFFIX}`);
    api = await ApiProcess.start(baseEnv(smtp, { DATABASE_URL: url, REDIS_URL: redisUrl(), OUTBOX_LEASE_SECONDS: '6' }));
    db = new Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    await api?.kill('SIGKILL');
    await db?.end();
    await smtp?.close();
  });

  it('retries the claimed-but-unsent reminder after the lease, with the same Message-ID, and it arrives once', async () => {
    const cookie = await doctorCookie(api);
    // The mail server reads the reminder but does not answer, so the node is caught mid-send.
    smtp.holdWhen((mail) => (mail.subject ?? '').startsWith('Rappel'));
    const { visit } = await createVisit(api, cookie, 'killed.during@example.fr', new Date(Date.now() + DAY + 3_000));
    const reminder = (await messages(api, cookie, visit.id)).find(dayBefore)!;
    await smtp.waitFor((s) => s.held.length === 1);
    const [claimed] = (await db.query(`SELECT state, attempts, claimed_by FROM outbox_messages WHERE id = $1`, [reminder.id])).rows;
    expect(claimed).toMatchObject({ state: 'sending', attempts: 1 });

    await api.kill('SIGKILL');
    smtp.holdWhen(null);
    await api.launch();
    await smtp.waitFor((s) => s.withOutboxId(reminder.id).length > 0, 30_000);
    await sleep(POLL_MS * 8);

    const received = smtp.withOutboxId(reminder.id);
    expect(received).toHaveLength(1);
    expect(received[0].parsed.messageId).toBe(smtp.held[0].messageId);
    const [row] = (await db.query(`SELECT state, attempts FROM outbox_messages WHERE id = $1`, [reminder.id])).rows;
    expect(row).toMatchObject({ state: 'sent', attempts: 2 });
  });
});

describe('two API nodes polling one database (PostgreSQL and Redis)', () => {
  let smtp: SmtpSink;
  let nodes: ApiProcess[];
  let db: Client;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    const url = await freshDatabase(`visite_outbox_two${TEST_DB_SUFFIX}`);
    const env = baseEnv(smtp, { DATABASE_URL: url, REDIS_URL: redisUrl(), OUTBOX_POLL_INTERVAL_MS: '100' });
    const first = await ApiProcess.start(env); // migrates and seeds the demo doctor
    const second = await ApiProcess.start({ ...env, SEED_DEMO: 'false' });
    nodes = [first, second];
    db = new Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all((nodes ?? []).map((n) => n.kill('SIGKILL')));
    await db?.end();
    await smtp?.close();
  });

  it('sends every invitation and every reminder due at the same moment exactly once', async () => {
    const cookies = await Promise.all(nodes.map(doctorCookie));
    const dueAt = new Date(Date.now() + DAY + 8_000);
    const visits: string[] = [];
    for (let i = 0; i < 14; i++) {
      const node = i % 2;
      visits.push((await createVisit(nodes[node], cookies[node], `patient${i}@example.fr`, dueAt)).visit.id);
    }
    const rows = (await db.query(`SELECT id, kind FROM outbox_messages WHERE visit_id = ANY($1) AND (kind = 'invitation' OR reminder_minutes = 1440)`, [visits])).rows as { id: string; kind: string }[];
    expect(rows).toHaveLength(28);

    await waitUntil('every reminder at the mail server', () => rows.every((r) => smtp.withOutboxId(r.id).length > 0), 30_000);
    await sleep(1_500);
    for (const row of rows) expect([row.kind, smtp.withOutboxId(row.id).length]).toEqual([row.kind, 1]);
    const states = (await db.query(`SELECT state, attempts, claimed_by FROM outbox_messages WHERE id = ANY($1)`, [rows.map((r) => r.id)])).rows as { state: string; attempts: number; claimed_by: string }[];
    expect(states.every((s) => s.state === 'sent' && s.attempts === 1)).toBe(true);
    const byNode = states.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.claimed_by]: (acc[s.claimed_by] ?? 0) + 1 }), {});
    console.log(`messages sent per node: ${JSON.stringify(byNode)}`);
  });
});
