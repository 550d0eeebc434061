import type { MessageView, OutboxMessageDetail, OutboxPage } from '@visite/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { PracticeSettings } from '@visite/contracts';
import { PatientVault } from '../../src/modules/patients/patient-vault';
import { PatientsRepository } from '../../src/modules/patients/patients.repository';
import { Db } from '../../src/database/db';
import { MessageScheduler } from '../../src/modules/messaging/message-scheduler.service';
import { PracticesRepository } from '../../src/modules/practice/practices.repository';
import { createDoctor, createPractice, createVisit, startTestApp, type Doctor, type TestApp } from '../factories/test-app';
import { readIcs } from '../support/ics';
import { messageInState, visitMessages } from '../support/messaging-api';
import { SmsWebhookSink } from '../support/sms-webhook-sink';
import { SmtpSink } from '../support/smtp-sink';

const FAST = { OUTBOX_POLL_INTERVAL_MS: '200', OUTBOX_RETRY_BASE_SECONDS: '1' };

/** A time two days ahead at 13:30 UTC (09:30 in Martinique, 14:30 in Paris in winter). */
function inTwoDays(hourUtc = 13, minute = 30): Date {
  const d = new Date(Date.now() + 2 * 86_400_000);
  d.setUTCHours(hourUtc, minute, 0, 0);
  return d;
}

const email = (m: MessageView) => m.channel === 'email';
const invitationEmail = (m: MessageView) => m.kind === 'invitation' && m.channel === 'email';

/** Names the practice and sets what its messages say (before anything reads it, so no cache is stale). */
async function setPractice(t: TestApp, practiceId: string, name: string, settings: Partial<PracticeSettings>): Promise<void> {
  await t.app.get(PracticesRepository).update(practiceId, { name, settings: { timeZone: 'Europe/Paris', phone: null, address: null, language: 'fr', reminderOffsetsMinutes: [1440, 15], patientChangeMinHours: 24, ...settings } });
}

/** Moves a visit the way the booking flow will: the change and the hook in one transaction. */
async function reschedule(t: TestApp, visitId: string, scheduledAt: Date): Promise<void> {
  const scheduler = t.app.get(MessageScheduler);
  const db = t.app.get(Db);
  await db.transaction(async () => {
    await db.manager.query(`UPDATE visits SET scheduled_at = $2 WHERE id = $1`, [visitId, scheduledAt]);
    const [row] = await db.manager.query(`SELECT v.practice_id, v.patient_id FROM visits v WHERE v.id = $1`, [visitId]);
    // Contact details are encrypted at rest: read them as the application does.
    const patient = await t.app.get(PatientVault).open((await t.app.get(PatientsRepository).findById(row.patient_id))!);
    await scheduler.visitRescheduled({ id: visitId, practiceId: row.practice_id, scheduledAt, patient: { email: patient.email, phone: patient.phone } });
  });
  scheduler.wake();
}

