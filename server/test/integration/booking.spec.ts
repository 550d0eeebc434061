import type { BookingConfirmation, JoinBooking, MessageView, SlotsView, VisitMessages } from '@visite/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PracticesRepository } from '../../src/modules/practice/practices.repository';
import { PracticesService } from '../../src/modules/practice/practices.service';
import { createPractice, createStaff, startTestApp, uniqueLetters, type Doctor, type TestApp } from '../factories/test-app';
import { readIcs } from '../support/ics';
import { SmtpSink } from '../support/smtp-sink';
import { waitUntil } from '../support/wait-until';

const DAY = 86_400_000;
const WEEK = [1, 2, 3, 4, 5, 6, 7];
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/**
 * Booking over HTTP on real PostgreSQL and Redis, with a real SMTP server: staff bookings, the public
 * page, the patient's cancel and reschedule from their link within the practice's rules, refusals that
 * change nothing, the patient record reused or flagged, and the messages a booking sends.
 */
describe('booking (real PostgreSQL, Redis and SMTP)', () => {
  let t: TestApp;
  let db: DataSource;
  let smtp: SmtpSink;
  let doctor: Doctor;
  let assistant: Doctor;
  let typeId: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ OUTBOX_POLL_INTERVAL_MS: '200', SMTP_URL: smtp.url, MAIL_FROM: 'cabinet@visite.test' });
    db = t.app.get(DataSource);
    doctor = await createStaff(t, 'doctor', 'Dr Rendez-vous');
    assistant = await createStaff(t, 'assistant', 'Assistant RDV', t.practiceId, [doctor.id]);
    await request(t.url).put(`/api/doctors/${doctor.id}/availability`).set('cookie', doctor.cookie)
      .send({ weekly: WEEK.map((weekday) => ({ weekday, start: '07:00', end: '21:00' })), horizonDays: 60, minNoticeMinutes: 120 }).expect(200);
    typeId = (await request(t.url).post('/api/visit-types').set('cookie', doctor.cookie).send({ doctorId: doctor.id, name: 'Consultation', kind: 'first', durationMinutes: 30 }).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const publicSlots = async (from: string, to = from, practiceId = t.practiceId) =>
    (await request(t.url).get(`/api/public/practices/${practiceId}/slots`).query({ doctorId: doctor.id, visitTypeId: typeId, from, to }).expect(200)).body as SlotsView;
  const person = (over: Record<string, unknown> = {}) => ({
    doctorId: doctor.id, visitTypeId: typeId, firstName: 'Camille', lastName: `Réservé-${uniqueLetters()}`, birthDate: '1980-02-14', email: `camille.${uniqueLetters()}@example.fr`,
    reason: 'Renouvellement d’ordonnance', consentToContact: true, ...over,
  });
  const bookOnline = (body: Record<string, unknown>, lang = 'fr') => request(t.url).post(`/api/public/practices/${t.practiceId}/bookings`).set('accept-language', lang).send(body);
  const count = async (sql: string) => Number((await db.query(sql, [t.practiceId]))[0].n);
  const visitsCount = () => count(`SELECT count(*) AS n FROM visits WHERE practice_id = $1`);
  const messagesOf = async (visitId: string) => ((await request(t.url).get(`/api/visits/${visitId}/messages`).set('cookie', doctor.cookie).expect(200)).body as VisitMessages).messages;
  const tokenOf = (url: string) => url.split('/join/')[1]!;

  it('lets staff book a free slot from the week, and refuses a taken, overlapping, past, far or off-hours time with a code, creating nothing', async () => {
    const [slot, next] = (await publicSlots(day(5))).slots;
    const booked = await request(t.url).post('/api/bookings').set('cookie', assistant.cookie)
      .send({ doctorId: doctor.id, visitTypeId: typeId, start: slot!.start, patient: { firstName: 'Henri', lastName: `Staff-${uniqueLetters()}`, birthDate: '1950-03-03', phone: '+33611112222' } }).expect(201);
    expect(booked.body.visit.scheduledAt).toBe(slot!.start);
    expect(booked.body.joinUrl).toMatch(/\/join\//);
    const week = (await request(t.url).get(`/api/doctors/${doctor.id}/schedule`).query({ from: day(4), to: day(10) }).set('cookie', assistant.cookie).expect(200)).body;
    expect(week.visits.map((v: { visit: { id: string }; endsAt: string; bookedBy: string }) => [v.visit.id, v.endsAt, v.bookedBy])).toContainEqual([booked.body.visit.id, slot!.end, 'staff']);
    expect((await publicSlots(day(5))).slots.map((s) => s.start)).not.toContain(slot!.start);

    const before = await visitsCount();
    const attempt = (start: string, type = typeId) =>
      request(t.url).post('/api/bookings').set('cookie', doctor.cookie).send({ visitTypeId: type, start, patient: { firstName: 'Zoé', lastName: 'Refus', birthDate: '1990-01-01', phone: '+33633334444' } });
    expect((await attempt(slot!.start).expect(409)).body.code).toBe('SLOT_TAKEN');
    // A 60-minute type starting at the booked slot overlaps it.
    const long = (await request(t.url).post('/api/visit-types').set('cookie', doctor.cookie).send({ doctorId: doctor.id, name: 'Longue', durationMinutes: 60 }).expect(201)).body.id;
    expect((await attempt(slot!.start, long).expect(409)).body.code).toBe('SLOT_TAKEN');
    expect((await attempt(new Date(Date.now() - DAY).toISOString()).expect(400)).body.code).toBe('SLOT_IN_PAST');
    expect((await attempt(`${day(90)}T08:00:00Z`).expect(400)).body.code).toBe('SLOT_BEYOND_HORIZON');
    expect((await attempt(`${day(6)}T23:00:00Z`).expect(400)).body.code).toBe('SLOT_OUTSIDE_HOURS');
    expect((await attempt(new Date(Date.parse(next!.start) + 5 * 60_000).toISOString()).expect(400)).body.code).toBe('SLOT_OUTSIDE_HOURS');
    expect((await attempt('2027-02-30T08:00:00Z').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await request(t.url).post('/api/bookings').set('cookie', doctor.cookie).send({ visitTypeId: '00000000-0000-4000-8000-000000000000', start: next!.start, patientId: booked.body.visit.patient.id }).expect(404)).body.code).toBe('VISIT_TYPE_NOT_FOUND');
    expect(await visitsCount()).toBe(before);
  });

  it('books on the public page: confirmation, the e-mail with the link, the time in the patient’s zone and language, an ICS read back, the reason encrypted', async () => {
    const page = (await request(t.url).get(`/api/public/practices/${t.practiceId}/booking`).expect(200)).body;
    expect(page.doctors.map((d: { id: string }) => d.id)).toEqual([doctor.id]);
    expect(page.doctors[0].visitTypes.map((v: { id: string }) => v.id)).toContain(typeId);

    const [slot] = (await publicSlots(day(6))).slots;
    const email = `amy.${uniqueLetters()}@example.com`;
    const res = await bookOnline(person({ start: slot!.start, email, firstName: 'Amy', language: 'en', timeZone: 'America/Montreal' }), 'en').expect(201);
    const confirmation = res.body as BookingConfirmation;
    expect(confirmation).toMatchObject({ start: slot!.start, end: slot!.end, timeZone: 'America/Montreal', doctorName: 'Dr Rendez-vous', visitTypeName: 'Consultation' });
    expect(confirmation.sentTo).toEqual([expect.stringMatching(/^a•+@example\.com$/)]);
    const token = tokenOf(confirmation.joinUrl);
    const info = (await request(t.url).get(`/api/join/${token}`).expect(200)).body;

    const invitation = await waitUntil('the message', async () => (await messagesOf(info.visitId)).find((m: MessageView) => m.kind === 'invitation' && m.state === 'sent'));
    await smtp.waitFor((s) => s.withOutboxId(invitation!.id).length === 1);
    const [mail] = smtp.withOutboxId(invitation!.id);
    expect(mail!.envelopeTo).toEqual([email]);
    const start = new Date(slot!.start);
    const date = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'America/Montreal' }).format(start);
    const time = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'America/Montreal' }).format(start);
    expect(mail!.parsed.text).toContain(`Your video consultation with Dr Rendez-vous`);
    expect(mail!.parsed.text).toContain(`is on ${date} at ${time} (Montreal time).`);
    expect(mail!.parsed.text).toContain(confirmation.joinUrl);
    const ics = readIcs(mail!.calendar!.content);
    expect(ics).toMatchObject({ method: 'REQUEST', uid: `visit-${info.visitId}@visite.test`, sequence: 0 });
    expect(ics.start.toISOString()).toBe(slot!.start);
    expect(ics.end.toISOString()).toBe(slot!.end);

    // What the patient wrote is health data: encrypted at rest, read by staff in the week view.
    const [row] = await db.query(`SELECT reason, booked_by, contact_consent_at, language, time_zone FROM visit_bookings WHERE visit_id = $1`, [info.visitId]);
    expect(row.reason).not.toContain('ordonnance');
    expect(row).toMatchObject({ booked_by: 'patient', language: 'en', time_zone: 'America/Montreal' });
    expect(row.contact_consent_at).not.toBeNull();
    const week = (await request(t.url).get(`/api/doctors/${doctor.id}/schedule`).query({ from: day(6), to: day(6) }).set('cookie', doctor.cookie).expect(200)).body;
    expect(week.visits.find((v: { visit: { id: string } }) => v.visit.id === info.visitId)).toMatchObject({ bookedBy: 'patient', reason: 'Renouvellement d’ordonnance', visitType: { id: typeId, name: 'Consultation' } });
    const history = (await request(t.url).get(`/api/visits/${info.visitId}/history`).set('cookie', doctor.cookie).expect(200)).body.events;
    expect(history[0]).toMatchObject({ kind: 'booked', actor: { type: 'patient' }, detail: { by: 'patient' } });
  });

  it('lets the patient reschedule from their link (an ICS update with the same UID) and cancel (a cancellation), freeing the slot', async () => {
    const [first, , second] = (await publicSlots(day(7))).slots;
    const email = `paul.${uniqueLetters()}@example.fr`;
    const { joinUrl } = (await bookOnline(person({ start: first!.start, email })).expect(201)).body as BookingConfirmation;
    const token = tokenOf(joinUrl);
    const booking = (await request(t.url).get(`/api/join/${token}/booking`).expect(200)).body as JoinBooking;
    expect(booking).toMatchObject({ start: first!.start, end: first!.end, canChange: true, status: 'scheduled', changeUntil: new Date(Date.parse(first!.start) - DAY).toISOString() });
    const { visitId } = (await request(t.url).get(`/api/join/${token}`).expect(200)).body;
    const invitation = await waitUntil('the message', async () => (await messagesOf(visitId)).find((m: MessageView) => m.kind === 'invitation' && m.state === 'sent'));

    // The patient's slots include their own; moving onto another booking is refused.
    const mine = (await request(t.url).get(`/api/join/${token}/slots`).query({ from: day(7), to: day(7) }).expect(200)).body as SlotsView;
    expect(mine.slots.map((s) => s.start)).toContain(first!.start);
    const moved = (await request(t.url).post(`/api/join/${token}/reschedule`).send({ start: second!.start }).expect(200)).body as JoinBooking;
    expect(moved).toMatchObject({ start: second!.start, end: second!.end });
    expect((await publicSlots(day(7))).slots.map((s) => s.start)).toContain(first!.start);

    const update = await waitUntil('the message', async () => (await messagesOf(visitId)).find((m: MessageView) => m.kind === 'update' && m.channel === 'email' && m.state === 'sent'));
    await smtp.waitFor((s) => s.withOutboxId(update!.id).length === 1);
    const updated = readIcs(smtp.withOutboxId(update!.id)[0]!.calendar!.content);
    const original = readIcs(smtp.withOutboxId(invitation!.id)[0]!.calendar!.content);
    expect(updated.uid).toBe(original.uid);
    expect(updated.sequence).toBe(original.sequence + 1);
    expect(updated.start.toISOString()).toBe(second!.start);
    expect(updated.end.toISOString()).toBe(second!.end);

    const cancelled = (await request(t.url).post(`/api/join/${token}/cancel`).expect(200)).body as JoinBooking;
    expect(cancelled).toMatchObject({ status: 'cancelled', canChange: false });
    expect((await publicSlots(day(7))).slots.map((s) => s.start)).toContain(second!.start);
    const cancellation = await waitUntil('the message', async () => (await messagesOf(visitId)).find((m: MessageView) => m.kind === 'cancellation' && m.state === 'sent'));
    await smtp.waitFor((s) => s.withOutboxId(cancellation!.id).length === 1);
    expect(readIcs(smtp.withOutboxId(cancellation!.id)[0]!.calendar!.content)).toMatchObject({ method: 'CANCEL', uid: original.uid });
    const kinds = (await request(t.url).get(`/api/visits/${visitId}/history`).set('cookie', doctor.cookie).expect(200)).body.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['booked', 'moved', 'cancelled']));

    // A cancelled visit's link changes nothing more.
    expect((await request(t.url).post(`/api/join/${token}/reschedule`).send({ start: first!.start }).expect(409)).body.code).toBe('VISIT_CLOSED');
    expect((await request(t.url).post(`/api/join/${token}/cancel`).expect(409)).body.code).toBe('VISIT_CLOSED');
  });

  it('keeps the practice’s limit for patients (here 48 h); staff can still move and cancel', async () => {
    const practice = await t.app.get(PracticesService).view(t.practiceId);
    await t.app.get(PracticesRepository).update(t.practiceId, { name: practice.name, settings: { ...practice.settings, patientChangeMinHours: 48 } });
    (t.app.get(PracticesService) as unknown as { cache: Map<string, unknown> }).cache.delete(t.practiceId);
    try {
      const [soon, other] = (await publicSlots(day(1))).slots;
      const { joinUrl } = (await bookOnline(person({ start: soon!.start })).expect(201)).body as BookingConfirmation;
      const token = tokenOf(joinUrl);
      expect((await request(t.url).get(`/api/join/${token}/booking`).expect(200)).body).toMatchObject({ canChange: false });
      expect((await request(t.url).post(`/api/join/${token}/cancel`).expect(409)).body.code).toBe('CHANGE_TOO_LATE');
      expect((await request(t.url).post(`/api/join/${token}/reschedule`).send({ start: other!.start }).expect(409)).body.code).toBe('CHANGE_TOO_LATE');
      const { visitId } = (await request(t.url).get(`/api/join/${token}`).expect(200)).body;
      expect((await request(t.url).post(`/api/visits/${visitId}/reschedule`).set('cookie', assistant.cookie).send({ start: other!.start }).expect(200)).body.scheduledAt).toBe(other!.start);
      expect((await request(t.url).post(`/api/visits/${visitId}/end`).set('cookie', doctor.cookie).expect(200)).body.status).toBe('cancelled');
    } finally {
      await t.app.get(PracticesRepository).update(t.practiceId, { name: practice.name, settings: practice.settings });
      (t.app.get(PracticesService) as unknown as { cache: Map<string, unknown> }).cache.delete(t.practiceId);
    }
  });

  it('refuses what the page does not allow: no consent, no contact, the notice, an unknown practice or a doctor who does not book online', async () => {
    const before = await visitsCount();
    const patients = await count(`SELECT count(*) AS n FROM patients WHERE practice_id = $1`);
    const [slot] = (await publicSlots(day(8))).slots;
    expect((await bookOnline(person({ start: slot!.start, consentToContact: false })).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await bookOnline(person({ start: slot!.start, email: undefined })).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await bookOnline(person({ start: slot!.start, birthDate: '1980-02-30' })).expect(400)).body.code).toBe('VALIDATION_FAILED');
    // The notice is two hours: a slot in one hour is for staff only.
    const inAnHour = new Date(Math.ceil((Date.now() + 3_600_000) / 1_800_000) * 1_800_000).toISOString();
    const code = (await bookOnline(person({ start: inAnHour })).expect(400)).body.code;
    expect(['SLOT_UNDER_NOTICE', 'SLOT_OUTSIDE_HOURS']).toContain(code);
    expect((await request(t.url).get(`/api/public/practices/00000000-0000-4000-8000-00000000dead/booking`).expect(404)).body.code).toBe('BOOKING_NOT_FOUND');
    const offline = await createStaff(t, 'doctor', 'Dr Hors ligne');
    await request(t.url).put(`/api/doctors/${offline.id}/availability`).set('cookie', offline.cookie).send({ weekly: [{ weekday: 1, start: '09:00', end: '10:00' }], publicBooking: false }).expect(200);
    expect((await request(t.url).get(`/api/public/practices/${t.practiceId}/slots`).query({ doctorId: offline.id, visitTypeId: typeId, from: day(1), to: day(7) }).expect(404)).body.code).toBe('BOOKING_NOT_FOUND');
    // A doctor of another practice is not on this page.
    const elsewhere = await createStaff(t, 'doctor', 'Dr Ailleurs', await createPractice(t));
    expect((await bookOnline(person({ start: slot!.start, doctorId: elsewhere.id })).expect(404)).body.code).toBe('BOOKING_NOT_FOUND');
    expect(await visitsCount()).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM patients WHERE practice_id = $1`)).toBe(patients);
  });

  it('reuses the directory’s record only when the contact typed matches it; otherwise a new record, flagged as a likely duplicate', async () => {
    const [a, b, c] = (await publicSlots(day(9))).slots;
    const who = { firstName: 'Odile', lastName: `Annuaire-${uniqueLetters()}`, birthDate: '1961-07-08', email: `odile.${uniqueLetters()}@example.fr` };
    const patientOf = async (url: string) => {
      const { visitId } = (await request(t.url).get(`/api/join/${tokenOf(url)}`).expect(200)).body;
      return (await request(t.url).get(`/api/visits/${visitId}`).set('cookie', doctor.cookie).expect(200)).body.patient.id as string;
    };
    const first = await patientOf((await bookOnline(person({ ...who, start: a!.start })).expect(201)).body.joinUrl);
    const again = await patientOf((await bookOnline(person({ ...who, start: b!.start })).expect(201)).body.joinUrl);
    expect(again).toBe(first);
    const stranger = await patientOf((await bookOnline(person({ ...who, email: 'someone.else@example.fr', start: c!.start })).expect(201)).body.joinUrl);
    expect(stranger).not.toBe(first);
    const detail = (await request(t.url).get(`/api/patients/${stranger}`).set('cookie', doctor.cookie).expect(200)).body;
    expect(detail.possibleDuplicates.map((d: { id: string; reason: string }) => [d.id, d.reason])).toEqual([[first, 'name_and_birth_date']]);
  });

  it('lets the database refuse an overlapping booking even when the application’s check is bypassed', async () => {
    const [row] = await db.query(`SELECT doctor_id, patient_id, scheduled_at, ends_at, practice_id FROM visits WHERE practice_id = $1 AND ends_at IS NOT NULL AND status = 'scheduled' LIMIT 1`, [t.practiceId]);
    await expect(
      db.query(
        `INSERT INTO visits (id, practice_id, doctor_id, patient_id, status, scheduled_at, ends_at, join_token_hash, join_expires_at)
         VALUES (gen_random_uuid(), $1, $2, $3, 'scheduled', $4::timestamptz + interval '10 minutes', $5::timestamptz + interval '10 minutes', md5(random()::text) || md5(random()::text), now())`,
        [row.practice_id, row.doctor_id, row.patient_id, row.scheduled_at, row.ends_at],
      ),
    ).rejects.toMatchObject({ code: '23P01' });
  });
});
