import request from 'supertest';
import { DataSource } from 'typeorm';
import { createStaff, startTestApp, type Doctor, type TestApp } from '../factories/test-app';

const WEEK = [1, 2, 3, 4, 5, 6, 7];
const hours = (start: string, end: string, days = WEEK) => days.map((weekday) => ({ weekday, start, end }));

/**
 * Availability and slots over HTTP (real PostgreSQL): editing rights, refusals that change nothing,
 * and slots across the daylight-saving changes and in other zones. The dates are those of 2027 (the
 * next changes after today; 2026's are in the unit spec of @visite/scheduling, with a fixed "now").
 */
describe('availability and slots (real PostgreSQL)', () => {
  let t: TestApp;
  let db: DataSource;
  let doctor: Doctor;
  let other: Doctor;
  let assistant: Doctor;
  let otherAssistant: Doctor;
  let admin: Doctor;
  let billing: Doctor;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    doctor = await createStaff(t, 'doctor', 'Dr Horaires');
    other = await createStaff(t, 'doctor', 'Dr Autre');
    assistant = await createStaff(t, 'assistant', 'Assistante', t.practiceId, [doctor.id]);
    otherAssistant = await createStaff(t, 'assistant', 'Assistante Autre', t.practiceId, [other.id]);
    admin = await createStaff(t, 'admin', 'Admin');
    billing = await createStaff(t, 'billing', 'Facturation');
  });
  afterAll(() => t.close());

  const put = (who: Doctor, doctorId: string, body: unknown) => request(t.url).put(`/api/doctors/${doctorId}/availability`).set('cookie', who.cookie).send(body as object);
  const get = (who: Doctor, doctorId: string) => request(t.url).get(`/api/doctors/${doctorId}/availability`).set('cookie', who.cookie);
  async function visitType(who: Doctor, body: Record<string, unknown>): Promise<string> {
    return (await request(t.url).post('/api/visit-types').set('cookie', who.cookie).send(body).expect(201)).body.id;
  }
  const slots = async (who: Doctor, doctorId: string, visitTypeId: string, from: string, to: string) =>
    (await request(t.url).get(`/api/doctors/${doctorId}/slots`).query({ visitTypeId, from, to }).set('cookie', who.cookie).expect(200)).body as { timeZone: string; slots: { start: string; end: string }[] };

  it('lets the doctor, their assistant and an admin edit the hours; refuses everyone else', async () => {
    const weekly = [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '14:00', end: '18:00' }];
    const saved = await put(doctor, doctor.id, { weekly, horizonDays: 30, minNoticeMinutes: 60 }).expect(200);
    expect(saved.body).toMatchObject({ doctorId: doctor.id, timeZone: 'Europe/Paris', ownTimeZone: null, weekly, horizonDays: 30, minNoticeMinutes: 60, publicBooking: true });
    await put(assistant, doctor.id, { weekly }).expect(200);
    await put(admin, doctor.id, { weekly }).expect(200);
    expect((await put(otherAssistant, doctor.id, { weekly }).expect(403)).body.code).toBe('NOT_YOUR_DOCTOR');
    expect((await put(other, doctor.id, { weekly }).expect(403)).body.code).toBe('NOT_YOUR_DOCTOR');
    expect((await put(billing, doctor.id, { weekly }).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    expect((await get(billing, doctor.id).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
    // An assistant is not a doctor: their id names no doctor's hours.
    expect((await put(admin, assistant.id, { weekly }).expect(404)).body.code).toBe('DOCTOR_NOT_FOUND');
  });

  it('refuses overlapping ranges, a range ending before it starts, impossible days and times, with a code, changing nothing', async () => {
    const weekly = [{ weekday: 2, start: '08:00', end: '12:00' }];
    await put(doctor, doctor.id, { weekly }).expect(200);
    const before = await db.query(`SELECT * FROM doctor_availability WHERE doctor_id = $1`, [doctor.id]);
    const refusals: [unknown, string][] = [
      [[{ weekday: 2, start: '08:00', end: '12:00' }, { weekday: 2, start: '11:30', end: '13:00' }], 'HOURS_OVERLAP'],
      [[{ weekday: 3, start: '12:00', end: '08:00' }], 'HOURS_END_BEFORE_START'],
      [[{ weekday: 8, start: '08:00', end: '12:00' }], 'VALIDATION_FAILED'],
      [[{ weekday: 3, start: '25:00', end: '26:00' }], 'VALIDATION_FAILED'],
      [[{ weekday: 3, start: '8h', end: '12:00' }], 'VALIDATION_FAILED'],
    ];
    for (const [bad, code] of refusals) expect((await put(doctor, doctor.id, { weekly: bad }).expect(400)).body.code).toBe(code);
    expect((await put(doctor, doctor.id, { weekly, timeZone: 'Mars/Olympus' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(await db.query(`SELECT * FROM doctor_availability WHERE doctor_id = $1`, [doctor.id])).toEqual(before);

    const absences = await db.query(`SELECT count(*)::int AS n FROM absences WHERE practice_id = $1`, [t.practiceId]);
    const absence = (body: Record<string, unknown>) => request(t.url).post('/api/absences').set('cookie', doctor.cookie).send({ doctorId: doctor.id, ...body });
    expect((await absence({ startDate: '2027-02-30', endDate: '2027-03-01' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await absence({ startDate: '2027-03-02', endDate: '2027-03-01' }).expect(400)).body.code).toBe('ABSENCE_END_BEFORE_START');
    expect((await absence({ startDate: '2027-03-02', endDate: '2027-03-02', startTime: '14:00', endTime: '10:00' }).expect(400)).body.code).toBe('ABSENCE_END_BEFORE_START');
    expect((await request(t.url).post('/api/absences').set('cookie', doctor.cookie).send({ startDate: '2027-05-01', endDate: '2027-05-01' }).expect(403)).body.code).toBe('PRACTICE_WIDE_ADMIN_ONLY');
    expect(await db.query(`SELECT count(*)::int AS n FROM absences WHERE practice_id = $1`, [t.practiceId])).toEqual(absences);
  });

  it('keeps visit types per doctor or per practice (admins only), and refuses a duration out of bounds', async () => {
    const own = await visitType(doctor, { doctorId: doctor.id, name: 'Première consultation', kind: 'first', durationMinutes: 30 });
    expect((await request(t.url).post('/api/visit-types').set('cookie', doctor.cookie).send({ name: 'Pour tous', durationMinutes: 15 }).expect(403)).body.code).toBe('PRACTICE_WIDE_ADMIN_ONLY');
    const shared = await visitType(admin, { name: 'Suivi', kind: 'follow_up', durationMinutes: 15 });
    expect((await request(t.url).post('/api/visit-types').set('cookie', doctor.cookie).send({ doctorId: doctor.id, name: 'Éclair', durationMinutes: 2 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const mine = (await request(t.url).get('/api/visit-types').query({ doctorId: doctor.id }).set('cookie', assistant.cookie).expect(200)).body as { id: string }[];
    expect(mine.map((v) => v.id).sort()).toEqual([own, shared].sort());
    const others = (await request(t.url).get('/api/visit-types').query({ doctorId: other.id }).set('cookie', admin.cookie).expect(200)).body as { id: string }[];
    expect(others.map((v) => v.id)).toEqual([shared]);
    // The other doctor cannot offer, rename or remove this doctor's type.
    expect((await request(t.url).get(`/api/doctors/${other.id}/slots`).query({ visitTypeId: own, from: '2027-01-04', to: '2027-01-04' }).set('cookie', other.cookie).expect(400)).body.code).toBe('VISIT_TYPE_NOT_OFFERED');
    expect((await request(t.url).put(`/api/visit-types/${own}`).set('cookie', other.cookie).send({ name: 'X', durationMinutes: 10 }).expect(403)).body.code).toBe('NOT_YOUR_DOCTOR');
    await request(t.url).delete(`/api/visit-types/${own}`).set('cookie', doctor.cookie).expect(204);
    expect((await request(t.url).delete(`/api/visit-types/${own}`).set('cookie', doctor.cookie).expect(404)).body.code).toBe('VISIT_TYPE_NOT_FOUND');
  });

  it('serves slots at 09:00 Paris time on each side of the spring change (2027-03-28) and the autumn change (2027-10-31)', async () => {
    const dst = await createStaff(t, 'doctor', 'Dr Heure d’été');
    await put(dst, dst.id, { weekly: hours('09:00', '10:00'), horizonDays: 366, minNoticeMinutes: 0 }).expect(200);
    const type = await visitType(dst, { doctorId: dst.id, name: 'Consultation', durationMinutes: 30 });
    const spring = await slots(dst, dst.id, type, '2027-03-27', '2027-03-29');
    expect(spring.timeZone).toBe('Europe/Paris');
    expect(spring.slots.map((s) => s.start)).toEqual([
      '2027-03-27T08:00:00.000Z', '2027-03-27T08:30:00.000Z',
      '2027-03-28T07:00:00.000Z', '2027-03-28T07:30:00.000Z',
      '2027-03-29T07:00:00.000Z', '2027-03-29T07:30:00.000Z',
    ]);
    const autumn = await slots(dst, dst.id, type, '2027-10-30', '2027-10-31');
    expect(autumn.slots.map((s) => s.start)).toEqual(['2027-10-30T07:00:00.000Z', '2027-10-30T07:30:00.000Z', '2027-10-31T08:00:00.000Z', '2027-10-31T08:30:00.000Z']);

    // A night range over the change: 01:00-04:00 lasts two hours on 28 March and four on 31 October.
    await put(dst, dst.id, { weekly: [{ weekday: 7, start: '01:00', end: '04:00' }], horizonDays: 366, minNoticeMinutes: 0 }).expect(200);
    expect((await slots(dst, dst.id, type, '2027-03-28', '2027-03-28')).slots).toHaveLength(4);
    expect((await slots(dst, dst.id, type, '2027-10-31', '2027-10-31')).slots).toHaveLength(8);
  });

  it('serves a Montréal doctor’s and a Réunion doctor’s slots in their own zones', async () => {
    const montreal = await createStaff(t, 'doctor', 'Dr Montréal');
    await put(montreal, montreal.id, { timeZone: 'America/Montreal', weekly: hours('09:00', '10:00', [6, 1]), horizonDays: 366, minNoticeMinutes: 0 }).expect(200);
    const type = await visitType(montreal, { doctorId: montreal.id, name: 'Téléconsultation', durationMinutes: 60 });
    const around = await slots(montreal, montreal.id, type, '2027-03-13', '2027-03-15');
    expect(around.timeZone).toBe('America/Montreal');
    // Saturday 13 March in winter time (UTC-5), Monday 15 March in summer time (UTC-4).
    expect(around.slots.map((s) => s.start)).toEqual(['2027-03-13T14:00:00.000Z', '2027-03-15T13:00:00.000Z']);

    const reunion = await createStaff(t, 'doctor', 'Dr Réunion');
    await put(reunion, reunion.id, { timeZone: 'Indian/Reunion', weekly: [{ weekday: 1, start: '08:00', end: '09:00' }], horizonDays: 366, minNoticeMinutes: 0 }).expect(200);
    const rType = await visitType(reunion, { doctorId: reunion.id, name: 'Suivi', durationMinutes: 30 });
    expect((await slots(reunion, reunion.id, rType, '2027-01-04', '2027-01-04')).slots.map((s) => s.start)).toEqual(['2027-01-04T04:00:00.000Z', '2027-01-04T04:30:00.000Z']);
  });

  it('leaves out absences, practice closures, the past, the notice and what is beyond the horizon; refuses long ranges', async () => {
    const d = await createStaff(t, 'doctor', 'Dr Absent');
    await put(d, d.id, { weekly: hours('09:00', '11:00'), horizonDays: 60, minNoticeMinutes: 0 }).expect(200);
    const type = await visitType(d, { doctorId: d.id, name: 'Consultation', durationMinutes: 60 });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const [d10, d11, d12] = [day(10), day(11), day(12)];
    expect((await slots(d, d.id, type, d10, d12)).slots).toHaveLength(6);
    const absence = await request(t.url).post('/api/absences').set('cookie', d.cookie).send({ doctorId: d.id, startDate: d10, endDate: d10, label: 'Formation' }).expect(201);
    await request(t.url).post('/api/absences').set('cookie', d.cookie).send({ doctorId: d.id, startDate: d11, endDate: d11, startTime: '10:00', endTime: '11:00' }).expect(201);
    const holiday = await request(t.url).post('/api/absences').set('cookie', admin.cookie).send({ startDate: d12, endDate: d12, label: 'Jour férié' }).expect(201);
    expect((await slots(d, d.id, type, d10, d12)).slots).toHaveLength(1);
    const view = (await get(d, d.id).expect(200)).body as { absences: { id: string; doctorId: string | null }[] };
    expect(view.absences.map((a) => a.doctorId)).toEqual([d.id, d.id, null]);
    await request(t.url).delete(`/api/absences/${absence.body.id}`).set('cookie', d.cookie).expect(204);
    expect((await request(t.url).delete(`/api/absences/${holiday.body.id}`).set('cookie', d.cookie).expect(403)).body.code).toBe('PRACTICE_WIDE_ADMIN_ONLY');
    expect((await slots(d, d.id, type, d10, d12)).slots).toHaveLength(3);

    expect((await slots(d, d.id, type, day(-5), day(-1))).slots).toEqual([]);
    expect((await slots(d, d.id, type, day(61), day(70))).slots).toEqual([]);
    expect((await request(t.url).get(`/api/doctors/${d.id}/slots`).query({ visitTypeId: type, from: day(1), to: day(80) }).set('cookie', d.cookie).expect(400)).body.code).toBe('RANGE_TOO_LONG');
    expect((await request(t.url).get(`/api/doctors/${d.id}/slots`).query({ visitTypeId: type, from: day(3), to: day(1) }).set('cookie', d.cookie).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await request(t.url).get(`/api/doctors/${d.id}/slots`).query({ visitTypeId: type, from: '2027-02-29', to: '2027-03-01' }).set('cookie', d.cookie).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });
});
