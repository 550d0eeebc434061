import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RealtimeGateway } from '../../src/modules/realtime/realtime.gateway';
import { completedVisit, gpProfile, qualifiedIdentity, SfuControlDouble, tcg, VIDEO_BOTH_WAYS } from '../factories/billing';
import { routeTable, socketEvents, type Route } from '../factories/route-table';
import {
  connectRealtime, createPractice, createStaff, createVisit, giveConsent, nextEvent, startTestApp, type Doctor, type TestApp,
} from '../factories/test-app';

/**
 * Practice isolation, over the application's own route table and socket handlers: a route or event
 * added later without scoping (or without a fixture here) fails this spec.
 */
describe('practice isolation: nothing of practice B reaches practice A (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let sfu: SfuControlDouble;
  let db: DataSource;
  const sockets: Socket[] = [];
  const a: Record<'doctor' | 'assistant' | 'billing' | 'admin', Doctor> = {} as never;
  const b = {} as {
    practiceId: string; doctor: Doctor; biller: Doctor; admin: Doctor; assistant: Doctor;
    visitId: string; waitingVisitId: string; joinToken: string; patientId: string; lineId: string; batchId: string; messageId: string;
    visitTypeId: string; absenceId: string;
  };
  const B_NAMES = ['Bérénice', 'Isolée-Cloisonnée'];

  beforeAll(async () => {
    sfu = await new SfuControlDouble().start();
    t = await startTestApp({ SFU_CONTROL_URL: sfu.url });
    db = t.app.get(DataSource);
    a.doctor = await createStaff(t, 'doctor', 'Dr A');
    a.assistant = await createStaff(t, 'assistant', 'Assistant A', t.practiceId, [a.doctor.id]);
    a.billing = await createStaff(t, 'billing', 'Billing A');
    a.admin = await createStaff(t, 'admin', 'Admin A');

    b.practiceId = await createPractice(t, 'Cabinet B');
    b.doctor = await createStaff(t, 'doctor', 'Dr B', b.practiceId);
    b.biller = await createStaff(t, 'billing', 'Billing B', b.practiceId);
    b.admin = await createStaff(t, 'admin', 'Admin B', b.practiceId);
    b.assistant = await createStaff(t, 'assistant', 'Assistant B', b.practiceId, [b.doctor.id]);
    const patient = { firstName: B_NAMES[0], lastName: B_NAMES[1], phone: '+33611223344' };
    await request(t.url).put(`/api/billing/practitioners/${b.doctor.id}`).set('cookie', b.biller.cookie).send(gpProfile('10009876543')).expect(200);
    b.visitId = await completedVisit(t, b.doctor, sfu, VIDEO_BOTH_WAYS, patient);
    await request(t.url).put(`/api/visits/${b.visitId}/patient-identity`).set('cookie', b.doctor.cookie).send(qualifiedIdentity('10009876543')).expect(200);
    const line = await request(t.url).post(`/api/visits/${b.visitId}/billing-line`).set('cookie', b.doctor.cookie).send(tcg()).expect(200);
    b.lineId = line.body.id;
    b.patientId = line.body.patientId;
    const day = line.body.dateOfService;
    b.batchId = (await request(t.url).post('/api/billing/batches').set('cookie', b.biller.cookie).send({ from: day, to: day }).expect(201)).body.id;
    // B's visit has a signed report, so a read that crossed practices would show it.
    await request(t.url).put(`/api/visits/${b.visitId}/report`).set('cookie', b.doctor.cookie)
      .send({ content: { reason: 'Motif B', findings: 'Constatations B', advice: '', prescriptions: '', followUp: '' }, destinations: { patient: true, dmp: false, mssante: false }, revision: 0 }).expect(200);
    await request(t.url).post(`/api/visits/${b.visitId}/report/sign`).set('cookie', b.doctor.cookie).send({ revision: 1 }).expect(200);
    const waiting = await createVisit(t, b.doctor, { ...patient, firstName: 'Bastien' });
    b.waitingVisitId = waiting.visit.id;
    b.joinToken = waiting.joinToken;
    [{ id: b.messageId }] = await db.query(`SELECT id FROM outbox_messages WHERE visit_id = $1 AND kind = 'invitation'`, [b.waitingVisitId]);
    await request(t.url).put(`/api/doctors/${b.doctor.id}/availability`).set('cookie', b.doctor.cookie).send({ weekly: [{ weekday: 1, start: '09:00', end: '12:00' }] }).expect(200);
    b.visitTypeId = (await request(t.url).post('/api/visit-types').set('cookie', b.doctor.cookie).send({ doctorId: b.doctor.id, name: 'Consultation B', durationMinutes: 20 }).expect(201)).body.id;
    b.absenceId = (await request(t.url).post('/api/absences').set('cookie', b.doctor.cookie).send({ doctorId: b.doctor.id, startDate: '2027-01-04', endDate: '2027-01-05' }).expect(201)).body.id;
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await t.close();
    await sfu.close();
  });

  /** Routes reached without a staff session (they take their own credential, or none). */
  const PUBLIC = [/^\/api\/auth\/(login|logout)$/, /^\/api\/health\//, /^\/api\/join\/:token/, /^\/api\/password-tokens\/:token$/, /^\/api\/public\//];

  function fill(route: Route): string {
    return route.path.replace(/:(\w+)/g, (_, name: string) => {
      const p = route.path;
      if (name === 'id' && p.startsWith('/api/visits/')) return b.visitId;
      if (name === 'id' && p.startsWith('/api/billing/visits/')) return b.visitId;
      if (name === 'id' && p.startsWith('/api/billing/lines/')) return b.lineId;
      if (name === 'id' && p.startsWith('/api/billing/batches/')) return b.batchId;
      if (name === 'id' && (p.startsWith('/api/billing/patients/') || p.startsWith('/api/patients/'))) return b.patientId;
      if (name === 'userId' && p.startsWith('/api/billing/practitioners/')) return b.doctor.id;
      if (name === 'id' && p.startsWith('/api/staff/')) return b.assistant.id;
      if (name === 'otherId' && p.startsWith('/api/patients/')) return b.patientId;
      if (name === 'id' && p.startsWith('/api/outbox/')) return b.messageId;
      if (name === 'doctorId' && p.startsWith('/api/doctors/')) return b.doctor.id;
      if (name === 'id' && p.startsWith('/api/visit-types/')) return b.visitTypeId;
      if (name === 'id' && p.startsWith('/api/absences/')) return b.absenceId;
      // Not an id: a consent kind names A's own text (scoping is by the session's practice).
      if (name === 'kind' && p.startsWith('/api/consent-texts/')) return 'health_data';
      if (name === 'format' && p.startsWith('/api/visits/:id/report/')) return 'pdf';
      throw new Error(`isolation spec: no practice-B fixture for :${name} in ${route.method} ${p}: add one`);
    });
  }

  /** A valid request of each route, aimed at practice B (so only scoping can refuse it). */
  function requestFor(route: Route): { query?: Record<string, string>; body?: unknown } {
    const key = `${route.method} ${route.path}`;
    const today = new Date().toISOString().slice(0, 10);
    // A Monday 09:00 (Paris) slot of B's doctor, in a week or two.
    const monday = new Date(Date.now() + ((8 - new Date().getUTCDay()) % 7 || 7) * 86_400_000 + 7 * 86_400_000);
    const nextMonday = `${monday.toISOString().slice(0, 10)}T08:00:00Z`;
    const known: Record<string, { query?: Record<string, string>; body?: unknown }> = {
      'GET /api/auth/me': {},
      'GET /api/practice': {},
      'PUT /api/practice': { body: { name: 'Taken over', settings: { timeZone: 'Europe/Paris' } } },
      'GET /api/visits/today': { query: { doctorId: b.doctor.id } },
      'POST /api/visits': { body: { doctorId: b.doctor.id, patientId: b.patientId } },
      'GET /api/visits/:id': {},
      'POST /api/visits/:id/link': {},
      'POST /api/visits/:id/admit': {},
      'POST /api/visits/:id/end': {},
      'POST /api/visits/:id/media-access': {},
      'POST /api/queue/message': { body: { message: 'pwned', doctorId: b.doctor.id } },
      'GET /api/visits/:id/coding': {},
      'POST /api/visits/:id/billing-line': { body: tcg() },
      'PUT /api/visits/:id/patient-identity': { body: qualifiedIdentity(null) },
      'GET /api/billing/lines': { query: { doctorId: b.doctor.id } },
      'GET /api/billing/lines/:id': {},
      'PUT /api/billing/lines/:id/coding': { body: tcg() },
      'POST /api/billing/lines/:id/acknowledge': {},
      'POST /api/billing/lines/:id/void': { body: { reason: 'takeover' } },
      'POST /api/billing/lines/:id/reissue': {},
      'PUT /api/billing/patients/:id/identity': { body: qualifiedIdentity(null) },
      'PUT /api/billing/visits/:id/modality': { body: { modality: 'audio', reason: 'takeover' } },
      'GET /api/billing/practitioners': {},
      'PUT /api/billing/practitioners/:userId': { body: gpProfile('10001111111') },
      'POST /api/billing/batches': { body: { from: today, to: today, doctorId: b.doctor.id } },
      'GET /api/billing/batches': {},
      'GET /api/billing/batches/:id/export': { query: { format: 'csv' } },
      'GET /api/staff': {},
      'POST /api/staff': { body: { email: 'intruder@visite.test', displayName: 'Intruder', role: 'assistant', assists: [b.doctor.id] } },
      'PUT /api/staff/:id': { body: { displayName: 'Renamed', role: 'admin', assists: [] } },
      'POST /api/staff/:id/disable': {},
      'POST /api/staff/:id/enable': {},
      'POST /api/staff/:id/reset': {},
      'GET /api/staff/doctors': {},
      'GET /api/patients': { query: { q: B_NAMES[1] } },
      'POST /api/patients': { body: { firstName: 'Anatole', lastName: 'Autre', birthDate: '1948-05-17', phone: '+33699887766' } },
      'GET /api/patients/:id': {},
      'PUT /api/patients/:id': { body: { firstName: 'X', lastName: 'Y', birthDate: '1950-01-01', phone: '+33600000000' } },
      'GET /api/patients/:id/visits': {},
      'POST /api/patients/:id/not-duplicate/:otherId': {},
      'GET /api/patients/duplicates': {},
      'GET /api/visits/:id/messages': {},
      'GET /api/visits/:id/history': {},
      'GET /api/outbox': {},
      'GET /api/outbox/:id': {},
      'POST /api/outbox/:id/resend': {},
      'GET /api/readiness/day': { query: { date: today, doctorId: b.doctor.id } },
      'GET /api/visits/:id/notes': {},
      'PUT /api/visits/:id/notes': { body: { text: 'pwned', baseVersion: 0 } },
      'GET /api/doctors/:doctorId/availability': {},
      'PUT /api/doctors/:doctorId/availability': { body: { weekly: [] } },
      'GET /api/doctors/:doctorId/slots': { query: { visitTypeId: b.visitTypeId, from: today, to: today } },
      'GET /api/visit-types': { query: { doctorId: b.doctor.id } },
      'POST /api/visit-types': { body: { doctorId: b.doctor.id, name: 'Intrus', durationMinutes: 15 } },
      'PUT /api/visit-types/:id': { body: { name: 'Renamed', durationMinutes: 15 } },
      'DELETE /api/visit-types/:id': {},
      'POST /api/absences': { body: { doctorId: b.doctor.id, startDate: today, endDate: today } },
      'DELETE /api/absences/:id': {},
      'GET /api/doctors/:doctorId/schedule': { query: { from: today, to: today } },
      'POST /api/bookings': { body: { doctorId: b.doctor.id, visitTypeId: b.visitTypeId, start: nextMonday, patientId: b.patientId } },
      'POST /api/visits/:id/reschedule': { body: { start: nextMonday } },
      'GET /api/consent-texts': {},
      'PUT /api/consent-texts/:kind': { body: { content: { fr: { title: 'Données', body: 'Texte du cabinet A.' }, en: { title: 'Data', body: 'Practice A text.' } } } },
      'POST /api/visits/:id/consents': { body: { decision: 'withdrawn', language: 'fr', wording: 'video' } },
      'GET /api/visits/:id/report': {},
      'PUT /api/visits/:id/report': { body: { content: { reason: 'x', findings: '', advice: '', prescriptions: '', followUp: '' }, destinations: { patient: true, dmp: false, mssante: false }, revision: 0 } },
      'POST /api/visits/:id/report/sign': { body: { revision: 1 } },
      'POST /api/visits/:id/report/correct': {},
      'POST /api/visits/:id/report/mssante': {},
      'PUT /api/visits/:id/report/regular-doctor': { body: { rpps: '10101201234', mssante: 'taken@over.mssante.fr' } },
      'GET /api/visits/:id/report/:format': {},
      'GET /api/patients/:id/record': {},
    };
    const found = known[key];
    if (!found) throw new Error(`isolation spec: no request for ${key}: add a valid one aimed at practice B`);
    return found;
  }

  async function snapshotB(): Promise<string> {
    const rows = await Promise.all([
      db.query(`SELECT * FROM visits WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
      db.query(`SELECT * FROM patients WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
      db.query(`SELECT * FROM billing_lines WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
      db.query(`SELECT * FROM billing_batches WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
      db.query(`SELECT id, email, display_name, role, disabled_at, password_hash, queue_message FROM users WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
      db.query(`SELECT * FROM practices WHERE id = $1`, [b.practiceId]),
      db.query(`SELECT * FROM billing_profiles WHERE user_id = $1`, [b.doctor.id]),
      db.query(`SELECT * FROM assistant_doctors WHERE doctor_id = $1 ORDER BY assistant_id`, [b.doctor.id]),
      db.query(`SELECT * FROM doctor_availability WHERE practice_id = $1 ORDER BY doctor_id`, [b.practiceId]),
      db.query(`SELECT * FROM visit_types WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
      db.query(`SELECT * FROM absences WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
      db.query(`SELECT * FROM visit_bookings WHERE practice_id = $1 ORDER BY visit_id`, [b.practiceId]),
      // Which messages exist (their delivery states move on their own as B's poller sends them).
      db.query(`SELECT id, visit_id, kind, channel, resend_of FROM outbox_messages WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
      db.query(`SELECT * FROM visit_notes WHERE practice_id = $1 ORDER BY visit_id`, [b.practiceId]),
      db.query(`SELECT * FROM consents WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
      db.query(`SELECT * FROM consent_texts WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
      db.query(`SELECT * FROM visit_reports WHERE practice_id = $1 ORDER BY id`, [b.practiceId]),
    ]);
    return JSON.stringify(rows);
  }

  it('answers every staff route of practice A with 403/404 for B’s ids, and lists nothing of B', async () => {
    const routes = routeTable(t.app).filter((r) => !PUBLIC.some((p) => p.test(r.path)));
    expect(routes.length).toBeGreaterThan(20);
    const before = await snapshotB();
    const bIds = [b.visitId, b.waitingVisitId, b.patientId, b.lineId, b.batchId, b.messageId, b.visitTypeId, b.absenceId, b.doctor.id, b.biller.id, b.admin.id, b.assistant.id, b.practiceId];
    const failures: string[] = [];
    for (const route of routes) {
      const path = fill(route);
      const { query, body } = requestFor(route);
      for (const [role, user] of Object.entries(a)) {
        let call = request(t.url)[route.method.toLowerCase() as 'get'](path).set('cookie', user.cookie);
        if (query) call = call.query(query);
        if (body !== undefined) call = call.send(body as object);
        const res = await call;
        const text = res.text ?? '';
        const leaked = [...bIds, ...B_NAMES, '33611223344', '295109912611193'].filter((needle) => text.includes(needle));
        if (res.status >= 500) failures.push(`${role} ${route.method} ${path}: ${res.status} ${text.slice(0, 200)}`);
        else if ((route.path.includes(':') && !route.path.includes(':kind')) || JSON.stringify(body ?? {}).includes(b.doctor.id) || JSON.stringify(body ?? {}).includes(b.patientId)) {
          if (![403, 404].includes(res.status)) failures.push(`${role} ${route.method} ${path}: expected 403/404, got ${res.status} ${text.slice(0, 200)}`);
        }
        if (leaked.length) failures.push(`${role} ${route.method} ${path}: answer holds practice B's ${leaked.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotB()).toBe(before);
  }, 120_000);

  it('answers every socket event of practice A with a refusal for B, and never publishes B’s queue to A', async () => {
    const events = socketEvents(t.app.get(RealtimeGateway));
    expect(events.sort()).toEqual(['queue.subscribe', 'waiting.join']);
    const payloads: Record<string, unknown> = { 'queue.subscribe': { doctorId: b.doctor.id }, 'waiting.join': {} };
    for (const user of [a.doctor, a.assistant, a.billing, a.admin]) {
      const socket = await connectRealtime(t, { cookie: user.cookie });
      sockets.push(socket);
      for (const event of events) {
        if (!(event in payloads)) throw new Error(`isolation spec: no payload for socket event ${event}: add one aimed at practice B`);
        const ack = await socket.emitWithAck(event, payloads[event]);
        expect(ack.ok).toBe(false);
        expect(['VISIT_NOT_FOUND', 'DOCTOR_NOT_FOUND', 'NOT_YOUR_DOCTOR', 'FORBIDDEN_ROLE']).toContain(ack.error.code);
      }
    }

    // A's doctor and assistant watch their own queue while B's patient knocks and B's doctor admits them.
    const watchers = [await connectRealtime(t, { cookie: a.doctor.cookie }), await connectRealtime(t, { cookie: a.assistant.cookie })];
    sockets.push(...watchers);
    const seen: string[] = [];
    for (const w of watchers) {
      expect((await w.emitWithAck('queue.subscribe', {})).ok).toBe(true);
      w.onAny((_event, payload) => seen.push(JSON.stringify(payload)));
    }
    const bDoctor = await connectRealtime(t, { cookie: b.doctor.cookie });
    sockets.push(bDoctor);
    await bDoctor.emitWithAck('queue.subscribe', {});
    await giveConsent(t, b.joinToken);
    const patient = await connectRealtime(t, { joinToken: b.joinToken });
    sockets.push(patient);
    const bSees = nextEvent<{ visits: { id: string; status: string }[] }>(bDoctor, 'queue.updated', (q) => q.visits.some((v) => v.id === b.waitingVisitId && v.status === 'waiting'));
    expect((await patient.emitWithAck('waiting.join', {})).ok).toBe(true);
    await bSees;
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.filter((p) => p.includes(b.waitingVisitId) || B_NAMES.some((n) => p.includes(n)))).toEqual([]);
  });
});
