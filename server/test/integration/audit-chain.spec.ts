import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { CANONICAL_CREATED_AT_SQL, hashRow } from '../../src/modules/audit/audit-chain';
import { AuditService } from '../../src/modules/audit/audit.service';
import { Db } from '../../src/database/db';
import { createDoctor, createPractice, createVisit, startTestApp, type TestApp } from '../factories/test-app';
import { adminDatabaseUrl, databaseUrlFor, TEST_DB_SUFFIX } from '../factories/test-env';

/**
 * The audit trail is append-only and hash-chained: the database refuses UPDATE, DELETE and TRUNCATE,
 * concurrent writers on two API nodes never fork a chain, and the verify command (the built CLI, as an
 * operator runs it) finds every kind of tampering done by someone who switched the trigger off.
 * Its own database, so the tampering here never reaches the other specs' chains.
 */
const DB = `visite_audit_chain${TEST_DB_SUFFIX}`;
const DATABASE_URL = databaseUrlFor(DB);
const cliPath = join(__dirname, '..', '..', 'dist', 'cli', 'verify-audit.js');

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function verify(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { DATA_DIR: _ignored, ...env } = process.env;
  const res = spawnSync(process.execPath, [cliPath, ...args], { env: { ...env, DATABASE_URL }, encoding: 'utf8' });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('audit trail: append-only, hash-chained, verified', () => {
  let t: TestApp;
  let second: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${DB}`);
    db = new DataSource(dataSourceOptions({ kind: 'postgres', url: DATABASE_URL }));
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    t = await startTestApp({ DATABASE_URL });
    second = await startTestApp({ DATABASE_URL });
  });

  afterAll(async () => {
    await second?.close();
    await t?.close();
    await db?.destroy();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  });

  /** A practice with a few audited actions of a doctor (login, visit created, viewed). */
  async function practiceWithTrail(): Promise<string> {
    const practiceId = await createPractice(t);
    const doctor = await createDoctor(t, 'Dr Chain', practiceId);
    const { visit } = await createVisit(t, doctor);
    await request(t.url).get(`/api/visits/${visit.id}`).set('cookie', doctor.cookie).expect(200);
    await request(t.url).get(`/api/visits/${visit.id}`).set('cookie', doctor.cookie).expect(200);
    return practiceId;
  }

  /** Runs `sql` with the append-only trigger off, as a superuser would, and switches it back on. */
  async function tamper(sql: string | string[], params: unknown[] = []): Promise<void> {
    await db.transaction(async (m) => {
      await m.query(`ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only`);
      await m.query(`ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_chain`);
      for (const statement of [sql].flat()) await m.query(statement, params);
      await m.query(`ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_chain`);
      await m.query(`ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only`);
    });
  }

  const rowsOf = (practiceId: string) =>
    db.query(`SELECT id, seq::int AS seq, prev_hash, hash, action FROM audit_events WHERE chain = $1 ORDER BY seq`, [practiceId]) as Promise<{ id: string; seq: number; prev_hash: string; hash: string; action: string }[]>;

  it('chains every row of a practice from 1 without gaps, each linked to the previous one', async () => {
    const practiceId = await practiceWithTrail();
    const rows = await rowsOf(practiceId);
    const n = rows.length;
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'visit.created', 'visit.viewed']));
    expect(rows.slice(-2).map((r) => r.action)).toEqual(['visit.viewed', 'visit.viewed']);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < n; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const [head] = await db.query(`SELECT seq::int AS seq, hash FROM audit_chain_heads WHERE chain = $1`, [practiceId]);
    expect(head).toEqual({ seq: n, hash: rows[n - 1]!.hash });
    expect(existsSync(cliPath)).toBe(true);
    const ok = verify('--practice', practiceId);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain(`chain ${practiceId}`);
    expect(ok.stdout).toContain(`${n} rows verified`);
    expect(ok.status).toBe(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows, and any move of a chain head but an append', async () => {
    const practiceId = await practiceWithTrail();
    const before = await rowsOf(practiceId);
    const row = before[0];
    await expect(db.query(`UPDATE audit_events SET action = 'visit.viewed' WHERE id = $1`, [row!.id])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.query(`UPDATE audit_events SET detail = '{}' WHERE chain = $1`, [practiceId])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_events WHERE id = $1`, [row!.id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(db.query(`UPDATE audit_chain_heads SET seq = seq - 1 WHERE chain = $1`, [practiceId])).rejects.toThrow(/heads move only with an appended audit row/);
    await expect(db.query(`DELETE FROM audit_chain_heads WHERE chain = $1`, [practiceId])).rejects.toThrow(/heads move only/);
    await expect(db.query(`TRUNCATE audit_chain_heads`)).rejects.toThrow(/heads move only/);
    // A row written by hand that does not follow the head is refused too (it would fork the chain).
    await expect(
      db.query(
        `INSERT INTO audit_events (id, created_at, actor_type, actor_id, action, practice_id, visit_id, detail, chain, seq, prev_hash, hash)
         VALUES (gen_random_uuid(), now(), 'system', null, 'forged', $1::uuid, null, '{}', $1::text, 2, $2, $2)`,
        [practiceId, row!.hash],
      ),
    ).rejects.toThrow(/does not follow the head/);
    expect(await rowsOf(practiceId)).toEqual(before);
    expect(verify('--practice', practiceId).status).toBe(0);
  });

  it('never forks a chain under concurrent writers on two API nodes', async () => {
    const practiceId = await createPractice(t);
    const nodes = [t.app.get(AuditService), second.app.get(AuditService)];
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        nodes[i % 2]!.recordAccess({ actorType: 'system', actorId: null, practiceId, action: 'test.concurrent', detail: { i, node: i % 2 } }),
      ),
    );
    const rows = await rowsOf(practiceId);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const written = (await db.query(`SELECT (detail->>'i')::int AS i FROM audit_events WHERE chain = $1`, [practiceId])).map((r: { i: number }) => r.i).sort((a: number, b: number) => a - b);
    expect(written).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(verify('--practice', practiceId).status).toBe(0);
  });

  it('keeps a change and its row together: a row of a rolled-back change leaves the chain as it was', async () => {
    const practiceId = await createPractice(t);
    const audit = t.app.get(AuditService);
    await audit.recordAccess({ actorType: 'system', actorId: null, practiceId, action: 'test.kept' });
    await expect(
      t.app.get(Db).transaction(async () => {
        await audit.record({ actorType: 'system', actorId: null, practiceId, action: 'test.rolled_back' });
        throw new Error('the change fails after its row');
      }),
    ).rejects.toThrow('the change fails');
    await audit.recordAccess({ actorType: 'system', actorId: null, practiceId, action: 'test.after' });
    expect((await rowsOf(practiceId)).map((r) => [r.seq, r.action])).toEqual([[1, 'test.kept'], [2, 'test.after']]);
    expect(verify('--practice', practiceId).status).toBe(0);
  });

  it('detects an edited row, even with its hash recomputed, and names the first broken row', async () => {
    const edited = await practiceWithTrail();
    const rows = await rowsOf(edited);
    await tamper(`UPDATE audit_events SET action = 'visit.deleted' WHERE id = $1`, [rows[2]!.id]);
    const report = verify('--practice', edited);
    expect(report.status).toBe(1);
    expect(report.stdout).toContain(`BROKEN at row 3 (id ${rows[2]!.id}`);
    expect(report.stdout).toContain('changed after it was written');

    // A careful forger recomputes the edited row's own hash: the next row no longer follows it.
    const rehashed = await practiceWithTrail();
    const [stored] = await db.query(
      `SELECT id, ${CANONICAL_CREATED_AT_SQL} AS created_at, practice_id, actor_type, actor_id, action, visit_id, detail, seq::int AS seq, prev_hash FROM audit_events WHERE chain = $1 AND seq = 2`,
      [rehashed],
    );
    const forged = hashRow({
      id: stored.id, chain: rehashed, seq: 2, createdAt: stored.created_at, practiceId: stored.practice_id, actorType: stored.actor_type,
      actorId: stored.actor_id, action: 'visit.viewed', visitId: stored.visit_id, detail: stored.detail, prevHash: stored.prev_hash,
    });
    await tamper(`UPDATE audit_events SET action = 'visit.viewed', hash = $2 WHERE id = $1`, [stored.id, forged]);
    expect(stored.action).not.toBe('visit.viewed');
    const next = verify('--practice', rehashed, '--json');
    expect(next.status).toBe(1);
    const parsed = JSON.parse(next.stdout) as { ok: boolean; chains: { chain: string; rows: number; broken: { problem: string; seq: number } }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.chains[0]).toMatchObject({ chain: rehashed, rows: 2, broken: { problem: 'not_linked', seq: 3 } });
  });

  it('detects a deleted row, deleted last rows, a row inserted beyond the head and rows reordered', async () => {
    const deleted = await practiceWithTrail();
    await tamper(`DELETE FROM audit_events WHERE chain = $1 AND seq = 2`, [deleted]);
    const gap = verify('--practice', deleted, '--json');
    expect(gap.status).toBe(1);
    expect(JSON.parse(gap.stdout).chains[0].broken).toMatchObject({ problem: 'missing', seq: 2 });

    const tail = await practiceWithTrail();
    const tailRows = (await rowsOf(tail)).length;
    await tamper(`DELETE FROM audit_events WHERE chain = $1 AND seq = $2`, [tail, tailRows]);
    expect(JSON.parse(verify('--practice', tail, '--json').stdout).chains[0].broken).toMatchObject({ problem: 'truncated', seq: tailRows });

    const inserted = await practiceWithTrail();
    const last = (await rowsOf(inserted)).at(-1)!;
    await tamper(
      `INSERT INTO audit_events (id, created_at, actor_type, actor_id, action, practice_id, visit_id, detail, chain, seq, prev_hash, hash)
       VALUES (gen_random_uuid(), now(), 'system', null, 'forged', $1::uuid, null, '{}', $1::text, $4, $2, $3)`,
      [inserted, last.hash, 'e'.repeat(64), last.seq + 1],
    );
    expect(JSON.parse(verify('--practice', inserted, '--json').stdout).chains[0].broken).toMatchObject({ problem: 'beyond_head', seq: last.seq + 1 });

    const reordered = await practiceWithTrail();
    await tamper(
      [
        `UPDATE audit_events SET seq = 0 WHERE chain = $1 AND seq = 2`,
        `UPDATE audit_events SET seq = 2 WHERE chain = $1 AND seq = 3`,
        `UPDATE audit_events SET seq = 3 WHERE chain = $1 AND seq = 0`,
      ],
      [reordered],
    );
    expect(JSON.parse(verify('--practice', reordered, '--json').stdout).chains[0].broken).toMatchObject({ problem: 'not_linked', seq: 2 });

    // Without --practice every chain is walked: the broken ones are listed, the others verify.
    const all = verify();
    expect(all.status).toBe(1);
    for (const p of [deleted, tail, inserted, reordered]) expect(all.stdout).toMatch(new RegExp(`chain ${p}[^\\n]*BROKEN`));
    expect(all.stdout).toMatch(/chain [0-9a-f-]+ \([^)]*\): \d+ rows verified/);
    expect(all.stdout).toContain('audit trail BROKEN');
  });

  it('answers usage errors with exit status 2', () => {
    const res = verify('--nonsense');
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/usage: verify-audit/);
  });
});
