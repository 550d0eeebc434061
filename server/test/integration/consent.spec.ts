import { PROTOCOL_VERSION, type MediaAccess, type VisitView } from '@visite/contracts';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MediaTokenService } from '../../src/modules/media/media-token.service';
import { RealSfu } from '../factories/real-sfu';
import { waitUntil } from '../support/wait-until';
import { connectRealtime, createDoctor, createStaff, createVisit, giveConsent, startTestApp, type Doctor, type TestApp } from '../factories/test-app';

interface RoomStats {
  peers: { peerId: string; role: string }[];
}

/** A media peer connected to the real SFU (signaling only: it is in the room, as a browser would be). */
function connectPeer(sfu: RealSfu, access: MediaAccess): Promise<Socket> {
  const socket = io(sfu.url, { auth: { protocolVersion: PROTOCOL_VERSION, token: access.token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/**
 * Consent on real PostgreSQL, Redis and the real SFU: no media token without a consent in force nor
 * after a withdrawal, withdrawal puts the patient out of the media room at once, the texts are the
 * practice's and versioned, and the database itself refuses to edit or delete an answer.
 */
describe('consent (real PostgreSQL, Redis and SFU)', () => {
  let t: TestApp;
  let sfu: RealSfu;
  let doctor: Doctor;
  const sockets: Socket[] = [];
  const track = (s: Socket) => (sockets.push(s), s);

  beforeAll(async () => {
    sfu = await new RealSfu().start();
    t = await startTestApp({ SFU_CONTROL_URL: sfu.url, SFU_PUBLIC_URL: sfu.url });
    doctor = await createDoctor(t, 'Dr Accord');
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await t.close();
    await sfu.stop();
  });

  const roomStats = async (roomId: string): Promise<RoomStats | null> => {
    const token = await t.app.get(MediaTokenService).controlToken({ room: roomId, action: 'room-stats' });
    const res = await fetch(`${sfu.url}/control/rooms/${roomId}/stats`, { headers: { authorization: `Bearer ${token}` } });
    return res.status === 404 ? null : ((await res.json()) as RoomStats);
  };

  /** A visit whose patient consented, knocked and was admitted. */
  async function visitInProgress(): Promise<{ visitId: string; joinToken: string }> {
    const { visit, joinToken } = await createVisit(t, doctor);
    await giveConsent(t, joinToken);
    const patient = track(await connectRealtime(t, { joinToken }));
    expect((await patient.emitWithAck('waiting.join', {})).ok).toBe(true);
    await request(t.url).post(`/api/visits/${visit.id}/admit`).set('cookie', doctor.cookie).expect(200);
    return { visitId: visit.id, joinToken };
  }

  it('issues no media token without a consent in force, and the waiting room stays closed', async () => {
    const { visit, joinToken } = await createVisit(t, doctor);
    const waiting = await request(t.url).post(`/api/join/${joinToken}/media-access`);
    expect(waiting.status).toBe(409);
    const socket = track(await connectRealtime(t, { joinToken }));
    expect(await socket.emitWithAck('waiting.join', {})).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
    // Even a visit already in progress (moved there behind the service's back) gets no token.
    await t.app.get(DataSource).query(`UPDATE visits SET status = 'in_progress', started_at = now() WHERE id = $1`, [visit.id]);
    const refused = await request(t.url).post(`/api/join/${joinToken}/media-access`).expect(409);
    expect(refused.body.code).toBe('CONSENT_REQUIRED');
    // Half an answer is not a consent.
    const info = await request(t.url).get(`/api/join/${joinToken}`).expect(200);
    const tele = info.body.consent.texts.find((x: { kind: string }) => x.kind === 'teleconsultation');
    const half = await request(t.url).post(`/api/join/${joinToken}/consent`).send({ texts: [{ kind: 'teleconsultation', version: tele.version }], language: 'fr', wording: 'video' }).expect(400);
    expect(half.body.code).toBe('CONSENT_INCOMPLETE');
    await request(t.url).post(`/api/join/${joinToken}/media-access`).expect(409);
  });

  it('withdrawal during the call puts the patient out of the SFU room at once; no token after it, the old one is refused; consenting again opens media again', async () => {
    const { visitId, joinToken } = await visitInProgress();
    const doctorAccess = (await request(t.url).post(`/api/visits/${visitId}/media-access`).set('cookie', doctor.cookie).expect(200)).body as MediaAccess;
    const patientAccess = (await request(t.url).post(`/api/join/${joinToken}/media-access`).expect(200)).body as MediaAccess;
    const doctorPeer = track(await connectPeer(sfu, doctorAccess));
    const patientPeer = track(await connectPeer(sfu, patientAccess));
    await waitUntil('both peers in the SFU room', async () => (await roomStats(visitId))?.peers.length === 2);
    const before = await roomStats(visitId);
    expect(before?.peers.map((p) => p.peerId).sort()).toEqual([doctorAccess.peerId, patientAccess.peerId].sort());

    const told = new Promise<{ reason: string }>((resolve) => patientPeer.once('roomClosed', resolve));
    const dropped = new Promise<string>((resolve) => patientPeer.once('disconnect', resolve));
    const withdrawn = await request(t.url).post(`/api/join/${joinToken}/consent/withdraw`).expect(200);
    expect(withdrawn.body).toMatchObject({ consentGiven: false, consent: { state: { status: 'withdrawn' } } });
    expect(await told).toEqual({ reason: 'consent-withdrawn' });
    expect(await dropped).toBe('io server disconnect');

    // The SFU holds the doctor only; the doctor's peer goes on.
    const after = await roomStats(visitId);
    expect(after?.peers.map((p) => p.peerId)).toEqual([doctorAccess.peerId]);
    expect(doctorPeer.connected).toBe(true);

    // No new token, with its code; the token issued before is refused by the SFU itself.
    const refused = await request(t.url).post(`/api/join/${joinToken}/media-access`).expect(409);
    expect(refused.body.code).toBe('CONSENT_WITHDRAWN');
    expect(await sfu.tryToken(patientAccess.token)).toBe('PEER_REVOKED');
    expect(await sfu.tryToken(doctorAccess.token)).toBe('connected');

    // The doctor sees it in the queue.
    const queue = (await request(t.url).get('/api/visits/today').set('cookie', doctor.cookie).expect(200)).body as { visits: VisitView[] };
    const view = queue.visits.find((v) => v.id === visitId)!;
    expect(view.consents[0]).toMatchObject({ participant: 'patient', status: 'withdrawn' });
    expect(view.consents[0]!.latest.map((r) => [r.kind, r.decision, r.method]).sort()).toEqual([
      ['health_data', 'withdrawn', 'web_button'],
      ['teleconsultation', 'withdrawn', 'web_button'],
    ]);

    // Nothing left to withdraw.
    expect((await request(t.url).post(`/api/join/${joinToken}/consent/withdraw`).expect(409)).body.code).toBe('CONSENT_NOTHING_TO_WITHDRAW');

    // Consenting again: a new token, issued after the withdrawal's second, opens the room again.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    await giveConsent(t, joinToken);
    const again = (await request(t.url).post(`/api/join/${joinToken}/media-access`).expect(200)).body as MediaAccess;
    expect(await sfu.tryToken(again.token)).toBe('connected');

    // The history: given, withdrawn, given again, each row superseding the one before.
    const rows: { kind: string; decision: string; supersedes_id: string | null; id: string }[] = await t.app
      .get(DataSource)
      .query(`SELECT id, kind, decision, supersedes_id FROM consents WHERE visit_id = $1 AND kind = 'teleconsultation' ORDER BY created_at`, [visitId]);
    expect(rows.map((r) => r.decision)).toEqual(['given', 'withdrawn', 'given']);
    expect(rows[1]!.supersedes_id).toBe(rows[0]!.id);
    expect(rows[2]!.supersedes_id).toBe(rows[1]!.id);
    const audit: { action: string }[] = await t.app.get(DataSource).query(`SELECT action FROM audit_events WHERE visit_id = $1 AND action LIKE 'consent.%' ORDER BY seq`, [visitId]);
    expect(audit.map((a) => a.action)).toEqual(['consent.given', 'consent.withdrawn', 'consent.given']);
  });

  it('the database refuses to edit or delete a consent or a text version (UPDATE, DELETE, TRUNCATE)', async () => {
    const { joinToken, visit } = await createVisit(t, doctor);
    await giveConsent(t, joinToken);
    const db = t.app.get(DataSource);
    const [row] = await db.query(`SELECT id, text_id FROM consents WHERE visit_id = $1 LIMIT 1`, [visit.id]);
    await expect(db.query(`UPDATE consents SET decision = 'withdrawn' WHERE id = $1`, [row.id])).rejects.toThrow(/consents is append-only: UPDATE refused/);
    await expect(db.query(`DELETE FROM consents WHERE id = $1`, [row.id])).rejects.toThrow(/consents is append-only: DELETE refused/);
    await expect(db.query(`TRUNCATE consents CASCADE`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(db.query(`UPDATE consent_texts SET content = '{}' WHERE id = $1`, [row.text_id])).rejects.toThrow(/consent_texts is append-only: UPDATE refused/);
    await expect(db.query(`DELETE FROM consent_texts WHERE id = $1`, [row.text_id])).rejects.toThrow(/consent_texts is append-only: DELETE refused/);
    // A second chain for the same participant and kind cannot start: the answer in force is always one row.
    await expect(
      db.query(
        `INSERT INTO consents (id, practice_id, visit_id, participant, kind, decision, text_id, text_version, language, method)
         SELECT gen_random_uuid(), practice_id, visit_id, participant, kind, decision, text_id, text_version, language, method FROM consents WHERE id = $1`,
        [row.id],
      ),
    ).rejects.toThrow(/ux_consents_chain_start/);
    expect((await db.query(`SELECT count(*)::int AS n FROM consents WHERE visit_id = $1`, [visit.id]))[0].n).toBe(2);
  });

  it('the practice edits its texts: each edit is a new version, patients read it, an answer to the old version is refused; the audio wording is required', async () => {
    const admin = await createStaff(t, 'admin', 'Admin Accord');
    const texts = (await request(t.url).get('/api/consent-texts').set('cookie', admin.cookie).expect(200)).body;
    const tele = texts.current.find((x: { kind: string }) => x.kind === 'teleconsultation');
    const { joinToken } = await createVisit(t, doctor);
    const before = (await request(t.url).get(`/api/join/${joinToken}`).expect(200)).body;
    const oldTexts = before.consent.texts.map(({ kind, version }: { kind: string; version: number }) => ({ kind, version }));

    const content = {
      fr: { title: 'Consultation à distance', body: 'Je suis d’accord pour une consultation en vidéo.', audioBody: 'Je suis d’accord pour une consultation au téléphone.' },
      en: { title: 'Remote consultation', body: 'I agree to a video consultation.', audioBody: 'I agree to a phone consultation.' },
    };
    expect((await request(t.url).put('/api/consent-texts/teleconsultation').set('cookie', doctor.cookie).send({ content })).status).toBe(403);
    const noAudio = await request(t.url)
      .put('/api/consent-texts/teleconsultation')
      .set('cookie', admin.cookie)
      .send({ content: { ...content, en: { ...content.en, audioBody: null } } })
      .expect(400);
    expect(noAudio.body.code).toBe('CONSENT_AUDIO_TEXT_REQUIRED');
    expect((await request(t.url).put('/api/consent-texts/nonsense').set('cookie', admin.cookie).send({ content })).status).toBe(400);
    const updated = await request(t.url).put('/api/consent-texts/teleconsultation').set('cookie', admin.cookie).send({ content }).expect(200);
    expect(updated.body).toMatchObject({ kind: 'teleconsultation', version: tele.version + 1, createdBy: 'Admin Accord', content });

    const after = (await request(t.url).get(`/api/join/${joinToken}`).expect(200)).body;
    expect(after.consent.texts.find((x: { kind: string }) => x.kind === 'teleconsultation')).toMatchObject({ version: tele.version + 1, content });
    const outdated = await request(t.url).post(`/api/join/${joinToken}/consent`).send({ texts: oldTexts, language: 'fr', wording: 'video' }).expect(409);
    expect(outdated.body.code).toBe('CONSENT_VERSION_OUTDATED');
    await giveConsent(t, joinToken);

    const history = (await request(t.url).get('/api/consent-texts').set('cookie', admin.cookie).expect(200)).body;
    expect(history.history.map((x: { kind: string; version: number }) => [x.kind, x.version])).toContainEqual(['teleconsultation', tele.version]);
  });

  it('the doctor records an oral consent (a patient on the phone): method oral, the doctor named', async () => {
    const { visit } = await createVisit(t, doctor);
    const other = await createDoctor(t, 'Dr Autre');
    expect((await request(t.url).post(`/api/visits/${visit.id}/consents`).set('cookie', other.cookie).send({ decision: 'given', language: 'fr', wording: 'audio' })).status).toBe(403);
    const state = await request(t.url).post(`/api/visits/${visit.id}/consents`).set('cookie', doctor.cookie).send({ decision: 'given', language: 'fr', wording: 'audio' }).expect(200);
    expect(state.body.status).toBe('given');
    expect(state.body.latest).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'teleconsultation', method: 'oral', recordedBy: doctor.id, wording: 'audio' })]));
    const view = (await request(t.url).get(`/api/visits/${visit.id}`).set('cookie', doctor.cookie).expect(200)).body as VisitView;
    expect(view.consents[0]!.status).toBe('given');
  });
});
