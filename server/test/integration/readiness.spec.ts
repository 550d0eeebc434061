import { CHECK_TOKEN_AUDIENCE, MEDIA_TOKEN_ISSUER, type DayReadiness, type MediaAccess, type ReadinessReport } from '@visite/contracts';
import { jwtVerify } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PracticesRepository } from '../../src/modules/practice/practices.repository';
import { PracticesService } from '../../src/modules/practice/practices.service';
import { RealSfu } from '../factories/real-sfu';
import { createDoctor, createStaff, createVisit, startTestApp, type TestApp } from '../factories/test-app';
import { mediaPublicKey } from '../factories/test-env';

const report = (patch: Partial<ReadinessReport> = {}, network: Partial<ReadinessReport['network']> = {}): ReadinessReport => ({
  camera: 'ok',
  microphone: 'ok',
  speaker: 'heard',
  browser: 'chrome',
  inAppBrowser: false,
  ...patch,
  network: {
    connected: true,
    failure: null,
    rttMs: 4,
    sendKbps: 1100,
    receiveKbps: 1050,
    videoReceiveKbps: 990,
    lossPct: 0,
    audioReceived: true,
    videoSent: true,
    videoReceived: true,
    durationMs: 4000,
    ...network,
  },
});

/** The practice's calendar date `days` from now, as the day list takes it. */
function dateIn(days: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

describe('readiness: the pre-call check from the link, and the doctor’s list of the day (real PostgreSQL, real SFU)', () => {
  let t: TestApp;
  const sfu = new RealSfu();
  let practiceId: string;

  beforeAll(async () => {
    await sfu.start();
    t = await startTestApp({ SFU_PUBLIC_URL: sfu.url });
    const settings = t.app.get(PracticesService).defaultSettings({ phone: '01 23 45 67 89' });
    practiceId = (await t.app.get(PracticesRepository).create({ name: 'Cabinet de la Gare', settings })).id;
  });
  afterAll(async () => {
    await t?.close();
    await sfu.stop();
  });

  it('gives a one-minute check token for a fresh check room that the real SFU opens, and the practice’s phone on the join page', async () => {
    const doctor = await createDoctor(t, 'Dr Roux', practiceId);
    const { visit, joinToken } = await createVisit(t, doctor, {}, { scheduledAt: new Date(Date.now() + 26 * 3600_000).toISOString() });

    const info = await request(t.url).get(`/api/join/${joinToken}`).expect(200);
    expect(info.body.practice).toEqual({ name: 'Cabinet de la Gare', phone: '01 23 45 67 89' });

    const access: MediaAccess = (await request(t.url).post(`/api/join/${joinToken}/check/access`).expect(200)).body;
    const { payload } = await jwtVerify(access.token, mediaPublicKey, { issuer: MEDIA_TOKEN_ISSUER, audience: CHECK_TOKEN_AUDIENCE });
    expect(payload.exp! - payload.iat!).toBe(60);
    expect(payload.room).toMatch(/^check-[0-9a-f-]{36}$/);
    expect(payload.room).not.toBe(visit.id);
    expect(access.sfuUrl).toBe(sfu.url);
    expect(await sfu.tryToken(access.token)).toBe('connected');
    // Each check gets its own room.
    const again: MediaAccess = (await request(t.url).post(`/api/join/${joinToken}/check/access`).expect(200)).body;
    expect(again.roomId).not.toBe(access.roomId);

    await request(t.url).post(`/api/join/not-a-real-link-0000000000/check/access`).expect(404);
  });

  it('stores each check with the verdict the server computes, and the doctor’s list for that day shows ready, doubtful or not checked', async () => {
    const doctor = await createDoctor(t, 'Dr Blanc', practiceId);
    const tz = (await t.app.get(PracticesService).view(practiceId)).settings.timeZone;
    const tomorrowAt = (hour: number) => {
      const date = dateIn(1, tz);
      return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`).toISOString();
    };
    const ready = await createVisit(t, doctor, { firstName: 'Alice' }, { scheduledAt: tomorrowAt(8) });
    const doubtful = await createVisit(t, doctor, { firstName: 'Bruno' }, { scheduledAt: tomorrowAt(9) });
    const unchecked = await createVisit(t, doctor, { firstName: 'Chloé' }, { scheduledAt: tomorrowAt(10) });

    // A first run with the camera refused, then a good one: the latest counts.
    await request(t.url).post(`/api/join/${ready.joinToken}/check/result`).send(report({ camera: 'denied' })).expect(201);
    const good = await request(t.url).post(`/api/join/${ready.joinToken}/check/result`).set('user-agent', 'TestBrowser/1.0').send(report()).expect(201);
    expect(good.body).toMatchObject({ outcome: 'ready', reasons: [], modality: 'video', rttMs: 4, browser: 'chrome' });
    const weak = await request(t.url).post(`/api/join/${doubtful.joinToken}/check/result`).send(report({}, { videoReceiveKbps: 60, receiveKbps: 100 })).expect(201);
    expect(weak.body).toMatchObject({ outcome: 'doubtful', reasons: ['network-weak'], modality: 'audio' });

    const latest = await request(t.url).get(`/api/join/${ready.joinToken}/check`).expect(200);
    expect(latest.body.latest).toMatchObject({ outcome: 'ready' });
    expect((await request(t.url).get(`/api/join/${unchecked.joinToken}/check`).expect(200)).body).toEqual({ latest: null });

    const day: DayReadiness = (await request(t.url).get(`/api/readiness/day?date=${dateIn(1, tz)}`).set('cookie', doctor.cookie).expect(200)).body;
    expect(day.visits.map((v) => [v.patient.firstName, v.readiness?.outcome ?? 'not-checked', v.readiness?.reasons ?? []])).toEqual([
      ['Alice', 'ready', []],
      ['Bruno', 'doubtful', ['network-weak']],
      ['Chloé', 'not-checked', []],
    ]);
    // Today's list does not hold tomorrow's patients.
    const today: DayReadiness = (await request(t.url).get(`/api/readiness/day?date=${dateIn(0, tz)}`).set('cookie', doctor.cookie).expect(200)).body;
    expect(today.visits.map((v) => v.visitId)).not.toContain(ready.visit.id);

    const db = t.app.get(DataSource);
    const rows = await db.query(`SELECT outcome, reasons, user_agent FROM readiness_checks WHERE visit_id = $1 ORDER BY created_at`, [ready.visit.id]);
    expect(rows).toEqual([
      { outcome: 'doubtful', reasons: ['camera-denied'], user_agent: null },
      { outcome: 'ready', reasons: [], user_agent: 'TestBrowser/1.0' },
    ]);
    const audit = await db.query(`SELECT action, detail FROM audit_events WHERE visit_id = $1 AND action = 'visit.readiness_checked' ORDER BY created_at`, [ready.visit.id]);
    expect(audit.map((a: { detail: { outcome: string } }) => a.detail.outcome)).toEqual(['doubtful', 'ready']);
    const viewed = await db.query(`SELECT detail FROM audit_events WHERE action = 'readiness.day_viewed' AND actor_id = $1`, [doctor.id]);
    expect(viewed.length).toBe(2);
    expect(viewed[0].detail.visitIds).toEqual([ready.visit.id, doubtful.visit.id, unchecked.visit.id]);
  });

  it('refuses bad reports and foreign days with a code, and a closed visit’s link runs no check', async () => {
    const doctor = await createDoctor(t, 'Dr Noir', practiceId);
    const { visit, joinToken } = await createVisit(t, doctor);
    const bad = await request(t.url).post(`/api/join/${joinToken}/check/result`).send({ ...report(), outcome: 'ready' }).expect(400);
    expect(bad.body.code).toBeDefined();
    await request(t.url).post(`/api/join/${joinToken}/check/result`).send(report({}, { lossPct: 250 })).expect(400);
    await request(t.url).get(`/api/readiness/day?date=2026-02-30`).set('cookie', doctor.cookie).expect(400);
    await request(t.url).get(`/api/readiness/day?date=2026-12-01`).expect(401);

    // A doctor of another practice cannot read this doctor's day.
    const stranger = await createDoctor(t, 'Dr Ailleurs');
    const refused = await request(t.url).get(`/api/readiness/day?date=2026-12-01&doctorId=${doctor.id}`).set('cookie', stranger.cookie);
    expect([403, 404]).toContain(refused.status);
    const billing = await createStaff(t, 'billing', 'Facturation', practiceId);
    await request(t.url).get(`/api/readiness/day?date=2026-12-01&doctorId=${doctor.id}`).set('cookie', billing.cookie).expect(403);

    await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(200);
    const closed = await request(t.url).post(`/api/join/${joinToken}/check/access`).expect(409);
    expect(closed.body.code).toBe('VISIT_CLOSED');
    await request(t.url).post(`/api/join/${joinToken}/check/result`).send(report()).expect(409);
    expect(await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM readiness_checks WHERE visit_id = $1`, [visit.id])).toEqual([{ n: 0 }]);
  });
});
