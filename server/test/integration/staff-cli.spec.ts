import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { TEST_MASTER_KEY } from '../factories/test-env';

/**
 * The staff CLI on the embedded default (PGlite): it must not lose data while the server holds the
 * data directory. Drives the built server and CLI (server/dist, built by the test command) in children,
 * as a person would on one machine.
 */
describe('staff CLI on the embedded database', () => {
  const dist = join(__dirname, '..', '..', 'dist');
  const dataDir = mkdtempSync(join(tmpdir(), 'visite-cli-'));
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...parentEnv } = process.env;
  const env = {
    ...parentEnv,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    MEDIA_TOKEN_PRIVATE_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    SEED_DEMO: 'false',
    VISITE_MASTER_KEY: TEST_MASTER_KEY,
  };
  let server: ChildProcess | null = null;
  let url = '';

  const cli = (args: string[], password = 'a long enough password') =>
    spawnSync(process.execPath, [join(dist, 'cli', 'create-user.js'), ...args], { env: { ...env, VISITE_PASSWORD: password }, encoding: 'utf8' });

  async function startServer(): Promise<void> {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [join(dist, 'main.js')], { env: { ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    server = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      const ok = await fetch(`${url}/api/health/ready`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`server did not start: ${output}`);
  }

  async function stopServer(): Promise<void> {
    const child = server;
    server = null;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }

  async function login(email: string, password = 'a long enough password'): Promise<number> {
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return res.status;
  }

  afterAll(async () => {
    await stopServer();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the first practice and admin on a fresh install, refuses while the server runs, and keeps what it wrote', async () => {
    expect(existsSync(join(dist, 'cli', 'create-user.js'))).toBe(true);
    const none = cli(['--email', 'first@cabinet.test', '--name', 'First Admin', '--role', 'admin']);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/no practice yet: give --practice/);

    const first = cli(['--email', 'first@cabinet.test', '--name', 'First Admin', '--role', 'admin', '--practice', 'Cabinet du Test']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/created the practice Cabinet du Test[\s\S]*created first@cabinet.test \(admin\) in Cabinet du Test/);

    await startServer();
    expect(await login('first@cabinet.test')).toBe(200);

    const busy = cli(['--email', 'lost@cabinet.test', '--name', 'Dr Lost', '--role', 'doctor']);
    expect(busy.status).toBe(1);
    expect(busy.stderr).toMatch(/The Visite server \(pid \d+.*holds the embedded database[\s\S]*Stop the server/);
    const busyMigrate = spawnSync(process.execPath, [join(dist, 'database', 'migrate.js'), 'status'], { env, encoding: 'utf8' });
    expect(busyMigrate.status).toBe(1);
    expect(busyMigrate.stderr).toMatch(/holds the embedded database/);

    await stopServer();
    const doctor = cli(['--email', 'kept@cabinet.test', '--name', 'Dr Kept', '--role', 'doctor']);
    expect(doctor.stdout).toMatch(/created kept@cabinet.test \(doctor\) in Cabinet du Test/);
    expect(cli(['--email', 'weak@cabinet.test', '--name', 'W', '--role', 'doctor'], 'short').stderr).toMatch(/at least 12 characters/);

    await startServer();
    expect(await login('kept@cabinet.test')).toBe(200);
    expect(await login('first@cabinet.test')).toBe(200);
    expect(await login('lost@cabinet.test')).toBe(401);
  }, 180_000);

  it('keeps no patient name, phone or NIR in clear in the PGlite files', async () => {
    if (!server) await startServer();
    const loginRes = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'kept@cabinet.test', password: 'a long enough password' }) });
    const cookie = loginRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const post = (path: string, body: unknown, method = 'POST') =>
      fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { visit: { id: string } } }));
    const known = { firstName: 'Zephyrine', lastName: 'Quintavalle', birthName: 'Oberkampf', birthDate: '1937-02-11', phone: '+33698765432', email: 'zephyrine.quintavalle@example.fr' };
    const created = await post('/api/visits', { patient: known });
    expect(created.status).toBe(201);
    const nir = '237029912345678';
    const identity = await post(`/api/visits/${created.body.visit.id}/patient-identity`, { sex: 'female', ins: null, insOid: null, identityStatus: 'PROV', insuredNir: nir, beneficiaryRank: 1, regularDoctorRpps: '10004567891' }, 'PUT');
    expect(identity.status).toBe(200);
    const found = (await fetch(`${url}/api/patients?q=quint`, { headers: { cookie } }).then((r) => r.json())) as { lastName: string }[];
    expect(found.map((p: { lastName: string }) => p.lastName)).toEqual(['Quintavalle']);
    await stopServer();

    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(dataDir);
    expect(files.length).toBeGreaterThan(100);
    const needles = [known.firstName, known.lastName, known.birthName, known.email, '698765432', nir, '10004567891', '1937-02-11'];
    const hits = files.flatMap((f) => {
      const bytes = readFileSync(f);
      return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8'))).map((n) => `${n} in ${f}`);
    });
    expect(hits).toEqual([]);
    // The check can fail: a staff account's e-mail (not health data) is stored in clear and is found.
    expect(files.some((f) => readFileSync(f).includes(Buffer.from('kept@cabinet.test')))).toBe(true);
  }, 120_000);

  it('verifies the audit chain the server wrote on the embedded database, and refuses while the server runs', async () => {
    const verify = () => spawnSync(process.execPath, [join(dist, 'cli', 'verify-audit.js')], { env, encoding: 'utf8' });
    if (!server) await startServer();
    expect(await login('kept@cabinet.test')).toBe(200);
    const busy = verify();
    expect(busy.status).toBe(2);
    expect(busy.stderr).toMatch(/holds the embedded database/);
    await stopServer();
    const ok = verify();
    expect(ok.stderr).toBe('');
    // Logins of the previous tests and this one, on the practice's chain.
    expect(ok.stdout).toMatch(/chain [0-9a-f-]+ \(Cabinet du Test\): \d+ rows verified, head \d+ [0-9a-f]{64}/);
    expect(ok.stdout).toMatch(/audit trail verified/);
    expect(ok.status).toBe(0);
  }, 120_000);

  it('refuses to start a second server on the same data directory', async () => {
    if (!server) await startServer();
    const second = spawnSync(process.execPath, [join(dist, 'main.js')], { env: { ...env, PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/holds the embedded database/);
  }, 60_000);
});
