import type { VisitEventView, VisitHistoryView } from '@visite/contracts';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Db } from '../../src/database/db';
import { VisitHistory } from '../../src/modules/history/visit-history.service';
import { connectRealtime, createDoctor, createPractice, createStaff, createVisit, giveConsent, startTestApp, type TestApp } from '../factories/test-app';
import { waitUntil } from '../support/wait-until';

async function history(t: TestApp, cookie: string, visitId: string): Promise<VisitEventView[]> {
  return ((await request(t.url).get(`/api/visits/${visitId}/history`).set('cookie', cookie).expect(200)).body as VisitHistoryView).events;
}

describe('a visit\'s history (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ OUTBOX_POLL_INTERVAL_MS: '200' });
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  it('keeps who did what and when, from booking to the end, with the reminder the outbox sent', async () => {
    const doctor = await createDoctor(t, 'Dr Histoire');
    // The 15-minute reminder falls due two seconds from now; SMS goes to the log provider (kept).
    const scheduledAt = new Date(Date.now() + 15 * 60_000 + 2_000).toISOString();
    const { visit, joinToken } = await createVisit(t, doctor, {}, { scheduledAt });
    await waitUntil('the reminder in the history', async () => (await history(t, doctor.cookie, visit.id)).some((e) => e.kind === 'reminded'), 10_000);

    await giveConsent(t, joinToken);
    const patient = await connectRealtime(t, { joinToken });
    sockets.push(patient);
    expect((await patient.emitWithAck('waiting.join', {})).ok).toBe(true);
    await request(t.url).post('/api/queue/message').set('cookie', doctor.cookie).send({ message: 'Je prends 10 minutes de retard' }).expect(204);
    await request(t.url).post(`/api/visits/${visit.id}/admit`).set('cookie', doctor.cookie).expect(200);
    await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(200);

    const events = await history(t, doctor.cookie, visit.id);
    expect(events.map((e) => e.kind)).toEqual(['booked', 'notified', 'reminded', 'arrived', 'message_sent', 'admitted', 'completed']);
    const byKind = Object.fromEntries(events.map((e) => [e.kind, e]));
    expect(byKind.booked).toMatchObject({ actor: { type: 'user', id: doctor.id, name: 'Dr Histoire' }, detail: { by: 'staff', scheduledAt } });
    expect(byKind.notified).toMatchObject({ actor: { type: 'system', id: null }, detail: { message: 'invitation', channel: 'sms', state: 'kept' } });
    expect(byKind.reminded).toMatchObject({ detail: { channel: 'sms', minutes: 15, state: 'kept' } });
    expect(byKind.arrived!.actor).toEqual({ type: 'patient', id: visit.patient.id, name: null });
    expect(byKind.message_sent).toMatchObject({ detail: { to: 'all' }, note: 'Je prends 10 minutes de retard' });
    expect(byKind.completed!.actor.type).toBe('user');
    const times = events.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // Free text is encrypted at rest; the rows cannot be changed or removed, even by the application's role.
    const ds = t.app.get(DataSource);
    const [stored] = await ds.query(`SELECT note_enc FROM visit_events WHERE visit_id = $1 AND kind = 'message_sent'`, [visit.id]);
    expect(stored.note_enc).toMatch(/^enc1:/);
    await expect(ds.query(`UPDATE visit_events SET kind = 'no_show' WHERE visit_id = $1`, [visit.id])).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM visit_events WHERE visit_id = $1`, [visit.id])).rejects.toThrow(/append-only/);
  });

  it('records a cancellation by staff, and writes nothing for a change that did not happen', async () => {
    const doctor = await createDoctor(t, 'Dr Annule');
    const { visit } = await createVisit(t, doctor);
    await request(t.url).post(`/api/visits/${visit.id}/admit`).set('cookie', doctor.cookie).expect(409);
    await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(200);
    await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(409);
    expect((await history(t, doctor.cookie, visit.id)).map((e) => e.kind).filter((k) => k !== 'notified')).toEqual(['booked', 'cancelled']);
  });

  it('is written only inside the change\'s transaction, and rolls back with it', async () => {
    const doctor = await createDoctor(t, 'Dr Transaction');
    const { visit } = await createVisit(t, doctor);
    const recorder = t.app.get(VisitHistory);
    await expect(recorder.record({ visit: { id: visit.id, practiceId: t.practiceId }, kind: 'moved', by: { type: 'system', id: null } })).rejects.toThrow(/outside the transaction/);
    await expect(
      t.app.get(Db).transaction(async () => {
        await recorder.record({ visit: { id: visit.id, practiceId: t.practiceId }, kind: 'moved', by: { type: 'system', id: null } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await history(t, doctor.cookie, visit.id)).some((e) => e.kind === 'moved')).toBe(false);
  });

  it('is shown to the visit\'s doctor and their assistant only, never across practices', async () => {
    const doctor = await createDoctor(t, 'Dr Proprio');
    const other = await createDoctor(t, 'Dr Autre');
    const assistant = await createStaff(t, 'assistant', 'Assistante', t.practiceId, [doctor.id]);
    const billing = await createStaff(t, 'billing', 'Facturation');
    const foreign = await createDoctor(t, 'Dr Ailleurs', await createPractice(t));
    const { visit } = await createVisit(t, doctor);
    expect((await history(t, assistant.cookie, visit.id)).map((e) => e.kind)).toContain('booked');
    await request(t.url).get(`/api/visits/${visit.id}/history`).set('cookie', other.cookie).expect(403);
    await request(t.url).get(`/api/visits/${visit.id}/history`).set('cookie', billing.cookie).expect(403);
    await request(t.url).get(`/api/visits/${visit.id}/history`).set('cookie', foreign.cookie).expect(404);
    await request(t.url).get(`/api/visits/not-an-id/history`).set('cookie', doctor.cookie).expect(400);
    await request(t.url).get(`/api/visits/${visit.id}/history`).expect(401);
  });
});
