#!/usr/bin/env node
// Runs every test of Visite on this machine: type checks, unit tests, integration tests against real
// PostgreSQL and Redis, SFU tests against the real mediasoup worker, and browser end-to-end tests in
// Chromium. Installs and starts what is missing (Debian/Ubuntu): PostgreSQL, Redis, Chromium, the
// worker's build packages.   node scripts/test.mjs [--skip-e2e]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureWorker } from '../sfu/worker-build/ensure-worker.mjs';
import { ensureChromium, ensurePostgres, ensureRedis } from './lib/services.mjs';
import { pnpm, pnpmCommand, ROOT } from './lib/stack.mjs';

const skipE2e = process.argv.includes('--skip-e2e');
const started = Date.now();
const step = (title) => console.log(`\n=== ${title} (${Math.round((Date.now() - started) / 1000)} s)`);

step('dependencies');
pnpm(['install', '--frozen-lockfile', '--reporter=silent']);

step('services');
const databaseUrl = await ensurePostgres();
const redisUrl = await ensureRedis();
const chromium = skipE2e ? null : ensureChromium();
console.log(`PostgreSQL ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}, Redis ${redisUrl}${chromium ? `, Chromium ${chromium}` : ''}`);

step('mediasoup worker');
const workerBin = ensureWorker();
console.log(workerBin);

step('build and type checks');
pnpm(['-r', 'run', 'build']);
pnpm(['-r', 'run', 'typecheck']);

const env = { ...process.env, TEST_DATABASE_URL: databaseUrl, TEST_REDIS_URL: redisUrl, MEDIASOUP_WORKER_BIN: workerBin, ...(chromium ? { CHROMIUM_PATH: chromium } : {}), TZ: 'Europe/Paris' };
const resultsDir = join(ROOT, 'test', 'artifacts', 'results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const suites = [
  { name: 'contracts', dir: 'packages/contracts', args: [] },
  { name: 'billing rules', dir: 'packages/billing', args: [] },
  { name: 'i18n catalogues', dir: 'packages/i18n', args: [] },
  { name: 'scheduling (slots, time zones)', dir: 'packages/scheduling', args: [] },
  { name: 'server (unit + integration on PostgreSQL and Redis)', dir: 'server', args: ['--runInBand'] },
  { name: 'sfu (real mediasoup worker)', dir: 'sfu', args: ['--runInBand'] },
  { name: 'web', dir: 'web', args: [] },
  ...(skipE2e ? [] : [{ name: 'browser end-to-end (Chromium, real WebRTC)', dir: 'test', args: ['--runInBand', '--config', 'e2e/jest.config.js'] }]),
];

let passed = 0;
let failed = 0;
const broken = [];
const { cmd, args: pnpmArgs } = pnpmCommand();
for (const [i, suite] of suites.entries()) {
  step(`tests: ${suite.name}`);
  const out = join(resultsDir, `${i}.json`);
  const res = spawnSync(cmd, [...pnpmArgs, 'exec', 'jest', '--ci', ...suite.args, '--json', `--outputFile=${out}`], { cwd: join(ROOT, suite.dir), stdio: 'inherit', env });
  if (!existsSync(out)) {
    broken.push(suite.name);
    continue;
  }
  const result = JSON.parse(readFileSync(out, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  if (res.status !== 0 || result.numRuntimeErrorTestSuites > 0 || result.numTotalTests === 0) broken.push(suite.name);
}

console.log(`\nVisite tests finished in ${Math.round((Date.now() - started) / 1000)} s${broken.length ? `; failing suites: ${broken.join(', ')}` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(broken.length || failed ? 1 : 0);
