import type { PasswordLinkView, StaffMemberView } from '@visite/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dayBounds } from '../../src/common/time/day-bounds';
import { PracticesRepository } from '../../src/modules/practice/practices.repository';
import { PracticesService } from '../../src/modules/practice/practices.service';
import { connectRealtime, createPractice, createStaff, startTestApp, type Doctor, type TestApp } from '../factories/test-app';

const tokenOf = (link: PasswordLinkView) => link.setPasswordUrl.split('/set-password/')[1]!;

describe('staff accounts: invitation, set password, disable, reset (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Doctor;
  let doctor: Doctor;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await createStaff(t, 'admin', 'Admin');
    doctor = await createStaff(t, 'doctor', 'Dr Invited-For');
  });
  afterAll(() => t.close());

  const invite = (body: object) => request(t.url).post('/api/staff').set('cookie', admin.cookie).send(body);

  it('invites an assistant who sets a password once, signs in and sees the doctor’s queue', async () => {
    const res = await invite({ email: 'Assistant.New@Visite.Test', displayName: 'Léa Assistante', role: 'assistant', assists: [doctor.id] }).expect(201);
    const link: PasswordLinkView = res.body;
    expect(link.member).toMatchObject({ email: 'assistant.new@visite.test', role: 'assistant', status: 'invited', assists: [{ id: doctor.id, displayName: 'Dr Invited-For' }] });
    expect(link.setPasswordUrl).toMatch(/^http:\/\/visite\.test\/set-password\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);
    // Only the token's hash is stored.
    const [stored] = await db.query(`SELECT token_hash FROM password_tokens WHERE user_id = $1`, [link.member.id]);
    expect(stored.token_hash).not.toContain(token);

    // Invited, no password yet: cannot sign in.
    await request(t.url).post('/api/auth/login').send({ email: 'assistant.new@visite.test', password: 'anything at all here' }).expect(401);
    const info = await request(t.url).get(`/api/password-tokens/${token}`).expect(200);
    expect(info.body).toMatchObject({ email: 'assistant.new@visite.test', displayName: 'Léa Assistante', purpose: 'invite' });

    expect((await request(t.url).post(`/api/password-tokens/${token}`).send({ password: 'short' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await request(t.url).post(`/api/password-tokens/${token}`).send({ password: 'password1234' }).expect(400)).body.code).toBe('PASSWORD_TOO_COMMON');
    await request(t.url).post(`/api/password-tokens/${token}`).send({ password: 'un cheval de bataille' }).expect(204);
    // Single use.
    expect((await request(t.url).post(`/api/password-tokens/${token}`).send({ password: 'another good passphrase' }).expect(410)).body.code).toBe('PASSWORD_LINK_USED');
    expect((await request(t.url).get(`/api/password-tokens/${token}`).expect(410)).body.code).toBe('PASSWORD_LINK_USED');

    const login = await request(t.url).post('/api/auth/login').send({ email: 'assistant.new@visite.test', password: 'un cheval de bataille' }).expect(200);
    expect(login.body).toMatchObject({ role: 'assistant', assists: [{ id: doctor.id }], practice: { id: t.practiceId } });
    const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    await request(t.url).get('/api/visits/today').set('cookie', cookie).expect(200);
    const listed: StaffMemberView[] = (await request(t.url).get('/api/staff').set('cookie', admin.cookie).expect(200)).body;
    expect(listed.find((m) => m.id === link.member.id)?.status).toBe('active');
    const audit = await db.query(`SELECT action FROM audit_events WHERE practice_id = $1 AND action IN ('staff.invited', 'auth.password_set')`, [t.practiceId]);
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual(['auth.password_set', 'staff.invited']);
  });

  it('refuses expired, forged and malformed links', async () => {
    const link: PasswordLinkView = (await invite({ email: 'late@visite.test', displayName: 'Late', role: 'billing' }).expect(201)).body;
    await db.query(`UPDATE password_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [link.member.id]);
    expect((await request(t.url).post(`/api/password-tokens/${tokenOf(link)}`).send({ password: 'a fine passphrase' }).expect(410)).body.code).toBe('PASSWORD_LINK_EXPIRED');
    expect((await request(t.url).get(`/api/password-tokens/${'x'.repeat(43)}`).expect(404)).body.code).toBe('PASSWORD_LINK_INVALID');
    expect((await request(t.url).get('/api/password-tokens/%3Cscript%3E').expect(404)).body.code).toBe('PASSWORD_LINK_INVALID');
    const [row] = await db.query(`SELECT password_hash FROM users WHERE id = $1`, [link.member.id]);
    expect(row.password_hash).toBeNull();
    // A reset issues a new link and the old one stops working.
    const again: PasswordLinkView = (await request(t.url).post(`/api/staff/${link.member.id}/reset`).set('cookie', admin.cookie).expect(201)).body;
    await request(t.url).post(`/api/password-tokens/${tokenOf(again)}`).send({ password: 'a fine passphrase' }).expect(204);
    await request(t.url).post('/api/auth/login').send({ email: 'late@visite.test', password: 'a fine passphrase' }).expect(200);
  });

  it('ends a disabled account’s sessions and sockets at once, and a reset link ends old sessions when used', async () => {
    const target = await createStaff(t, 'doctor', 'Dr Leaving');
    const socket = await connectRealtime(t, { cookie: target.cookie });
    expect((await socket.emitWithAck('queue.subscribe', {})).ok).toBe(true);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    const res = await request(t.url).post(`/api/staff/${target.id}/disable`).set('cookie', admin.cookie).expect(200);
    expect(res.body.status).toBe('disabled');
    expect(await disconnected).toBe('io server disconnect');
    expect((await request(t.url).get('/api/visits/today').set('cookie', target.cookie).expect(401)).body.code).toBe('NOT_AUTHENTICATED');
    await request(t.url).post('/api/auth/login').send({ email: target.email, password: 'correct horse battery' }).expect(401);
    await expect(connectRealtime(t, { cookie: target.cookie })).rejects.toMatchObject({ data: { code: 'NOT_AUTHENTICATED' } });
    expect((await request(t.url).post(`/api/staff/${target.id}/reset`).set('cookie', admin.cookie).expect(409)).body.code).toBe('ACCOUNT_DISABLED');

    await request(t.url).post(`/api/staff/${target.id}/enable`).set('cookie', admin.cookie).expect(200);
    const session = await request(t.url).post('/api/auth/login').send({ email: target.email, password: 'correct horse battery' }).expect(200);
    const cookie = (session.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    const reset: PasswordLinkView = (await request(t.url).post(`/api/staff/${target.id}/reset`).set('cookie', admin.cookie).expect(201)).body;
    await request(t.url).get('/api/visits/today').set('cookie', cookie).expect(200);
    await request(t.url).post(`/api/password-tokens/${tokenOf(reset)}`).send({ password: 'a brand new passphrase' }).expect(204);
    await request(t.url).get('/api/visits/today').set('cookie', cookie).expect(401);
  });

  it('changes roles, keeps one admin, and refuses bad input without changing anything', async () => {
    const member = await createStaff(t, 'billing', 'Biller To Be');
    const updated = await request(t.url).put(`/api/staff/${member.id}`).set('cookie', admin.cookie).send({ displayName: 'Now Assistant', role: 'assistant', assists: [doctor.id] }).expect(200);
    expect(updated.body).toMatchObject({ role: 'assistant', assists: [{ id: doctor.id }] });
    expect((await request(t.url).put(`/api/staff/${admin.id}`).set('cookie', admin.cookie).send({ displayName: 'Admin', role: 'doctor', assists: [] }).expect(409)).body.code).toBe('LAST_ADMIN');
    expect((await request(t.url).post(`/api/staff/${admin.id}/disable`).set('cookie', admin.cookie).expect(409)).body.code).toBe('CANNOT_DISABLE_SELF');

    const before = await db.query(`SELECT id, email, role, display_name FROM users WHERE practice_id = $1 ORDER BY id`, [t.practiceId]);
    for (const [body, code] of [
      [{ email: 'x@visite.test', displayName: 'X', role: 'doctor', assists: [doctor.id] }, 'ASSISTS_ONLY_FOR_ASSISTANTS'],
      [{ email: 'y@visite.test', displayName: 'Y', role: 'assistant', assists: [admin.id] }, 'ASSISTED_NOT_A_DOCTOR'],
      [{ email: doctor.email.toUpperCase(), displayName: 'Twin', role: 'doctor' }, 'EMAIL_TAKEN'],
      [{ email: 'z@visite.test', displayName: 'Z\u0000', role: 'doctor' }, 'INVALID_TEXT'],
      [{ email: 'z@visite.test', displayName: 'Z', role: 'superuser' }, 'VALIDATION_FAILED'],
      [{ email: ['z@visite.test'], displayName: 'Z', role: 'doctor' }, 'VALIDATION_FAILED'],
      [[{ email: 'z@visite.test', displayName: 'Z', role: 'doctor' }], 'VALIDATION_FAILED'],
      [{ email: 'z@visite.test', displayName: 'Z', role: 'doctor', isAdmin: true }, 'VALIDATION_FAILED'],
      [{ email: 'z@visite.test', displayName: 'Z', role: 'assistant', assists: ['not-a-uuid'] }, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await invite(body);
      expect([res.status, res.body.code]).toEqual([expect.any(Number), code]);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    await request(t.url).post('/api/staff/not-a-uuid/disable').set('cookie', admin.cookie).expect(400);
    await request(t.url).put('/api/practice').set('cookie', admin.cookie).send({ name: 'X', settings: { timeZone: 'Mars/Olympus' } }).expect(400);
    await request(t.url).put('/api/practice').set('cookie', admin.cookie).send({ name: 'X', settings: [] }).expect(400);
    expect(await db.query(`SELECT id, email, role, display_name FROM users WHERE practice_id = $1 ORDER BY id`, [t.practiceId])).toEqual(before);
    // Staff management is the admin's.
    await request(t.url).get('/api/staff').set('cookie', doctor.cookie).expect(403);
    await request(t.url).post(`/api/staff/${member.id}/disable`).set('cookie', doctor.cookie).expect(403);
  });

  it('saves the practice settings an admin edits, and the queue uses its time zone', async () => {
    const res = await request(t.url)
      .put('/api/practice')
      .set('cookie', admin.cookie)
      .send({ name: 'Cabinet des Tests', settings: { timeZone: 'Pacific/Kiritimati', phone: '+33142000001', address: { street: '1 rue A', postalCode: '75001', city: 'Paris' }, language: 'en' } })
      .expect(200);
    expect(res.body).toMatchObject({ name: 'Cabinet des Tests', settings: { timeZone: 'Pacific/Kiritimati', language: 'en', address: { country: 'FR' } } });
    expect((await request(t.url).get('/api/practice').set('cookie', doctor.cookie).expect(200)).body.name).toBe('Cabinet des Tests');
    // Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: their days start an hour (or 23) apart.
    // A time in Kiritimati's today that is outside Pago Pago's today tells which zone a queue uses.
    const k = dayBounds(new Date(), 'Pacific/Kiritimati');
    const p = dayBounds(new Date(), 'Pacific/Pago_Pago');
    const scheduledAt = new Date(k.start < p.start ? k.start.getTime() + 60_000 : k.end.getTime() - 60_000).toISOString();
    expect(new Date(scheduledAt) >= p.start && new Date(scheduledAt) < p.end).toBe(false);
    const schedule = async (who: Doctor) =>
      (await request(t.url).post('/api/visits').set('cookie', who.cookie).send({ scheduledAt, patient: { firstName: 'Kiri', lastName: 'Timati', birthDate: '1960-01-01', phone: '+33600000009' } }).expect(201)).body.visit.id as string;
    const todayOf = async (who: Doctor) => ((await request(t.url).get('/api/visits/today').set('cookie', who.cookie).expect(200)).body.visits as { id: string }[]).map((v) => v.id);
    const here = await schedule(doctor);
    expect(await todayOf(doctor)).toContain(here);
    const pagoPago = await createPractice(t);
    await t.app.get(PracticesRepository).update(pagoPago, { name: 'Cabinet Pago Pago', settings: t.app.get(PracticesService).defaultSettings({ timeZone: 'Pacific/Pago_Pago' }) });
    const otherDoctor = await createStaff(t, 'doctor', 'Dr Pago', pagoPago);
    const there = await schedule(otherDoctor);
    expect(await todayOf(otherDoctor)).not.toContain(there);
  });
});
