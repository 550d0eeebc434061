// Benchmark: what the hash-chained, append-only audit trail costs (docs/audit.md, "Cost").
// - one audit append (AuditService.recordAccess: lock the chain head, hash, insert through the checking
//   trigger) against a plain insert of the same row in an unchained copy of the table, sequentially;
// - an HTTP read that writes its audit row (GET /api/visits/:id) against one that writes none (GET /api/practice);
// - concurrent writers on one practice's chain (they queue on the head) and on as many chains;
// - the verify walk, rows per second;
// - the same sequential append on the embedded database (PGlite).
// Prints figures; nothing is asserted.
//
//   node test/bench/audit-chain.bench.mjs [--appends 2000] [--concurrency 8,32] [--no-pglite]
//
// Needs the built server (pnpm -r run build) and PostgreSQL (TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres); it creates and drops the database `visite_bench_audit`.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireServer = createRequire(join(ROOT, 'server', 'package.json'));
const requireTest = createRequire(join(ROOT, 'test', 'package.json'));
const dist = (path) => requireServer(join(ROOT, 'server', 'dist', path));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const APPENDS = Number(option('appends', '2000'));
const CONCURRENCY = option('concurrency', '8,32').split(',').map(Number);
const DATABASE = 'visite_bench_audit';

const ms = (ns) => Number(ns) / 1e6;
function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return `mean ${mean.toFixed(2)} ms, p50 ${at(0.5).toFixed(2)}, p95 ${at(0.95).toFixed(2)}, p99 ${at(0.99).toFixed(2)}`;
}
async function timed(work) {
  const started = process.hrtime.bigint();
  await work();
  return ms(process.hrtime.bigint() - started);
}

function appConfig(env) {
  const { loadConfig } = dist('config/app-config.js');
  const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return loadConfig({ NODE_ENV: 'test', PORT: '0', PUBLIC_URL: 'http://bench.local', RUN_MIGRATIONS: 'true', MEDIA_TOKEN_PRIVATE_KEY: key, SFU_PUBLIC_URL: 'http://127.0.0.1:9', SEED_DEMO: 'false', ...env });
}

async function newPractice(app) {
  const { PracticesRepository } = dist('modules/practice/practices.repository.js');
  const { PracticesService } = dist('modules/practice/practices.service.js');
  return (await app.get(PracticesRepository).create({ name: `Bench ${randomUUID().slice(0, 8)}`, settings: app.get(PracticesService).defaultSettings() })).id;
}

async function sequentialAppends(app, label, n) {
  const { AuditService } = dist('modules/audit/audit.service.js');
  const audit = app.get(AuditService);
  const practiceId = await newPractice(app);
  const event = (i) => ({ actorType: 'user', actorId: randomUUID(), practiceId, action: 'bench.read', detail: { patientIds: [randomUUID(), randomUUID()], visitIds: [randomUUID()], i } });
  for (let i = 0; i < 50; i++) await audit.recordAccess(event(i)); // warm-up
  const samples = [];
  for (let i = 0; i < n; i++) samples.push(await timed(() => audit.recordAccess(event(i))));
  console.log(`${label}: chained audit append (recordAccess, own transaction), ${n} in a row: ${stats(samples)}`);
  return { samples, practiceId, event };
}

