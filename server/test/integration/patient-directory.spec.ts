import type { PatientDetail, PatientListItem, VisitWithLink } from '@visite/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createPractice, createStaff, startTestApp, uniqueLetters, type Doctor, type TestApp } from '../factories/test-app';

describe('patient directory: one record per person, search, reuse, duplicates flagged (real PostgreSQL)', () => {
  let t: TestApp;
  let db: DataSource;
  let doctor: Doctor;
  let assistant: Doctor;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    doctor = await createStaff(t, 'doctor', 'Dr Annuaire');
    assistant = await createStaff(t, 'assistant', 'Assistante Annuaire', t.practiceId, [doctor.id]);
  });
  afterAll(() => t.close());

  const newVisit = (who: Doctor, body: object) => request(t.url).post('/api/visits').set('cookie', who.cookie).send(body);
  const search = async (who: Doctor, q: string): Promise<PatientListItem[]> => (await request(t.url).get('/api/patients').query({ q }).set('cookie', who.cookie).expect(200)).body;
  const count = async () => (await db.query(`SELECT COUNT(*)::int AS n FROM patients WHERE practice_id = $1`, [t.practiceId]))[0].n as number;

  it('reuses the patient typed again, and a patient picked from the search; their page lists their visits', async () => {
    const last = `Lefèvre-${uniqueLetters(6)}`;
    const typed = { firstName: 'Hélène', lastName: last, birthDate: '1952-09-30', phone: '06 12 34 56 78' };
    const first: VisitWithLink = (await newVisit(doctor, { patient: typed }).expect(201)).body;
    expect(first.patientReused).toBe(false);
    const n = await count();
    // Same person typed differently (case, accents, spaces): the same record.
    const again: VisitWithLink = (await newVisit(assistant, { patient: { ...typed, firstName: 'HELENE', lastName: last.toUpperCase().replace('È', 'E'), phone: '+33612345678' } }).expect(201)).body;
    expect(again.patientReused).toBe(true);
    expect(again.visit.patient.id).toBe(first.visit.patient.id);
    expect(await count()).toBe(n);

    // Search by name prefix, date of birth (either order) and phone, combined.
    for (const q of [last.slice(0, 5), 'hel 30/09/1952', '1952-09-30 lef', '0612345678', `${last.slice(0, 4)} +33 6 12 34 56 78`]) {
      expect((await search(doctor, q)).map((p) => p.id)).toContain(first.visit.patient.id);
    }
    expect((await search(doctor, 'hel 01/01/1952')).map((p) => p.id)).not.toContain(first.visit.patient.id);
    const picked: VisitWithLink = (await newVisit(doctor, { patientId: first.visit.patient.id }).expect(201)).body;
    expect(picked.visit.patient.id).toBe(first.visit.patient.id);
    expect(await count()).toBe(n);

    const visits = await request(t.url).get(`/api/patients/${first.visit.patient.id}/visits`).set('cookie', assistant.cookie).expect(200);
    expect(visits.body.map((v: { id: string }) => v.id).sort()).toEqual([first.visit.id, again.visit.id, picked.visit.id].sort());
  });

  it('flags likely duplicates (birth name, phone) without merging, until staff say they are different people', async () => {
    const birth = `Martinez${uniqueLetters(5)}`;
    const married = `Dubois${uniqueLetters(5)}`;
    const a: PatientDetail = (await request(t.url).post('/api/patients').set('cookie', doctor.cookie).send({ firstName: 'Inès', lastName: birth, birthDate: '1980-04-12', email: 'ines@example.fr' }).expect(201)).body;
    expect(a.possibleDuplicates).toEqual([]);
    // Same woman under her married name, with her birth name given: flagged, a new record all the same.
    const b: VisitWithLink = (await newVisit(doctor, { patient: { firstName: 'Ines', lastName: married, birthName: birth, birthDate: '1980-04-12', phone: '+33655443322' } }).expect(201)).body;
    expect(b.patientReused).toBe(false);
    expect(b.visit.patient.id).not.toBe(a.id);
    const detail: PatientDetail = (await request(t.url).get(`/api/patients/${a.id}`).set('cookie', doctor.cookie).expect(200)).body;
    expect(detail.possibleDuplicates).toEqual([expect.objectContaining({ id: b.visit.patient.id, reason: 'name_and_birth_date', birthName: birth })]);
    // Same phone and first name, another date of birth: flagged too.
    const c: PatientDetail = (await request(t.url).post('/api/patients').set('cookie', assistant.cookie).send({ firstName: 'INÈS', lastName: `Autre${uniqueLetters(4)}`, birthDate: '1981-04-12', phone: '06 55 44 33 22' }).expect(201)).body;
    expect(c.possibleDuplicates.map((d) => [d.id, d.reason])).toEqual([[b.visit.patient.id, 'phone_and_first_name']]);
    const listed = await search(doctor, 'ines 12/04/1980');
    expect(listed.find((p) => p.id === a.id)?.possibleDuplicates).toBe(1);
    const pairs = (await request(t.url).get('/api/patients/duplicates').set('cookie', doctor.cookie).expect(200)).body as { a: { id: string }; b: { id: string } }[];
    expect(pairs.filter((p) => [p.a.id, p.b.id].includes(b.visit.patient.id))).toHaveLength(2);

    await request(t.url).post(`/api/patients/${b.visit.patient.id}/not-duplicate/${a.id}`).set('cookie', doctor.cookie).expect(204);
    expect((await request(t.url).get(`/api/patients/${a.id}`).set('cookie', doctor.cookie).expect(200)).body.possibleDuplicates).toEqual([]);
    expect((await request(t.url).get(`/api/patients/${b.visit.patient.id}`).set('cookie', doctor.cookie).expect(200)).body.possibleDuplicates.map((d: { id: string }) => d.id)).toEqual([c.id]);
    // Nothing was merged: three records.
    expect((await db.query(`SELECT COUNT(*)::int AS n FROM patients WHERE id = ANY($1)`, [[a.id, b.visit.patient.id, c.id]]))[0].n).toBe(3);
  });

  it('asks staff to pick when several records have the same names and date of birth', async () => {
    const last = `Petit${uniqueLetters(5)}`;
    const body = { firstName: 'Luc', lastName: last, birthDate: '1970-01-01', phone: '+33600000011' };
    await request(t.url).post('/api/patients').set('cookie', doctor.cookie).send(body).expect(201);
    await request(t.url).post('/api/patients').set('cookie', doctor.cookie).send(body).expect(201);
    const n = await count();
    expect((await newVisit(doctor, { patient: body }).expect(409)).body.code).toBe('PATIENT_MATCHES_SEVERAL');
    expect(await count()).toBe(n);
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const patient: PatientDetail = (await request(t.url).post('/api/patients').set('cookie', doctor.cookie).send({ firstName: 'Bad', lastName: `Input${uniqueLetters(4)}`, birthDate: '1990-01-01', phone: '+33600000012' }).expect(201)).body;
    const other = await createStaff(t, 'doctor', 'Dr Elsewhere', await createPractice(t));
    const before = { patients: await count(), visits: (await db.query(`SELECT COUNT(*)::int AS n FROM visits`))[0].n, row: await db.query(`SELECT * FROM patients WHERE id = $1`, [patient.id]) };
    const cases: [string, request.Test, number, string][] = [
      ['impossible date', request(t.url).post('/api/patients').send({ firstName: 'A', lastName: 'B', birthDate: '2001-02-29', phone: '+33600000013' }), 400, 'VALIDATION_FAILED'],
      ['future date', request(t.url).post('/api/patients').send({ firstName: 'A', lastName: 'B', birthDate: '2099-01-01', phone: '+33600000013' }), 400, 'VALIDATION_FAILED'],
      ['NUL byte', request(t.url).post('/api/patients').send({ firstName: 'A\u0000', lastName: 'B', birthDate: '2001-02-28', phone: '+33600000013' }), 400, 'INVALID_TEXT'],
      ['array for an object', request(t.url).post('/api/patients').send([{ firstName: 'A', lastName: 'B', birthDate: '2001-02-28', phone: '+33600000013' }]), 400, 'VALIDATION_FAILED'],
      ['array for a string', request(t.url).post('/api/visits').send({ patient: { firstName: ['A'], lastName: 'B', birthDate: '2001-02-28', phone: '+33600000013' } }), 400, 'VALIDATION_FAILED'],
      ['both patient and patientId', request(t.url).post('/api/visits').send({ patientId: patient.id, patient: { firstName: 'A', lastName: 'B', birthDate: '2001-02-28', phone: '+33600000013' } }), 400, 'VALIDATION_FAILED'],
      ['unknown patient id', request(t.url).post('/api/visits').send({ patientId: '0b7f8a52-7c1b-4f0e-9a55-2b7c9e1d3f40' }), 404, 'PATIENT_NOT_FOUND'],
      ['not a uuid', request(t.url).get('/api/patients/123'), 400, 'VALIDATION_FAILED'],
      ['search too short', request(t.url).get('/api/patients').query({ q: 'ab' }), 400, 'SEARCH_TOO_SHORT'],
      ['search repeated', request(t.url).get('/api/patients?q=abc&q=def'), 400, 'VALIDATION_FAILED'],
      ['impossible date on update', request(t.url).put(`/api/patients/${patient.id}`).send({ firstName: 'X', lastName: 'Y', birthDate: '1990-13-01', phone: '+33600000012' }), 400, 'VALIDATION_FAILED'],
      ['same record', request(t.url).post(`/api/patients/${patient.id}/not-duplicate/${patient.id}`), 400, 'SAME_PATIENT'],
      ['foreign doctor', request(t.url).post('/api/visits').send({ doctorId: other.id, patientId: patient.id }), 404, 'DOCTOR_NOT_FOUND'],
    ];
    for (const [name, call, status, code] of cases) {
      const res = await call.set('cookie', doctor.cookie);
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status, code });
      expect(res.body.message).toEqual(expect.any(String));
    }
    // The other practice's doctor does not see this patient at all.
    expect((await request(t.url).get(`/api/patients/${patient.id}`).set('cookie', other.cookie).expect(404)).body.code).toBe('PATIENT_NOT_FOUND');
    expect(await search(other, patient.lastName)).toEqual([]);
    expect({ patients: await count(), visits: (await db.query(`SELECT COUNT(*)::int AS n FROM visits`))[0].n, row: await db.query(`SELECT * FROM patients WHERE id = $1`, [patient.id]) }).toEqual(before);
  });
});
