// Benchmark: export a batch of N billed lines (default 1,000,000) through the real export path
// (BillingExportService: batch creation in PostgreSQL, keyset pages, renderers), on a real PostgreSQL.
// Prints lines per second and peak memory for each step and format. Speed is measured here, not asserted.
//
//   node test/bench/billing-export.bench.mjs [--lines 1000000] [--formats csv,json,fhir-fr,fhir-us] [--keep]
//
// Needs the built server (pnpm -r run build) and PostgreSQL (TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres); it creates and drops the database `visite_bench`
// (`--keep` leaves it for inspection).
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
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
const LINES = Number(option('lines', '1000000'));
const FORMATS = option('formats', 'csv,json,fhir-fr,fhir-us').split(',');
const DATABASE = 'visite_bench';

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Samples RSS every 20 ms while `work` runs; returns its result, the seconds it took and the peak. */
async function measure(work) {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds, peak };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const { Client } = requireTest('pg');
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;

  const { loadConfig } = dist('config/app-config.js');
  const { createApp } = dist('create-app.js');
  const { AuthService } = dist('modules/auth/auth.service.js');
  const { UsersRepository } = dist('modules/auth/users.repository.js');
  const { BillingProfilesRepository } = dist('modules/billing/billing-profiles.repository.js');
  const { BillingLinesService } = dist('modules/billing/billing-lines.service.js');
  const { BillingExportService } = dist('modules/billing/billing-export.service.js');
  const { copyBillingLine } = dist('modules/demo/bulk-billing-seed.js');
  const { DataSource } = requireServer('typeorm');

  const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const config = loadConfig({
    NODE_ENV: 'test', PORT: '0', PUBLIC_URL: 'http://bench.local', DATABASE_URL: url.toString(), RUN_MIGRATIONS: 'true',
    MEDIA_TOKEN_PRIVATE_KEY: key, VISITE_MASTER_KEY: randomBytes(32).toString('base64'), SFU_PUBLIC_URL: 'http://127.0.0.1:9', SEED_DEMO: 'false',
    OUTBOX_WORKER: 'false',
  });
  const app = await createApp(config);
  await app.init();
  const db = app.get(DataSource);
  try {
    // One real line, coded through the service (rules evaluated), then copied in SQL.
    const auth = app.get(AuthService);
    const doctor = await auth.createUser({ email: 'bench-doctor@visite.local', password: 'bench-password', displayName: 'Dr Bench', role: 'doctor' });
    const biller = await auth.createUser({ email: 'bench-billing@visite.local', password: 'bench-password', displayName: 'Bench Billing', role: 'billing' });
    await app.get(BillingProfilesRepository).upsert({
      userId: doctor.id, rpps: '10003456789', amNumber: '751234567', profession: 'physician', specialty: 'general_practice', sector: '1',
      optam: false, firstName: 'Bench', lastName: 'Doctor', declaredActsYear: null, declaredActsTotal: null,
    });
    const patientId = randomUUID();
    const visitId = randomUUID();
    await db.query(
      `INSERT INTO patients (id, first_name, last_name, birth_date, phone, sex, ins, ins_oid, identity_status, insured_nir, beneficiary_rank, regular_doctor_rpps)
       VALUES ($1, 'Jeanne', 'Durand; "la Grande"', '1948-05-17', '+33612345678', 'female', '295109912611193', '1.2.250.1.213.1.4.8', 'QUAL', '295109912611193', 1, '10003456789')`,
      [patientId],
    );
    await db.query(
      `INSERT INTO visits (id, doctor_id, patient_id, status, scheduled_at, join_token_hash, join_expires_at, started_at, ended_at, ended_by, modality, modality_source)
       VALUES ($1::uuid, $2, $3::uuid, 'completed', '2026-03-10T09:00:00Z', md5($1::uuid::text) || md5($3::uuid::text), '2026-03-11T09:00:00Z', '2026-03-10T09:05:00Z', '2026-03-10T09:20:00Z', 'doctor', 'video', 'sfu')`,
      [visitId, doctor.id, patientId],
    );
    const doctorUser = await app.get(UsersRepository).findById(doctor.id);
    const line = await app.get(BillingLinesService).codeVisit(doctorUser, visitId, requireServer('@visite/billing').sampleTcgCoding());
    if (line.state !== 'ready') throw new Error(`the template line is ${line.state}: ${JSON.stringify(line.results)}`);

    const seeded = await measure(() => copyBillingLine(db, line.id, LINES - 1));
    await db.query('VACUUM ANALYZE billing_lines');
    const [{ size }] = await db.query(`SELECT pg_total_relation_size('billing_lines') AS size`);
    console.log(`seeded ${LINES.toLocaleString('en')} lines in ${seeded.seconds.toFixed(1)} s (billing_lines: ${mb(Number(size))} on disk)`);

    const exportService = app.get(BillingExportService);
    global.gc?.();
    console.log(`baseline RSS before the batch (Nest app, TypeORM, pool): ${mb(process.memoryUsage.rss())}`);
    const billerUser = await app.get(UsersRepository).findById(biller.id);
    const created = await measure(() => exportService.createBatch(billerUser, { from: '2026-03-10', to: '2026-03-10' }));
    const batch = created.result;
    console.log(
      `batch #${batch.number}: ${batch.lineCount.toLocaleString('en')} lines assigned and hashed in ${created.seconds.toFixed(1)} s ` +
        `(${Math.round(batch.lineCount / created.seconds).toLocaleString('en')} lines/s), peak RSS ${mb(created.peak)}`,
    );

    const rows = [];
    for (const format of FORMATS) {
      const file = exportService.file(batch, format);
      const run = await measure(async () => {
        let bytes = 0;
        for await (const chunk of file.body) bytes += Buffer.byteLength(chunk);
        return bytes;
      });
      const perSecond = Math.round(batch.lineCount / run.seconds);
      rows.push({ format, seconds: run.seconds, perSecond, bytes: run.result, peak: run.peak });
      console.log(`export ${format}: ${batch.lineCount.toLocaleString('en')} lines in ${run.seconds.toFixed(1)} s = ${perSecond.toLocaleString('en')} lines/s, ${mb(run.result)} written, peak RSS ${mb(run.peak)}`);
    }
    console.log(`process peak RSS (whole run): ${mb(process.resourceUsage().maxRSS * 1024)}`);
    console.log('\n| format | lines | seconds | lines/s | output | peak RSS |\n|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.format} | ${batch.lineCount.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${r.perSecond.toLocaleString('en')} | ${mb(r.bytes)} | ${mb(r.peak)} |`);
  } finally {
    await app.close();
    if (!args.includes('--keep')) await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
