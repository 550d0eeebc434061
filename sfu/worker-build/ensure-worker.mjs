#!/usr/bin/env node
// Finds or builds the mediasoup worker binary and prints its absolute path.
//
// Order: MEDIASOUP_WORKER_BIN if it points to a file; mediasoup's own prebuilt worker if its
// postinstall could download one (a machine with internet); else the cache, keyed by the mediasoup
// version, the platform, the variant and a hash of this build recipe; else build it (build-worker.sh,
// about 8 minutes on 2 cores) into the cache. Concurrent callers wait for one build (a lock directory).
//
// The worker links libsrtp statically, built from Debian's libsrtp2 source package with its OpenSSL
// backend (build-libsrtp.sh, cached the same way under libsrtp/). A freshly built worker is checked
// (checkWorkerSrtp): it must not load Debian's libsrtp2.so or NSS, and must hold libsrtp's OpenSSL
// ciphers; the SFU suite checks the worker it runs on the same way.
// Variant `debian-srtp` (`--variant debian-srtp`, for the benchmark's reference only): the same worker
// linked with Debian's libsrtp2-1 (NSS), cached apart; never returned for MEDIASOUP_WORKER_BIN.
//
// Runs at `pnpm install` (root postinstall; VISITE_SKIP_WORKER_BUILD=1 skips it there), and from the
// start and test commands.
// Cache root: VISITE_CACHE_DIR, else $XDG_CACHE_HOME/visite, else ~/.cache/visite (outside the clone,
// so CI on a clean clone reuses it).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const RECIPE_FILES = ['build-worker.sh', 'place-shims.sh', 'debian-port.py', 'debian-source.sh', 'shims'];
const LIBSRTP_RECIPE_FILES = ['build-libsrtp.sh', 'debian-source.sh'];
export const VARIANTS = ['openssl-srtp', 'debian-srtp'];

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

