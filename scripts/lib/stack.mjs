// Starts Visite's processes (API server serving the built web client, and the SFU) as children.
// Used by the start command (scripts/start.mjs) and by the browser end-to-end tests.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A free TCP port on this machine. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * The data encryption key (32 random bytes, base64) with which the server seals what it must keep but
 * never store in clear (patients' join tokens for later messages, rendered messages). Created once
 * under `dir` (mode 600) and kept: losing it makes those values unreadable.
 */
/**
 * The Ed25519 key pair for media tokens: the server signs with the private key, the SFU verifies with
 * the public one. Created once under `dir` and kept (mode 600 for the private key).
 */
export function ensureMediaKeys(dir) {
  const privateFile = join(dir, 'media-token.key.pem');
  const publicFile = join(dir, 'media-token.pub.pem');
  if (!existsSync(privateFile) || !existsSync(publicFile)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return { privateFile, publicFile };
}

/**
 * The master key of the health data at rest (32 random bytes, base64), created once under `dir` and
 * kept (mode 600). Losing it loses the patients' data: back it up apart from the database.
 */
export function ensureMasterKey(dir) {
  const file = join(dir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return file;
}

async function waitHealthy(url, child, name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} did not become ready at ${url} within ${timeoutMs} ms`);
}

function run(name, script, env, log) {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (stream) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) log(`[${name}] ${line}`);
    });
  };
  forward(child.stdout);
  forward(child.stderr);
  return child;
}

/**
 * Starts the SFU and the API server and resolves once both answer their readiness checks.
 * options: { dataDir, serverPort, sfuPort, publicHost, databaseUrl?, redisUrl?, workerBin, seedDemo, log, extraServerEnv }
 */
export async function startStack(options) {
  const log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  for (const built of ['server/dist/main.js', 'sfu/dist/main.js', 'web/dist/index.html']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: build first (pnpm run build)`);
  }
  const keys = ensureMediaKeys(join(options.dataDir, 'keys'));
  const masterKeyFile = ensureMasterKey(join(options.dataDir, 'keys'));
  const host = options.publicHost ?? 'localhost';
  const publicUrl = `http://${host}:${options.serverPort}`;
  const sfuUrl = `http://${host}:${options.sfuPort}`;
  const sfu = run(
    'sfu',
    join(ROOT, 'sfu/dist/main.js'),
    {
      SFU_PORT: String(options.sfuPort),
      SFU_WEBRTC_PORT: String(options.webRtcPort ?? 0),
      SFU_ANNOUNCED_ADDRESS: options.announcedAddress ?? '127.0.0.1',
      MEDIA_TOKEN_PUBLIC_KEY_FILE: keys.publicFile,
      MEDIASOUP_WORKER_BIN: options.workerBin,
      // Only the app's pages may open the media signaling (the SFU's Origin check).
      SFU_CORS_ORIGIN: publicUrl,
    },
    log,
  );
  const server = run(
    'api',
    join(ROOT, 'server/dist/main.js'),
    {
      PORT: String(options.serverPort),
      PUBLIC_URL: publicUrl,
      DATA_DIR: options.dataDir,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      MEDIA_TOKEN_PRIVATE_KEY_FILE: keys.privateFile,
      VISITE_MASTER_KEY_FILE: masterKeyFile,
      SFU_PUBLIC_URL: sfuUrl,
      SFU_CONTROL_URL: `http://127.0.0.1:${options.sfuPort}`,
      WEB_DIST_DIR: join(ROOT, 'web/dist'),
      SEED_DEMO: options.seedDemo ? 'true' : 'false',
      ...(options.extraServerEnv ?? {}),
    },
    log,
  );
  const children = [sfu, server];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise((res) => {
            if (child.exitCode !== null) return res();
            child.once('exit', res);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 8000).unref();
          }),
      ),
    );
  };
  try {
    await Promise.all([
      waitHealthy(`http://127.0.0.1:${options.sfuPort}/health/ready`, sfu, 'SFU', 60_000),
      waitHealthy(`http://127.0.0.1:${options.serverPort}/api/health/ready`, server, 'API', 90_000),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { publicUrl, sfuUrl, server, sfu, stop };
}

/** The package manager: pnpm if installed, else the pinned pnpm through npx (no corepack needed). */
export function pnpmCommand() {
  if (spawnSync('pnpm', ['--version'], { stdio: 'ignore' }).status === 0) return { cmd: 'pnpm', args: [] };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return { cmd: 'npx', args: ['--yes', pkg.packageManager] };
}

/** Runs a command in the repository, inheriting the terminal; throws if it fails. */
export function sh(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.signal})`);
  return res;
}

/** pnpm with the given arguments. */
export function pnpm(args, options) {
  const { cmd, args: base } = pnpmCommand();
  return sh(cmd, [...base, ...args], options);
}
