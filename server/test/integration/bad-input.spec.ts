import { createHash } from 'node:crypto';
import { PROTOCOL_VERSION } from '@visite/contracts';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { connectRealtime, createDoctor, createVisit, giveConsent, startTestApp, type TestApp } from '../factories/test-app';

describe('bad input and foreign credentials get a clear 4xx and change nothing', () => {
  let t: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  it('refuses malformed bodies, unknown fields and bad ids with codes and messages', async () => {
    const doctor = await createDoctor(t);
    const malformed = await request(t.url).post('/api/visits').set('cookie', doctor.cookie).set('content-type', 'application/json').send('{"patient": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', message: expect.stringMatching(/JSON/) });

    const unknown = await request(t.url)
      .post('/api/visits')
      .set('cookie', doctor.cookie)
      .send({ patient: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', phone: '+33600000000' }, isAdmin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('isAdmin') });

    const noContact = await request(t.url).post('/api/visits').set('cookie', doctor.cookie).send({ patient: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01' } });
    expect(noContact.status).toBe(400);
    expect(noContact.body.code).toBe('VALIDATION_FAILED');

    const badDate = await request(t.url)
      .post('/api/visits')
      .set('cookie', doctor.cookie)
      .send({ patient: { firstName: 'A', lastName: 'B', birthDate: '1990-02-31x', email: 'a@b.fr' } });
    expect(badDate.status).toBe(400);

    const farFuture = await request(t.url)
      .post('/api/visits')
      .set('cookie', doctor.cookie)
      .send({ patient: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', email: 'a@b.fr' }, scheduledAt: '2099-01-01T10:00:00Z' });
    expect(farFuture.status).toBe(400);
    expect(farFuture.body.code).toBe('INVALID_SCHEDULE');

    await request(t.url).post('/api/visits/not-a-uuid/admit').set('cookie', doctor.cookie).expect(400);
    const missing = await request(t.url).get('/api/visits/7d1f0c1e-0000-4000-8000-000000000000').set('cookie', doctor.cookie).expect(404);
    expect(missing.body.code).toBe('VISIT_NOT_FOUND');
    const route = await request(t.url).get('/api/nothing-here').expect(404);
    expect(route.body.code).toBe('NOT_FOUND');
  });

  it('refuses anonymous staff calls, wrong passwords and forged session cookies', async () => {
    const doctor = await createDoctor(t);
    expect((await request(t.url).get('/api/visits/today').expect(401)).body.code).toBe('NOT_AUTHENTICATED');
    expect((await request(t.url).post('/api/auth/login').send({ email: doctor.email, password: 'wrong' }).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await request(t.url).post('/api/auth/login').send({ email: 'nobody@visite.test', password: 'x' }).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    await request(t.url).post('/api/auth/login').send({ email: 'not-an-email', password: 'x' }).expect(400);
    await request(t.url).get('/api/visits/today').set('cookie', 'visite_session=forged-session-token-value').expect(401);
    await request(t.url).post('/api/auth/logout').set('cookie', doctor.cookie).expect(204);
    await request(t.url).get('/api/visits/today').set('cookie', doctor.cookie).expect(401);
  });

  it('keeps a doctor out of another doctor’s visits', async () => {
    const owner = await createDoctor(t);
    const other = await createDoctor(t);
    const { visit } = await createVisit(t, owner);
    for (const call of [
      request(t.url).get(`/api/visits/${visit.id}`),
      request(t.url).post(`/api/visits/${visit.id}/admit`),
      request(t.url).post(`/api/visits/${visit.id}/end`),
      request(t.url).post(`/api/visits/${visit.id}/media-access`),
      request(t.url).post(`/api/visits/${visit.id}/link`),
    ]) {
      const res = await call.set('cookie', other.cookie);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('NOT_YOUR_VISIT');
    }
    const [row] = await t.app.get(DataSource).query('SELECT status FROM visits WHERE id = $1', [visit.id]);
    expect(row.status).toBe('scheduled');
  });

  it("confines a patient's link to its own visit", async () => {
    const doctor = await createDoctor(t);
    const a = await createVisit(t, doctor, { firstName: 'Alice' });
    const b = await createVisit(t, doctor, { firstName: 'Bruno' });
    await giveConsent(t, a.joinToken);
    await giveConsent(t, b.joinToken);
    const patientA = await connectRealtime(t, { joinToken: a.joinToken });
    sockets.push(patientA);
    expect((await patientA.emitWithAck('waiting.join', {})).data.visitId).toBe(a.visit.id);
    // B waits too; the doctor admits B only.
    const patientB = await connectRealtime(t, { joinToken: b.joinToken });
    sockets.push(patientB);
    await patientB.emitWithAck('waiting.join', {});
    await request(t.url).post(`/api/visits/${b.visit.id}/admit`).set('cookie', doctor.cookie).expect(200);

    // A's token cannot fetch B's media access: it only ever resolves to A, which is not admitted.
    const aMedia = await request(t.url).post(`/api/join/${a.joinToken}/media-access`).expect(409);
    expect(aMedia.body.code).toBe('VISIT_NOT_IN_PROGRESS');
    // A's join token is no staff credential, and B's visit cannot be ended with A's token.
    await request(t.url).post(`/api/visits/${b.visit.id}/end`).set('authorization', `Bearer ${a.joinToken}`).expect(401);
    await request(t.url).post(`/api/join/${a.joinToken}/end`).expect(409);
    // A's socket does not receive B's events and cannot subscribe to the doctor's queue.
    let leaked = false;
    patientA.on('visit.admitted', () => (leaked = true));
    expect((await patientA.emitWithAck('queue.subscribe', {})).error.code).toBe('FORBIDDEN_ROLE');
    await request(t.url).post(`/api/visits/${b.visit.id}/end`).set('cookie', doctor.cookie).expect(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(leaked).toBe(false);
    const rows = await t.app.get(DataSource).query('SELECT id, status FROM visits WHERE id = ANY($1) ORDER BY id', [[a.visit.id, b.visit.id]]);
    expect(Object.fromEntries(rows.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({ [a.visit.id]: 'waiting', [b.visit.id]: 'completed' });
  });

  it('refuses malformed, unknown and expired join links', async () => {
    const invalid = await request(t.url).get('/api/join/%20%3Cscript%3E').expect(404);
    expect(invalid.body.code).toBe('JOIN_LINK_INVALID');
    expect((await request(t.url).get(`/api/join/${'a'.repeat(43)}`).expect(404)).body.code).toBe('JOIN_LINK_INVALID');

    const doctor = await createDoctor(t);
    const { visit, joinToken } = await createVisit(t, doctor);
    await t.app.get(DataSource).query(`UPDATE visits SET join_expires_at = now() - interval '1 minute' WHERE id = $1`, [visit.id]);
    const expired = await request(t.url).get(`/api/join/${joinToken}`).expect(410);
    expect(expired.body).toMatchObject({ code: 'JOIN_LINK_EXPIRED', message: 'Ce lien a expiré. Demandez-en un nouveau au cabinet.' });
    await expect(connectRealtime(t, { joinToken })).rejects.toMatchObject({ data: { code: 'JOIN_LINK_EXPIRED' } });

    // Only a hash of the token is stored.
    const [row] = await t.app.get(DataSource).query('SELECT join_token_hash FROM visits WHERE id = $1', [visit.id]);
    expect(row.join_token_hash).toBe(createHash('sha256').update(joinToken).digest('hex'));

    const consent = await request(t.url).post(`/api/join/${'b'.repeat(43)}/consent`).send({ version: 'x', accepted: 'yes' });
    expect(consent.status).toBe(400);
  });

  it('refuses sockets with a wrong protocol version, no credentials or a forged link, and bad payloads', async () => {
    await expect(connectRealtime(t, { protocolVersion: PROTOCOL_VERSION + 1 })).rejects.toMatchObject({
      data: { code: 'PROTOCOL_VERSION_MISMATCH', protocolVersion: PROTOCOL_VERSION, message: expect.stringMatching(/Reload/) },
    });
    await expect(connectRealtime(t, { protocolVersion: 'one' })).rejects.toMatchObject({ data: { code: 'PROTOCOL_VERSION_MISMATCH' } });
    await expect(connectRealtime(t, {})).rejects.toMatchObject({ data: { code: 'NOT_AUTHENTICATED' } });
    await expect(connectRealtime(t, { joinToken: 'z'.repeat(43) })).rejects.toMatchObject({ data: { code: 'JOIN_LINK_INVALID' } });

    const doctor = await createDoctor(t);
    const staff = await connectRealtime(t, { cookie: doctor.cookie });
    sockets.push(staff);
    const bad = await staff.emitWithAck('queue.subscribe', { doctorId: 'someone-else' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('doctorId') } });
    expect((await staff.emitWithAck('waiting.join', {})).error.code).toBe('FORBIDDEN_ROLE');
    // The server is still serving.
    expect((await staff.emitWithAck('queue.subscribe', {})).ok).toBe(true);
  });
});
