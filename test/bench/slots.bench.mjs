// Benchmark: the public slot endpoint (GET /api/public/practices/:id/slots) over HTTP at a fixed rate.
// One practice, 10 doctors (Monday-Saturday 08:00-19:00, 20-minute visits), 30 days ahead, 500 existing
// bookings per doctor; each request asks one doctor's slots for a 7-day window somewhere in those 30 days.
// The load is open-loop: request i is sent at start + i / rate whatever the answers do, and its latency is
// counted from that planned time (a slow answer delays nothing, and is not hidden either).
// Prints throughput and p50/p95/p99; asserts nothing (docs/scheduling.md keeps the figures).
//
//   node test/bench/slots.bench.mjs [--rate 200] [--seconds 20] [--doctors 10] [--bookings 500]
//
// Needs the built server (pnpm -r run build), PostgreSQL (TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres) and Redis (TEST_REDIS_URL); it creates and drops the
// database `visite_bench_slots`. The server runs as its own process (node server/dist/main.js).
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireServer = createRequire(join(ROOT, 'server', 'package.json'));
const requireTest = createRequire(join(ROOT, 'test', 'package.json'));
const dist = (path) => requireServer(join(ROOT, 'server', 'dist', path));
const scheduling = requireServer('@visite/scheduling');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RATE = Number(option('rate', '200'));
const SECONDS = Number(option('seconds', '20'));
const DOCTORS = Number(option('doctors', '10'));
const BOOKINGS = Number(option('bookings', '500'));
const DATABASE = 'visite_bench_slots';
const DAY = 86_400_000;

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${DATABASE}`;
  return u.toString();
})();
const env = {
  DATABASE_URL: dbUrl, REDIS_URL: redisUrl, PUBLIC_URL: 'http://bench.local', SFU_PUBLIC_URL: 'http://127.0.0.1:9',
  MEDIA_TOKEN_PRIVATE_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  VISITE_MASTER_KEY: randomBytes(32).toString('base64'), OUTBOX_WORKER: 'false', SEED_DEMO: 'false',
};

async function admin(sql) {
  const { Client } = requireTest('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The practice, its doctors, hours, one visit type and the bookings, written through the application's own services. */
async function seed() {
  const { loadConfig } = dist('config/app-config.js');
  const { createApp } = dist('create-app.js');
  const app = await createApp(loadConfig({ NODE_ENV: 'test', PORT: '0', RUN_MIGRATIONS: 'true', ...env }));
  await app.init();
  try {
    const { PracticesRepository } = dist('modules/practice/practices.repository.js');
    const { PracticesService } = dist('modules/practice/practices.service.js');
    const { AuthService } = dist('modules/auth/auth.service.js');
    const { SchedulingRepository } = dist('modules/scheduling/scheduling.repository.js');
    const { PatientsService } = dist('modules/patients/patients.service.js');
    const { Db } = dist('database/db.js');
    const practiceId = (await app.get(PracticesRepository).create({ name: 'Cabinet Bench', settings: app.get(PracticesService).defaultSettings({ timeZone: 'Europe/Paris' }) })).id;
    const repo = app.get(SchedulingRepository);
    const type = await repo.insertVisitType({ practiceId, doctorId: null, name: 'Consultation', kind: 'other', durationMinutes: 20, publicBooking: true, archivedAt: null });
    const weekly = [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '08:00', end: '19:00' }));
    const db = app.get(Db);
    const doctors = [];
    for (let d = 0; d < DOCTORS; d++) {
      const doctor = await app.get(AuthService).createUser({ practiceId, email: `bench-${d}-${randomUUID()}@bench.local`, password: 'bench password long', displayName: `Dr Bench ${d}`, role: 'doctor' });
      await repo.saveAvailability({ doctorId: doctor.id, practiceId, timeZone: null, weekly, horizonDays: 60, minNoticeMinutes: 0, publicBooking: true });
      const actor = { userId: doctor.id, practiceId, role: 'doctor', displayName: doctor.displayName, assists: [] };
      const patient = await app.get(PatientsService).create(actor, { firstName: 'Bench', lastName: `Patient ${d}`, birthDate: '1970-01-01', phone: '+33600000000' });
      const now = Date.now();
      const slots = scheduling.computeSlots({ timeZone: 'Europe/Paris', weekly, absences: [], busy: [], durationMinutes: 20, minNoticeMinutes: 0, horizonDays: 60 }, now, now + 30 * DAY, now);
      // 500 of the ~900 slots of 30 days, spread over them.
      const step = slots.length / BOOKINGS;
      const booked = Array.from({ length: Math.min(BOOKINGS, slots.length) }, (_, i) => slots[Math.floor(i * step)]);
      for (let i = 0; i < booked.length; i += 100) {
        const chunk = booked.slice(i, i + 100);
        const values = chunk.map((_, j) => `(gen_random_uuid(), $1, $2, $3, 'scheduled', $${4 + 2 * j}::timestamptz, $${5 + 2 * j}::timestamptz, '${type.id}'::uuid, md5(random()::text) || md5(random()::text), now() + interval '60 days')`);
        await db.manager.query(
          `INSERT INTO visits (id, practice_id, doctor_id, patient_id, status, scheduled_at, ends_at, visit_type_id, join_token_hash, join_expires_at) VALUES ${values.join(', ')}`,
          [practiceId, doctor.id, patient.id, ...chunk.flatMap((s) => [new Date(s.start), new Date(s.end)])],
        );
      }
      doctors.push(doctor.id);
    }
    return { practiceId, typeId: type.id, doctors };
  } finally {
    await app.close();
  }
}

function startServer(port) {
  const child = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
    env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), RUN_MIGRATIONS: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

async function waitReady(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server not ready');
}

function get(agent, port, path) {
  return new Promise((resolveGet, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolveGet(res.statusCode));
    });
    req.on('error', reject);
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  const seeded = await seed();
  const port = 30000 + Math.floor(Math.random() * 20000);
  const server = startServer(port);
  try {
    await waitReady(`http://127.0.0.1:${port}`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const today = new Date().toISOString().slice(0, 10);
    const pathFor = (i) => {
      const doctorId = seeded.doctors[i % seeded.doctors.length];
      const from = scheduling.addDays(today, 1 + ((i * 7) % 23));
      return `/api/public/practices/${seeded.practiceId}/slots?doctorId=${doctorId}&visitTypeId=${seeded.typeId}&from=${from}&to=${scheduling.addDays(from, 6)}`;
    };
    // Warm-up: 2 s at the same rate, not counted.
    const run = async (seconds, record) => {
      const total = Math.round(RATE * seconds);
      const latencies = [];
      const statuses = new Map();
      const start = performance.now();
      const inflight = [];
      for (let i = 0; i < total; i++) {
        const planned = start + (i * 1000) / RATE;
        const wait = planned - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        inflight.push(
          get(agent, port, pathFor(i)).then(
            (status) => {
              latencies.push(performance.now() - planned);
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
            },
            (error) => statuses.set(error.code ?? 'error', (statuses.get(error.code ?? 'error') ?? 0) + 1),
          ),
        );
      }
      await Promise.all(inflight);
      const elapsed = (performance.now() - start) / 1000;
      if (record) return { latencies: latencies.sort((a, b) => a - b), statuses, elapsed, total };
      return null;
    };
    await run(2, false);
    const { latencies, statuses, elapsed, total } = await run(SECONDS, true);
    const sample = await (await fetch(`http://127.0.0.1:${port}${pathFor(3)}`)).json();
    console.log(`slots benchmark: ${DOCTORS} doctors, ${BOOKINGS} bookings each over 30 days, 7-day windows (${sample.slots.length} free slots in a sample answer)`);
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine shares the cores)`);
    console.log(`offered ${RATE} req/s for ${SECONDS} s: ${total} requests, ${(total / elapsed).toFixed(1)} req/s served, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(`latency from the planned send: p50 ${pct(latencies, 0.5).toFixed(2)} ms, p95 ${pct(latencies, 0.95).toFixed(2)} ms, p99 ${pct(latencies, 0.99).toFixed(2)} ms, max ${latencies[latencies.length - 1].toFixed(2)} ms`);
    agent.destroy();
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
