import { MEDIA_TOKEN_AUDIENCE, MEDIA_TOKEN_ISSUER, type MediaAccess, type VisitView, type WaitingStatus } from '@visite/contracts';
import { jwtVerify } from 'jose';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/modules/audit/audit.service';
import { connectRealtime, createDoctor, createVisit, giveConsent, nextEvent, startTestApp, type TestApp } from '../factories/test-app';
import { mediaPublicKey } from '../factories/test-env';

describe('a visit from link to hang-up (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  it('takes the patient from the waiting room to a completed consultation with both timestamps', async () => {
    const doctor = await createDoctor(t, 'Dr Lefebvre');
    const { visit, joinToken } = await createVisit(t, doctor, { firstName: 'Marcel' });
    expect(visit.status).toBe('scheduled');

    const info = await request(t.url).get(`/api/join/${joinToken}`).expect(200);
    expect(info.body).toMatchObject({ visitId: visit.id, doctorName: 'Dr Lefebvre', patientFirstName: 'Marcel', consentGiven: false });

    const doctorSocket = await connectRealtime(t, { cookie: doctor.cookie });
    sockets.push(doctorSocket);
    const snapshot = await doctorSocket.emitWithAck('queue.subscribe', {});
    expect(snapshot.ok).toBe(true);
    expect(snapshot.data.visits.map((v: VisitView) => v.id)).toContain(visit.id);

    // Without consent the waiting room stays closed.
    const patientSocket = await connectRealtime(t, { joinToken });
    sockets.push(patientSocket);
    const refused = await patientSocket.emitWithAck('waiting.join', {});
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONSENT_REQUIRED' }) });

    await giveConsent(t, joinToken);
    const waitingSeen = nextEvent<{ visits: VisitView[] }>(doctorSocket, 'queue.updated', (q) =>
      q.visits.some((v) => v.id === visit.id && v.status === 'waiting' && v.patientOnline),
    );
    const joined = await patientSocket.emitWithAck('waiting.join', {});
    expect(joined.ok).toBe(true);
    expect(joined.data as WaitingStatus).toMatchObject({ visitId: visit.id, position: 1, doctorName: 'Dr Lefebvre' });
    await waitingSeen;

    // The doctor tells waiting patients they run late; the patient sees it.
    const lateNotice = nextEvent<WaitingStatus>(patientSocket, 'waiting.status', (s) => s.doctorMessage === 'Running 10 minutes late');
    await request(t.url).post('/api/queue/message').set('cookie', doctor.cookie).send({ message: 'Running 10 minutes late' }).expect(204);
    await lateNotice;

    // Media access is refused before admission.
    await request(t.url).post(`/api/join/${joinToken}/media-access`).expect(409);

    const admittedEvent = nextEvent(patientSocket, 'visit.admitted');
    const admitted = await request(t.url).post(`/api/visits/${visit.id}/admit`).set('cookie', doctor.cookie).expect(200);
    expect(admitted.body.status).toBe('in_progress');
    await admittedEvent;

    const doctorAccess: MediaAccess = (await request(t.url).post(`/api/visits/${visit.id}/media-access`).set('cookie', doctor.cookie).expect(200)).body;
    const patientAccess: MediaAccess = (await request(t.url).post(`/api/join/${joinToken}/media-access`).expect(200)).body;
    for (const [access, role] of [[doctorAccess, 'doctor'], [patientAccess, 'patient']] as const) {
      const { payload } = await jwtVerify(access.token, mediaPublicKey, { issuer: MEDIA_TOKEN_ISSUER, audience: MEDIA_TOKEN_AUDIENCE });
      expect(payload).toMatchObject({ room: visit.id, role });
      expect(payload.exp! - payload.iat!).toBe(t.config.mediaTokenTtlSeconds);
      expect(access.roomId).toBe(visit.id);
    }

    const endedForDoctor = nextEvent(doctorSocket, 'queue.updated', (q: { visits: VisitView[] }) => q.visits.some((v) => v.id === visit.id && v.status === 'completed'));
    const endedForPatient = nextEvent(patientSocket, 'visit.ended');
    await request(t.url).post(`/api/join/${joinToken}/end`).expect(204);
    expect(await endedForPatient).toEqual({ visitId: visit.id, endedBy: 'patient' });
    await endedForDoctor;

    const [row] = await t.app.get(DataSource).query(`SELECT status, started_at, ended_at, ended_by FROM visits WHERE id = $1`, [visit.id]);
    expect(row.status).toBe('completed');
    expect(row.ended_by).toBe('patient');
    expect(row.started_at).toBeInstanceOf(Date);
    expect(row.ended_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());

    const trail = (await t.app.get(AuditService).forVisit(visit.id)).map((e) => e.action);
    expect(trail).toEqual(
      expect.arrayContaining(['visit.created', 'consent.given', 'visit.patient_arrived', 'visit.admitted', 'visit.media_joined', 'visit.completed']),
    );

    // A finished visit cannot be re-entered.
    await request(t.url).post(`/api/join/${joinToken}/media-access`).expect(409);
    await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(409);
  });

  it('lets only one of two simultaneous admissions win', async () => {
    const doctor = await createDoctor(t);
    const { visit, joinToken } = await createVisit(t, doctor);
    await giveConsent(t, joinToken);
    const patient = await connectRealtime(t, { joinToken });
    sockets.push(patient);
    expect((await patient.emitWithAck('waiting.join', {})).ok).toBe(true);
    const results = await Promise.all([1, 2, 3].map(() => request(t.url).post(`/api/visits/${visit.id}/admit`).set('cookie', doctor.cookie)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('VISIT_NOT_WAITING');
  });

  it('shares the queue between two API nodes through Redis', async () => {
    const other = await startTestApp();
    try {
      const doctor = await createDoctor(t);
      const { visit, joinToken } = await createVisit(t, doctor);
      await giveConsent(t, joinToken);
      const doctorSocket = await connectRealtime(t, { cookie: doctor.cookie });
      sockets.push(doctorSocket);
      await doctorSocket.emitWithAck('queue.subscribe', {});
      const seen = nextEvent<{ visits: VisitView[] }>(doctorSocket, 'queue.updated', (q) => q.visits.some((v) => v.id === visit.id && v.status === 'waiting' && v.patientOnline));
      // The patient reaches the other node; the doctor's socket is on the first one.
      const patient = await connectRealtime(other, { joinToken });
      sockets.push(patient);
      expect((await patient.emitWithAck('waiting.join', {})).ok).toBe(true);
      await seen;
      // And the doctor's admission on node 1 reaches the patient on node 2.
      const admitted = nextEvent(patient, 'visit.admitted');
      await request(t.url).post(`/api/visits/${visit.id}/admit`).set('cookie', doctor.cookie).expect(200);
      await admitted;
    } finally {
      await other.close();
    }
  });
});
