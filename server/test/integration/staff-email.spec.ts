import type { PasswordLinkView, StaffMemberView } from '@visite/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PracticesRepository } from '../../src/modules/practice/practices.repository';
import { createStaff, startTestApp, type Doctor, type TestApp } from '../factories/test-app';
import { waitUntil } from '../support/wait-until';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink';

const FAST = { OUTBOX_POLL_INTERVAL_MS: '200', OUTBOX_RETRY_BASE_SECONDS: '1' };
const linkIn = (mail: ReceivedMail) => mail.parsed.text?.match(/http:\/\/visite\.test\/set-password\/([A-Za-z0-9_-]+)/)?.[1] ?? null;

describe('set-password e-mails to staff through the outbox and a real SMTP server', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let admin: Doctor;
  let db: DataSource;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ ...FAST, SMTP_URL: smtp.url, MAIL_FROM: 'cabinet@visite.test' });
    db = t.app.get(DataSource);
    await t.app.get(PracticesRepository).update(t.practiceId, { name: 'Cabinet des Tilleuls', settings: { timeZone: 'Europe/Paris', phone: null, address: null, language: 'fr', reminderOffsetsMinutes: [1440, 15], patientChangeMinHours: 24 } });
    admin = await createStaff(t, 'admin', 'Admin Tilleuls');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const member = async (id: string): Promise<StaffMemberView> => ((await request(t.url).get('/api/staff').set('cookie', admin.cookie).expect(200)).body as StaffMemberView[]).find((m) => m.id === id)!;
  const mailsTo = (address: string) => smtp.received.filter((m) => m.envelopeTo.includes(address));

  it('e-mails the invitation with a link that sets the password, in the practice language; the admin sees it sent', async () => {
    const address = 'nadia.invitee@visite.test';
    const invited: PasswordLinkView = (await request(t.url).post('/api/staff').set('cookie', admin.cookie).send({ email: address, displayName: 'Nadia Invitée', role: 'billing' }).expect(201)).body;
    await smtp.waitFor(() => mailsTo(address).length === 1);
    const mail = mailsTo(address)[0]!;
    expect(mail.parsed.subject).toBe('Cabinet des Tilleuls vous invite sur Visite');
    expect(mail.parsed.from?.value[0]).toMatchObject({ name: 'Cabinet des Tilleuls', address: 'cabinet@visite.test' });
    expect(mail.parsed.text).toContain('Bonjour Nadia Invitée,');
    const token = linkIn(mail);
    // The link in the e-mail is the one the admin was shown, and it works.
    expect(`http://visite.test/set-password/${token}`).toBe(invited.setPasswordUrl);
    await waitUntil('the invitation recorded as sent', async () => (await member(invited.member.id)).passwordEmail?.state === 'sent');
    expect((await member(invited.member.id)).passwordEmail).toMatchObject({ kind: 'staff_invitation', state: 'sent', outcome: null });
    await request(t.url).post(`/api/password-tokens/${token}`).send({ password: 'une phrase de passe solide' }).expect(204);
    await request(t.url).post('/api/auth/login').send({ email: address, password: 'une phrase de passe solide' }).expect(200);
    // The token is kept encrypted in the outbox row, never in clear.
    const rows = await db.query(`SELECT secret, content FROM outbox_messages WHERE staff_user_id = $1`, [invited.member.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].secret).toMatch(/^enc1:/);
    expect(rows[0].secret).not.toContain(token);
    expect(rows[0].content).not.toContain(token);
  });

  it('a reset e-mails a new link; staff messages stay out of the patients’ outbox', async () => {
    const address = 'marc.reset@visite.test';
    const invited: PasswordLinkView = (await request(t.url).post('/api/staff').set('cookie', admin.cookie).send({ email: address, displayName: 'Marc Reset', role: 'billing' }).expect(201)).body;
    await smtp.waitFor(() => mailsTo(address).length === 1);
    await request(t.url).post(`/api/password-tokens/${linkIn(mailsTo(address)[0]!)}`).send({ password: 'premier mot de passe long' }).expect(204);

    const reset: PasswordLinkView = (await request(t.url).post(`/api/staff/${invited.member.id}/reset`).set('cookie', admin.cookie).expect(201)).body;
    await smtp.waitFor(() => mailsTo(address).length === 2);
    const resetMail = mailsTo(address)[1]!;
    expect(resetMail.parsed.subject).toBe('Visite : nouveau mot de passe pour Cabinet des Tilleuls');
    expect(resetMail.parsed.text).toContain('Votre mot de passe actuel reste valable');
    expect(`http://visite.test/set-password/${linkIn(resetMail)}`).toBe(reset.setPasswordUrl);
    await waitUntil('the reset e-mail recorded as sent', async () => (await member(invited.member.id)).passwordEmail?.state === 'sent');
    expect((await member(invited.member.id)).passwordEmail?.kind).toBe('password_reset');
    await request(t.url).post(`/api/password-tokens/${linkIn(resetMail)}`).send({ password: 'second mot de passe long' }).expect(204);
    await request(t.url).post('/api/auth/login').send({ email: address, password: 'second mot de passe long' }).expect(200);

    // The patients' outbox never lists a staff message, and does not know its id.
    const doctor = await createStaff(t, 'doctor', 'Dr Tilleul');
    const outbox = (await request(t.url).get('/api/outbox').set('cookie', doctor.cookie).expect(200)).body as { messages: { id: string }[] };
    const [staffRow] = await db.query(`SELECT id FROM outbox_messages WHERE staff_user_id = $1 LIMIT 1`, [invited.member.id]);
    expect(outbox.messages.map((m) => m.id)).not.toContain(staffRow.id);
    expect((await request(t.url).get(`/api/outbox/${staffRow.id}`).set('cookie', doctor.cookie).expect(404)).body.code).toBe('MESSAGE_NOT_FOUND');
  });

  it('an e-mail whose link was replaced, or whose account was disabled, before it left is cancelled, never sent', async () => {
    const address = 'paul.superseded@visite.test';
    const invited: PasswordLinkView = (await request(t.url).post('/api/staff').set('cookie', admin.cookie).send({ email: address, displayName: 'Paul Remplacé', role: 'billing' }).expect(201)).body;
    await smtp.waitFor(() => mailsTo(address).length === 1);
    // As if the mail server had refused it for now: the e-mail waits for a retry in an hour.
    const states = async () => (await db.query(`SELECT state, outcome FROM outbox_messages WHERE staff_user_id = $1 ORDER BY created_at`, [invited.member.id])) as { state: string; outcome: string | null }[];
    const waitForRetry = async () => {
      await waitUntil('the e-mail recorded as sent', async () => (await states()).some((r) => r.state === 'sent'));
      await db.query(`UPDATE outbox_messages SET state = 'retrying', next_attempt_at = now() + interval '1 hour' WHERE staff_user_id = $1 AND state = 'sent'`, [invited.member.id]);
    };
    await waitForRetry();
    // A new link: the waiting e-mail of the old one is cancelled, the new one leaves.
    await request(t.url).post(`/api/staff/${invited.member.id}/reset`).set('cookie', admin.cookie).expect(201);
    await smtp.waitFor(() => mailsTo(address).length === 2);
    await waitUntil('the new link’s e-mail sent', async () => (await states())[1]?.state === 'sent');
    expect(await states()).toEqual([{ state: 'cancelled', outcome: 'link_superseded' }, { state: 'sent', outcome: null }]);
    // Disabled while an e-mail waits: it is cancelled too, and nothing more is sent.
    await waitForRetry();
    await request(t.url).post(`/api/staff/${invited.member.id}/disable`).set('cookie', admin.cookie).expect(200);
    expect((await states()).map((r) => r.outcome)).toEqual(['link_superseded', 'link_superseded']);
    expect(mailsTo(address)).toHaveLength(2);
  });
});