describe('invitations and reminders by e-mail through a real SMTP server', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let doctor: Doctor;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ ...FAST, SMTP_URL: smtp.url, MAIL_FROM: 'cabinet@visite.test' });
    await setPractice(t, t.practiceId, 'Cabinet du Parc', { timeZone: 'America/Martinique', phone: '0596 12 34 56' });
    doctor = await createDoctor(t, 'Dr Claire Martin');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends the invitation with the working link, the time in the patient\'s time zone and an ICS a parser reads back', async () => {
    const scheduledAt = inTwoDays();
    const created = await createVisit(t, doctor, { firstName: 'Jeanne', lastName: 'Durand', email: 'jeanne.durand@example.fr' }, { scheduledAt: scheduledAt.toISOString() });
    const visitId = created.visit.id;

    const invitation = await messageInState(t, doctor, visitId, invitationEmail, 'sent');
    await smtp.waitFor((s) => s.withOutboxId(invitation.id).length === 1);
    const [mail] = smtp.withOutboxId(invitation.id);

    expect(mail.envelopeTo).toEqual(['jeanne.durand@example.fr']);
    expect(mail.parsed.messageId).toBe(`<${invitation.id}@visite.test>`);
    expect(mail.parsed.from?.value[0]).toMatchObject({ name: 'Cabinet du Parc', address: 'cabinet@visite.test' });
    // In the practice's language (French) and time zone: 09:30 in Martinique, whatever the server's zone.
    const date = new Intl.DateTimeFormat('fr', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'America/Martinique' }).format(scheduledAt);
    expect(mail.parsed.subject).toBe(`Téléconsultation avec Dr Claire Martin le ${date} à 09:30`);
    expect(mail.parsed.text).toContain(`Votre téléconsultation avec Dr Claire Martin (Cabinet du Parc) est prévue le ${date} à 09:30 (heure de Martinique).`);
    expect(mail.parsed.text).toContain('Un empêchement ? Appelez le cabinet au 0596 12 34 56.');

    // The link in the e-mail is the patient's working link.
    const link = /https?:\/\/\S+\/join\/([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '');
    expect(link?.[0]).toBe(created.joinUrl);
    const info = await request(t.url).get(`/api/join/${link![1]}`).expect(200);
    expect(info.body.visitId).toBe(visitId);

    expect(mail.calendar?.method).toBe('REQUEST');
    const ics = readIcs(mail.calendar!.content);
    expect(ics).toMatchObject({ method: 'REQUEST', uid: `visit-${visitId}@visite.test`, sequence: 0, status: 'CONFIRMED', summary: 'Téléconsultation avec Dr Claire Martin' });
    expect(ics.start.toISOString()).toBe(scheduledAt.toISOString());
    expect(ics.end.toISOString()).toBe(new Date(scheduledAt.getTime() + 15 * 60_000).toISOString());
    expect(ics.description).toContain(created.joinUrl);

    // The two reminders wait for their time: 24 hours and 15 minutes before.
    const reminders = (await visitMessages(t, doctor, visitId)).filter((m) => m.kind === 'reminder');
    expect(reminders.filter((r) => r.channel === 'sms')).toHaveLength(2);
    expect(reminders.filter(email).map((r) => [r.reminderMinutes, r.state, r.dueAt])).toEqual([
      [1440, 'pending', new Date(scheduledAt.getTime() - 86_400_000).toISOString()],
      [15, 'pending', new Date(scheduledAt.getTime() - 15 * 60_000).toISOString()],
    ]);
  });

  it('writes in English for a practice that speaks English, in its time zone', async () => {
    const practiceId = await createPractice(t);
    await setPractice(t, practiceId, 'Riverside Practice', { timeZone: 'Europe/London', language: 'en' });
    const gp = await createDoctor(t, 'Dr Amy Jones', practiceId);
    const scheduledAt = inTwoDays(13, 30);
    const created = await createVisit(t, gp, { firstName: 'Oliver', email: 'oliver@example.co.uk', phone: undefined }, { scheduledAt: scheduledAt.toISOString() });
    const invitation = await messageInState(t, gp, created.visit.id, invitationEmail, 'sent');
    await smtp.waitFor((s) => s.withOutboxId(invitation.id).length === 1);
    const [mail] = smtp.withOutboxId(invitation.id);
    const date = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(scheduledAt);
    expect(mail.parsed.subject).toBe(`Video consultation with Dr Amy Jones on ${date} at 13:30`);
    expect(mail.parsed.text).toContain('Hello Oliver,');
    expect(mail.parsed.text).toContain(`(London time)`);
    expect(mail.parsed.text).toContain('Cannot make it? Let the practice know.');
    expect(mail.parsed.text).toContain(created.joinUrl);
    expect(readIcs(mail.calendar!.content).summary).toBe('Video consultation with Dr Amy Jones');
  });

  it('follows the practice\'s reminder offsets, leaving out those already past', async () => {
    const practiceId = await createPractice(t);
    await setPractice(t, practiceId, 'Cabinet Trois Rappels', { reminderOffsetsMinutes: [2880, 60, 5] });
    const gp = await createDoctor(t, 'Dr Trois', practiceId);
    const later = new Date(Date.now() + 3 * 86_400_000);
    const soon = new Date(Date.now() + 30 * 60_000);
    const a = await createVisit(t, gp, { email: 'trois@example.fr', phone: undefined }, { scheduledAt: later.toISOString() });
    const b = await createVisit(t, gp, { email: 'bientot@example.fr', phone: undefined }, { scheduledAt: soon.toISOString() });
    const remindersOf = async (visitId: string) => (await visitMessages(t, gp, visitId)).filter((m) => m.kind === 'reminder').map((r) => [r.reminderMinutes, r.dueAt]);
    expect(await remindersOf(a.visit.id)).toEqual([2880, 60, 5].map((min) => [min, new Date(later.getTime() - min * 60_000).toISOString()]));
    expect(await remindersOf(b.visit.id)).toEqual([[5, new Date(soon.getTime() - 5 * 60_000).toISOString()]]);
  });

  it('sends an update with the same UID and the next SEQUENCE on a reschedule, then a cancellation', async () => {
    const first = inTwoDays(13, 30);
    const created = await createVisit(t, doctor, { email: 'paul.petit@example.fr', phone: undefined }, { scheduledAt: first.toISOString() });
    const visitId = created.visit.id;
    await messageInState(t, doctor, visitId, invitationEmail, 'sent');

    const moved = inTwoDays(15, 0);
    await reschedule(t, visitId, moved);
    const update = await messageInState(t, doctor, visitId, (m) => m.kind === 'update', 'sent');
    await smtp.waitFor((s) => s.withOutboxId(update.id).length === 1);
    const [updateMail] = smtp.withOutboxId(update.id);
    expect(updateMail.parsed.subject).toMatch(/^Téléconsultation déplacée au .* à 11:00$/);
    expect(updateMail.parsed.text).toContain(created.joinUrl);
    const updated = readIcs(updateMail.calendar!.content);
    expect(updated).toMatchObject({ method: 'REQUEST', uid: `visit-${visitId}@visite.test`, sequence: 1 });
    expect(updated.start.toISOString()).toBe(moved.toISOString());

    // The reminders moved with the appointment.
    const afterMove = await visitMessages(t, doctor, visitId);
    const reminders = afterMove.filter((m) => m.kind === 'reminder');
    expect(reminders.filter((r) => r.state === 'cancelled').map((r) => [r.outcome, r.dueAt])).toEqual([
      ['rescheduled', new Date(first.getTime() - 86_400_000).toISOString()],
      ['rescheduled', new Date(first.getTime() - 15 * 60_000).toISOString()],
    ]);
    expect(reminders.filter((r) => r.state === 'pending').map((r) => r.dueAt)).toEqual([
      new Date(moved.getTime() - 86_400_000).toISOString(),
      new Date(moved.getTime() - 15 * 60_000).toISOString(),
    ]);

    // Ending a visit that never started cancels it: the patient is told, with the calendar's cancellation.
    await request(t.url).post(`/api/visits/${visitId}/end`).set('cookie', doctor.cookie).expect(200);
    const cancellation = await messageInState(t, doctor, visitId, (m) => m.kind === 'cancellation', 'sent');
    await smtp.waitFor((s) => s.withOutboxId(cancellation.id).length === 1);
    const [cancelMail] = smtp.withOutboxId(cancellation.id);
    expect(cancelMail.parsed.subject).toMatch(/^Téléconsultation annulée : .* à 11:00$/);
    expect(cancelMail.parsed.text).not.toContain('/join/');
    expect(cancelMail.calendar?.method).toBe('CANCEL');
    expect(readIcs(cancelMail.calendar!.content)).toMatchObject({ method: 'CANCEL', uid: `visit-${visitId}@visite.test`, sequence: 2, status: 'CANCELLED' });
    const final = await visitMessages(t, doctor, visitId);
    expect(final.filter((m) => m.kind === 'reminder' && m.state === 'pending')).toEqual([]);
    expect(final.filter((m) => m.kind === 'reminder' && m.outcome === 'visit_cancelled')).toHaveLength(2);
  });

  it('records a refusal with the mail server\'s reason (address masked), and a resend goes out', async () => {
    smtp.refuseNext(550, '5.1.1 <refused.patient@example.fr>: Recipient address rejected');
    const { visit } = await createVisit(t, doctor, { email: 'refused.patient@example.fr', phone: undefined }, { scheduledAt: inTwoDays().toISOString() });
    const failed = await messageInState(t, doctor, visit.id, invitationEmail, 'failed');
    expect(failed.outcome).toBe('refused');
    expect(failed.error).toContain('550');
    expect(failed.error).toContain('r•••@example.fr');
    expect(failed.error).not.toContain('refused.patient');
    expect(failed.resendable).toBe(true);

    const res = await request(t.url).post(`/api/outbox/${failed.id}/resend`).set('cookie', doctor.cookie).expect(201);
    const resent = res.body.message as MessageView;
    expect(resent).toMatchObject({ kind: 'invitation', channel: 'email', resendOf: failed.id });
    await messageInState(t, doctor, visit.id, (m) => m.id === resent.id, 'sent');
    await smtp.waitFor((s) => s.withOutboxId(resent.id).length === 1);
    expect(smtp.withOutboxId(failed.id)).toEqual([]);

    const [audit] = await t.app.get(DataSource).query(`SELECT actor_id, detail FROM audit_events WHERE action = 'message.resent' AND visit_id = $1`, [visit.id]);
    expect(audit).toMatchObject({ actor_id: doctor.id, detail: { messageId: failed.id, resentAs: resent.id } });
  });

  it('retries a temporary refusal with back-off and sends it once', async () => {
    smtp.refuseNext(451, '4.3.0 Try again later');
    const { visit } = await createVisit(t, doctor, { email: 'later@example.fr', phone: undefined }, { scheduledAt: inTwoDays().toISOString() });
    const retrying = await messageInState(t, doctor, visit.id, invitationEmail, 'retrying');
    expect(retrying).toMatchObject({ outcome: 'temporary_failure', attempts: 1 });
    expect(retrying.error).toContain('451');
    expect(new Date(retrying.nextAttemptAt!).getTime()).toBeGreaterThan(new Date(retrying.updatedAt).getTime());
    const sent = await messageInState(t, doctor, visit.id, invitationEmail, 'sent');
    expect(sent).toMatchObject({ attempts: 2, outcome: null, error: null });
    await smtp.waitFor((s) => s.withOutboxId(sent.id).length === 1);
  });

  it('refuses bad requests about messages with a 4xx and a code', async () => {
    const colleague = await createDoctor(t, 'Dr Collègue');
    const other = await createDoctor(t, 'Dr Autre Cabinet', await createPractice(t));
    const { visit } = await createVisit(t, doctor, { email: 'mine@example.fr', phone: undefined }, { scheduledAt: inTwoDays().toISOString() });
    const invitation = await messageInState(t, doctor, visit.id, invitationEmail, 'sent');
    const reminder = (await visitMessages(t, doctor, visit.id)).find((m) => m.kind === 'reminder')!;

    // Another practice's message is as unknown as a missing one; a colleague's is not theirs.
    const foreign = await request(t.url).post(`/api/outbox/${invitation.id}/resend`).set('cookie', other.cookie).expect(404);
    expect(foreign.body.code).toBe('MESSAGE_NOT_FOUND');
    expect((await request(t.url).get(`/api/outbox/${invitation.id}`).set('cookie', other.cookie).expect(404)).body.code).toBe('MESSAGE_NOT_FOUND');
    expect((await request(t.url).get(`/api/visits/${visit.id}/messages`).set('cookie', other.cookie).expect(404)).body.code).toBe('VISIT_NOT_FOUND');
    expect((await request(t.url).post(`/api/outbox/${invitation.id}/resend`).set('cookie', colleague.cookie).expect(403)).body.code).toBe('NOT_YOUR_VISIT');
    expect((await request(t.url).get(`/api/visits/${visit.id}/messages`).set('cookie', colleague.cookie).expect(403)).body.code).toBe('NOT_YOUR_VISIT');
    expect((await request(t.url).get('/api/outbox').set('cookie', colleague.cookie).expect(200)).body.messages.map((m: MessageView) => m.visitId)).not.toContain(visit.id);
    expect((await request(t.url).post(`/api/outbox/4f0c1a2e-7d1b-4a6f-9a43-0b2d6c1e9f10/resend`).set('cookie', doctor.cookie).expect(404)).body.code).toBe('MESSAGE_NOT_FOUND');
    expect((await request(t.url).post(`/api/outbox/not-a-uuid/resend`).set('cookie', doctor.cookie).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await request(t.url).post(`/api/outbox/${reminder.id}/resend`).set('cookie', doctor.cookie).expect(409)).body.code).toBe('MESSAGE_ON_ITS_WAY');
    expect((await request(t.url).get(`/api/outbox?limit=abc`).set('cookie', doctor.cookie).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await request(t.url).get(`/api/outbox?state=lost`).set('cookie', doctor.cookie).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await request(t.url).get(`/api/outbox?cursor=garbage`).set('cookie', doctor.cookie).expect(400)).body.code).toBe('INVALID_CURSOR');
    await request(t.url).get(`/api/outbox`).expect(401);

    // Once the visit is over, its invitation is outdated.
    await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(200);
    expect((await request(t.url).post(`/api/outbox/${invitation.id}/resend`).set('cookie', doctor.cookie).expect(409)).body.code).toBe('MESSAGE_OUTDATED');
  });
});

