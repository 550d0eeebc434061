import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminDatabaseUrl, ARTIFACTS, databaseUrlFor, type E2eStack, STATE_FILE } from './stack-env';

const DB = process.env.E2E_DATABASE ?? `visite_e2e${(process.env.VISITE_TEST_DB_SUFFIX ?? '').replace(/[^a-z0-9_]/g, '')}`;

/** Starts the real stack once for all browser specs, on a fresh PostgreSQL database and Redis. */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();

  // The launcher is an ES module shared with the start command.
  const stackLib = await (new Function('p', 'return import(p)') as (p: string) => Promise<typeof import('../../../scripts/lib/stack.mjs')>)(
    join(__dirname, '..', '..', '..', 'scripts', 'lib', 'stack.mjs'),
  );
  const ensure = await (new Function('p', 'return import(p)') as (p: string) => Promise<{ ensureWorker(): string }>)(
    join(__dirname, '..', '..', '..', 'sfu', 'worker-build', 'ensure-worker.mjs'),
  );
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = join(ARTIFACTS, 'e2e-data');
  rmSync(dataDir, { recursive: true, force: true });
  const lines: string[] = [];
  const stack = await stackLib.startStack({
    dataDir,
    serverPort: await stackLib.freePort(),
    sfuPort: await stackLib.freePort(),
    webRtcPort: 0,
    databaseUrl: databaseUrlFor(DB),
    redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    workerBin: ensure.ensureWorker(),
    seedDemo: true,
    log: (line: string) => lines.push(line),
    // Rate-limit counters of this run only (other checkouts' suites share this Redis).
    extraServerEnv: { RATE_LIMIT_KEY_PREFIX: `visite-e2e:${process.pid}:${Date.now()}` },
  });
  (globalThis as { __visiteStack?: { stop(): Promise<void>; lines: string[] } }).__visiteStack = { stop: stack.stop, lines };
  const state: E2eStack = { baseUrl: stack.publicUrl, databaseUrl: databaseUrlFor(DB) };
  writeFileSync(STATE_FILE, JSON.stringify(state));
}
