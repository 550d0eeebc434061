import request from 'supertest';
import { DataSource } from 'typeorm';
import { createStaff, createVisit, startTestApp, type Doctor, type TestApp } from '../factories/test-app';

/** The doctor's notes: autosave with versions, who reads them, encrypted at rest, audited (real PostgreSQL). */
describe('visit notes (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let db: DataSource;
  let doctor: Doctor;
  let colleague: Doctor;
  let assistant: Doctor;
  let biller: Doctor;
  let admin: Doctor;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    doctor = await createStaff(t, 'doctor', 'Dr Notes');
    colleague = await createStaff(t, 'doctor', 'Dr Colleague');
    assistant = await createStaff(t, 'assistant', 'Assistant', t.practiceId, [doctor.id]);
    biller = await createStaff(t, 'billing', 'Biller');
    admin = await createStaff(t, 'admin', 'Admin');
  });
  afterAll(() => t.close());

  const notesOf = (visitId: string) => `/api/visits/${visitId}/notes`;

  it('saves each version on the one it was typed on, refuses a stale save with the current text, and keeps the text', async () => {
    const { visit } = await createVisit(t, doctor);
    const empty = await request(t.url).get(notesOf(visit.id)).set('cookie', doctor.cookie).expect(200);
    expect(empty.body).toMatchObject({ visitId: visit.id, text: '', version: 0, updatedBy: null });

    const first = await request(t.url).put(notesOf(visit.id)).set('cookie', doctor.cookie).send({ text: 'Toux sèche depuis 5 jours.\n', baseVersion: 0 }).expect(200);
    expect(first.body).toMatchObject({ text: 'Toux sèche depuis 5 jours.\n', version: 1, updatedBy: { id: doctor.id, displayName: 'Dr Notes' } });
    const second = await request(t.url).put(notesOf(visit.id)).set('cookie', doctor.cookie).send({ text: 'Toux sèche depuis 5 jours.\nPas de fièvre. ', baseVersion: 1 }).expect(200);
    expect(second.body.version).toBe(2);

    // A second tab still on version 1 (or a retried request) does not overwrite version 2.
    const stale = await request(t.url).put(notesOf(visit.id)).set('cookie', doctor.cookie).send({ text: 'autre onglet', baseVersion: 1 }).expect(409);
    expect(stale.body.code).toBe('NOTES_CONFLICT');
    expect(stale.body.detail.current).toMatchObject({ text: 'Toux sèche depuis 5 jours.\nPas de fièvre. ', version: 2 });
    // Two first saves at once: one wins, the other is told.
    const { visit: other } = await createVisit(t, doctor);
    const racing = await Promise.all([1, 2].map((n) => request(t.url).put(notesOf(other.id)).set('cookie', doctor.cookie).send({ text: `version ${n}`, baseVersion: 0 })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);

    const read = await request(t.url).get(notesOf(visit.id)).set('cookie', doctor.cookie).expect(200);
    expect(read.body).toMatchObject({ text: 'Toux sèche depuis 5 jours.\nPas de fièvre. ', version: 2 });

    // At rest: only a ciphertext bound to the row.
    const [row] = await db.query(`SELECT body_enc, version FROM visit_notes WHERE visit_id = $1`, [visit.id]);
    expect(row.body_enc).toMatch(/^enc1:/);
    expect(row.body_enc).not.toContain('fièvre');
    expect(row.version).toBe(2);
    // Audited: every save and every read; the trail holds no text.
    const audit: { action: string; detail: Record<string, unknown> }[] = await db.query(`SELECT action, detail FROM audit_events WHERE visit_id = $1 AND action LIKE 'notes.%' ORDER BY seq`, [visit.id]);
    expect(audit.map((a) => a.action)).toEqual(['notes.viewed', 'notes.saved', 'notes.saved', 'notes.viewed']);
    expect(JSON.stringify(audit)).not.toContain('fièvre');
  });

  it('lets the practice’s doctors read the notes, only the visit’s doctor write them, and nobody else either', async () => {
    const { visit } = await createVisit(t, doctor);
    await request(t.url).put(notesOf(visit.id)).set('cookie', doctor.cookie).send({ text: 'Examen normal', baseVersion: 0 }).expect(200);

    // Another doctor of the practice (continuity of care) reads, but does not write.
    expect((await request(t.url).get(notesOf(visit.id)).set('cookie', colleague.cookie).expect(200)).body.text).toBe('Examen normal');
    expect((await request(t.url).put(notesOf(visit.id)).set('cookie', colleague.cookie).send({ text: 'x', baseVersion: 1 }).expect(403)).body.code).toBe('NOT_YOUR_VISIT');

    // Assistants (even of this doctor), billing and admin staff neither read nor write.
    for (const user of [assistant, biller, admin]) {
      const get = await request(t.url).get(notesOf(visit.id)).set('cookie', user.cookie).expect(403);
      expect(get.body.code).toBe('CLINICAL_STAFF_ONLY');
      expect(get.text).not.toContain('Examen');
      const put = await request(t.url).put(notesOf(visit.id)).set('cookie', user.cookie).send({ text: 'x', baseVersion: 1 }).expect(403);
      expect(['ASSISTANT_CANNOT_JOIN', 'FORBIDDEN_ROLE']).toContain(put.body.code);
    }
    // Without a session: 401.
    await request(t.url).get(notesOf(visit.id)).expect(401);
    const [row] = await db.query(`SELECT version FROM visit_notes WHERE visit_id = $1`, [visit.id]);
    expect(row.version).toBe(1);
  });

  it('keeps the notes on the visit once it has ended, and refuses bad input with a code', async () => {
    const { visit } = await createVisit(t, doctor);
    await request(t.url).put(notesOf(visit.id)).set('cookie', doctor.cookie).send({ text: 'Avant', baseVersion: 0 }).expect(200);
    await request(t.url).post(`/api/visits/${visit.id}/end`).set('cookie', doctor.cookie).expect(200);
    expect((await request(t.url).get(notesOf(visit.id)).set('cookie', doctor.cookie).expect(200)).body.text).toBe('Avant');
    // Still writable by its doctor afterwards (finishing the notes after the call).
    await request(t.url).put(notesOf(visit.id)).set('cookie', doctor.cookie).send({ text: 'Avant, puis après', baseVersion: 1 }).expect(200);

    for (const body of [{ text: 'x'.repeat(20_001), baseVersion: 2 }, { text: 'a\u0007b', baseVersion: 2 }, { text: 'ok', baseVersion: -1 }, { text: 'ok' }]) {
      const res = await request(t.url).put(notesOf(visit.id)).set('cookie', doctor.cookie).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    await request(t.url).get('/api/visits/00000000-0000-4000-8000-00000000abcd/notes').set('cookie', doctor.cookie).expect(404);
  });
});
