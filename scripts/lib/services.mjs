// Makes sure the machine has what the tests need: PostgreSQL, Redis and Chromium. Uses what is
// already running; on a fresh Debian/Ubuntu machine installs the missing packages and starts them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';

const isRoot = process.getuid?.() === 0;
const sudo = isRoot ? [] : ['sudo', '-n'];
let aptUpdated = false;

function run(cmd, args, { quiet = false } = {}) {
  const full = [...sudo, cmd, ...args];
  const res = spawnSync(full[0], full.slice(1), { stdio: quiet ? 'ignore' : 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return res.status === 0;
}

function must(ok, what) {
  if (!ok) throw new Error(`${what} failed${isRoot ? '' : ' (run as root, or allow sudo without a password)'}`);
}

export function aptInstall(packages) {
  const missing = packages.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('ok installed') !== true);
  if (missing.length === 0) return;
  console.log(`> installing Debian packages: ${missing.join(' ')}`);
  if (!aptUpdated) {
    must(run('apt-get', ['update', '-qq']), 'apt-get update');
    aptUpdated = true;
  }
  must(run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing]), `apt-get install ${missing.join(' ')}`);
}

export function portOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function waitPort(port, what) {
  for (let i = 0; i < 60; i++) {
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not start listening on port ${port}`);
}

function psqlOk(url) {
  return spawnSync('psql', [url, '-tAc', 'SELECT 1'], { stdio: 'ignore' }).status === 0;
}

/** A PostgreSQL URL of a role that may create databases: TEST_DATABASE_URL, or the local server. */
export async function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (!(await portOpen(5432))) {
    aptInstall(['postgresql']);
    const versions = readdirSync('/etc/postgresql');
    must(run('pg_ctlcluster', [versions[0], 'main', 'start']), 'starting PostgreSQL');
    await waitPort(5432, 'PostgreSQL');
  }
  aptInstall(['postgresql-client']);
  const trusted = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (psqlOk(trusted)) return trusted;
  // A stock install asks passwords on TCP: use a dedicated role for the tests.
  const own = 'postgres://visite:visite@127.0.0.1:5432/postgres';
  if (psqlOk(own)) return own;
  const sql = `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'visite') THEN CREATE ROLE visite LOGIN CREATEDB PASSWORD 'visite'; END IF; END $$;`;
  must(run('runuser', ['-u', 'postgres', '--', 'psql', '-qc', sql]), 'creating the PostgreSQL role visite');
  if (!psqlOk(own)) throw new Error('cannot connect to PostgreSQL on 127.0.0.1:5432; set TEST_DATABASE_URL');
  return own;
}

export async function ensureRedis() {
  if (process.env.TEST_REDIS_URL) return process.env.TEST_REDIS_URL;
  if (!(await portOpen(6379))) {
    aptInstall(['redis-server']);
    must(run('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no']), 'starting Redis');
    await waitPort(6379, 'Redis');
  }
  return 'redis://127.0.0.1:6379';
}

export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) aptInstall(['chromium']);
  return path;
}
