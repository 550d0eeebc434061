import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { connectRealtime, createStaff, createVisit, giveConsent, startTestApp, type Doctor, type TestApp } from '../factories/test-app';

describe('role rules inside one practice (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let doctor: Doctor;
  let otherDoctor: Doctor;
  let assistant: Doctor;
  let biller: Doctor;
  let admin: Doctor;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    doctor = await createStaff(t, 'doctor', 'Dr Assisted');
    otherDoctor = await createStaff(t, 'doctor', 'Dr Other');
    assistant = await createStaff(t, 'assistant', 'Assistant', t.practiceId, [doctor.id]);
    biller = await createStaff(t, 'billing', 'Biller');
    admin = await createStaff(t, 'admin', 'Admin');
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  it('lets an assistant schedule for and watch the queue of the doctor they assist, but never admit or join', async () => {
    const created = await request(t.url)
      .post('/api/visits')
      .set('cookie', assistant.cookie)
      .send({ patient: { firstName: 'Paul', lastName: 'Assisté', birthDate: '1950-03-04', phone: '+33600000001' } })
      .expect(201);
    expect(created.body.visit.doctor.id).toBe(doctor.id);
    const visitId: string = created.body.visit.id;
    const queue = await request(t.url).get('/api/visits/today').set('cookie', assistant.cookie).expect(200);
    expect(queue.body.visits.map((v: { id: string }) => v.id)).toContain(visitId);
    const reissued = await request(t.url).post(`/api/visits/${visitId}/link`).set('cookie', assistant.cookie).expect(201);
    await request(t.url).post('/api/queue/message').set('cookie', assistant.cookie).send({ message: 'Le docteur a 10 minutes de retard' }).expect(204);

    const joinToken = reissued.body.joinUrl.split('/join/')[1];
    await giveConsent(t, joinToken);
    const patient = await connectRealtime(t, { joinToken });
    sockets.push(patient);
    expect((await patient.emitWithAck('waiting.join', {})).data.doctorMessage).toBe('Le docteur a 10 minutes de retard');

    const admit = await request(t.url).post(`/api/visits/${visitId}/admit`).set('cookie', assistant.cookie).expect(403);
    expect(admit.body.code).toBe('ASSISTANT_CANNOT_JOIN');
    await request(t.url).post(`/api/visits/${visitId}/admit`).set('cookie', doctor.cookie).expect(200);
    const media = await request(t.url).post(`/api/visits/${visitId}/media-access`).set('cookie', assistant.cookie).expect(403);
    expect(media.body.code).toBe('ASSISTANT_CANNOT_JOIN');
    // Nor can an assistant end a consultation in progress.
    expect((await request(t.url).post(`/api/visits/${visitId}/end`).set('cookie', assistant.cookie).expect(403)).body.code).toBe('ASSISTANT_CANNOT_JOIN');
    expect((await request(t.url).get(`/api/visits/${visitId}/coding`).set('cookie', assistant.cookie).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    const [row] = await t.app.get(DataSource).query(`SELECT status FROM visits WHERE id = $1`, [visitId]);
    expect(row.status).toBe('in_progress');
    const joined = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_events WHERE visit_id = $1 AND action = 'visit.media_joined'`, [visitId]);
    expect(joined[0].n).toBe(0);
  });

  it('keeps an assistant to the doctors they assist', async () => {
    const { visit } = await createVisit(t, otherDoctor);
    expect((await request(t.url).get(`/api/visits/${visit.id}`).set('cookie', assistant.cookie).expect(403)).body.code).toBe('NOT_YOUR_VISIT');
    expect((await request(t.url).get('/api/visits/today').query({ doctorId: otherDoctor.id }).set('cookie', assistant.cookie).expect(403)).body.code).toBe('NOT_YOUR_DOCTOR');
    await request(t.url)
      .post('/api/visits')
      .set('cookie', assistant.cookie)
      .send({ doctorId: otherDoctor.id, patient: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', phone: '+33600000002' } })
      .expect(403);
    const socket = await connectRealtime(t, { cookie: assistant.cookie });
    sockets.push(socket);
    expect((await socket.emitWithAck('queue.subscribe', { doctorId: otherDoctor.id })).error.code).toBe('NOT_YOUR_DOCTOR');
    const own = await socket.emitWithAck('queue.subscribe', { doctorId: doctor.id });
    expect(own.ok).toBe(true);
  });

  it('keeps billing and admin staff out of the queue, and doctors and assistants out of billing', async () => {
    for (const user of [biller, admin]) {
      expect((await request(t.url).get('/api/visits/today').set('cookie', user.cookie).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
      await request(t.url).post('/api/visits').set('cookie', user.cookie).send({ patient: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', phone: '+33600000003' } }).expect(403);
      const socket = await connectRealtime(t, { cookie: user.cookie });
      sockets.push(socket);
      expect((await socket.emitWithAck('queue.subscribe', {})).error.code).toBe('FORBIDDEN_ROLE');
    }
    for (const user of [doctor, assistant]) {
      await request(t.url).get('/api/billing/lines').set('cookie', user.cookie).expect(403);
      await request(t.url).get('/api/billing/batches').set('cookie', user.cookie).expect(403);
    }
    await request(t.url).put('/api/practice').set('cookie', doctor.cookie).send({ name: 'X', settings: { timeZone: 'Europe/Paris' } }).expect(403);
  });
});