async function postgres() {
  const { Client } = requireTest('pg');
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  const { createApp } = dist('create-app.js');
  const { Db } = dist('database/db.js');
  const { AuditService } = dist('modules/audit/audit.service.js');
  const { AuthService } = dist('modules/auth/auth.service.js');
  const { verifyAuditChains } = dist('modules/audit/audit-verify.js');
  const app = await createApp(appConfig({ DATABASE_URL: url.toString() }));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const db = app.get(Db);
  try {
    const { samples: chained, event } = await sequentialAppends(app, 'PostgreSQL', APPENDS);

    // The same row, inserted plainly (no head lock, no hash, no trigger) in a copy of the table.
    await db.manager.query(`CREATE TABLE audit_plain (LIKE audit_events INCLUDING DEFAULTS)`);
    const plainPractice = await newPractice(app);
    const plain = [];
    for (let i = 0; i < APPENDS + 50; i++) {
      const e = event(i);
      const t = await timed(() =>
        db.transaction(() =>
          db.manager.query(
            `INSERT INTO audit_plain (id, created_at, actor_type, actor_id, action, practice_id, visit_id, detail, chain, seq, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6::uuid, null, $7, $6::text, $8, $9, $9)`,
            [randomUUID(), new Date(), e.actorType, e.actorId, e.action, plainPractice, JSON.stringify(e.detail), i + 1, '0'.repeat(64)],
          ),
        ),
      );
      if (i >= 50) plain.push(t);
    }
    console.log(`PostgreSQL: plain insert of the same row (own transaction, no chain), ${APPENDS} in a row: ${stats(plain)}`);
    const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
    console.log(`PostgreSQL: the chain adds ${(mean(chained) - mean(plain)).toFixed(2)} ms to an audited write (head lock + hash + checking trigger)`);

    // A real request: a doctor reads a visit (one audit row) against a read that writes none.
    const practiceId = await newPractice(app);
    const email = `bench-${randomUUID()}@visite.local`;
    await app.get(AuthService).createUser({ practiceId, email, password: 'bench-password-long', displayName: 'Dr Bench', role: 'doctor' });
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password-long' }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const created = await fetch(`${base}/api/visits`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ patient: { firstName: 'Jeanne', lastName: 'Bench', birthDate: '1950-01-01', phone: '+33612345678' } }),
    }).then((r) => r.json());
    const request = async (path) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      await res.arrayBuffer();
    };
    const audited = [];
    const unaudited = [];
    for (let i = 0; i < 50; i++) await request(`/api/visits/${created.visit.id}`);
    for (let i = 0; i < 500; i++) {
      audited.push(await timed(() => request(`/api/visits/${created.visit.id}`)));
      unaudited.push(await timed(() => request('/api/practice')));
    }
    console.log(`HTTP GET /api/visits/:id (writes its audit row): ${stats(audited)}`);
    console.log(`HTTP GET /api/practice (writes none):            ${stats(unaudited)}`);

    // Concurrent writers: on one chain they queue on its head; on separate chains they do not.
    const audit = app.get(AuditService);
    for (const c of CONCURRENCY) {
      for (const shared of [true, false]) {
        const practices = shared ? [await newPractice(app)] : await Promise.all(Array.from({ length: c }, () => newPractice(app)));
        const perWriter = Math.max(20, Math.floor(APPENDS / c));
        const latencies = [];
        const started = process.hrtime.bigint();
        await Promise.all(
          Array.from({ length: c }, async (_, w) => {
            for (let i = 0; i < perWriter; i++) {
              const e = { ...event(i), practiceId: practices[w % practices.length] };
              latencies.push(await timed(() => audit.recordAccess(e)));
            }
          }),
        );
        const seconds = ms(process.hrtime.bigint() - started) / 1000;
        console.log(
          `PostgreSQL: ${c} concurrent writers on ${shared ? 'one chain' : `${c} chains`}: ${Math.round((c * perWriter) / seconds)} appends/s, per append ${stats(latencies)}`,
        );
      }
    }

    const [{ n }] = await db.manager.query(`SELECT count(*)::int AS n FROM audit_events`);
    const walk = await timed(async () => {
      const reports = await verifyAuditChains((sql, params) => db.manager.query(sql, params));
      if (!reports.every((r) => r.ok)) throw new Error('the bench chain does not verify');
    });
    console.log(`verify: ${n} rows in ${(walk / 1000).toFixed(2)} s = ${Math.round(n / (walk / 1000))} rows/s`);
  } finally {
    await app.close();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}

async function pglite() {
  const dataDir = mkdtempSync(join(tmpdir(), 'visite-bench-audit-'));
  const { createApp } = dist('create-app.js');
  const app = await createApp(appConfig({ DATA_DIR: dataDir }));
  await app.init();
  try {
    await sequentialAppends(app, 'PGlite', Math.min(APPENDS, 1000));
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`audit chain benchmark, ${APPENDS} appends, node ${process.version}`);
  await postgres();
  if (!args.includes('--no-pglite')) await pglite();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
