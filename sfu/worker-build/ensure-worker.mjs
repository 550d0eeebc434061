#!/usr/bin/env node
// Finds or builds the mediasoup worker binary and prints its absolute path.
//
// Order: MEDIASOUP_WORKER_BIN if it points to a file; mediasoup's own prebuilt worker if its
// postinstall could download one (a machine with internet); else the cache, keyed by the mediasoup
// version, the platform and a hash of this build recipe; else build it (build-worker.sh, about
// 6 minutes on 2 cores) into the cache. Concurrent callers wait for one build (a lock directory).
//
// Runs at `pnpm install` (root postinstall; VISITE_SKIP_WORKER_BUILD=1 skips it there), and from the
// start and test commands.
// Cache root: VISITE_CACHE_DIR, else $XDG_CACHE_HOME/visite, else ~/.cache/visite (outside the clone,
// so CI on a clean clone reuses it).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const RECIPE_FILES = ['build-worker.sh', 'place-shims.sh', 'debian-port.py', 'shims'];

export function mediasoupVersion() {
  const pkg = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8'));
  const version = pkg.dependencies?.mediasoup;
  if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) throw new Error(`sfu/package.json must pin mediasoup exactly, found ${version}`);
  return version;
}

function listFiles(path) {
  if (statSync(path).isDirectory()) return readdirSync(path).sort().flatMap((name) => listFiles(join(path, name)));
  return [path];
}

export function recipeHash() {
  const hash = createHash('sha256');
  for (const file of RECIPE_FILES.flatMap((f) => listFiles(join(here, f)))) {
    hash.update(relative(here, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  let distro = 'unknown';
  try {
    distro = readFileSync('/etc/os-release', 'utf8').match(/^VERSION_CODENAME=(.*)$/m)?.[1] ?? distro;
  } catch {}
  hash.update(`${process.platform}-${process.arch}-${distro}`);
  return hash.digest('hex').slice(0, 16);
}

export function cachedWorkerPath() {
  const root = process.env.VISITE_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'visite');
  return join(root, 'mediasoup-worker', `${mediasoupVersion()}-${recipeHash()}`, 'mediasoup-worker');
}

function prebuiltWorkerPath() {
  const candidate = join(here, '..', 'node_modules', 'mediasoup', 'worker', 'out', 'Release', 'mediasoup-worker');
  return existsSync(candidate) ? candidate : null;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureWorker({ log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const fromEnv = process.env.MEDIASOUP_WORKER_BIN;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const prebuilt = prebuiltWorkerPath();
  if (prebuilt) return prebuilt;
  const target = cachedWorkerPath();
  if (existsSync(target)) return target;

  const lock = `${target}.lock`;
  mkdirSync(dirname(target), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(target)) return target;
      // A lock older than 30 minutes belongs to a build that died.
      if (Date.now() - statSync(lock).mtimeMs > 30 * 60_000) rmSync(lock, { recursive: true, force: true });
      else sleep(5000);
    }
  }
  try {
    if (existsSync(target)) return target;
    log(`[worker] no mediasoup worker for ${mediasoupVersion()} in the cache: building it (about 6 minutes on 2 cores)`);
    const res = spawnSync('sh', [join(here, 'build-worker.sh'), mediasoupVersion(), target], { stdio: ['ignore', 2, 2] });
    if (res.status !== 0 || !existsSync(target)) throw new Error(`building the mediasoup worker failed (exit ${res.status})`);
    return target;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `pnpm install` runs this too (root postinstall); an image that needs no SFU opts out.
  if (process.argv.includes('--from-install') && process.env.VISITE_SKIP_WORKER_BUILD === '1') process.exit(0);
  try {
    process.stdout.write(`${ensureWorker()}\n`);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
