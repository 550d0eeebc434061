import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { MediaAccess } from '@visite/contracts';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashToken, randomToken } from '../../src/common/crypto/random-token';
import { AuthService } from '../../src/modules/auth/auth.service';
import { SessionPurgeService } from '../../src/modules/auth/session-purge.service';
import { RealSfu } from '../factories/real-sfu';
import {
  connectRealtime, createDoctor, createVisit, giveConsent, login, nextEvent, startTestApp, TEST_PASSWORD, type Doctor, type TestApp,
} from '../factories/test-app';
import { databaseUrlFor, TEST_DATABASE } from '../factories/test-env';

/** Resolves when the socket is disconnected by the server, with the reason; rejects after `ms`. */
function serverDisconnect(socket: Socket, ms = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return resolve('already disconnected');
    const timer = setTimeout(() => reject(new Error(`socket still connected after ${ms} ms`)), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** The handshake's refusal code, or 'connected'. */
async function handshake(t: TestApp, opts: { cookie?: string; joinToken?: string }): Promise<string> {
  try {
    (await connectRealtime(t, opts)).close();
    return 'connected';
  } catch (error) {
    return (error as { data?: { code?: string } }).data?.code ?? String(error);
  }
}

/**
 * Revocation that bites: signing out, a new password, a reissued or cancelled link and a visit's end
 * close the sockets and sessions they concern at once (on real PostgreSQL and Redis, with the Redis
 * adapter), the SFU (real, with the real worker) refuses an ended visit's media tokens, and expired
 * sessions are purged.
 */
describe('revocation (real PostgreSQL, Redis and SFU)', () => {
  let t: TestApp;
  let sfu: RealSfu;
  let doctor: Doctor;
  const sockets: Socket[] = [];
  const track = (s: Socket) => (sockets.push(s), s);

  beforeAll(async () => {
    sfu = await new RealSfu().start();
    t = await startTestApp({ SFU_CONTROL_URL: sfu.url, SFU_PUBLIC_URL: sfu.url, REALTIME_RECHECK_SECONDS: '1' });
    doctor = await createDoctor(t, 'Dr Revoke');
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await t.close();
    await sfu.stop();
  });

  it('signing out closes that session’s sockets at once and its cookie opens nothing more; the other session lives on', async () => {
    const signedOut = await login(t, doctor.email);
    const other = await login(t, doctor.email);
    const socket = track(await connectRealtime(t, { cookie: signedOut }));
    const otherSocket = track(await connectRealtime(t, { cookie: other }));
    expect((await socket.emitWithAck('queue.subscribe', {})).ok).toBe(true);
    expect((await otherSocket.emitWithAck('queue.subscribe', {})).ok).toBe(true);
    const received: string[] = [];
    socket.onAny((event) => received.push(event));

    const closed = serverDisconnect(socket);
    await request(t.url).post('/api/auth/logout').set('cookie', signedOut).expect(204);
    expect(await closed).toBe('io server disconnect');

    // The day's patients (names, birth dates, phones) no longer reach it.
    const stillLive = nextEvent(otherSocket, 'queue.updated');
    await createVisit(t, doctor, { firstName: 'Après', lastName: 'Déconnexion' });
    await stillLive;
    expect(received).toEqual([]);
    expect(otherSocket.connected).toBe(true);

    // Replaying the cookie: the API and the realtime handshake refuse it.
    expect((await request(t.url).get('/api/auth/me').set('cookie', signedOut)).status).toBe(401);
    expect(await handshake(t, { cookie: signedOut })).toBe('NOT_AUTHENTICATED');
    expect((await request(t.url).get('/api/auth/me').set('cookie', other)).status).toBe(200);
  });

  it('ending every session of an account (account disabled, password changed) closes all its sockets at once', async () => {
    const d = await createDoctor(t, 'Dr Everywhere');
    const cookies = [d.cookie, await login(t, d.email)];
    const open = await Promise.all(cookies.map(async (cookie) => track(await connectRealtime(t, { cookie }))));
    const closed = open.map((s) => serverDisconnect(s));
    await t.app.get(AuthService).endAllSessions(d.id);
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    for (const cookie of cookies) {
      expect((await request(t.url).get('/api/auth/me').set('cookie', cookie)).status).toBe(401);
      expect(await handshake(t, { cookie })).toBe('NOT_AUTHENTICATED');
    }
  });

  it('a password reset from the staff CLI ends the sessions; their sockets close at the next recheck', async () => {
    const d = await createDoctor(t, 'Dr Reset');
    const socket = track(await connectRealtime(t, { cookie: d.cookie }));
    const closed = serverDisconnect(socket, 5000);
    const cli = spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli', 'create-user.js'), '--email', d.email, '--name', 'Dr Reset', '--role', 'doctor'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrlFor(TEST_DATABASE), VISITE_PASSWORD: 'a brand new passphrase' },
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/ended 1 session/);
    expect((await request(t.url).get('/api/auth/me').set('cookie', d.cookie)).status).toBe(401);
    expect(await closed).toBe('io server disconnect');
    await request(t.url).post('/api/auth/login').send({ email: d.email, password: TEST_PASSWORD }).expect(401);
    await request(t.url).post('/api/auth/login').send({ email: d.email, password: 'a brand new passphrase' }).expect(200);
  });

  it('a reissued link disconnects the old link’s sockets at once; the old link opens nothing more, the new one works', async () => {
    const { visit, joinToken: oldToken } = await createVisit(t, doctor);
    await giveConsent(t, oldToken);
    const patient = track(await connectRealtime(t, { joinToken: oldToken }));
    expect((await patient.emitWithAck('waiting.join', {})).ok).toBe(true);
    const received: string[] = [];

    const closed = serverDisconnect(patient);
    const reissued = await request(t.url).post(`/api/visits/${visit.id}/link`).set('cookie', doctor.cookie).expect(201);
    expect(await closed).toBe('io server disconnect');
    patient.onAny((event) => received.push(event));

    expect(await handshake(t, { joinToken: oldToken })).toBe('JOIN_LINK_INVALID');
    expect((await request(t.url).get(`/api/join/${oldToken}`)).status).toBe(404);
    const newToken = (reissued.body.joinUrl as string).split('/join/')[1]!;
    const fresh = track(await connectRealtime(t, { joinToken: newToken }));
    expect((await fresh.emitWithAck('waiting.join', {})).ok).toBe(true);
    expect(received).toEqual([]);
  });

  it('cancelling a visit tells its patient, then closes the patient’s sockets; the link opens no socket any more', async () => {
    const { visit, joinToken } = await createVisit(t, doctor);
    await giveConsent(t, joinToken);
    const patient = track(await connectRealtime(t, { joinToken }));
    await patient.emitWithAck('waiting.join', {});
    const order: string[] = [];
    patient.on('visit.ended', () => order.push('visit.ended'));
    const closed = serverDisconnect(patient).then((reason) => order.push(reason));
    await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(200);
    await closed;
    expect(order).toEqual(['visit.ended', 'io server disconnect']);
    // The link still shows the closed visit, but no socket opens with it.
    expect((await request(t.url).get(`/api/join/${joinToken}`)).body.status).toBe('cancelled');
    expect(await handshake(t, { joinToken })).toBe('VISIT_CLOSED');
  });

  it('ending a visit closes its SFU room: both sides’ media tokens, still valid, are refused by the real SFU', async () => {
    const { visit, joinToken } = await createVisit(t, doctor);
    await giveConsent(t, joinToken);
    const patient = track(await connectRealtime(t, { joinToken }));
    await patient.emitWithAck('waiting.join', {});
    await request(t.url).post(`/api/visits/${visit.id}/admit`).set('cookie', doctor.cookie).expect(200);
    const doctorAccess = (await request(t.url).post(`/api/visits/${visit.id}/media-access`).set('cookie', doctor.cookie).expect(200)).body as MediaAccess;
    const patientAccess = (await request(t.url).post(`/api/join/${joinToken}/media-access`).expect(200)).body as MediaAccess;
    expect(await sfu.tryToken(doctorAccess.token)).toBe('connected');
    expect(await sfu.tryToken(patientAccess.token)).toBe('connected');

    await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(200);
    expect(await sfu.tryToken(doctorAccess.token)).toBe('ROOM_CLOSED');
    expect(await sfu.tryToken(patientAccess.token)).toBe('ROOM_CLOSED');
    // And no new token is issued for it.
    expect((await request(t.url).post(`/api/visits/${visit.id}/media-access`).set('cookie', doctor.cookie)).body.code).toBe('VISIT_NOT_IN_PROGRESS');
    expect((await request(t.url).post(`/api/join/${joinToken}/media-access`)).body.code).toBe('VISIT_CLOSED');
  });

  it('purges expired sessions and keeps the others (the scheduled job’s DELETE)', async () => {
    const db = t.app.get(DataSource);
    const d = await createDoctor(t, 'Dr Purge');
    const expired = hashToken(randomToken());
    await db.query(`INSERT INTO sessions (id, token_hash, user_id, expires_at) VALUES (gen_random_uuid(), $1, $2, now() - interval '1 minute')`, [expired, d.id]);
    const count = async (hash: string) => Number((await db.query('SELECT COUNT(*) AS n FROM sessions WHERE token_hash = $1', [hash]))[0].n);
    expect(await count(expired)).toBe(1);
    expect(await t.app.get(SessionPurgeService).purge()).toBeGreaterThanOrEqual(1);
    expect(await count(expired)).toBe(0);
    expect((await request(t.url).get('/api/auth/me').set('cookie', d.cookie)).status).toBe(200);
    expect(await t.app.get(SessionPurgeService).purge()).toBe(0);
  });
});
