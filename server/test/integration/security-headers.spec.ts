import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_VERSION, REALTIME_NAMESPACE } from '@visite/contracts';
import { io } from 'socket.io-client';
import request from 'supertest';
import { createDoctor, startTestApp, type Doctor, type TestApp } from '../factories/test-app';

const WEB_DIST = join(__dirname, '..', 'fixtures', 'web-dist');

/** The handshake's refusal code with this Origin header, or 'connected'. */
function handshakeWithOrigin(t: TestApp, cookie: string, origin: string | null): Promise<string> {
  const socket = io(`${t.url}${REALTIME_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie, ...(origin ? { origin } : {}) },
  });
  return new Promise((resolve) => {
    socket.once('connect', () => (socket.close(), resolve('connected')));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => (socket.close(), resolve(err.data?.code ?? err.message)));
  });
}

describe('security headers on every kind of response, and the realtime Origin check', () => {
  let t: TestApp;
  let doctor: Doctor;

  beforeAll(async () => {
    t = await startTestApp({ WEB_DIST_DIR: WEB_DIST, SFU_PUBLIC_URL: 'https://media.visite.test' });
    doctor = await createDoctor(t, 'Dr Entêtes');
  });
  afterAll(() => t.close());

  const kinds: [string, () => request.Test, number][] = [
    ['API JSON', () => request(t.url).get('/api/auth/me').set('cookie', doctor.cookie), 200],
    ['API error (401)', () => request(t.url).get('/api/auth/me'), 401],
    ['API error (400, bad input)', () => request(t.url).post('/api/auth/login').send({ email: 'not an e-mail', password: 'x' }), 400],
    ['API unknown route (404)', () => request(t.url).get('/api/nothing-here'), 404],
    ['the web client (index.html)', () => request(t.url).get('/'), 200],
    ['an asset', () => request(t.url).get('/assets/app.js'), 200],
    ['the set-password page', () => request(t.url).get('/set-password/some-token'), 200],
    ['the patient join page', () => request(t.url).get('/join/some-token'), 200],
  ];

  it.each(kinds)('%s: strict CSP without inline script, no framing, nosniff, no referrer, capture for the app only', async (_, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/connect-src 'self' https:\/\/media\.visite\.test wss:\/\/media\.visite\.test/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['permissions-policy']).toContain('camera=(self), microphone=(self), display-capture=(self)');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Plain http: no HSTS (the same request through an https proxy gets it, below).
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it.each(kinds.filter(([name]) => name.startsWith('API')))('%s: Cache-Control no-store', async (_, send) => {
    expect((await send()).headers['cache-control']).toBe('no-store');
  });

  it('the web client: index.html revalidated, assets cached, neither no-store', async () => {
    expect((await request(t.url).get('/')).headers['cache-control']).toBe('no-cache');
    expect((await request(t.url).get('/assets/app.js')).headers['cache-control']).toMatch(/max-age=3600/);
  });

  it('HSTS when served over https (behind the proxy: X-Forwarded-Proto)', async () => {
    for (const path of ['/api/auth/me', '/', '/assets/app.js']) {
      const res = await request(t.url).get(path).set('x-forwarded-proto', 'https');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('the production web build (web/dist, built before the suites) has no inline script and no source maps', () => {
    const dist = join(__dirname, '..', '..', '..', 'web', 'dist');
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: build the web client first (pnpm -r run build)`);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const assets = readdirSync(join(dist, 'assets'));
    expect(assets.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of assets.filter((a) => a.endsWith('.js'))) expect(readFileSync(join(dist, 'assets', f), 'utf8')).not.toContain('sourceMappingURL=');
  });

  it('the realtime channel refuses a page of another origin (ORIGIN_NOT_ALLOWED) and accepts the app’s own', async () => {
    expect(await handshakeWithOrigin(t, doctor.cookie, 'https://evil.example')).toBe('ORIGIN_NOT_ALLOWED');
    expect(await handshakeWithOrigin(t, doctor.cookie, 'http://visite.test.evil.example')).toBe('ORIGIN_NOT_ALLOWED');
    expect(await handshakeWithOrigin(t, doctor.cookie, 'http://visite.test')).toBe('connected');
    // Not a browser (no Origin): authenticated by its credentials alone.
    expect(await handshakeWithOrigin(t, doctor.cookie, null)).toBe('connected');
  });
});