function hashFiles(files, extra) {
  const hash = createHash('sha256');
  for (const file of files.flatMap((f) => listFiles(join(here, f)))) {
    hash.update(relative(here, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  let distro = 'unknown';
  try {
    distro = readFileSync('/etc/os-release', 'utf8').match(/^VERSION_CODENAME=(.*)$/m)?.[1] ?? distro;
  } catch {}
  hash.update(`${process.platform}-${process.arch}-${distro}-${extra}`);
  return hash.digest('hex').slice(0, 16);
}

export function libsrtpRecipeHash() {
  return hashFiles(LIBSRTP_RECIPE_FILES, 'libsrtp');
}

export function recipeHash(variant = 'openssl-srtp') {
  if (!VARIANTS.includes(variant)) throw new Error(`unknown worker variant ${variant} (${VARIANTS.join(', ')})`);
  // The OpenSSL variant embeds the libsrtp build: its recipe is part of the worker's.
  return hashFiles(RECIPE_FILES, variant === 'openssl-srtp' ? `${variant}-${libsrtpRecipeHash()}` : variant);
}

function cacheRoot() {
  return process.env.VISITE_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'visite');
}

export function cachedWorkerPath(variant = 'openssl-srtp') {
  const suffix = variant === 'openssl-srtp' ? '' : `-${variant}`;
  return join(cacheRoot(), 'mediasoup-worker', `${mediasoupVersion()}-${recipeHash(variant)}${suffix}`, 'mediasoup-worker');
}

export function cachedLibsrtpPrefix() {
  return join(cacheRoot(), 'libsrtp', `2.5.0-openssl-${libsrtpRecipeHash()}`);
}

function prebuiltWorkerPath() {
  const candidate = join(here, '..', 'node_modules', 'mediasoup', 'worker', 'out', 'Release', 'mediasoup-worker');
  return existsSync(candidate) ? candidate : null;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Runs build(target) once across processes: callers wait on a lock directory beside the target.
function buildOnce(target, build) {
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
    if (!existsSync(target)) build(target);
    return target;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildEnv() {
  const env = { ...process.env };
  delete env.MS_EXTRA_MESON_ARGS;
  delete env.MS_UNSTRIPPED_COPY;
  return env;
}

// libsrtp 2.5 with its OpenSSL backend (static library and headers): returns its prefix.
export function ensureLibsrtp({ log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  // build-libsrtp.sh moves the finished prefix into place, so its existence means a complete build.
  return buildOnce(cachedLibsrtpPrefix(), (prefix) => {
    log('[worker] building libsrtp 2.5 with OpenSSL from Debian\'s source package (under a minute)');
    const res = spawnSync('sh', [join(here, 'build-libsrtp.sh'), prefix], { stdio: ['ignore', 2, 2], env: buildEnv() });
    if (res.status !== 0 || !existsSync(join(prefix, 'lib', 'libsrtp2.a'))) throw new Error(`building libsrtp failed (exit ${res.status})`);
  });
}

// The DT_NEEDED entries of an ELF binary (readelf, from binutils, which the build installs).
export function neededLibraries(bin) {
  const res = spawnSync('readelf', ['-d', bin], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`readelf -d ${bin} failed: ${res.stderr || res.error}`);
  return [...res.stdout.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
}

// What libsrtp a worker binary uses: 'openssl' when libsrtp is inside it with its OpenSSL ciphers and no
// libsrtp2.so or NSS is loaded; 'debian-nss' when it loads Debian's libsrtp2.so; else 'unknown'.
export function workerSrtpBackend(bin) {
  const needed = neededLibraries(bin);
  if (needed.some((l) => /^libsrtp2?\.so/.test(l))) return { backend: 'debian-nss', needed };
  if (needed.some((l) => /^libnss3\.so/.test(l))) return { backend: 'unknown', needed };
  const image = readFileSync(bin);
  const openssl = image.includes('AES-256 GCM using openssl') && image.includes('AES-128 counter mode using openssl');
  return { backend: openssl ? 'openssl' : 'unknown', needed };
}

export function checkWorkerSrtp(bin, expected = 'openssl') {
  const { backend, needed } = workerSrtpBackend(bin);
  if (backend !== expected) {
    throw new Error(`${bin}: libsrtp backend is ${backend}, expected ${expected} (NEEDED: ${needed.join(' ')})`);
  }
}

// The cached worker of a variant, built on a cache miss (never MEDIASOUP_WORKER_BIN nor the prebuilt one).
export function ensureWorkerVariant(variant, { log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const target = cachedWorkerPath(variant);
  return buildOnce(target, () => {
    const srtpArgs = variant === 'openssl-srtp' ? [ensureLibsrtp({ log })] : [];
    log(`[worker] no mediasoup worker ${mediasoupVersion()} (${variant}) in the cache: building it (about 8 minutes on 2 cores)`);
    const tmp = `${target}.new`;
    const res = spawnSync('sh', [join(here, 'build-worker.sh'), mediasoupVersion(), tmp, ...srtpArgs], { stdio: ['ignore', 2, 2], env: buildEnv() });
    if (res.status !== 0 || !existsSync(tmp)) throw new Error(`building the mediasoup worker failed (exit ${res.status})`);
    checkWorkerSrtp(tmp, variant === 'openssl-srtp' ? 'openssl' : 'debian-nss');
    renameSync(tmp, target);
  });
}

export function ensureWorker({ log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const fromEnv = process.env.MEDIASOUP_WORKER_BIN;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const prebuilt = prebuiltWorkerPath();
  if (prebuilt) return prebuilt;
  return ensureWorkerVariant('openssl-srtp', { log });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `pnpm install` runs this too (root postinstall); an image that needs no SFU opts out.
  if (process.argv.includes('--from-install') && process.env.VISITE_SKIP_WORKER_BUILD === '1') process.exit(0);
  // --check-srtp <bin>: prints the worker's libsrtp backend; exits 1 unless it is the OpenSSL one.
  const check = process.argv.indexOf('--check-srtp');
  if (check > 0) {
    const { backend, needed } = workerSrtpBackend(process.argv[check + 1]);
    process.stdout.write(`${JSON.stringify({ backend, needed })}\n`);
    process.exit(backend === 'openssl' ? 0 : 1);
  }
  const at = process.argv.indexOf('--variant');
  try {
    process.stdout.write(`${at > 0 ? ensureWorkerVariant(process.argv[at + 1]) : ensureWorker()}\n`);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
