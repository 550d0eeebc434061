import type { BillingLineView } from '@visite/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { completedVisit, gpProfile, PATIENT_WITHOUT_CAMERA, qualifiedIdentity, SfuControlDouble, tcg } from '../factories/billing';
import { connectRealtime, createDoctor, createStaff, createVisit, giveConsent, startTestApp, type Doctor, type TestApp } from '../factories/test-app';

/**
 * The inputs an outside probe found turning into 500s (JSON nested 3,000 deep, NUL bytes, lone
 * surrogates, ISO week and ordinal dates, arrays for objects, out-of-range cursors): each now gets a
 * 400 with a code at the edge, and nothing stored changes (no row, no audit row).
 */
describe('input refused at the edge, before anything walks it', () => {
  let t: TestApp;
  let sfu: SfuControlDouble;
  let db: DataSource;
  let doctor: Doctor;
  let biller: Doctor;

  const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  const auditCount = async () => Number((await db.query('SELECT COUNT(*) AS n FROM audit_events'))[0].n);
  const visitCount = async () => Number((await db.query('SELECT COUNT(*) AS n FROM visits'))[0].n);

  beforeAll(async () => {
    sfu = await new SfuControlDouble().start();
    t = await startTestApp({ SFU_CONTROL_URL: sfu.url });
    db = t.app.get(DataSource);
    doctor = await createDoctor(t);
    biller = await createStaff(t, 'billing', 'Biller');
    await request(t.url).put(`/api/billing/practitioners/${doctor.id}`).set('cookie', biller.cookie).send(gpProfile('10003456789')).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await sfu.close();
  });

  it('refuses JSON nested 3,000 deep on every kind of body route, signed in or not, with INPUT_TOO_DEEP', async () => {
    const { joinToken } = await createVisit(t, doctor);
    const targets: [string, string | undefined][] = [
      ['/api/auth/login', undefined],
      [`/api/join/${joinToken}/consent`, undefined],
      ['/api/visits', doctor.cookie],
      ['/api/queue/message', doctor.cookie],
    ];
    for (const [path, cookie] of targets) {
      for (const body of [deep(3000), deepObject(3000), `{"patient":${deep(40)}}`]) {
        const req = request(t.url).post(path).set('content-type', 'application/json');
        const res = await (cookie ? req.set('cookie', cookie) : req).send(body);
        expect([path, res.status, res.body.code]).toEqual([path, 400, 'INPUT_TOO_DEEP']);
      }
    }
  });

  it('refuses NUL bytes and lone surrogates in any string, on login too, and stores nothing', async () => {
    const before = { visits: await visitCount(), audit: await auditCount() };
    const patient = { firstName: 'Jeanne', lastName: 'Durand', birthDate: '1948-05-17', phone: '+33612345678' };
    const cases: [string, Record<string, unknown>, string | undefined][] = [
      ['/api/visits', { patient: { ...patient, lastName: 'Du\u0000rand' } }, doctor.cookie],
      ['/api/visits', { patient: { ...patient, email: 'jeanne\uD800@example.fr' } }, doctor.cookie],
      ['/api/visits', { patient: { ...patient, firstName: '\uDC00' } }, doctor.cookie],
      ['/api/queue/message', { message: 'En retard \uD83D' }, doctor.cookie],
      ['/api/auth/login', { email: 'a\uD800@b.fr', password: 'x' }, undefined],
      ['/api/auth/login', { email: 'a@b.fr', password: 'x\u0000' }, undefined],
    ];
    for (const [path, body, cookie] of cases) {
      const req = request(t.url).post(path);
      const res = await (cookie ? req.set('cookie', cookie) : req).send(body);
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'INVALID_TEXT']);
      expect(res.body.message).toMatch(/NUL|Unicode/);
    }
    expect({ visits: await visitCount(), audit: await auditCount() }).toEqual(before);
  });

  it('refuses ISO 8601 dates PostgreSQL does not store, and arrays where objects are expected', async () => {
    const before = await visitCount();
    const patient = { firstName: 'Jeanne', lastName: 'Durand', phone: '+33612345678' };
    for (const body of [
      { patient: { ...patient, birthDate: '1948-W20-2' } },
      { patient: { ...patient, birthDate: '1948-138' } },
      { patient: { ...patient, birthDate: '1948-02-30' } },
      { patient: { ...patient, birthDate: '1948-05-17' }, scheduledAt: '2026-W49-2T10:00:00Z' },
      { patient: { ...patient, birthDate: '1948-05-17' }, scheduledAt: '2026-335T10:00:00Z' },
      { patient: { ...patient, birthDate: '1948-05-17' }, scheduledAt: '2026-12-01T10:00:00' },
      { patient: [{ ...patient, birthDate: '1948-05-17' }] },
      { patient: { firstName: ['Jeanne'], lastName: 'Durand', birthDate: '1948-05-17', phone: '+33612345678' } },
    ]) {
      const res = await request(t.url).post('/api/visits').set('cookie', doctor.cookie).send(body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.issues?.length).toBeGreaterThan(0);
    }
    expect(await visitCount()).toBe(before);

    const batch = await request(t.url).post('/api/billing/batches').set('cookie', biller.cookie).send({ from: '2026-W01-1', to: '2026-12-31' });
    expect([batch.status, batch.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const sickNote = await request(t.url).post(`/api/visits/${(await createVisit(t, doctor)).visit.id}/billing-line`).set('cookie', doctor.cookie).send({ ...tcg(), sickNote: [] });
    expect([sickNote.status, sickNote.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('validates keyset cursors and query parameters', async () => {
    const cursor = Buffer.from('9999-99-99|11111111-1111-4111-8111-111111111111').toString('base64url');
    const res = await request(t.url).get(`/api/billing/lines?cursor=${cursor}`).set('cookie', biller.cookie);
    expect([res.status, res.body.code]).toEqual([400, 'INVALID_CURSOR']);
    for (const query of ['limit=0', 'limit=abc', 'limit=1e3', 'from=2026-335', 'state=lost', 'doctorId=x', 'cursor=%00', 'unknown=1']) {
      const r = await request(t.url).get(`/api/billing/lines?${query}`).set('cookie', biller.cookie);
      expect([query, r.status]).toEqual([query, 400]);
      expect(['VALIDATION_FAILED', 'INVALID_TEXT']).toContain(r.body.code);
    }
  });

  it('writes a change and its audit row together: a refused void or modality correction leaves both untouched', async () => {
    const visitId = await completedVisit(t, doctor, sfu, PATIENT_WITHOUT_CAMERA);
    await request(t.url).put(`/api/visits/${visitId}/patient-identity`).set('cookie', doctor.cookie).send(qualifiedIdentity('10003456789')).expect(200);
    const line: BillingLineView = (await request(t.url).post(`/api/visits/${visitId}/billing-line`).set('cookie', doctor.cookie).send(tcg()).expect(200)).body;
    const audit = await auditCount();
    const voided = await request(t.url).post(`/api/billing/lines/${line.id}/void`).set('cookie', biller.cookie).send({ reason: 'doublon \uD800' });
    expect([voided.status, voided.body.code]).toEqual([400, 'INVALID_TEXT']);
    const modality = await request(t.url).put(`/api/billing/visits/${visitId}/modality`).set('cookie', biller.cookie).send({ modality: 'video', reason: '\uDFFF' });
    expect([modality.status, modality.body.code]).toEqual([400, 'INVALID_TEXT']);
    const [row] = await db.query('SELECT state FROM billing_lines WHERE id = $1', [line.id]);
    const [visit] = await db.query('SELECT modality, modality_source FROM visits WHERE id = $1', [visitId]);
    expect({ line: row.state, modality: visit.modality, source: visit.modality_source, audit: await auditCount() }).toEqual({ line: line.state, modality: 'audio', source: 'sfu', audit });

    // Accepted: the change and its row land together.
    await request(t.url).post(`/api/billing/lines/${line.id}/void`).set('cookie', biller.cookie).send({ reason: 'doublon' }).expect(200);
    const rows = await db.query(`SELECT action, detail FROM audit_events WHERE visit_id = $1 AND action = 'billing.line_voided'`, [visitId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].detail.reason).toBe('doublon');
  });

  it('refuses hostile socket payloads with a code and keeps serving', async () => {
    const { joinToken } = await createVisit(t, doctor);
    await giveConsent(t, joinToken);
    const socket = await connectRealtime(t, { joinToken });
    try {
      let hostile: unknown = 'x';
      for (let i = 0; i < 3000; i++) hostile = { a: hostile };
      expect((await socket.emitWithAck('waiting.join', hostile)).error.code).toBe('INPUT_TOO_DEEP');
      expect((await socket.emitWithAck('waiting.join', { note: 'a\u0000' })).error.code).toBe('INVALID_TEXT');
      expect((await socket.emitWithAck('waiting.join', [])).error.code).toBe('VALIDATION_FAILED');
      expect((await socket.emitWithAck('waiting.join', {})).ok).toBe(true);
    } finally {
      socket.close();
    }
  });
});