describe('SMS through the webhook provider (a real HTTP server)', () => {
  const secret = 'a-shared-secret-for-the-test';
  let t: TestApp;
  let gateway: SmsWebhookSink;
  let doctor: Doctor;

  beforeAll(async () => {
    gateway = await SmsWebhookSink.start(secret);
    t = await startTestApp({ ...FAST, SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: gateway.url, SMS_WEBHOOK_SECRET: secret, SMS_SENDER: 'CabinetParc' });
    await setPractice(t, t.practiceId, 'Cabinet du Parc', {});
    doctor = await createDoctor(t, 'Dr Claire Martin');
  });
  afterAll(async () => {
    await t.close();
    await gateway.close();
  });

  it('POSTs the invitation with the shared secret, an idempotency key and the working link', async () => {
    const created = await createVisit(t, doctor, { phone: '+33 6 11 22 33 44' }, { scheduledAt: inTwoDays().toISOString() });
    const sms = await messageInState(t, doctor, created.visit.id, (m) => m.kind === 'invitation' && m.channel === 'sms', 'sent');
    const received = gateway.received.filter((r) => r.body.id === sms.id);
    expect(received).toHaveLength(1);
    expect(received[0].headers['idempotency-key']).toBe(sms.id);
    expect(received[0].body).toMatchObject({ to: '+33 6 11 22 33 44', sender: 'CabinetParc' });
    expect(received[0].body.text).toContain(created.joinUrl);
    expect(received[0].body.text).toMatch(/^Cabinet du Parc : téléconsultation avec Dr Claire Martin le .* à \d\d:\d\d\. Votre lien personnel : /);
    expect(sms.recipient).toBe('+336•••44');
    expect(gateway.refusedUnauthenticated).toEqual([]);
  });

  it('retries a 503, gives a 400 up with the gateway\'s reason', async () => {
    gateway.answerNext(503);
    const a = await createVisit(t, doctor, { phone: '+33611111111' }, { scheduledAt: inTwoDays().toISOString() });
    const retrying = await messageInState(t, doctor, a.visit.id, (m) => m.channel === 'sms' && m.kind === 'invitation', 'retrying');
    expect(retrying.error).toContain('503');
    expect(retrying.error).not.toContain('12345678');
    const sent = await messageInState(t, doctor, a.visit.id, (m) => m.id === retrying.id, 'sent');
    expect(sent.attempts).toBe(2);
    expect(gateway.received.filter((r) => r.body.id === sent.id)).toHaveLength(1);

    gateway.answerNext(400);
    const b = await createVisit(t, doctor, { phone: '+33622222222' }, { scheduledAt: inTwoDays().toISOString() });
    const failed = await messageInState(t, doctor, b.visit.id, (m) => m.channel === 'sms' && m.kind === 'invitation', 'failed');
    expect(failed).toMatchObject({ outcome: 'refused', attempts: 1 });
    expect(failed.error).toContain('400');
  });
});

describe('without a mail server: the outbox in the app', () => {
  let t: TestApp;
  let doctor: Doctor;

  beforeAll(async () => {
    t = await startTestApp(FAST);
    doctor = await createDoctor(t, 'Dr Claire Martin');
  });
  afterAll(() => t.close());

  it('keeps the e-mail and the SMS readable in the outbox, with the link and the ICS', async () => {
    const created = await createVisit(t, doctor, { firstName: 'Lucie', lastName: 'Durand', email: 'lucie@example.fr', phone: '+33633333333' }, { scheduledAt: inTwoDays().toISOString() });
    const kept = await messageInState(t, doctor, created.visit.id, invitationEmail, 'kept');
    expect(kept).toMatchObject({ outcome: 'no_mail_server', recipient: 'l•••@example.fr', resendable: true });
    const sms = await messageInState(t, doctor, created.visit.id, (m) => m.channel === 'sms' && m.kind === 'invitation', 'kept');
    expect(sms.outcome).toBe('sms_log_provider');

    // The doctor's outbox, newest first, page by page: every message once.
    const seen: OutboxPage['messages'] = [];
    let cursor: string | null = null;
    do {
      const page = (await request(t.url).get(`/api/outbox?limit=4${cursor ? `&cursor=${cursor}` : ''}`).set('cookie', doctor.cookie).expect(200)).body as OutboxPage;
      expect(page.messages.length).toBeLessThanOrEqual(4);
      seen.push(...page.messages);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((m) => m.id)).size).toBe(seen.length);
    expect(seen).toHaveLength(6); // two invitations and four reminders
    expect(seen.find((m) => m.id === kept.id)).toMatchObject({ patientName: 'Lucie Durand', doctorName: 'Dr Claire Martin', state: 'kept' });
    const keptOnly = (await request(t.url).get('/api/outbox?state=kept').set('cookie', doctor.cookie).expect(200)).body as OutboxPage;
    expect(keptOnly.messages.every((m) => m.state === 'kept')).toBe(true);

    const detail = (await request(t.url).get(`/api/outbox/${kept.id}`).set('cookie', doctor.cookie).expect(200)).body as OutboxMessageDetail;
    expect(detail.content).toMatchObject({ language: 'fr', to: 'lucie@example.fr' });
    expect(detail.content!.text).toContain(created.joinUrl);
    expect(readIcs(detail.content!.ics!).uid).toBe(`visit-${created.visit.id}@visite.test`);
    const [viewed] = await t.app.get(DataSource).query(`SELECT actor_id FROM audit_events WHERE action = 'message.viewed' AND detail->>'messageId' = $1`, [kept.id]);
    expect(viewed.actor_id).toBe(doctor.id);

    // What is stored is sealed: neither the address nor the link is in the table in clear.
    const [row] = await t.app.get(DataSource).query(`SELECT content FROM outbox_messages WHERE id = $1`, [kept.id]);
    expect(row.content).not.toContain('lucie@example.fr');
    expect(row.content).not.toContain(created.joinToken);
    const [state] = await t.app.get(DataSource).query(`SELECT join_token_sealed FROM visit_messaging WHERE visit_id = $1`, [created.visit.id]);
    expect(state.join_token_sealed).not.toContain(created.joinToken);
  });

  it('carries a reissued link in later messages; the old link stops working', async () => {
    const created = await createVisit(t, doctor, { email: 'relink@example.fr', phone: undefined }, { scheduledAt: inTwoDays().toISOString() });
    const kept = await messageInState(t, doctor, created.visit.id, invitationEmail, 'kept');
    const reissued = (await request(t.url).post(`/api/visits/${created.visit.id}/link`).set('cookie', doctor.cookie).expect(201)).body;
    await request(t.url).get(`/api/join/${created.joinToken}`).expect(404);

    const resent = (await request(t.url).post(`/api/outbox/${kept.id}/resend`).set('cookie', doctor.cookie).expect(201)).body.message as MessageView;
    await messageInState(t, doctor, created.visit.id, (m) => m.id === resent.id, 'kept');
    const detail = (await request(t.url).get(`/api/outbox/${resent.id}`).set('cookie', doctor.cookie).expect(200)).body as OutboxMessageDetail;
    expect(detail.content!.text).toContain(reissued.joinUrl);
    expect(detail.content!.text).not.toContain(created.joinUrl);
  });

  it('cancels the reminders of a consultation that took place', async () => {
    const created = await createVisit(t, doctor, { email: 'done@example.fr', phone: undefined }, { scheduledAt: inTwoDays().toISOString() });
    await t.app.get(DataSource).query(`UPDATE visits SET status = 'in_progress', started_at = now() WHERE id = $1`, [created.visit.id]);
    await request(t.url).post(`/api/visits/${created.visit.id}/end`).set('cookie', doctor.cookie).expect(200);
    const messages = await visitMessages(t, doctor, created.visit.id);
    expect(messages.filter((m) => m.kind === 'reminder').map((m) => [m.state, m.outcome])).toEqual([
      ['cancelled', 'visit_over'],
      ['cancelled', 'visit_over'],
    ]);
    expect(messages.some((m) => m.kind === 'cancellation')).toBe(false);
    expect(messages.filter(email).every((m) => !m.resendable)).toBe(true);
  });
});
